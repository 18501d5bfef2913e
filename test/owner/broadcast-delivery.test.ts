import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GrammyError } from 'grammy';
import type { CustomerDoc } from '../../domain/customers/model.js';
import { customerModel } from '../../domain/customers/model.js';
import { deliveryKey, deliveryModel } from '../../domain/broadcasts/model.js';
import type { BroadcastReport } from '../../domain/broadcasts/service.js';
import { TelegramBroadcastSender } from '../../jobs/broadcast.js';
import { RateLimiter } from '../../jobs/rate-limiter.js';
import { createHarness, OWNER_ID, type Harness } from '../harness/index.js';
import { deliveredPerChat, insertCustomers, type CustomerFields } from './fixtures.js';

const TOO_MANY = { method: 'sendMessage', error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 } as const;
const TEXTS = { en: 'Spring menu is here!', ru: 'Весеннее меню уже здесь!', bg: 'Пролетното меню е тук!' };

/** Sends to customers counted on the Telegram side (the owner's own messages excluded). */
function customerSends(h: Harness): number {
  return h.telegram.calls.filter((c) => c.ok && c.method === 'sendMessage' && Number(c.payload.chat_id) !== OWNER_ID).length;
}

interface Program {
  eligible: CustomerDoc[];
  ineligible: CustomerDoc[];
  blocked: Set<number>;
}

/** `count` customers who may get offers (every 37th of them has blocked the bot), and some who may not. */
async function program(h: Harness, count: number): Promise<Program> {
  const locales = ['en', 'ru', 'bg'] as const;
  const eligible = await insertCustomers(h, count, (i) => ({ locale: locales[i % 3]! }));
  const notAllowed: CustomerFields[] = [
    ...Array.from({ length: 40 }, () => ({ marketingConsent: false })),
    ...Array.from({ length: 20 }, () => ({ unreachable: true })),
    ...Array.from({ length: 10 }, () => ({ deletedAt: h.clock.now() })),
  ];
  const ineligible = await insertCustomers(h, notAllowed.length, (i) => notAllowed[i]!);
  const blocked = new Set(eligible.filter((_, i) => i % 37 === 5).map((c) => c.telegramId!));
  for (const chatId of blocked) h.telegram.blocked.add(chatId);
  return { eligible, ineligible, blocked };
}

/** Resolves once `measure` has not changed for a while. */
async function settled(measure: () => number, quietMs = 300): Promise<void> {
  let last = measure();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = measure();
    if (now === last) return;
    last = now;
  }
}

function expectExactlyOnce(h: Harness, { eligible, ineligible, blocked }: Program): void {
  const delivered = deliveredPerChat(h);
  const wrong = eligible
    .map((c) => ({ chat: c.telegramId!, got: delivered.get(c.telegramId!) ?? 0, want: blocked.has(c.telegramId!) ? 0 : 1 }))
    .filter((r) => r.got !== r.want);
  expect(wrong).toEqual([]);
  expect(ineligible.filter((c) => delivered.has(c.telegramId!))).toEqual([]);
}

async function storedReport(h: Harness, broadcastId: string): Promise<BroadcastReport & { runs: number; status: string }> {
  const broadcast = (await h.services.broadcasts.find(broadcastId))!;
  return { ...(broadcast.report as BroadcastReport), runs: broadcast.runs, status: broadcast.status };
}

