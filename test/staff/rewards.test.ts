import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Types } from 'mongoose';
import { createHarness, inlineButtons, STAFF_CHAT_ID, type Harness, type SentMessage } from '../harness/index.js';
import { balanceOf } from '../../domain/ledger/balance.js';
import { buttonData, cardData, customerDoc, lastAnswer, ledgerOf, ledgerSum, registerCustomer } from './fixtures.js';
import type { TestUser } from '../harness/index.js';
import { capturedLogs } from '../harness/log-sink.js';

describe('rewards, redemption, notifications, the audit feed and undo', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());
  beforeEach(async () => {
    h.clock.advance({ minutes: 1 }); // each story in a minute of its own (the staff chat's pace)
    await h.services.settings.update({ stampsPerReward: 8, cooldownMinutes: 0, dailyCap: 50, maxStampsPerVisit: 3 }, null);
  });

  /** Staff opens the card privately and presses one button on it. */
  async function operate(staff: TestUser, customer: { cardNumber?: string | null }, label: string | RegExp): Promise<void> {
    await staff.send(`/card ${customer.cardNumber}`);
    await staff.press(label);
    // Operations some seconds apart, as at a real counter: the staff chat keeps to Telegram's pace for
    // a group (test/staff/staff-chat-pace.test.ts), so with a frozen clock it would hold lines back.
    h.clock.advance({ seconds: 10 });
  }

  const balance = (customerId: Types.ObjectId) => balanceOf(h.app.conn, customerId);
  const auditLine = (): SentMessage => h.staffChat.at(-1)!;

  it('reaching N stamps turns N of them into one reward, and rewards accumulate', async () => {
    await h.services.settings.update({ stampsPerReward: 3 }, null);
    const customer = await registerCustomer(h, h.user());
    const barista = h.staff();

    await operate(barista, customer, '+3');
    expect(await balance(customer._id)).toEqual({ stamps: 0, rewards: 1 });
    await operate(barista, customer, '+2');
    await operate(barista, customer, '+2');
    expect(await balance(customer._id)).toEqual({ stamps: 1, rewards: 2 });

    const entries = await ledgerOf(h, customer._id);
    expect(entries.map((e) => [e.type, e.stamps, e.rewards])).toEqual([
      ['stamp', 3, 0],
      ['reward', -3, 1],
      ['stamp', 2, 0],
      ['stamp', 2, 0],
      ['reward', -3, 1],
    ]);
    expect(entries.filter((e) => e.type === 'reward').map((e) => e.key)).toEqual([
      `reward:${String(customer._id)}:1`,
      `reward:${String(customer._id)}:2`,
    ]);
    expect(entries.every((e) => e.staffId === (e.type === 'stamp' ? barista.id : null))).toBe(true);
  });

  it('the customer is told at once, in their own language, with correct plurals', async () => {
    const ivan = h.user({ language_code: 'ru' });
    const ru = await registerCustomer(h, ivan, { locale: 'ru' });
    const maria = h.user({ language_code: 'bg' });
    const bg = await registerCustomer(h, maria, { locale: 'bg' });
    const john = h.user();
    const en = await registerCustomer(h, john);
    const barista = h.staff();

    await operate(barista, ru, '+1');
    expect(ivan.lastText).toBe('🔖 +1 штамп! Ваша карта: 1/8 — до награды «бесплатный кофе» осталось 7 штампов.');
    await operate(barista, ru, '+3');
    expect(ivan.lastText).toBe('🔖 +3 штампа! Ваша карта: 4/8 — до награды «бесплатный кофе» осталось 4 штампа.');
    await operate(barista, ru, '+3');
    expect(ivan.lastText).toBe('🔖 +3 штампа! Ваша карта: 7/8 — до награды «бесплатный кофе» остался 1 штамп.');

    await operate(barista, bg, '+1');
    expect(maria.lastText).toBe('🔖 +1 печат! Вашата карта: 1/8 — остават още 7 печата до награда „безплатно кафе“.');

    await operate(barista, en, '+3');
    await operate(barista, en, '+1');
    expect(john.lastText).toBe('🔖 +1 stamp! Your card: 4/8. 4 more stamps to your reward: free coffee.');
  });

  it('the stamp that completes the card brings a celebration', async () => {
    const ivan = h.user({ language_code: 'ru' });
    const customer = await registerCustomer(h, ivan, { locale: 'ru' });
    const barista = h.staff();
    for (const label of ['+3', '+3', '+3']) await operate(barista, customer, label);

    expect(ivan.lastText).toContain('🎉 +3 штампа — карта заполнена, вам начислена награда «бесплатный кофе»! Наград к получению: 1.');
    expect(barista.lastText).toMatch(/^✅ Добавлено 3 штампа|^✅ 3 stamps added — 🎉/);
    expect(auditLine().text).toContain('card full, reward earned · 1/8 · rewards: 1');
  });

  it('redeeming consumes one reward; both sides are told; Redeem then disappears', async () => {
    await h.services.settings.update({ stampsPerReward: 2 }, null);
    const maria = h.user({ language_code: 'bg' });
    const customer = await registerCustomer(h, maria, { locale: 'bg', firstName: 'Мария', phone: '+359887001122' });
    const barista = h.staff({ first_name: 'Niki' });
    await operate(barista, customer, '+2');
    await operate(barista, customer, '+2');
    expect(await balance(customer._id)).toEqual({ stamps: 0, rewards: 2 });

    await barista.send(`/card ${customer.cardNumber}`);
    const screen = barista.last!;
    const redeem = buttonData(screen, '🎁 Redeem a reward');
    await barista.pressData(redeem, screen);
    await barista.pressData(redeem, screen);

    expect(await balance(customer._id)).toEqual({ stamps: 0, rewards: 1 });
    expect(barista.lastText).toContain('🎁 Reward redeemed. Please hand over: free coffee.');
    expect(barista.lastText).toContain('Rewards available: 1');
    expect(barista.buttons).toEqual(['+1', '+2', '+3', '📲 Move to new account', 'Done']);
    expect(lastAnswer(h)).toBe('This reward has already been redeemed.');
    expect(maria.lastText).toBe('🎁 Наградата „безплатно кафе“ е използвана. Благодарим, че сте с нас! Остават награди по картата: 1.');
    expect(auditLine().text).toBe(`🎁 Niki → Мария •••• 1122 (${customer.cardNumber!.slice(0, 4)}-${customer.cardNumber!.slice(4)}): reward redeemed · rewards left: 1`);

    await operate(barista, customer, /Redeem/);
    await barista.send(`/card ${customer.cardNumber}`);
    expect(barista.buttons).not.toContain('🎁 Redeem a reward');
    // A Redeem (signed for this screen, as by a client that kept an older one) on a card without rewards is refused.
    const fresh = barista.last!;
    await barista.pressData(cardData(h, fresh, { kind: 'redeem' }), fresh);
    expect(lastAnswer(h)).toBe('There is no reward on this card to redeem.');
    expect(await balance(customer._id)).toEqual({ stamps: 0, rewards: 0 });
  });

  it('the staff group gets one audit line per operation, with an Undo button', async () => {
    const customer = await registerCustomer(h, h.user(), { firstName: 'Anna', phone: '+359888123456' });
    const barista = h.staff({ first_name: 'Bob' });
    const before = h.staffChat.length;
    await operate(barista, customer, '+2');

    expect(h.staffChat.length).toBe(before + 1);
    const line = auditLine();
    expect(line.text).toBe(`✅ Bob → Anna •••• 3456 (${customer.cardNumber!.slice(0, 4)}-${customer.cardNumber!.slice(4)}): +2 · 2/8 · rewards: 0`);
    expect(inlineButtons(line).map((b) => b.text)).toEqual(['↩️ Undo']);
  });

  it('the same staff member undoes within 10 minutes; undoing twice undoes once; everyone is told', async () => {
    const guest = h.user();
    const customer = await registerCustomer(h, guest);
    const barista = h.staff({ first_name: 'Bob' });
    await operate(barista, customer, '+1');
    await operate(barista, customer, '+2');
    const line = auditLine();
    const undo = buttonData(line, '↩️ Undo');
    h.clock.advance({ minutes: 9 });

    await Promise.all(Array.from({ length: 5 }, () => barista.pressData(undo, line, STAFF_CHAT_ID)));
    await barista.pressData(undo, line, STAFF_CHAT_ID);

    const entries = await ledgerOf(h, customer._id);
    expect(entries.map((e) => [e.type, e.stamps])).toEqual([
      ['stamp', 1],
      ['stamp', 2],
      ['undo', -2],
    ]);
    expect(entries[2]!.undoes?.equals(entries[1]!._id)).toBe(true);
    expect(entries[2]!.key).toBe(`undo:${String(entries[1]!._id)}`);
    expect(lastAnswer(h)).toBe('This has already been undone.');
    expect(line.text).toContain('↩️ undone by Bob');
    expect(inlineButtons(line)).toEqual([]);
    expect(auditLine().text).toMatch(/^↩️ Bob undid an operation: .* · 1\/8 · rewards: 0$/);
    expect(h.staffChat.filter((m) => m.text?.startsWith('↩️ Bob undid'))).toHaveLength(1);
    expect(guest.lastText).toBe('↩️ A correction on your card: staff undid the last operation. Your card: 1/8, rewards: 0.');
    expect(await balance(customer._id)).toEqual({ stamps: 1, rewards: 0 });
  });

  it('another staff member cannot undo; an owner can; nobody can after 10 minutes', async () => {
    const customer = await registerCustomer(h, h.user());
    const barista = h.staff();
    const colleague = h.staff({ language_code: 'bg' });
    const owner = h.owner();

    await operate(barista, customer, '+1');
    const first = auditLine();
    await colleague.pressData(buttonData(first, '↩️ Undo'), first, STAFF_CHAT_ID);
    expect(lastAnswer(h)).toBe('Може да я отмени само служителят, който я е направил, или собственик.');
    await owner.pressData(buttonData(first, '↩️ Undo'), first, STAFF_CHAT_ID);
    expect(lastAnswer(h)).toBe('↩️ Undone.');

    await operate(barista, customer, '+1');
    const second = auditLine();
    h.clock.advance({ minutes: 10, seconds: 1 });
    for (const who of [barista, owner]) {
      await who.pressData(buttonData(second, '↩️ Undo'), second, STAFF_CHAT_ID);
      expect(lastAnswer(h)).toBe('Undo works only within 10 minutes.');
    }
    expect((await ledgerOf(h, customer._id)).map((e) => e.type)).toEqual(['stamp', 'undo', 'stamp']);
  });

  it('a copied Undo button pressed by a customer changes nothing', async () => {
    const customer = await registerCustomer(h, h.user());
    const barista = h.staff();
    await operate(barista, customer, '+1');
    const line = auditLine();
    const intruder = h.user();
    await intruder.pressData(buttonData(line, '↩️ Undo'), line);
    expect(lastAnswer(h)).toBe('Only staff can do this.');
    expect(await ledgerOf(h, customer._id)).toHaveLength(1);
  });

  it('undoing the stamp that completed a card takes the reward back and returns the other stamps', async () => {
    await h.services.settings.update({ stampsPerReward: 3 }, null);
    const customer = await registerCustomer(h, h.user());
    const barista = h.staff();
    await operate(barista, customer, '+2');
    await operate(barista, customer, '+2');
    expect(await balance(customer._id)).toEqual({ stamps: 1, rewards: 1 });

    await barista.press('↩️ Undo', STAFF_CHAT_ID);
    // As if the second visit had never happened: 2/3 and no reward.
    expect(await balance(customer._id)).toEqual({ stamps: 2, rewards: 0 });
    const undo = (await ledgerOf(h, customer._id)).at(-1)!;
    expect([undo.type, undo.stamps, undo.rewards]).toEqual(['undo', 1, -1]);
    expect(await ledgerSum(h, customer._id)).toEqual({ stamps: 2, rewards: 0 });
  });

  it('undoing such a stamp after its reward was handed out is refused', async () => {
    await h.services.settings.update({ stampsPerReward: 3 }, null);
    const customer = await registerCustomer(h, h.user());
    const barista = h.staff();
    await operate(barista, customer, '+3');
    const stampLine = auditLine();
    await operate(barista, customer, /Redeem/);

    await barista.pressData(buttonData(stampLine, '↩️ Undo'), stampLine, STAFF_CHAT_ID);
    expect(lastAnswer(h)).toBe('Cannot undo: the reward these stamps completed has already been redeemed.');
    expect(await balance(customer._id)).toEqual({ stamps: 0, rewards: 0 });

    // Undoing the redemption first gives the reward back; then the stamps can be undone too.
    await barista.press('↩️ Undo', STAFF_CHAT_ID);
    expect(await balance(customer._id)).toEqual({ stamps: 0, rewards: 1 });
    await barista.pressData(buttonData(stampLine, '↩️ Undo'), stampLine, STAFF_CHAT_ID);
    expect(await balance(customer._id)).toEqual({ stamps: 0, rewards: 0 });
    expect((await ledgerOf(h, customer._id)).map((e) => e.type)).toEqual(['stamp', 'reward', 'redeem', 'undo', 'undo']);
  });

  it('a failing visit hook does not undo the visit: it is logged and everyone is still told', async () => {
    const guest = h.user();
    const customer = await registerCustomer(h, guest);
    const barista = h.staff();
    const failing = async () => {
      throw new Error('review scheduler down');
    };
    h.services.visits.hooks.visitConfirmed.push(failing);
    try {
      await operate(barista, customer, '+1');
    } finally {
      h.services.visits.hooks.visitConfirmed.splice(h.services.visits.hooks.visitConfirmed.indexOf(failing), 1);
    }
    expect(await ledgerOf(h, customer._id)).toHaveLength(1);
    expect(guest.lastText).toContain('+1 stamp');
    expect(capturedLogs.some((line) => line.includes('"msg":"a visit hook failed"'))).toBe(true);
  });

  it('first and last visit follow the ledger, and the first confirmed visit is announced to hooks', async () => {
    const customer = await registerCustomer(h, h.user());
    const barista = h.staff();
    const seen: boolean[] = [];
    h.services.visits.hooks.visitConfirmed.push(async (event) => {
      if (event.customerId.equals(customer._id)) seen.push(event.firstVisit);
    });

    const firstAt = h.clock.now();
    await operate(barista, customer, '+1');
    expect((await customerDoc(h, customer._id)).firstVisitAt).toEqual(firstAt);
    await barista.press('↩️ Undo', STAFF_CHAT_ID);
    expect((await customerDoc(h, customer._id)).firstVisitAt).toBeNull();
    expect((await customerDoc(h, customer._id)).lastVisitAt).toBeNull();

    h.clock.advance({ minutes: 5 });
    const secondAt = h.clock.now();
    await operate(barista, customer, '+1');
    h.clock.advance({ minutes: 5 });
    const lastAt = h.clock.now();
    await operate(barista, customer, '+1');
    const doc = await customerDoc(h, customer._id);
    expect(doc.lastVisitAt).toEqual(lastAt);
    expect(doc.firstVisitAt).toEqual(secondAt);
    // The undone visit did not count: the next one was the first again.
    expect(seen).toEqual([true, true, false]);
  });
});
