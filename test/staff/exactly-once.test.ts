import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, STAFF_CHAT_ID, type Harness } from '../harness/index.js';
import { buttonData, lastAnswer, ledgerOf, openCard, pressUpdate, registerCustomer } from './fixtures.js';

describe('a stamp is added exactly once', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());
  beforeEach(async () => {
    await h.services.settings.update({ cooldownMinutes: 180, dailyCap: 3, maxStampsPerVisit: 3, stampsPerReward: 8 }, null);
  });

  const visits = async (customerId: Parameters<typeof ledgerOf>[1]) =>
    (await ledgerOf(h, customerId)).filter((e) => e.type === 'stamp');

  it('a double tap adds the stamps once, and tells the second tap it was already done', async () => {
    const guest = h.user();
    const customer = await registerCustomer(h, guest);
    const barista = h.staff();
    const screen = await openCard(h, barista, customer);
    const audit = h.staffChat.length;

    const plusTwo = buttonData(screen, '+2');
    await barista.pressData(plusTwo, screen);
    await barista.pressData(plusTwo, screen);

    expect((await ledgerOf(h, customer._id)).map((e) => [e.type, e.stamps])).toEqual([['stamp', 2]]);
    expect(lastAnswer(h)).toBe('These stamps have already been added.');
    expect(guest.messages).toHaveLength(1);
    expect(h.staffChat.length).toBe(audit + 1);
  });

  it('a replayed update changes nothing', async () => {
    const guest = h.user();
    const customer = await registerCustomer(h, guest);
    const barista = h.staff();
    const screen = await openCard(h, barista, customer);
    const update = pressUpdate(h, barista, buttonData(screen, '+1'), screen, 9_000_001);

    await h.app.bot.handleUpdate(update);
    await h.app.bot.handleUpdate(structuredClone(update));

    expect(await visits(customer._id)).toHaveLength(1);
    expect(guest.messages).toHaveLength(1);
  });

  it('20 simultaneous presses by two staff members on the same card screen give one ledger entry', async () => {
    const guest = h.user();
    const customer = await registerCustomer(h, guest);
    const [anna, boris] = [h.staff({ first_name: 'Anna' }), h.staff({ first_name: 'Boris' })];
    // Both have used the bot before (each has a session already).
    await boris.send('/help');
    const screen = await openCard(h, anna, customer, STAFF_CHAT_ID);
    const audit = h.staffChat.length;
    const answered = h.telegram.callsOf('answerCallbackQuery').length;
    const buttons = ['+1', '+2', '+3'].map((label) => buttonData(screen, label));

    await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const presser = i % 2 === 0 ? anna : boris;
        return presser.pressData(buttons[i % 3]!, screen, STAFF_CHAT_ID);
      }),
    );

    const entries = await ledgerOf(h, customer._id);
    expect(entries).toHaveLength(1);
    expect(guest.messages).toHaveLength(1);
    // One audit line for the operation (the screen itself was edited in place, not posted again).
    expect(h.staffChat.length).toBe(audit + 1);
    expect(h.staffChat.at(-1)?.text).toContain(`+${entries[0]!.stamps}`);
    // Every press got an answer: one success, the rest "already added"; nobody saw an error.
    const answers = h.telegram.callsOf('answerCallbackQuery').slice(answered).map((c) => String(c.payload.text));
    expect(answers).toHaveLength(20);
    expect(answers.filter((a) => /stamps? added\.$/.test(a))).toHaveLength(1);
    expect(answers.filter((a) => a === 'These stamps have already been added.')).toHaveLength(19);
  });

  it('two card screens for the same customer pressed at the same time stamp once: the cooldown holds under races', async () => {
    const customer = await registerCustomer(h, h.user());
    const [anna, boris] = [h.staff(), h.staff()];
    const screenA = await openCard(h, anna, customer);
    const screenB = await openCard(h, boris, customer);
    const [pressA, pressB] = [buttonData(screenA, '+1'), buttonData(screenB, '+1')];

    await Promise.all(
      Array.from({ length: 10 }, () => [anna.pressData(pressA, screenA), boris.pressData(pressB, screenB)]).flat(),
    );

    expect(await visits(customer._id)).toHaveLength(1);
    const refusals = h.telegram.callsOf('answerCallbackQuery').filter((c) => /stamped recently/.test(String(c.payload.text)));
    expect(refusals.length).toBeGreaterThan(0);
  });

  it('without a cooldown, simultaneous presses on two screens still cannot pass the daily cap', async () => {
    await h.services.settings.update({ cooldownMinutes: 0, dailyCap: 3 }, null);
    const customer = await registerCustomer(h, h.user());
    const [anna, boris] = [h.staff(), h.staff()];
    const screenA = await openCard(h, anna, customer);
    const screenB = await openCard(h, boris, customer);
    const [pressA, pressB] = [buttonData(screenA, '+2'), buttonData(screenB, '+2')];

    await Promise.all(
      Array.from({ length: 5 }, () => [anna.pressData(pressA, screenA), boris.pressData(pressB, screenB)]).flat(),
    );

    const stamped = await visits(customer._id);
    expect(stamped).toHaveLength(1);
    expect(stamped[0]!.stamps).toBe(2);
  });

  it('two app instances on one database, pressed at the same time, stamp once', async () => {
    const guest = h.user();
    const customer = await registerCustomer(h, guest);
    const barista = h.staff();
    const screen = await openCard(h, barista, customer);
    const other = await h.anotherInstance();
    const data = buttonData(screen, '+1');

    await Promise.all(
      Array.from({ length: 10 }, (_, i) => {
        const update = pressUpdate(h, barista, data, screen, 9_100_000 + i);
        return (i % 2 === 0 ? h.app : other).bot.handleUpdate(update);
      }),
    );

    expect(await visits(customer._id)).toHaveLength(1);
    expect(guest.messages).toHaveLength(1);
  });

  it('the stamp that completes a card converts it once, however many presses race', async () => {
    await h.services.settings.update({ stampsPerReward: 3, cooldownMinutes: 0, dailyCap: 50 }, null);
    const guest = h.user();
    const customer = await registerCustomer(h, guest);
    const barista = h.staff();
    await barista.press('+2', (await openCard(h, barista, customer)).chatId);
    const screen = await openCard(h, barista, customer);
    const plusOne = buttonData(screen, '+1');

    await Promise.all(Array.from({ length: 20 }, () => barista.pressData(plusOne, screen)));

    const entries = await ledgerOf(h, customer._id);
    expect(entries.map((e) => e.type)).toEqual(['stamp', 'stamp', 'reward']);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(await h.services.visits.cardOf(customer._id)).toMatchObject({ value: { stamps: 0, rewards: 1 } });
  });
});