describe('the broadcast job', () => {
  let h: Harness;
  beforeEach(async () => {
    // A high rate keeps the suite fast; the pacing itself is proven below with a virtual clock.
    h = await createHarness({ config: { BROADCAST_RATE: 2000 } });
    h.owner();
  });
  afterEach(async () => {
    h.telegram.thawAnswers();
    await h.close();
  });

  async function broadcastNow(draftId: string): Promise<string> {
    const scheduled = await h.services.broadcasts.schedule({ draftId, segment: 'all', texts: TEXTS, photoFileId: null, sendAt: null, createdBy: OWNER_ID });
    if (!scheduled.ok) throw new Error(scheduled.error.code);
    return String(scheduled.value._id);
  }

  it('1,000 customers, 429s and 403s, the worker dies half-way, another resumes: every eligible customer gets exactly one message', async () => {
    const customers = await program(h, 1000);
    const broadcastId = await broadcastNow('thousand');
    h.telegram.fail({ ...TOO_MANY, times: 2 });

    // Half-way through, the worker's process dies while it waits on Telegram: what it sent arrived,
    // but it never learns so and never writes another line.
    let sentBeforeCrash = 0;
    h.telegram.afterCall = () => {
      if (sentBeforeCrash === 0 && customerSends(h) >= 500) {
        sentBeforeCrash = customerSends(h);
        h.telegram.freezeAnswers();
      }
    };
    void h.runJobs().catch(() => undefined);
    await expect.poll(() => sentBeforeCrash, { timeout: 60_000, interval: 20 }).toBeGreaterThan(0);
    // Its other lanes run into the same silence; then the process is gone.
    await settled(() => customerSends(h));
    const dead = h.app;
    await dead.close();
    h.telegram.afterCall = undefined;
    h.telegram.thawAnswers();

    // Another instance is back: as soon as the dead run's lease has run out (well within 30 s of the
    // crash), its worker takes the broadcast over and resumes it from the checkpoint.
    await h.restart();
    h.telegram.fail({ ...TOO_MANY, times: 1 });
    const beforeResume = customerSends(h);
    h.clock.advance({ seconds: 10 });
    await h.runJobs();
    expect(customerSends(h)).toBe(beforeResume);
    h.clock.advance({ seconds: 15 });
    await h.runJobs();

    expectExactlyOnce(h, customers);
    expect(customerSends(h) - sentBeforeCrash).toBeGreaterThan(300);
    const tooMany = h.telegram.calls.filter((c) => !c.ok && c.method === 'sendMessage' && !customers.blocked.has(Number(c.payload.chat_id)));
    expect(tooMany).toHaveLength(3);

    // Messages in each customer's language.
    const textTo = new Map(h.telegram.callsOf('sendMessage').filter((c) => c.ok).map((c) => [Number(c.payload.chat_id), c.payload.text]));
    const sample = customers.eligible.filter((c) => !customers.blocked.has(c.telegramId!)).slice(0, 3);
    expect(sample.map((c) => textTo.get(c.telegramId!))).toEqual([TEXTS.en, TEXTS.ru, TEXTS.bg]);

    // The books: the sends the dead worker never heard back about are "unknown", not repeated.
    const report = await storedReport(h, broadcastId);
    expect(report.status).toBe('done');
    expect(report.runs).toBe(2);
    expect(report.sent + report.blocked + report.unknown).toBe(1000);
    expect(report.failed).toBe(0);
    expect(report.skipped).toBe(0);
    // At most one claim per lane was left without an outcome.
    expect(report.unknown).toBeLessThanOrEqual(new TelegramBroadcastSender(h.app.bot.api, h.config.BROADCAST_RATE).concurrency);
    expect(await deliveryModel(h.app.conn).countDocuments()).toBe(1000);

    // Customers who blocked the bot are marked unreachable (those the dead worker reached are unknown).
    const unreachable = await customerModel(h.app.conn).countDocuments({ telegramId: { $in: [...customers.blocked] }, unreachable: true });
    expect(unreachable).toBe(report.blocked);
    expect(report.blocked).toBeGreaterThan(0);

    // One report to the owner.
    const reports = h.telegram.messages(OWNER_ID).filter((m) => m.text?.startsWith('📣 The broadcast is finished.'));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.text).toContain(`Sent: ${report.sent}\nBlocked the bot: ${report.blocked}\nFailed: ${report.unknown}`);
  });

  it('a worker that is stopped (SIGTERM) hands the rest over; the next one finishes it, nobody twice', async () => {
    const customers = await program(h, 600);
    const broadcastId = await broadcastNow('graceful');
    h.telegram.afterCall = () => {
      if (customerSends(h) === 250) void h.app.scheduler.stop();
    };
    await h.runJobs();
    h.telegram.afterCall = undefined;
    const sentByFirst = customerSends(h);
    expect(sentByFirst).toBeLessThan(600 - customers.blocked.size);
    expect((await h.services.broadcasts.find(broadcastId))!.status).toBe('sending');

    await h.restart();
    h.clock.advance({ seconds: 10 });
    await h.runJobs();

    expectExactlyOnce(h, customers);
    const report = await storedReport(h, broadcastId);
    expect(report).toMatchObject({ status: 'done', runs: 2, unknown: 0, failed: 0, skipped: 0, blocked: customers.blocked.size });
    expect(report.sent).toBe(600 - customers.blocked.size);
  });

  it('a recipient claimed by a run that died before recording is never sent again, and is reported as unknown', async () => {
    const [first, second] = await insertCustomers(h, 2);
    const broadcastId = await broadcastNow('claimed');
    await deliveryModel(h.app.conn).create({ _id: deliveryKey(broadcastId, first!._id), broadcastId, customerId: first!._id, at: h.clock.now() });
    await h.runJobs();
    const delivered = deliveredPerChat(h);
    expect(delivered.get(first!.telegramId!)).toBeUndefined();
    expect(delivered.get(second!.telegramId!)).toBe(1);
    expect(await storedReport(h, broadcastId)).toMatchObject({ sent: 1, unknown: 1 });
    expect(h.telegram.messages(OWNER_ID).at(-1)!.text).toContain('Failed: 1 (of them interrupted while sending: 1; not repeated');
  });

  it('the weekly cap on offers skips customers who had enough, and says so in the report', async () => {
    await h.services.settings.update({ marketingMaxPerWeek: 1 }, null);
    await insertCustomers(h, 3);
    const first = await broadcastNow('first');
    await h.runJobs();
    h.clock.advance({ days: 2 });
    const second = await broadcastNow('second');
    await h.runJobs();
    expect(await storedReport(h, first)).toMatchObject({ sent: 3, skipped: 0 });
    expect(await storedReport(h, second)).toMatchObject({ sent: 0, skipped: 3 });
    expect(h.telegram.messages(OWNER_ID).at(-1)!.text).toContain('Skipped (weekly limit of offers reached): 3');
    h.clock.advance({ days: 6 });
    expect(await storedReport(h, await broadcastNow('third').then(async (id) => (await h.runJobs(), id)))).toMatchObject({ sent: 3 });
  });
});

