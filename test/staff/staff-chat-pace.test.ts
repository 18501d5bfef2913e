// The staff chat within Telegram's limit for a group (about 20 messages a minute): a rush of
// operations across a chain, on two instances, never makes more than 20 sends and edits in any 60
// seconds, loses no line, and leaves every operation's Undo reachable.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import type { App } from '../../app/app.js';
import { formatCardNumber } from '../../domain/customers/codes.js';
import type { CustomerDoc } from '../../domain/customers/model.js';
import { balanceOf } from '../../domain/ledger/balance.js';
import { MAX_CHARS, MAX_LINES } from '../../bot/staff-feed.js';
import { createHarness, inlineButtons, STAFF_CHAT_ID, type Harness, type TestUser } from '../harness/index.js';
import { cardScreen, registerCustomer, undoButtonOf } from './fixtures.js';

/** The most calls in any 60 s, from a list of call times (ms). */
function busiestMinute(times: number[]): number {
  let most = 0;
  for (let i = 0; i < times.length; i++) most = Math.max(most, times.filter((t) => t >= times[i]! && t < times[i]! + 60_000).length);
  return most;
}

describe("the staff chat keeps to Telegram's pace for a group", () => {
  let h: Harness;
  let second: App;
  /** When each call to the staff chat reached Telegram (the test clock's time). */
  let staffCalls: number[];
  beforeEach(async () => {
    h = await createHarness({ settings: { cooldownMinutes: 0, dailyCap: 50 } });
    second = await h.anotherInstance();
    staffCalls = [];
    h.telegram.afterCall = (call) => {
      if (call.payload.chat_id === STAFF_CHAT_ID && /^(send|edit)/.test(call.method)) staffCalls.push(h.clock.now().getTime());
    };
    // Updates and due jobs alternate between the two instances, as behind a load balancer.
    let turn = 0;
    h.deliver = (update: Update) => (turn++ % 2 ? second : h.app).bot.handleUpdate(update);
  });
  afterEach(async () => h.close());

  const apps = () => [h.app, second];
  async function runJobsEverywhere(): Promise<void> {
    for (const app of apps()) await app.scheduler.runDue(h.clock.now());
  }
  /** Moves the clock on by `seconds`, running due jobs on both instances every `step` seconds. */
  async function tick(seconds: number, step = 1): Promise<void> {
    for (let s = 0; s < seconds; s += step) {
      h.clock.advance({ seconds: step });
      await runJobsEverywhere();
    }
  }
  const cardNumber = (customer: CustomerDoc) => formatCardNumber(customer.cardNumber!);
  const staffTexts = () => h.staffChat.map((m) => m.text ?? '').join('\n');

  it('60 stamps in a minute across a chain: at most 20 sends and edits a minute, all 60 lines, every Undo works', async () => {
    const baristas: TestUser[] = [h.staff({ first_name: 'Anna' }), h.staff({ first_name: 'Boris' }), h.staff({ first_name: 'Vera' })];
    const customers: CustomerDoc[] = [];
    for (let i = 0; i < 60; i++) customers.push(await registerCustomer(h, h.user({ first_name: `Guest${i}` })));

    for (let i = 0; i < 60; i++) {
      const barista = baristas[i % 3]!;
      await barista.send(`/card ${customers[i]!.cardNumber}`);
      await barista.press('+1', barista.id);
      await tick(1);
    }
    await tick(120, 5);

    expect(busiestMinute(staffCalls)).toBeLessThanOrEqual(20);
    // Every operation's line is in the chat, once.
    for (const customer of customers) {
      expect(staffTexts().split(`(${cardNumber(customer)})`).length - 1, cardNumber(customer)).toBe(1);
    }
    // Lines were coalesced (60 lines, fewer messages), each message within Telegram's limits.
    expect(h.staffChat.length).toBeLessThan(60);
    for (const message of h.staffChat) {
      expect(message.text!.length).toBeLessThanOrEqual(MAX_CHARS);
      expect(inlineButtons(message).length).toBeLessThanOrEqual(MAX_LINES);
    }
    const coalesced = h.staffChat.filter((m) => /^1\. /.test(m.text ?? ''));
    expect(coalesced.length).toBeGreaterThan(0);

    // Undo from a single line, from the middle of a coalesced message and from its end.
    const numbered = coalesced.at(-1)!.text!;
    const inCoalesced = customers.filter((c) => numbered.includes(cardNumber(c)));
    const chosen = [customers[0]!, inCoalesced[0]!, inCoalesced.at(-1)!];
    const callsBefore = staffCalls.length;
    for (const customer of chosen) {
      const index = customers.indexOf(customer);
      const undo = undoButtonOf(h, (line) => line.includes(`(${cardNumber(customer)})`));
      await baristas[index % 3]!.pressData(undo.data, undo.message, STAFF_CHAT_ID);
      expect(await balanceOf(h.app.conn, customer._id)).toEqual({ stamps: 0, rewards: 0 });
    }
    await tick(60, 5);
    for (const customer of chosen) {
      const line = staffTexts().split('\n').findIndex((l) => l.includes(`(${cardNumber(customer)}): +1`));
      expect(staffTexts().split('\n')[line + 1]).toMatch(/^↩️ undone by (Anna|Boris|Vera)$/);
      // Its button is gone; the lines around it keep theirs.
      expect(() => undoButtonOf(h, (l) => l.includes(`(${cardNumber(customer)}): +1`))).toThrow();
    }
    expect(staffTexts().match(/undid an operation/g)).toHaveLength(3);
    const others = customers.filter((c) => !chosen.includes(c));
    expect(() => undoButtonOf(h, (l) => l.includes(`(${cardNumber(others[5]!)})`))).not.toThrow();
    expect(staffCalls.length - callsBefore).toBeGreaterThan(0);
    expect(busiestMinute(staffCalls)).toBeLessThanOrEqual(20);
    expect(h.errorLogs).toEqual([]);
  }, 240_000);

  it("Telegram's retry_after holds every instance back, and the line comes after it", async () => {
    const barista = h.staff();
    const customer = await registerCustomer(h, h.user());
    h.telegram.fail({ method: 'sendMessage', chatId: STAFF_CHAT_ID, error_code: 429, description: 'Too Many Requests: retry after 30', retry_after: 30 });
    await barista.send(`/card ${customer.cardNumber}`);
    await barista.press('+1');
    expect(cardScreen(h, barista.id).text).toContain('1 stamp added');
    expect(h.staffChat).toHaveLength(0);
    const refusedAt = staffCalls.length;

    // Another operation on the other instance during the pause asks Telegram nothing.
    const other = await registerCustomer(h, h.user());
    await tick(10);
    await barista.send(`/card ${other.cardNumber}`);
    await barista.press('+1');
    await tick(15);
    expect(staffCalls.length).toBe(refusedAt);

    await tick(10);
    expect(h.staffChat).toHaveLength(1);
    expect(h.staffChat[0]!.text).toContain(`(${cardNumber(customer)})`);
    expect(h.staffChat[0]!.text).toContain(`(${cardNumber(other)})`);
  });

  it('long lines are split over several messages of at most 4096 characters', async () => {
    const comment = 'Очень вкусно, но долго. '.repeat(20).trim();
    for (let i = 0; i < 30; i++) {
      await h.app.notifier.staffChat.post('review-staff-post', {
        stars: '★★★☆☆',
        rating: 3,
        customer: `Guest${i} •••• 1234`,
        number: `ABCD-${1000 + i}`,
        visit: '14:05',
        bonus: 0,
        hasComment: 'yes',
        comment,
      });
    }
    await h.settle();
    await tick(180, 5);
    const texts = h.staffChat.map((m) => m.text ?? '');
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(MAX_CHARS);
    for (let i = 0; i < 30; i++) expect(texts.filter((t) => t.includes(`ABCD-${1000 + i}`)), `review ${i}`).toHaveLength(1);
    expect(texts.some((t) => t.length > 2 * comment.length)).toBe(true);
    expect(busiestMinute(staffCalls)).toBeLessThanOrEqual(20);
  });
});
