// Every keyboard the bot can send, in every language, with values as long as real ones get (long
// reward names, counts of 21 and 1000, the most stamps a visit may give): no button label may be longer
// than 32 characters, or a phone cuts it off. Counts go first, so a cut never hides them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InlineKeyboard, Keyboard } from 'grammy';
import { LOCALES, type Locale } from '../../domain/locales.js';
import { createI18n } from '../../bot/i18n.js';
import * as customer from '../../bot/keyboards/customer.js';
import * as owner from '../../bot/keyboards/owner.js';
import * as reviews from '../../bot/keyboards/reviews.js';
import * as setup from '../../bot/keyboards/setup.js';
import * as staff from '../../bot/keyboards/staff.js';
import * as birthday from '../../bot/keyboards/birthday.js';
import { monthName } from '../../bot/occasion-messages.js';
import { SETTINGS_SECTIONS, rangeOf } from '../../bot/settings-menu.js';
import { SEGMENTS, type Segment } from '../../domain/broadcasts/segments.js';
import { campaignNames, type CampaignName } from '../../domain/settings.js';
import { formatLocal } from '../../domain/business-time.js';

const MAX_LABEL = 32;
const i18n = createI18n('en');
const ID = '0123456789abcdef01234567';
const CODEC = new staff.CardScreenCodec('123:test-token');
const SCREEN = CODEC.open('0123456789abcdef01234567', new Date('2026-12-24T18:30:00Z'), 30);

type Markup = InlineKeyboard | Keyboard;
type Vars = Record<string, string | number | Date>;

/** The longest reward names an owner is likely to type, so a label that shows one is tried with it. */
const REWARD: Record<Locale, string> = {
  en: 'a free large cappuccino with syrup',
  ru: 'бесплатный большой капучино с сиропом',
  bg: 'безплатно голямо капучино със сироп',
};

function labels(markup: Markup): string[] {
  const rows = 'inline_keyboard' in markup ? markup.inline_keyboard : markup.keyboard;
  return rows.flat().map((button) => (typeof button === 'string' ? button : button.text));
}

