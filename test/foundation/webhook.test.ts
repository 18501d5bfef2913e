import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, WEBHOOK_PATH } from '../../app/server.js';
import { createHarness, type Harness } from '../harness/index.js';

const SECRET = 'a-long-webhook-secret-123';

describe('webhook mode', () => {
  let h: Harness;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    h = await createHarness();
    server = createHttpServer({ bot: h.app.bot, conn: h.app.conn, webhookSecret: SECRET });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await h.close();
  });

  const update = (userId: number) => ({
    update_id: 1,
    message: {
      message_id: 1,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: 'private', first_name: 'Ann' },
      from: { id: userId, is_bot: false, first_name: 'Ann', language_code: 'en' },
      text: '/start',
      entities: [{ type: 'bot_command', offset: 0, length: 6 }],
    },
  });

  const post = (body: unknown, secret?: string) =>
    fetch(base + WEBHOOK_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
      body: JSON.stringify(body),
    });

  it('refuses an update with a wrong or missing secret token, and the bot does nothing', async () => {
    expect((await post(update(9001), 'wrong-secret-wrong-secret')).status).toBe(401);
    expect((await post(update(9001))).status).toBe(401);
    expect(h.telegram.messages(9001)).toHaveLength(0);
  });

  it('handles an update with the right secret token', async () => {
    const res = await post(update(9002), SECRET);
    expect(res.status).toBe(200);
    expect(h.telegram.messages(9002).length).toBeGreaterThan(0);
  });

  it('answers the health check', async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'up' });
  });
});
