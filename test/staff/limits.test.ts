import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, STAFF_CHAT_ID, type Harness } from '../harness/index.js';
import { createI18n } from '../../bot/i18n.js';
import { refusalText } from '../../bot/visit-messages.js';
import { canonicalCardNumber } from '../../domain/cards/card-number.js';
import { startOfLocalDay as startOfBusinessDay } from '../../domain/business-time.js';
import type { StaffActionError } from '../../domain/visits/errors.js';
import { buttonData, cardData, lastAnswer, ledgerOf, openCard, registerCustomer, screenIdOf } from './fixtures.js';

describe('limits refuse with a reason and write nothing', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());
  beforeEach(async () => {
    h.clock.set('2026-03-02T09:00:00+02:00');
    await h.services.settings.update({ cooldownMinutes: 180, dailyCap: 3, maxStampsPerVisit: 3, timeZone: 'Europe/Sofia' }, null);
  });

  it('cooldown: a second stamp within 3 hours is refused with the time it becomes possible, in the staff member’s language', async () => {
    const customer = await registerCustomer(h, h.user());
    const barista = h.staff({ language_code: 'bg' });
    const first = await openCard(h, barista, customer);
    const firstStamp = buttonData(first, '+1');
    const second = await openCard(h, barista, customer);
    const secondStamp = buttonData(second, '+1');
    await barista.pressData(firstStamp, first);

    h.clock.advance({ minutes: 20 });
    await barista.pressData(secondStamp, second);
    expect(lastAnswer(h)).toBe('На тази карта наскоро е поставен печат. Следващият е възможен от 12:00.');
    expect(await ledgerOf(h, customer._id)).toHaveLength(1);

    // A fresh screen explains it up front and offers no stamp buttons.
    await openCard(h, barista, customer);
    expect(barista.lastText).toContain('следващият е възможен от 12:00');
    expect(barista.buttons).toEqual(['📲 Преместване в нов профил', 'Отказ']);

    h.clock.set('2026-03-02T12:00:00+02:00');
    const later = await openCard(h, barista, customer);
    await barista.pressData(buttonData(later, '+1'), later);
    expect((await ledgerOf(h, customer._id)).filter((e) => e.type === 'stamp')).toHaveLength(2);
  });

  it('daily cap: counts the business day in the owner’s time zone, not in UTC', async () => {
    await h.services.settings.update({ cooldownMinutes: 0, dailyCap: 3 }, null);
    const customer = await registerCustomer(h, h.user());
    const barista = h.staff();

    h.clock.set('2026-03-02T23:30:00+02:00');
    let screen = await openCard(h, barista, customer);
    await barista.pressData(buttonData(screen, '+2'), screen);

    h.clock.set('2026-03-02T23:45:00+02:00');
    screen = await openCard(h, barista, customer);
    expect(barista.buttons).toEqual(['+1', '📲 Move to new account', 'Cancel']);
    await barista.pressData(cardData(h, screen, { kind: 'stamp', stamps: 2 }), screen);
    expect(lastAnswer(h)).toBe('Only 1 more stamp today (daily limit: 3).');
    await barista.pressData(buttonData(screen, '+1'), screen);

    screen = await openCard(h, barista, customer);
    expect(barista.lastText).toContain("reached today's stamp limit");
    await barista.pressData(cardData(h, screen, { kind: 'stamp', stamps: 1 }), screen);
    expect(lastAnswer(h)).toBe("This customer has reached today's limit (3).");
    expect((await ledgerOf(h, customer._id)).map((e) => e.stamps)).toEqual([2, 1]);

    // 00:10 in Sofia is still 22:10 of the same day in UTC: the new business day has begun anyway.
    h.clock.set('2026-03-03T00:10:00+02:00');
    screen = await openCard(h, barista, customer);
    await barista.pressData(buttonData(screen, '+3'), screen);
    expect((await ledgerOf(h, customer._id)).map((e) => e.stamps)).toEqual([2, 1, 3]);
  });

  it('more stamps than allowed per visit (a forged button) is refused', async () => {
    const customer = await registerCustomer(h, h.user());
    const barista = h.staff({ language_code: 'ru' });
    const screen = await openCard(h, barista, customer);
    const id = screenIdOf(screen);

    await barista.pressData(cardData(h, screen, { kind: 'stamp', stamps: 4 }), screen);
    expect(lastAnswer(h)).toBe('Не больше 3 штампов за визит.');
    await barista.pressData(cardData(h, screen, { kind: 'stamp', stamps: 0 }), screen);
    expect(lastAnswer(h)).toBe('Не больше 3 штампов за визит.');
    await barista.pressData(`staff:${id}:stamp:99`, screen);
    expect(await ledgerOf(h, customer._id)).toEqual([]);
  });

  it('staff never stamp or redeem their own card, even on a screen a colleague opened', async () => {
    await h.services.settings.update({ cooldownMinutes: 0, stampsPerReward: 2, dailyCap: 10 }, null);
    const barista = h.staff();
    const card = await registerCustomer(h, barista);
    const colleague = h.staff();

    const own = await openCard(h, barista, card);
    await barista.pressData(buttonData(own, '+1'), own);
    expect(lastAnswer(h)).toBe('You cannot stamp or redeem your own card. Please ask a colleague.');

    const opened = await openCard(h, colleague, card, STAFF_CHAT_ID);
    await barista.pressData(buttonData(opened, '+2'), opened, STAFF_CHAT_ID);
    expect(lastAnswer(h)).toBe('You cannot stamp or redeem your own card. Please ask a colleague.');
    expect(await ledgerOf(h, card._id)).toEqual([]);

    // The colleague may stamp it; the barista still cannot hand themself the reward.
    await colleague.pressData(buttonData(opened, '+2'), opened, STAFF_CHAT_ID);
    const redeem = await openCard(h, colleague, card, STAFF_CHAT_ID);
    await barista.pressData(buttonData(redeem, /Redeem/), redeem, STAFF_CHAT_ID);
    expect(lastAnswer(h)).toBe('You cannot stamp or redeem your own card. Please ask a colleague.');
    expect((await ledgerOf(h, card._id)).map((e) => e.type)).toEqual(['stamp', 'reward']);
  });

  it('a card screen closed with Cancel, or older than 30 minutes, no longer stamps', async () => {
    const customer = await registerCustomer(h, h.user());
    const barista = h.staff();
    const closed = await openCard(h, barista, customer);
    const stampOnClosed = buttonData(closed, '+1');
    await barista.press('Cancel');
    expect(closed.text).toBe('Card closed.');
    await barista.pressData(stampOnClosed, closed);
    expect(lastAnswer(h)).toBe('This card screen is out of date. Please scan the card again.');

    const stale = await openCard(h, barista, customer);
    h.clock.advance({ minutes: 31 });
    await barista.pressData(buttonData(stale, '+1'), stale);
    expect(lastAnswer(h)).toBe('This card screen is out of date. Please scan the card again.');
    expect(await ledgerOf(h, customer._id)).toEqual([]);
  });

  it('unknown or malformed button data changes nothing', async () => {
    const customer = await registerCustomer(h, h.user());
    const barista = h.staff();
    const screen = await openCard(h, barista, customer);
    for (const data of ['staff:AAAAAAAAAAAA:stamp:1', 'staff:../../../x:stamp:1', 'staff-undo:000000000000000000000000', 'staff-undo:zzz']) {
      await barista.pressData(data, screen);
    }
    expect(await ledgerOf(h, customer._id)).toEqual([]);
  });
});