/** Every keyboard builder, called with realistic values; the test below checks that none is left out. */
function everyKeyboard(locale: Locale): Record<string, Markup[]> {
  const t = (key: string, vars?: Vars) => i18n.t(locale, key, { reward: REWARD[locale], ...vars });
  const allOn = Object.fromEntries(campaignNames.map((c) => [c, true])) as Record<CampaignName, boolean>;
  const allOff = Object.fromEntries(campaignNames.map((c) => [c, false])) as Record<CampaignName, boolean>;
  const counts = (n: number) => Object.fromEntries(SEGMENTS.map((s) => [s, n])) as Record<Segment, number>;
  const maxStamps = rangeOf('maxStampsPerVisit').max;
  const cardScreens = [true, false].flatMap((redeem) =>
    [true, false].map((finished) => staff.cardScreenKeyboard(t, CODEC, SCREEN, { stamps: maxStamps, redeem, finished })),
  );
  return {
    languageKeyboard: LOCALES.map((marked) => customer.languageKeyboard(customer.customerData.language, marked)),
    continueKeyboard: [customer.continueKeyboard(t)],
    contactKeyboard: [customer.contactKeyboard(t)],
    consentKeyboard: [customer.consentKeyboard(t)],
    mainMenu: [customer.mainMenu(t)],
    promotionsKeyboard: [customer.promotionsKeyboard(t, true), customer.promotionsKeyboard(t, false)],
    deleteKeyboard: [customer.deleteKeyboard(t, new Date('2026-12-24T18:30:00Z'))],
    privacyKeyboard: [customer.privacyKeyboard(t, 'https://example.com/privacy', 12), customer.privacyKeyboard(t, null, 12, false)],
    stopOffersKeyboard: [customer.stopOffersKeyboard(t)],
    ownerReplyKeyboard: [reviews.ownerReplyKeyboard(t, ID)],
    replyStopKeyboard: [reviews.replyStopKeyboard(t)],
    settingsHomeKeyboard: [owner.settingsHomeKeyboard(t)],
    settingsSectionKeyboard: SETTINGS_SECTIONS.flatMap((section) => [
      owner.settingsSectionKeyboard(t, section, allOn),
      owner.settingsSectionKeyboard(t, section, allOff),
    ]).concat(LOCALES.map((chosen) => owner.settingsSectionKeyboard(t, 'general', allOn, chosen))),
    stopEditingKeyboard: [owner.stopEditingKeyboard(t)],
    segmentKeyboard: [owner.segmentKeyboard(t, counts(21)), owner.segmentKeyboard(t, counts(1000)), owner.segmentKeyboard(t, counts(10_000))],
    skipLanguageKeyboard: LOCALES.map((fallback) => owner.skipLanguageKeyboard(t, t(`broadcast-in-${fallback}`))),
    whenKeyboard: [owner.whenKeyboard(t)],
    confirmKeyboard: [owner.confirmKeyboard(t)],
    abortKeyboard: [owner.abortKeyboard(t)],
    cancelBroadcastKeyboard: [owner.cancelBroadcastKeyboard(t, ID, formatLocal(new Date('2026-12-24T16:30:00Z'), 'Europe/Sofia'))],
    confirmCancelKeyboard: [owner.confirmCancelKeyboard(t, ID)],
    statsKeyboard: [owner.statsKeyboard(t)],
    ratingKeyboard: [reviews.ratingKeyboard(ID)],
    commentKeyboard: [reviews.commentKeyboard(t, ID, 'https://maps.google.com/?cid=1'), reviews.commentKeyboard(t, ID, null)],
    publicReviewKeyboard: [reviews.publicReviewKeyboard(t, 'https://maps.google.com/?cid=1')!],
    cardScreenKeyboard: cardScreens,
    undoKeyboard: [staff.undoKeyboard(t, ID)],
    feedUndoKeyboard: [staff.feedUndoKeyboard(t, [{ line: 1, entryId: ID }, { line: 2, entryId: ID }], 5)].flatMap((k) => (k ? [k] : [])),
    staffChatOfferKeyboard: [setup.staffChatOfferKeyboard(t)],
    birthdayQuestionKeyboard: [birthday.birthdayQuestionKeyboard(t)],
    birthdayChangeKeyboard: [birthday.birthdayChangeKeyboard(t, 'birthday-choose-button'), birthday.birthdayChangeKeyboard(t, 'birthday-change-button')],
    monthKeyboard: [birthday.monthKeyboard(locale, monthName)],
    dayKeyboard: Array.from({ length: 12 }, (_, i) => birthday.dayKeyboard(i + 1)),
  };
}

describe('keyboards', () => {
  it('are all rendered here: every keyboard builder the bot has', async () => {
    // Every module in bot/keyboards, so that a new one cannot slip past this test.
    const dir = join(import.meta.dirname, '../../bot/keyboards');
    const modules = await Promise.all(readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => import(join(dir, f)) as Promise<Record<string, unknown>>));
    const builders = modules.flatMap((module) =>
      Object.entries(module)
        .filter(([name, value]) => typeof value === 'function' && (/Keyboard$/.test(name) || name === 'mainMenu'))
        .map(([name]) => name),
    );
    expect(builders.sort()).toEqual(Object.keys(everyKeyboard('en')).sort());
  });

  for (const locale of LOCALES) {
    it(`fit a phone in ${locale}: no label longer than ${MAX_LABEL} characters`, () => {
      const long: string[] = [];
      for (const [name, markups] of Object.entries(everyKeyboard(locale))) {
        for (const label of markups.flatMap(labels)) if ([...label].length > MAX_LABEL) long.push(`${name}: “${label}” (${[...label].length})`);
      }
      expect(long).toEqual([]);
    });
  }

  it('show a segment’s count first, so it is never the part a phone cuts off', () => {
    for (const locale of LOCALES) {
      const segmentLabels = labels(everyKeyboard(locale).segmentKeyboard![1]!).slice(0, SEGMENTS.length);
      for (const label of segmentLabels) expect(label, locale).toMatch(/^1\D?000 · /u);
    }
  });
});
