import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, STAFF_CHAT_ID, OWNER_ID, type Harness } from '../harness/index.js';
import { buttonData, cardScreen, ledgerOf, openCard, registerCustomer, lastAnswer } from './fixtures.js';

describe('staff open a customer card', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());

  it('scanning the QR in a private chat shows first name, masked phone, stamps x/N, rewards, last visit and the buttons', async () => {
    const anna = await registerCustomer(h, h.user(), { firstName: 'Anna', phone: '+359888123456' });
    const barista = h.staff();
    await barista.send(`/start c_${anna.cardToken}`);

    const screen = barista.lastText;
    expect(screen).toContain('Anna');
    expect(screen).toContain('•••• 3456');
    expect(screen).not.toMatch(/888\s*123|\+359/);
    expect(screen).toContain('Stamps: 0/8');
    expect(screen).toContain('Rewards available: 0');
    expect(screen).toContain('Last visit: never');
    expect(barista.buttons).toEqual(['+1', '+2', '+3', '📲 Move to new account', 'Cancel']);
  });

  it('offers as many stamp buttons as the owner allows per visit, and no more than the daily cap leaves', async () => {
    await h.services.settings.update({ maxStampsPerVisit: 5, dailyCap: 10 }, null);
    const customer = await registerCustomer(h, h.user());
    const barista = h.staff();
    await openCard(h, barista, customer);
    expect(barista.buttons).toEqual(['+1', '+2', '+3', '+4', '+5', '📲 Move to new account', 'Cancel']);

    await h.services.settings.update({ dailyCap: 2 }, null);
    await openCard(h, barista, customer);
    expect(barista.buttons).toEqual(['+1', '+2', '📲 Move to new account', 'Cancel']);
    await h.services.settings.update({ maxStampsPerVisit: 3, dailyCap: 3 }, null);
  });

  it('shows the last visit once there is one, and Redeem only when a reward is available', async () => {
    await h.services.settings.update({ stampsPerReward: 3, cooldownMinutes: 0 }, null);
    const customer = await registerCustomer(h, h.user(), { firstName: 'Boris' });
    const barista = h.staff();
    await openCard(h, barista, customer);
    await barista.press('+2');
    expect(barista.buttons).not.toContain('🎁 Redeem a reward');

    await openCard(h, barista, customer);
    expect(barista.lastText).toMatch(/Last visit: \d\d:\d\d/);
    await barista.press('+1');
    await openCard(h, barista, customer);
    expect(barista.lastText).toContain('Stamps: 0/3');
    expect(barista.lastText).toContain('Rewards available: 1');
    expect(barista.buttons).toContain('🎁 Redeem a reward');
    await h.services.settings.update({ stampsPerReward: 8, cooldownMinutes: 180 }, null);
  });

  it('/card with the number opens the card in the staff group', async () => {
    const customer = await registerCustomer(h, h.user(), { firstName: 'Vera' });
    const barista = h.staff();
    await barista.send(`/card ${customer.cardNumber}`, STAFF_CHAT_ID);
    expect(cardScreen(h, STAFF_CHAT_ID).text).toContain('Vera');
  });

  it('the bare number, typed in any case, with dashes and 0/O 1/I/L mix-ups, opens the card in the group and privately', async () => {
    const customer = await registerCustomer(h, h.user(), { firstName: 'Galya', cardNumber: 'K0M1N2P3' });
    const barista = h.staff();
    const before = h.staffChat.length;
    await barista.send('kom1-n2p3', STAFF_CHAT_ID);
    expect(h.staffChat.length).toBe(before + 1);
    expect(h.staffChat.at(-1)?.text).toContain('Galya');

    for (const typed of ['KOMI N2P3', 'k0ml-n2p3', 'k0m1n2p3']) {
      const count = barista.messages.length;
      await barista.send(typed);
      expect(barista.messages.length, typed).toBe(count + 1);
      expect(barista.lastText, typed).toContain('Galya');
    }
    await barista.send(`/card ${customer.cardNumber!.toLowerCase().slice(0, 4)} ${customer.cardNumber!.slice(4)}`);
    expect(barista.lastText).toContain('Galya');
  });

  it('tells staff when no card has that number, and how to use /card', async () => {
    const barista = h.staff();
    await barista.send('/card ZZZZ-9999');
    expect(barista.lastText).toBe("No card found. Check the number, scan the QR code again, or search by the phone's last 4 digits: /find 3456");
    const count = barista.messages.length;
    await barista.send('zzzz9999');
    expect(barista.messages.length).toBe(count + 1);
    expect(barista.lastText).toBe("No card found. Check the number, scan the QR code again, or search by the phone's last 4 digits: /find 3456");
    // In the group, staff talk to each other: a word that only looks like a number gets no answer.
    const group = h.staffChat.length;
    await barista.send('sandwich', STAFF_CHAT_ID);
    expect(h.staffChat.length).toBe(group);
    await barista.send('/card');
    expect(barista.lastText).toContain('/card ABCD-2345');
    await barista.send('/card hello');
    expect(barista.lastText).toContain('does not look like a card number');
  });

  it('owners are staff without being in the group, and Telegram is not asked about them', async () => {
    const customer = await registerCustomer(h, h.user(), { firstName: 'Dana' });
    const owner = h.owner();
    await openCard(h, owner, customer);
    expect(owner.lastText).toContain('Dana');
    expect(h.telegram.callsOf('getChatMember').filter((c) => c.payload.user_id === OWNER_ID)).toEqual([]);
  });

  it("a customer opening someone else's card link learns nothing about its owner", async () => {
    const anna = await registerCustomer(h, h.user(), { firstName: 'Annabel', phone: '+359888765432' });
    const stranger = h.user({ language_code: 'bg' });
    await registerCustomer(h, stranger, { locale: 'bg' });

    await stranger.send(`/start c_${anna.cardToken}`);
    const answer = stranger.lastText;
    expect(answer).not.toContain('Annabel');
    expect(answer).not.toContain('5432');
    expect(answer).not.toMatch(/\d\/\d/);
    expect(answer).toContain('/start');
    // A made-up link gets the very same answer: the reply does not even tell that the card exists.
    await stranger.send('/start c_made-up-token');
    expect(stranger.lastText).toBe(answer);
    expect(stranger.buttons).toEqual([]);
  });

  it('the card owner opening their own link sees their own card', async () => {
    const owner = h.user();
    await registerCustomer(h, owner, { firstName: 'Elena' });
    const customer = await h.services.customers.findByTelegramId(owner.id);
    await owner.send(`/start c_${customer!.cardToken}`);
    expect(owner.last?.photo).toBeDefined();
    expect(owner.lastText).toContain(customer!.cardNumber!.slice(0, 4));
  });

  it('a customer typing /card or something that looks like a card number sees no card', async () => {
    const victim = await registerCustomer(h, h.user(), { firstName: 'Fiona', cardNumber: 'ABCD2345' });
    const customer = h.user();
    await customer.send('/card ABCD2345');
    expect(customer.lastText).toBe('Only staff can do this.');
    await customer.send('abcd2345');
    expect(customer.messages.map((m) => m.text ?? '').join('\n')).not.toContain('Fiona');
    expect(await ledgerOf(h, victim._id)).toEqual([]);
  });

  it('a non-staff user pressing a staff button copied from the staff chat changes nothing and is told so', async () => {
    const customer = await registerCustomer(h, h.user());
    const barista = h.staff();
    const screen = await openCard(h, barista, customer, STAFF_CHAT_ID);
    const intruder = h.user({ language_code: 'ru' });

    for (const label of ['+1', '+3', 'Cancel']) {
      await intruder.pressData(buttonData(screen, label), screen);
      expect(lastAnswer(h)).toBe('Это могут делать только сотрудники.');
    }
    expect(await ledgerOf(h, customer._id)).toEqual([]);
    // The screen still works for staff: Cancel from the intruder did not close it.
    await barista.press('+1', STAFF_CHAT_ID);
    expect(await ledgerOf(h, customer._id)).toHaveLength(1);
  });

  it('someone removed from the staff group loses access within five minutes', async () => {
    const customer = await registerCustomer(h, h.user());
    const leaving = h.staff();
    await openCard(h, leaving, customer);
    const asked = h.telegram.callsOf('getChatMember').filter((c) => c.payload.user_id === leaving.id).length;
    await openCard(h, leaving, customer);
    // Answers are cached: the second card did not ask Telegram again.
    expect(h.telegram.callsOf('getChatMember').filter((c) => c.payload.user_id === leaving.id)).toHaveLength(asked);

    const screen = await openCard(h, leaving, customer);
    h.telegram.setMember(STAFF_CHAT_ID, leaving.id, 'left');
    h.clock.advance({ minutes: 5, seconds: 1 });
    await leaving.pressData(buttonData(screen, '+1'), screen);
    expect(lastAnswer(h)).toBe('Only staff can do this.');
    expect(await ledgerOf(h, customer._id)).toEqual([]);
    await leaving.send(`/card ${customer.cardNumber}`);
    expect(leaving.lastText).toBe('Only staff can do this.');
  });

  it('restricted members count as staff only while they are members', async () => {
    const customer = await registerCustomer(h, h.user(), { firstName: 'Zoya' });
    const restricted = h.user();
    // The fake answers "restricted" without is_member: such a user is not in the group.
    h.telegram.setMember(STAFF_CHAT_ID, restricted.id, 'restricted');
    await restricted.send(`/card ${customer.cardNumber}`);
    expect(restricted.lastText).toBe('Only staff can do this.');
  });
});
