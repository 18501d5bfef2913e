// A barista's press is answered before the staff chat's line is posted (issue 12): the line is stored
// during the update, and posting it (a slow Telegram, a full minute, a lease held by another instance)
// runs afterwards, so the next scan in the same chat never waits behind the group's pace.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import { createHarness, STAFF_CHAT_ID, type Harness } from '../harness/index.js';
import { cardScreen, registerCustomer } from './fixtures.js';

describe("the staff chat's line is posted off the update's path", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ settings: { cooldownMinutes: 0 } });
  });
  afterEach(async () => h.close());

  it('a +1 is answered while Telegram still holds the audit line, and the line arrives once it lets go', async () => {
    const barista = h.staff({ first_name: 'Ana' });
    const customer = await registerCustomer(h, h.user({ first_name: 'Guest' }));
    await barista.send(`/card ${customer.cardNumber}`);

    const release = h.telegram.hold('sendMessage', STAFF_CHAT_ID);
    let answered!: () => void;
    const updateAnswered = new Promise<void>((resolve) => (answered = resolve));
    const deliver = h.deliver;
    h.deliver = async (update: Update) => {
      await deliver(update);
      answered();
    };
    const pressed = barista.press('+1');
    const outcome = await Promise.race([
      updateAnswered.then(() => 'answered' as const),
      new Promise<'stuck'>((resolve) => setTimeout(() => resolve('stuck'), 5_000)),
    ]);
    expect(outcome).toBe('answered');
    expect(cardScreen(h, barista.id).text).toContain('1 stamp added');
    expect(h.staffChat).toHaveLength(0);
    // The line is stored, waiting for Telegram.
    expect(await h.app.conn.collection('stafffeedlines').countDocuments({ messageId: null })).toBe(1);

    release();
    await pressed;
    expect(h.staffChat).toHaveLength(1);
    expect(h.staffChat[0]!.text).toContain('Ana');
    expect(h.errorLogs).toEqual([]);
  });

  it('lines stored in a burst are posted in the order they were stored, each once', async () => {
    const release = h.telegram.hold('sendMessage', STAFF_CHAT_ID);
    const vars = (n: number) => ({ staff: 'Ana', customer: `Guest${n}`, number: `AAAA-${1000 + n}`, count: 1, stamps: 1, size: 8, rewards: 0 });
    for (let n = 0; n < 8; n++) await h.app.notifier.staffChat.post('staff-audit-stamp', vars(n));
    release();
    await h.settle();
    for (let s = 0; s < 120; s += 5) {
      h.clock.advance({ seconds: 5 });
      await h.runJobs();
    }
    const text = h.staffChat.map((m) => m.text ?? '').join('\n');
    const order = [...text.matchAll(/AAAA-(\d{4})/g)].map((m) => Number(m[1]) - 1000);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(h.errorLogs).toEqual([]);
  });
});
