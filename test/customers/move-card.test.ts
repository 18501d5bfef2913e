// A customer's card moves to their new Telegram account: staff find the card (by the phone's last
// digits and name), allow the move, and the customer shares the same number on the new account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../harness/index.js';
import { customerOf, giveStamps, nextPhone, onboard } from '../harness/customers.js';
import { cardData, lastAnswer, ledgerSum, openCard } from '../staff/fixtures.js';
import { formatCardNumber } from '../../domain/customers/codes.js';

async function atPhoneStep(h: Harness, user: TestUser): Promise<void> {
  await user.send('/start');
  await user.press(/^✅/);
  await user.press(h.app.t('en', 'onboarding-continue'));
  await user.press(h.app.t('en', 'onboarding-privacy-agree'));
}

describe('moving a card to a new Telegram account', () => {
  let h: Harness;
  let barista: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    barista = h.staff({ first_name: 'Ivo' });
  });
  afterAll(async () => h.close());

  it('staff find the card by the last digits and name, allow the move; the same number on the new account takes the card, ledger and invitations', async () => {
    const phone = nextPhone();
    const last4 = phone.slice(-4);
    const old = h.user({ first_name: 'Anna', language_code: 'bg' });
    await onboard(h, old, { phone });
    await giveStamps(h, old, 3);
    const card = (await customerOf(h, old))!;
    const friend = h.user();
    await onboard(h, friend, { payload: `ref_${card.referralCode}` });

    // The new account is refused while nobody has allowed the move, and told what to do.
    const fresh = h.user({ first_name: 'Anna', language_code: 'en' });
    await atPhoneStep(h, fresh);
    await fresh.shareContact(phone);
    expect(fresh.lastText).toBe(h.app.t('en', 'onboarding-phone-taken'));
    expect(await customerOf(h, fresh)).toBeNull();

    // Staff search by the last four digits and the first name, and pick the card from the list.
    await barista.send(`/find ${last4} an`);
    expect(barista.lastText).toContain(last4);
    expect(barista.buttons).toEqual([`Anna · •••• ${last4} · ${formatCardNumber(card.cardNumber!)}`]);
    await barista.press(/^Anna/);
    expect(barista.lastText).toContain(`•••• ${last4}`);
    await barista.press('📲 Move to new account');
    expect(barista.lastText).toContain('can move this card to a new Telegram account for the next 15 minutes');
    await barista.press('📲 Move to new account', barista.id); // a double tap only renews the window

    await fresh.shareContact(phone);
    expect(fresh.textsSince(fresh.messages.length - 3)).toContain(h.app.t('en', 'move-card-done'));
    expect(fresh.lastPhoto).toBeDefined();
    const moved = (await customerOf(h, fresh))!;
    expect(String(moved._id)).toBe(String(card._id));
    expect(moved).toMatchObject({ phone, cardNumber: card.cardNumber, referralCode: card.referralCode, locale: 'en' });
    expect(await ledgerSum(h, moved._id)).toEqual({ stamps: 3, rewards: 0 });
    expect(String((await customerOf(h, friend))!.referredBy)).toBe(String(card._id));
    expect(await h.services.customers.invitedFriends(moved._id)).toEqual({ joined: 1, came: 0 });

    // The old account is detached and told in its language; the staff group gets one audit line.
    expect(await customerOf(h, old)).toBeNull();
    expect(old.lastText).toBe(h.app.t('bg', 'move-card-old-account'));
    const audit = h.staffChat.filter((m) => m.text?.startsWith('📲'));
    expect(audit.map((m) => m.text)).toEqual([`📲 Ivo moved card ${formatCardNumber(card.cardNumber!)} (Anna •••• ${last4}) to a new Telegram account.`]);

    // The old account is now a newcomer: /start offers onboarding, not the card.
    await old.send('/start');
    expect(old.buttons).toContain('✅ Български');
    expect(h.errorLogs).toEqual([]);
  });

  it('a different number cannot take the card, and the window closes after 15 minutes', async () => {
    const phone = nextPhone();
    const old = h.user({ first_name: 'Boris' });
    await onboard(h, old, { phone });
    const card = (await customerOf(h, old))!;
    await barista.send(`/card ${card.cardNumber}`);
    await barista.press('📲 Move to new account');

    const other = h.user({ first_name: 'Boris' });
    const refused = await h.services.cardMoves.moveCardToAccount({ telegramId: other.id, phone: nextPhone(), firstName: 'Boris', locale: 'en' });
    expect(refused).toEqual({ ok: false, error: { code: 'NoMoveAllowed' } });
    expect((await customerOf(h, old))?._id).toEqual(card._id);

    h.clock.advance({ minutes: 16 });
    await atPhoneStep(h, other);
    await other.shareContact(phone);
    expect(other.lastText).toBe(h.app.t('en', 'onboarding-phone-taken'));
    expect((await customerOf(h, old))?._id).toEqual(card._id);
  });

  it('two contacts shared at once move the card once, and only one move is announced', async () => {
    const phone = nextPhone();
    const old = h.user({ first_name: 'Vera' });
    await onboard(h, old, { phone });
    const card = (await customerOf(h, old))!;
    await h.services.cardMoves.allowMove(card._id, 'Ivo');
    const fresh = h.user({ first_name: 'Vera' });
    const account = { telegramId: fresh.id, phone, firstName: 'Vera', locale: 'en' as const };
    const results = await Promise.all([h.services.cardMoves.moveCardToAccount(account), h.services.cardMoves.moveCardToAccount(account)]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.value.previous !== undefined)).toHaveLength(1);
    expect((await customerOf(h, fresh))?._id).toEqual(card._id);
  });

  it('is staff-only: a customer pressing a move button (a real one, or forged) changes nothing', async () => {
    const customer = h.user();
    await onboard(h, customer);
    const before = (await customerOf(h, customer))!;
    const screen = await openCard(h, barista, before);
    const move = cardData(h, screen, { kind: 'move' });
    await customer.pressData(move);
    expect(lastAnswer(h)).toBe(h.app.t('en', 'staff-error-NotStaff'));
    expect(await customerOf(h, customer)).toEqual(before);
    // Altered data (another screen's nonce under this signature) is refused even for staff.
    const forged = move.replace(/^staff:(.)/, (_, first: string) => `staff:${first === 'A' ? 'B' : 'A'}`);
    await barista.pressData(forged, screen);
    expect(lastAnswer(h)).toBe(h.app.t('en', 'staff-error-ScreenExpired'));
    expect(await customerOf(h, customer)).toEqual(before);
    // The real button, pressed by staff, allows the move.
    await barista.pressData(move, screen);
    expect((await customerOf(h, customer))?.moveAllowedUntil).toBeInstanceOf(Date);
  });
});
