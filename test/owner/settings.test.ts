import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SETTING_FIELDS, kindOf, rangeOf, sectionOf, valueOf, type SettingField } from '../../bot/settings-menu.js';
import { campaignNames, settingsSchema } from '../../domain/settings.js';
import { createHarness, type Harness, type TestUser } from '../harness/index.js';
import { lastAlert } from './fixtures.js';

const SECTION_BUTTON: Record<string, RegExp> = {
  card: /Stamps and reward/,
  limits: /Visit limits/,
  reviews: /Reviews/,
  referrals: /Invited friends/,
  campaigns: /Campaigns and offers/,
  privacy: /Privacy and data/,
  fraud: /Fraud signals/,
  general: /Time zone/,
  occasions: /Welcome and birthday/,
};

/** A valid new value for each setting, different from its default. */
const NEW_VALUES: Record<SettingField, { typed: string; stored: unknown }> = {
  stampsPerReward: { typed: '10', stored: 10 },
  'rewardName.en': { typed: 'free croissant', stored: 'free croissant' },
  'rewardName.ru': { typed: 'круассан в подарок', stored: 'круассан в подарок' },
  'rewardName.bg': { typed: 'кроасан подарък', stored: 'кроасан подарък' },
  rewardExpiryDays: { typed: '90', stored: 90 },
  cooldownMinutes: { typed: '60', stored: 60 },
  dailyCap: { typed: '2', stored: 2 },
  maxStampsPerVisit: { typed: '5', stored: 5 },
  reviewDelayMinutes: { typed: '30', stored: 30 },
  reviewBonusStamps: { typed: '2', stored: 2 },
  reviewBonusPeriodDays: { typed: '14', stored: 14 },
  publicReviewUrl: { typed: 'https://maps.google.com/?cid=123', stored: 'https://maps.google.com/?cid=123' },
  referralBonusReferrer: { typed: '3', stored: 3 },
  referralBonusFriend: { typed: '2', stored: 2 },
  referralMonthlyCap: { typed: '5', stored: 5 },
  winBackDays: { typed: '45', stored: 45 },
  marketingMaxPerWeek: { typed: '1', stored: 1 },
  timeZone: { typed: 'europe/moscow', stored: 'Europe/Moscow' },
  businessName: { typed: 'Café Lipa Ltd', stored: 'Café Lipa Ltd' },
  businessContact: { typed: 'privacy@lipa.example', stored: 'privacy@lipa.example' },
  privacyPolicyUrl: { typed: 'https://lipa.example/privacy', stored: 'https://lipa.example/privacy' },
  privacyPolicyVersion: { typed: '2', stored: 2 },
  retentionMonths: { typed: '24', stored: 24 },
  fraudCustomerVisitsPerDay: { typed: '4', stored: 4 },
  fraudStaffSameCustomerPerDay: { typed: '3', stored: 3 },
  fraudStaffRateFactor: { typed: '5', stored: 5 },
  fraudQuickRedeemMinutes: { typed: '30', stored: 30 },
  welcomeBonusStamps: { typed: '2', stored: 2 },
  birthdayBonusStamps: { typed: '3', stored: 3 },
  birthdayWindowDays: { typed: '10', stored: 10 },
};

