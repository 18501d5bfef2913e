// With only BOT_TOKEN set (no MONGODB_URI) the bot keeps its data in an embedded database under
// DATA_DIR (./data by default), and what it stored is still there after a restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../app/paths.js';
import { startLocalBotApi, type LocalBotApi } from '../harness/bot-api-server.js';
import { FakeTelegram } from '../harness/telegram.js';
import { waitFor } from '../harness/wait.js';

const USER = { id: 4242, is_bot: false, first_name: 'Rada', language_code: 'en' };
const CHAT = { id: USER.id, type: 'private', first_name: 'Rada' };

describe.skipIf(Boolean(process.env.MONGODB_URI))('the embedded database of `npm start`', () => {
  const telegram = new FakeTelegram();
  const dataDir = mkdtempSync(join(tmpdir(), 'loyalty-data-'));
  let api: LocalBotApi;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    api = await startLocalBotApi(telegram);
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function runBot(): Promise<{ child: ChildProcess; output: () => string }> {
    let output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'app/main.ts'], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', BOT_TOKEN: '123456:EMBEDDED-test-token', BOT_API_ROOT: api.apiRoot, DATA_DIR: dataDir, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    await waitFor(() => output.includes('jobs started') || child.exitCode !== null, 90_000, 'the bot to start');
    expect(child.exitCode, output).toBeNull();
    return { child, output: () => output };
  }

  async function stop(child: ChildProcess): Promise<void> {
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  }

  it('stores data under DATA_DIR and finds it again after a restart', async () => {
    const first = await runBot();
    expect(first.output()).toMatch(/"database":"(ferretdb|mongodb-memory-server)"/);
    api.push({ message: { message_id: 1, date: 1, chat: CHAT, from: USER, text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] } } as never);
    await waitFor(() => telegram.messages(USER.id).length > 0, 20_000, 'the language question');
    const question = telegram.messages(USER.id).at(-1)!;
    // Rada chooses Bulgarian although her Telegram is in English.
    api.push({ callback_query: { id: 'q1', from: USER, chat_instance: '1', data: 'onb:lang:bg', message: { message_id: question.messageId, date: 1, chat: CHAT } } } as never);
    await waitFor(() => telegram.messages(USER.id).length > 1, 20_000, 'the program screen');
    await stop(first.child);
    expect(existsSync(join(dataDir, 'ferretdb')) || existsSync(join(dataDir, 'mongodb'))).toBe(true);
    expect(readdirSync(dataDir).length).toBeGreaterThan(0);

    const second = await runBot();
    const before = telegram.messages(USER.id).length;
    api.push({ message: { message_id: 2, date: 2, chat: CHAT, from: USER, text: '/help', entities: [{ type: 'bot_command', offset: 0, length: 5 }] } } as never);
    await waitFor(() => telegram.messages(USER.id).length > before, 20_000, 'the help text');
    // Her language was remembered, and her half-done onboarding did not swallow the command.
    expect(telegram.messages(USER.id).slice(before).map((m) => m.text)).toEqual([expect.stringContaining('Този бот е нашата карта за лоялност')]);
    await stop(second.child);
  }, 240_000);
});
