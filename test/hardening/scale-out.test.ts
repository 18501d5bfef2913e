// Several instances behind a load balancer on one database: any instance can continue any chat,
// and the job workers of all instances run each job once.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../app/app.js';
import { createHttpServer, WEBHOOK_PATH } from '../../app/server.js';
import { createHarness, type Harness } from '../harness/index.js';
import { customerOf, onboard } from '../harness/customers.js';

const SECRET = 'scale-out-webhook-secret';

async function listen(app: App): Promise<{ server: Server; url: string }> {
  const server = createHttpServer({ bot: app.bot, conn: app.conn, webhookSecret: SECRET });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${WEBHOOK_PATH}` };
}

describe('two instances in webhook mode on one database', () => {
  let h: Harness;
  let second: App;
  const servers: Server[] = [];
  const hits = [0, 0];

  beforeAll(async () => {
    h = await createHarness();
    second = await h.anotherInstance();
    const endpoints = [await listen(h.app), await listen(second)];
    servers.push(...endpoints.map((e) => e.server));
    let next = 0;
    // A round-robin load balancer: every update goes to the other instance than the one before.
    h.deliver = async (update) => {
      const target = next++ % 2;
      hits[target]!++;
      const res = await fetch(endpoints[target]!.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(update),
      });
      expect(res.status).toBe(200);
    };
  });
  afterAll(async () => {
    for (const server of servers) server.close();
    await h.close();
  });

  it('a customer starts onboarding on one instance and finishes on the other', async () => {
    const customer = h.user({ language_code: 'ru' });
    await onboard(h, customer, { phone: '+79161234567' });
    expect(hits[0]).toBeGreaterThan(0);
    expect(hits[1]).toBeGreaterThan(0);
    const doc = await customerOf(h, customer);
    expect(doc?.phone).toBe('+79161234567');
    expect(doc?.locale).toBe('ru');
    expect(customer.lastPhoto).toBeDefined();
  });

  it('the job workers of both instances, racing for the same due jobs, run each exactly once', async () => {
    // Both instances pick up due jobs at the same moment, through the same locks and claims as Agenda's
    // own processor (runDue), as often as it takes: no wall-clock wait decides the outcome.
    const runs: Record<number, number> = {};
    const byWorker = [0, 0];
    [h.app, second].forEach((app, worker) => {
      app.scheduler.define<{ n: number }>('scale-out-race', async ({ n }) => {
        runs[n] = (runs[n] ?? 0) + 1;
        byWorker[worker]!++;
      });
    });
    const total = 40;
    for (let n = 0; n < total; n++) await h.app.scheduler.schedule('scale-out-race', h.clock.now(), { n });
    for (let round = 0; round < 5 && Object.keys(runs).length < total; round++) {
      await Promise.all([h.app.scheduler.runDue(h.clock.now()), second.scheduler.runDue(h.clock.now())]);
      // A job both locked at once was claimed by one of them; the other looks again after a lease.
      h.clock.advance({ minutes: 6 });
    }
    // And again once everything is over: nothing runs a second time.
    await Promise.all([h.app.scheduler.runDue(h.clock.now()), second.scheduler.runDue(h.clock.now())]);
    expect(Object.keys(runs)).toHaveLength(total);
    expect(Object.entries(runs).filter(([, count]) => count !== 1)).toEqual([]);
    expect(byWorker[0]! + byWorker[1]!).toBe(total);
    expect(await h.app.scheduler.pending('scale-out-race')).toEqual([]);
  });

  it("Agenda's own processors on both instances run each due job exactly once", async () => {
    const runs: Record<number, number> = {};
    const byWorker = [0, 0];
    [h.app, second].forEach((app, worker) => {
      app.scheduler.define<{ n: number }>('scale-out-check', async ({ n }) => {
        runs[n] = (runs[n] ?? 0) + 1;
        byWorker[worker]!++;
      });
      app.scheduler.agenda.processEvery(300);
    });
    await Promise.all([h.app.scheduler.start(), second.scheduler.start()]);
    const total = 12;
    for (let n = 0; n < total; n++) await h.app.scheduler.schedule('scale-out-check', new Date(), { n });
    // On a loaded machine a job's few database round trips take seconds; the bound is generous, the
    // test ends as soon as every job has run.
    await expect.poll(() => Object.keys(runs).length, { timeout: 150_000, interval: 50 }).toBe(total);
    // Give a late duplicate every chance to show up before counting.
    await new Promise((r) => setTimeout(r, 1_000));
    await Promise.all([h.app.scheduler.stop(), second.scheduler.stop()]);
    expect(Object.entries(runs).filter(([, count]) => count !== 1)).toEqual([]);
    expect(byWorker[0]! + byWorker[1]!).toBe(total);
  }, 180_000);
});