describe('pacing', () => {
  /**
   * A virtual clock: sleeping moves it, so pacing is measured exactly and instantly. Sleepers wake in
   * order of their wake-up time, once everything else that could run has run.
   */
  function virtualTime() {
    let now = 0;
    const sleepers: { at: number; wake: () => void }[] = [];
    const advance = () => {
      if (sleepers.length === 0) return;
      sleepers.sort((a, b) => a.at - b.at);
      const next = sleepers.shift()!;
      now = Math.max(now, next.at);
      next.wake();
      if (sleepers.length > 0) setImmediate(advance);
    };
    return {
      now: () => now,
      sleep: (ms: number) =>
        new Promise<boolean>((resolve) => {
          sleepers.push({ at: now + ms, wake: () => resolve(true) });
          if (sleepers.length === 1) setImmediate(advance);
        }),
      get elapsed() {
        return now;
      },
    };
  }

  it('the limiter spaces sends evenly a step below the configured rate, and a stalled caller makes up no burst', async () => {
    const time = virtualTime();
    const limiter = new RateLimiter(30, time);
    const at: number[] = [];
    for (let i = 0; i < 100; i++) {
      await limiter.take();
      at.push(time.now());
    }
    // One message a second below Telegram's 30: a sliding window right at the limit has no room for jitter.
    expect(limiter.pace).toBe(29);
    expect(at[99]).toBeCloseTo((99 * 1000) / 29, 6);
    expect(Math.min(...at.slice(1).map((t, i) => t - at[i]!))).toBeCloseTo(1000 / 29, 6);
    // The event loop stalls for 300 ms: the turns that were due go out at most two at once, and never
    // more than 29 within any one second.
    await time.sleep(300);
    for (let i = 0; i < 100; i++) {
      await limiter.take();
      at.push(time.now());
    }
    const burst = at.slice(100).filter((t) => t === at[100]).length;
    expect(burst).toBeLessThanOrEqual(2);
    for (let i = 29; i < at.length; i++) expect(at[i]! - at[i - 29]!).toBeGreaterThanOrEqual(1000 - 1e-6);
  });

  it('concurrent lanes share one pace', async () => {
    const time = virtualTime();
    const limiter = new RateLimiter(30, time);
    const at: number[] = [];
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = 0; i < 20; i++) {
          await limiter.take();
          at.push(time.now());
        }
      }),
    );
    at.sort((a, b) => a - b);
    expect(at).toHaveLength(320);
    for (let i = 29; i < at.length; i++) expect(at[i]! - at[i - 29]!).toBeGreaterThanOrEqual(1000 - 1e-6);
    // Full pace nevertheless: 320 turns in 319 intervals of 1/29 s.
    expect(at.at(-1)! - at[0]!).toBeCloseTo((319 * 1000) / 29, 0);
  });

  it('a 429 pauses every lane for retry_after, then the message is sent again', async () => {
    const time = virtualTime();
    const limiter = new RateLimiter(25, time);
    const calls: number[] = [];
    let refusals = 1;
    const api = {
      sendMessage: async () => {
        calls.push(time.now());
        if (refusals-- > 0) {
          throw new GrammyError('Call to sendMessage failed!', { ok: false, error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } }, 'sendMessage', {});
        }
        return {} as never;
      },
      sendPhoto: async () => ({}) as never,
    };
    const sender = new TelegramBroadcastSender(api, 25, limiter);
    const recipient = { customerId: undefined as never, telegramId: 1, locale: 'en' as const };
    expect(await sender.send(recipient, { text: 'hi', photoFileId: null })).toBe('sent');
    expect(calls).toHaveLength(2);
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(3000);
    // Another lane asking right after also waits for the flood-wait to end.
    await limiter.take();
    expect(time.now()).toBeGreaterThanOrEqual(calls[0]! + 3000);
  });

  it('a 429 remembers the refused pace as the ceiling: the pace drops, climbs back to just below it, and probes above it only after a quiet minute', async () => {
    const time = virtualTime();
    const limiter = new RateLimiter(30, time);
    await limiter.take();
    expect(limiter.ceiling).toBe(30);
    // Several lanes hear the same 429: one flood-wait, one step down, paused for exactly retry_after.
    limiter.pause(1);
    limiter.pause(1);
    expect(limiter.floodWaits).toBe(1);
    expect(limiter.ceiling).toBe(29);
    expect(limiter.pace).toBeCloseTo(29 * 0.85, 6);
    const pausedAt = time.now();
    await limiter.take();
    expect(time.now()).toBe(pausedAt + 1000);
    // Quiet: half the way back to one step below the ceiling each second, so close within a few seconds…
    while (time.now() < pausedAt + 1000 + 4_100) await limiter.take();
    expect(limiter.pace).toBeGreaterThan(27.5);
    expect(limiter.pace).toBeLessThanOrEqual(28);
    while (time.now() < pausedAt + 1000 + 10_100) await limiter.take();
    expect(limiter.pace).toBe(28);
    // …and there it stays: no knocking on the refused pace again and again.
    while (time.now() < pausedAt + 1000 + 50_000) await limiter.take();
    expect(limiter.pace).toBe(28);
    expect(limiter.ceiling).toBe(29);
    // After a quiet minute at the top the ceiling moves up a step, never above the configured rate.
    while (time.now() < pausedAt + 1000 + 75_000) await limiter.take();
    expect(limiter.ceiling).toBe(30);
    expect(limiter.pace).toBe(29);
    await time.sleep(600_000);
    await limiter.take();
    expect(limiter.ceiling).toBe(30);
    expect(limiter.pace).toBe(29);
    // A 429 below the ceiling lowers it.
    limiter.pause(2);
    expect(limiter.ceiling).toBe(29);
    expect(limiter.pace).toBeCloseTo(29 * 0.85, 6);
  });

  it('403 is "blocked", a refused request "failed", and no answer at all "unknown" (never resent)', async () => {
    const outcomes: string[] = [];
    for (const failure of [
      new GrammyError('x', { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' }, 'sendMessage', {}),
      new GrammyError('x', { ok: false, error_code: 400, description: 'Bad Request: chat not found' }, 'sendMessage', {}),
      new GrammyError('x', { ok: false, error_code: 400, description: 'Bad Request: message is too long' }, 'sendMessage', {}),
      new GrammyError('x', { ok: false, error_code: 502, description: 'Bad Gateway' }, 'sendMessage', {}),
      new Error('socket hang up'),
    ]) {
      let attempts = 0;
      const api = {
        sendMessage: async () => {
          attempts++;
          throw failure;
        },
        sendPhoto: async () => ({}) as never,
      };
      const sender = new TelegramBroadcastSender(api, 1000, new RateLimiter(1000, virtualTime()));
      outcomes.push(await sender.send({ customerId: undefined as never, telegramId: 1, locale: 'en' }, { text: 'hi', photoFileId: null }));
      expect(attempts).toBe(1);
    }
    expect(outcomes).toEqual(['blocked', 'blocked', 'failed', 'unknown', 'unknown']);
  });
});
