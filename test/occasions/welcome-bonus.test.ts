// The welcome bonus: stamps on a new card when the owner set some, once per phone number ever. The
// number is remembered only as a salted hash, so deleting the data and registering again with it
// does not earn the bonus a second time.
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../harness/index.js';
import { customerOf, onboard } from '../harness/customers.js';
import { ledgerOf } from '../staff/fixtures.js';
import { loadConfig } from '../../app/config.js';

const PHONE = '+359888777111';

async function deleteData(h: Harness, user: ReturnType<Harness['user']>): Promise<void> {
  await user.send(h.app.t('en', 'menu-delete'));
  await user.press(h.app.t('en', 'delete-yes'));
}

describe('welcome bonus', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('goes on a new card once per phone number: deleting the data and coming back does not earn it again', async () => {
    h = await createHarness({ settings: { welcomeBonusStamps: 2 }, config: { PHONE_HASH_SECRET: 'test-secret-of-sixteen-plus' } });
    const user = h.user({ first_name: 'Ann' });
    await onboard(h, user, { phone: PHONE });

    const first = (await customerOf(h, user))!;
    const entries = await ledgerOf(h, first._id);
    expect(entries.map((e) => ({ type: e.type, stamps: e.stamps, reason: e.reason, key: e.key }))).toEqual([
      { type: 'bonus', stamps: 2, reason: 'welcome', key: `welcome:${String(first._id)}` },
    ]);
    const texts = user.messages.map((m) => m.text ?? m.caption ?? '');
    expect(texts).toContain('🎁 Welcome! +2 bonus stamps are already on your new card.');
    expect(h.staffChat.map((m) => m.text).join('\n')).toContain('+2 · welcome bonus, new card');

    // What is kept: the HMAC-SHA256 of the number under the secret, never the number.
    const claims = await h.app.conn.collection('welcomeBonusClaims').find({}).toArray();
    expect(claims.map((c) => c._id)).toEqual([createHmac('sha256', 'test-secret-of-sixteen-plus').update(PHONE).digest('hex')]);
    expect(JSON.stringify(claims)).not.toContain('888777111');

    await deleteData(h, user);
    expect(JSON.stringify(await h.app.conn.collection('welcomeBonusClaims').find({}).toArray())).not.toContain(String(first._id));

    const before = user.messages.length;
    await onboard(h, user, { phone: PHONE });
    const second = (await customerOf(h, user))!;
    expect(String(second._id)).not.toBe(String(first._id));
    expect(await ledgerOf(h, second._id)).toEqual([]);
    expect(user.textsSince(before).join('\n')).not.toContain('Welcome!');

    // Another number is another customer: the bonus is theirs.
    const other = h.user();
    await onboard(h, other, { phone: '+359888777222' });
    const third = (await customerOf(h, other))!;
    expect((await ledgerOf(h, third._id)).map((e) => e.stamps)).toEqual([2]);
  });

  it('without a secret in the configuration, one is drawn once and kept, so a restart still knows the number', async () => {
    h = await createHarness({ settings: { welcomeBonusStamps: 1 } });
    const user = h.user();
    await onboard(h, user, { phone: PHONE });
    expect((await ledgerOf(h, (await customerOf(h, user))!._id)).map((e) => e.reason)).toEqual(['welcome']);
    await deleteData(h, user);

    await h.restart();
    await onboard(h, user, { phone: PHONE });
    expect(await ledgerOf(h, (await customerOf(h, user))!._id)).toEqual([]);
    expect(await h.app.conn.collection('serverSecrets').countDocuments({})).toBe(1);
  });

  it('is off by default: a new card starts empty and nobody is told of a bonus', async () => {
    h = await createHarness();
    const user = h.user();
    await onboard(h, user, { phone: PHONE });
    expect(await ledgerOf(h, (await customerOf(h, user))!._id)).toEqual([]);
    expect(user.messages.map((m) => m.text ?? '').join('\n')).not.toContain('Welcome!');
    expect(await h.app.conn.collection('welcomeBonusClaims').countDocuments({})).toBe(0);
  });

  it('is set by the owner in /settings like any other number, and a value out of range changes nothing', async () => {
    h = await createHarness();
    const owner = h.owner();
    await owner.send('/settings');
    await owner.press(h.app.t('en', 'settings-section-occasions'));
    expect(owner.lastText).toContain('Welcome bonus: off');
    await owner.press(`✏️ ${h.app.t('en', 'settings-field-welcome-bonus-stamps')}`);
    await owner.send('50');
    expect(owner.lastText).toMatch(/0.*10/);
    expect((await h.services.settings.get()).welcomeBonusStamps).toBe(0);
    await owner.send('3');
    expect((await h.services.settings.get()).welcomeBonusStamps).toBe(3);

    const user = h.user();
    await onboard(h, user);
    expect((await ledgerOf(h, (await customerOf(h, user))!._id)).map((e) => e.stamps)).toEqual([3]);
  });

  it('refuses a PHONE_HASH_SECRET too short to be a secret, with an example', () => {
    expect(() => loadConfig({ BOT_TOKEN: '123456:ABCDEFGHIJKLMNOP', PHONE_HASH_SECRET: 'short' })).toThrow(/PHONE_HASH_SECRET.*at least 16 characters/);
    expect(loadConfig({ BOT_TOKEN: '123456:ABCDEFGHIJKLMNOP', PHONE_HASH_SECRET: '' }).PHONE_HASH_SECRET).toBeUndefined();
  });
});
