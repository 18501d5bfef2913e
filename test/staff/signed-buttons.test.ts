// Card screen buttons are signed (bot/keyboards/staff.ts): a press needs no server-side record of the
// screen, and data that was forged, altered or has expired is refused in the presser's language while
// nothing changes. The role is still checked at the press.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../harness/index.js';
import { buttonData, cardData, lastAnswer, ledgerOf, openCard, registerCustomer } from './fixtures.js';
import { CardScreenCodec } from '../../bot/keyboards/staff.js';

const REFUSED_RU = 'Этот экран карты устарел. Отсканируйте карту ещё раз.';

describe('signed card screen buttons', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());

  it('fit in the 64 bytes Telegram allows, for every button', async () => {
    await h.services.settings.update({ maxStampsPerVisit: 10, dailyCap: 10 }, null);
    const customer = await registerCustomer(h, h.user());
    const screen = await openCard(h, h.staff(), customer);
    const data = ['+1', '+10', 'Cancel'].map((label) => buttonData(screen, label));
    for (const d of data) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(64);
    await h.services.settings.update({ maxStampsPerVisit: 3, dailyCap: 3 }, null);
  });

  it('forged, altered or expired data is refused in the presser’s language and changes nothing', async () => {
    const customer = await registerCustomer(h, h.user());
    const other = await registerCustomer(h, h.user());
    const barista = h.staff({ language_code: 'ru' });
    const screen = await openCard(h, barista, customer);
    const plusOne = buttonData(screen, '+1');
    const parts = plusOne.split(':');

    // Another customer's id put into a genuine button.
    const otherId = Buffer.from(String(other._id), 'hex').toString('base64url');
    const swapped = [parts[0], parts[1], otherId, ...parts.slice(3)].join(':');
    // The action changed from +1 to +3 without a new signature.
    const bumped = plusOne.replace(/stamp:1$/, 'stamp:3');
    // Signed with another bot's key.
    const foreign = new CardScreenCodec('999:another-bot-token').encode(
      { nonce: parts[1]!, customerId: String(customer._id), expiresAt: new Date(h.clock.now().getTime() + 60_000), done: { stamped: false, redeemed: false } },
      { kind: 'stamp', stamps: 1 },
    );
    for (const data of [swapped, bumped, foreign, `${plusOne}x`, 'staff:garbage']) {
      await barista.pressData(data, screen);
      expect(lastAnswer(h), data).toBe(REFUSED_RU);
    }
    // Past its expiry, a genuine button is refused too.
    h.clock.advance({ minutes: 31 });
    await barista.pressData(plusOne, screen);
    expect(lastAnswer(h)).toBe(REFUSED_RU);

    expect(await ledgerOf(h, customer._id)).toEqual([]);
    expect(await ledgerOf(h, other._id)).toEqual([]);
  });

  it('a genuine button still needs a staff member at the press', async () => {
    const customer = await registerCustomer(h, h.user());
    const barista = h.staff();
    const screen = await openCard(h, barista, customer);
    const intruder = h.user();
    await intruder.pressData(cardData(h, screen, { kind: 'stamp', stamps: 1 }), screen);
    expect(lastAnswer(h)).toBe('Only staff can do this.');
    expect(await ledgerOf(h, customer._id)).toEqual([]);
  });

  it('opening a card screen writes nothing; the nonce in its buttons stays the operation’s key', async () => {
    const customer = await registerCustomer(h, h.user());
    const barista = h.staff();
    await openCard(h, barista, customer); // the first look gives the card its snapshot
    expect(await h.app.conn.collection('pendingActions').countDocuments()).toBe(0);
    const screen = await openCard(h, barista, customer);
    const data = buttonData(screen, '+1');
    await Promise.all([barista.pressData(data, screen), barista.pressData(data, screen)]);
    const entries = await ledgerOf(h, customer._id);
    expect(entries.map((e) => e.key)).toEqual([`stamp:${data.split(':')[1]}`]);
  });
});