describe('/settings', () => {
  let h: Harness;
  let owner: TestUser;

  beforeAll(async () => {
    h = await createHarness();
    owner = h.owner();
  });
  afterAll(async () => h.close());
  beforeEach(async () => {
    await h.services.settings.update(settingsSchema.parse({}), null);
    await owner.send('/cancel');
  });

  async function openSetting(field: SettingField): Promise<void> {
    await owner.send('/settings');
    await owner.press(SECTION_BUTTON[sectionOf(field)]!);
    await owner.press(new RegExp(`^✏️ ${escapeRegExp(labelOf(field))}$`));
  }

  function labelOf(field: SettingField): string {
    return h.app.t('en', `settings-field-${field.replace(/\./g, '-').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
  }

  it('an owner changes the stamps per reward with two taps and a number, in force at once', async () => {
    await owner.send('/settings');
    expect(owner.lastText).toContain('Program settings');
    await owner.press(/Stamps and reward/);
    expect(owner.lastText).toContain('Stamps for a reward: 8 stamps');
    await owner.press('✏️ Stamps for a reward');
    expect(owner.lastText).toContain('Now: 8 stamps');
    expect(owner.lastText).toContain('from 2 to 30');

    await owner.send('10');

    expect(owner.lastText).toContain('Saved. Stamps for a reward: 10 stamps');
    expect((await h.services.settings.get()).stampsPerReward).toBe(10);
    // Another instance on the same database reads the new value too.
    const other = await h.anotherInstance();
    expect((await other.services.settings.get()).stampsPerReward).toBe(10);
  });

  it('every program setting of PRODUCT.md can be changed from /settings', async () => {
    for (const field of SETTING_FIELDS) {
      await openSetting(field);
      await owner.send(NEW_VALUES[field].typed);
      expect(owner.lastText, field).toContain('Saved');
      expect(valueOf(await h.services.settings.get(), field), field).toEqual(NEW_VALUES[field].stored);
    }
    // Campaign switches flip with a tap, each on its own.
    await owner.send('/settings');
    await owner.press(/Campaigns and offers/);
    for (const campaign of campaignNames) {
      const label = h.app.t('en', `settings-campaign-${campaign.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
      await owner.press(`✅ ${label}`);
      expect((await h.services.settings.get()).campaigns[campaign], campaign).toBe(false);
      expect(lastAlert(h)).toBe(`${label}: off`);
    }
    await owner.press(/“We miss you” message/);
    const { campaigns } = await h.services.settings.get();
    expect(campaigns).toEqual({ rewardReminder: false, almostThere: false, winBack: true, reviewRequest: false, dailyDigest: false });
  });

  it('a number out of range, a word, a sticker and a bad link are refused with the reason; the question stays open', async () => {
    await openSetting('stampsPerReward');
    await owner.send('99');
    expect(owner.lastText).toBe('That number is out of range. Please send a number from 2 to 30.');
    await owner.send('eight');
    expect(owner.lastText).toBe('That is not a whole number. Please send a number from 2 to 30.');
    await owner.send('7.5');
    expect(owner.lastText).toContain('not a whole number');
    await owner.sendSticker();
    expect(owner.lastText).toBe('Please send the new value as a text message.');
    expect((await h.services.settings.get()).stampsPerReward).toBe(8);
    await owner.send('6');
    expect((await h.services.settings.get()).stampsPerReward).toBe(6);

    await openSetting('cooldownMinutes');
    await owner.send(String(7 * 24 * 60 + 1));
    expect(rangeOf('cooldownMinutes')).toEqual({ min: 0, max: 10_080 });
    expect(owner.lastText).toBe('That number is out of range. Please send a number from 0 to 10,080.');
    expect((await h.services.settings.get()).cooldownMinutes).toBe(180);

    await openSetting('publicReviewUrl');
    await owner.send('ftp://example.com/review');
    expect(owner.lastText).toContain('That is not a web link');
    await owner.send('-');
    expect((await h.services.settings.get()).publicReviewUrl).toBeNull();

    await openSetting('timeZone');
    await owner.send('Mars/Olympus_Mons');
    expect(owner.lastText).toBe('I do not know that time zone. Please send one like Europe/Sofia.');

    await openSetting('rewardName.en');
    await owner.send('x'.repeat(61));
    expect(owner.lastText).toContain('1 to 60 characters');
    expect((await h.services.settings.get()).rewardName.en).toBe('free coffee');
    expect((await h.services.settings.get()).timeZone).toBe('Europe/Sofia');
    expect(kindOf('rewardName.en')).toBe('text');
  });

  it('the reviews, privacy and fraud sections say why, in the owner\'s language', async () => {
    await owner.send('/settings');
    await owner.press(/Reviews/);
    expect(owner.lastText).toContain('Google and Yandex forbid asking only happy customers for public reviews');
    expect(owner.lastText).toContain('offered to every reviewer, whatever the rating, with no reward');
    await owner.press('⬅️ Back');
    await owner.press(/Privacy and data/);
    expect(owner.lastText).toContain('152-ФЗ');
    expect(owner.lastText).toContain('Erase inactive after (months): never');
    await owner.press('⬅️ Back');
    await owner.press(/Fraud signals/);
    expect(owner.lastText).toContain('Signal: customer visits a day: 5');
    const ruOwner = h.owner({ language_code: 'ru' });
    await ruOwner.send('/settings');
    await ruOwner.press(/Отзывы/);
    expect(ruOwner.lastText).toContain('Google и Яндекс запрещают');
  });

  it('the owner reads settings and refusals in their own language', async () => {
    const ruOwner = h.owner({ language_code: 'ru' });
    await ruOwner.send('/settings');
    expect(ruOwner.lastText).toContain('Настройки программы');
    await ruOwner.press(/Ограничения визитов/);
    await ruOwner.press('✏️ Максимум штампов за визит');
    await ruOwner.send('11');
    expect(ruOwner.lastText).toBe('Это число вне допустимого диапазона. Отправьте число от 1 до 10.');
    await ruOwner.send('4');
    expect(ruOwner.lastText).toBe('✅ Сохранено. Максимум штампов за визит: 4 штампа');
  });

  it('/cancel in the middle of a change leaves everything as it was', async () => {
    await openSetting('dailyCap');
    await owner.send('/cancel');
    expect(owner.lastText).toBe(h.app.t('en', 'cancel-done'));
    await owner.send('9');
    expect((await h.services.settings.get()).dailyCap).toBe(3);
    expect(owner.lastText).not.toContain('Saved');
  });

  it('"Leave it as it is" and pressing another setting drop the open question', async () => {
    await openSetting('dailyCap');
    await owner.press('✖️ Leave it as it is');
    expect(owner.lastText).toBe('Nothing was changed.');
    await owner.send('9');
    expect((await h.services.settings.get()).dailyCap).toBe(3);

    await openSetting('dailyCap');
    await owner.press('✏️ Most stamps for one visit');
    expect(owner.lastText).toContain('Most stamps for one visit');
    await owner.send('2');
    const settings = await h.services.settings.get();
    expect(settings.maxStampsPerVisit).toBe(2);
    expect(settings.dailyCap).toBe(3);
  });

  it('ownership is checked at every step: an owner removed from OWNER_IDS mid-way changes nothing', async () => {
    await openSetting('dailyCap');
    const owners = h.config.OWNER_IDS.splice(0);
    try {
      await owner.send('9');
      expect(owner.lastText).toBe('🔒 This is for the owner of the program only.');
      await owner.press(/^✏️/);
      expect(lastAlert(h)).toBe('🔒 This is for the owner of the program only.');
    } finally {
      h.config.OWNER_IDS.push(...owners);
    }
    expect((await h.services.settings.get()).dailyCap).toBe(3);
  });

  it('a customer cannot open settings, flip a switch or change a value, even with forged buttons', async () => {
    const customer = h.user({ language_code: 'bg' });
    await customer.send('/settings');
    expect(customer.lastText).toBe('🔒 Това е достъпно само за собственика на програмата.');

    await customer.pressData('set:tgl:winBack');
    expect(lastAlert(h)).toBe('🔒 Това е достъпно само за собственика на програмата.');
    await customer.pressData('set:edit:stampsPerReward');
    await customer.send('2');
    await customer.pressData('set:sec:card');
    expect(lastAlert(h)).toContain('🔒');

    const settings = await h.services.settings.get();
    expect(settings.campaigns.winBack).toBe(true);
    expect(settings.stampsPerReward).toBe(8);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
