// Every button's callback data goes through one typed codec (bot/callback-data.ts): what a keyboard
// encodes, its handler decodes to the same values; data altered to something out of bounds is not
// accepted; no two buttons' data can be taken for one another; nothing exceeds Telegram's 64 bytes.
import { describe, expect, it } from 'vitest';
import { codec, fields, type Codec } from '../../bot/callback-data.js';
import { customerData } from '../../bot/keyboards/customer.js';
import { ownerData } from '../../bot/keyboards/owner.js';
import { reviewData } from '../../bot/keyboards/reviews.js';
import { setupData } from '../../bot/keyboards/setup.js';
import { staffData } from '../../bot/keyboards/staff.js';

const ID = '0123456789abcdef01234567';

/** Each codec with sample values covering its fields. */
const samples: [string, Codec<unknown[]>, unknown[][]][] = [
  ['customer.onboardingLanguage', customerData.onboardingLanguage, [['en'], ['ru'], ['bg']]],
  ['customer.onboardingContinue', customerData.onboardingContinue, [[]]],
  ['customer.onboardingConsent', customerData.onboardingConsent, [[true], [false]]],
  ['customer.privacyAgree', customerData.privacyAgree, [[1], [9999]]],
  ['customer.privacyDecline', customerData.privacyDecline, [[]]],
  ['customer.policy', customerData.policy, [[]]],
  ['customer.stopOffers', customerData.stopOffers, [[]]],
  ['customer.language', customerData.language, [['bg']]],
  ['customer.promotions', customerData.promotions, [[true], [false]]],
  ['customer.deleteConfirm', customerData.deleteConfirm, [[new Date('2026-12-04T10:00:00Z')]]],
  ['customer.deleteKeep', customerData.deleteKeep, [[]]],
  ['owner.settingsHome', ownerData.settingsHome, [[]]],
  ['owner.settingsSection', ownerData.settingsSection, [['general'], ['campaigns']]],
  ['owner.settingsEdit', ownerData.settingsEdit, [['stampsPerReward'], ['campaigns.winBack']]],
  ['owner.settingsToggle', ownerData.settingsToggle, [['winBack']]],
  ['owner.settingsStopEditing', ownerData.settingsStopEditing, [[]]],
  ['owner.settingsStaffChatLocale', ownerData.settingsStaffChatLocale, [['ru'], ['owner']]],
  ['owner.segment', ownerData.segment, [['all']]],
  ['owner.skipLanguage', ownerData.skipLanguage, [[]]],
  ['owner.sendNow', ownerData.sendNow, [[]]],
  ['owner.sendTomorrow', ownerData.sendTomorrow, [[]]],
  ['owner.confirm', ownerData.confirm, [[]]],
  ['owner.abort', ownerData.abort, [[]]],
  ['owner.statsHowCounted', ownerData.statsHowCounted, [[]]],
  ['owner.listCancel', ownerData.listCancel, [[ID]]],
  ['owner.listCancelYes', ownerData.listCancelYes, [[ID]]],
  ['owner.listKeep', ownerData.listKeep, [[ID]]],
  ['reviews.rate', reviewData.rate, [[ID, 1], [ID, 5]]],
  ['reviews.skip', reviewData.skip, [[ID]]],
  ['reviews.reply', reviewData.reply, [[ID]]],
  ['reviews.replyStop', reviewData.replyStop, [[]]],
  ['setup.bindStaffChat', setupData.bindStaffChat, [[]]],
  ['staff.found', staffData.found, [['AB12CD34']]],
  ['staff.undo', staffData.undo, [[ID]]],
] as never;

describe('callback data codecs', () => {
  it('every button decodes to what it encoded, within 64 bytes', () => {
    for (const [name, button, values] of samples) {
      for (const value of values) {
        const data = button.encode(...value);
        expect(Buffer.byteLength(data), name).toBeLessThanOrEqual(64);
        expect(button.decode(data), name).toEqual(value);
      }
    }
  });

  it('no button\'s data is taken for another button\'s', () => {
    for (const [name, button, values] of samples) {
      for (const value of values) {
        const data = button.encode(...value);
        const takers = samples.filter(([, other]) => other !== button && other.trigger.test(data)).map(([other]) => other);
        expect(takers, `${name} → ${data}`).toEqual([]);
      }
    }
  });

  it('altered data is refused: out-of-bounds values, unknown words, extra or missing parts', () => {
    expect(reviewData.rate.decode(`rev:rate:${ID}:6`)).toBeUndefined();
    expect(reviewData.rate.decode(`rev:rate:${ID}:0`)).toBeUndefined();
    expect(reviewData.rate.decode(`rev:rate:${ID}`)).toBeUndefined();
    expect(reviewData.rate.decode(`rev:rate:${ID}:5:1`)).toBeUndefined();
    expect(reviewData.skip.decode('rev:skip:XYZ')).toBeUndefined();
    expect(customerData.language.decode('cust:lang:de')).toBeUndefined();
    expect(ownerData.settingsSection.decode('set:sec:nothing')).toBeUndefined();
    expect(ownerData.segment.decode('bc:seg:everyone-ever')).toBeUndefined();
    expect(customerData.privacyAgree.decode('cust:agree:99999')).toBeUndefined();
    expect(staffData.found.decode('staff-found:ab12cd34')).toBeUndefined();
    expect(customerData.onboardingContinue.decode('onb:continue:more')).toBeUndefined();
    expect(customerData.onboardingContinue.decode(undefined)).toBeUndefined();
  });

  it('encoding a value that does not fit, or data over 64 bytes, is a programming error', () => {
    expect(() => reviewData.rate.encode('not-an-id', 5)).toThrow();
    const long = codec('x'.repeat(40), fields.objectId());
    expect(() => long.encode(ID)).toThrow(/64 bytes/);
  });
});