describe('refusals are sentences, not codes', () => {
  it('every domain error code has its own text in every language', () => {
    const i18n = createI18n('en');
    const codes: StaffActionError[] = [
      { code: 'CardNotFound' },
      { code: 'OwnCard' },
      { code: 'NotStaff' },
      { code: 'TooManyStamps', max: 3 },
      { code: 'CooldownActive', until: new Date('2026-03-02T10:00:00Z') },
      { code: 'DailyCapReached', cap: 3, left: 0 },
      { code: 'NoRewardAvailable' },
      { code: 'ScreenExpired' },
      { code: 'OperationNotFound' },
      { code: 'NotUndoable' },
      { code: 'UndoExpired' },
      { code: 'UndoForbidden' },
      { code: 'AlreadyUndone' },
      { code: 'RewardAlreadyRedeemed' },
    ];
    for (const locale of ['en', 'ru', 'bg'] as const) {
      const texts = codes.map((error) =>
        refusalText((key, vars) => i18n.t(locale, key, vars), error, { locale, timeZone: 'Europe/Sofia', now: new Date('2026-03-02T09:00:00Z') }),
      );
      for (const text of texts) expect(text, locale).not.toMatch(/staff-error|\{|\}/);
      expect(new Set(texts).size, locale).toBe(codes.length);
    }
  });
});

describe('card numbers and business days', () => {
  it('typed card numbers are read as Crockford base32: case, separators and look-alikes do not matter', () => {
    expect(canonicalCardNumber('abcd-2345')).toBe('ABCD2345');
    expect(canonicalCardNumber(' KOMI n2p3 ')).toBe('K0M1N2P3');
    expect(canonicalCardNumber('k0mL-N2P3')).toBe('K0M1N2P3');
    expect(canonicalCardNumber('ABCD234')).toBeUndefined();
    expect(canonicalCardNumber('ABCD234U')).toBeUndefined();
    expect(canonicalCardNumber('ABCD-23456')).toBeUndefined();
  });

  it('the business day starts at local midnight, across daylight saving changes', () => {
    expect(startOfBusinessDay(new Date('2026-03-02T23:30:00+02:00'), 'Europe/Sofia').toISOString()).toBe('2026-03-01T22:00:00.000Z');
    expect(startOfBusinessDay(new Date('2026-03-03T00:10:00+02:00'), 'Europe/Sofia').toISOString()).toBe('2026-03-02T22:00:00.000Z');
    // Sofia moves to summer time on 29 March 2026 at 03:00: that day still began at 00:00 winter time.
    expect(startOfBusinessDay(new Date('2026-03-29T20:00:00+03:00'), 'Europe/Sofia').toISOString()).toBe('2026-03-28T22:00:00.000Z');
    expect(startOfBusinessDay(new Date('2026-03-30T08:00:00+03:00'), 'Europe/Sofia').toISOString()).toBe('2026-03-29T21:00:00.000Z');
    expect(startOfBusinessDay(new Date('2026-03-02T09:00:00Z'), 'UTC').toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });
});
