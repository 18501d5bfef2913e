// The customer's keyboards and the callback data their buttons send. A customer's buttons only ever
// act on the customer pressing them (`ctx.from`), so their data names an intent, never an authority.
import { InlineKeyboard, Keyboard } from 'grammy';
import { LOCALES, type Locale } from '../../domain/locales.js';
import type { Translate } from '../translator.js';
import { codec, constant, fields, type Codec } from '../callback-data.js';

/** Each language in its own name: the same in every locale. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский', bg: 'Български' };

/** Every customer button's data starts so. */
export const CUSTOMER_BUTTONS = /^cust:/;

export const customerData = {
  onboardingLanguage: codec('onb:lang', fields.locale()),
  onboardingContinue: constant('onb:continue'),
  /** The answer to the offers question after the card is issued (handled outside the onboarding). */
  onboardingConsent: codec('cust:mkt', fields.flag('yes', 'no')),
  /** Agreeing to the privacy policy of this version (the version shown is the one agreed to). */
  privacyAgree: codec('cust:agree', fields.int(0, 9999)),
  privacyDecline: constant('cust:agree:no'),
  /** Show the default privacy policy text (when the owner has no policy link). */
  policy: constant('cust:policy'),
  /** Under every offer: no more offers, at once. */
  stopOffers: constant('cust:stop'),
  language: codec('cust:lang', fields.locale()),
  promotions: codec('cust:promo', fields.flag('on', 'off')),
  /** Carries when the question was asked, so an old confirmation cannot erase anything. */
  deleteConfirm: codec('cust:del', fields.seconds()),
  deleteKeep: constant('cust:keep'),
};

/** Language buttons, the current or suggested one marked. */
export function languageKeyboard(data: Codec<[Locale]>, marked: Locale): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const locale of LOCALES) keyboard.text(`${locale === marked ? '✅ ' : ''}${LANGUAGE_NAMES[locale]}`, data.encode(locale));
  return keyboard;
}

export function continueKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t('onboarding-continue'), customerData.onboardingContinue.encode());
}

/** The request_contact button: Telegram sends the user's own number, which the bot then verifies. */
export function contactKeyboard(t: Translate): Keyboard {
  return new Keyboard().requestContact(t('onboarding-phone-button')).resized().oneTime();
}

export function consentKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('onboarding-consent-yes'), customerData.onboardingConsent.encode(true))
    .text(t('onboarding-consent-no'), customerData.onboardingConsent.encode(false));
}

/** Agree · the policy (the owner's link, or the bot's own text) · no, thanks (during onboarding). */
export function privacyKeyboard(t: Translate, policyUrl: string | null, version: number, decline = true): InlineKeyboard {
  const keyboard = new InlineKeyboard().text(t('onboarding-privacy-agree'), customerData.privacyAgree.encode(version)).row();
  if (policyUrl) keyboard.url(t('onboarding-privacy-read'), policyUrl);
  else keyboard.text(t('onboarding-privacy-read'), customerData.policy.encode());
  if (decline) keyboard.row().text(t('onboarding-privacy-decline'), customerData.privacyDecline.encode());
  return keyboard;
}

/** The one-tap way out of offers, under every marketing message. */
export function stopOffersKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t('offers-stop-button'), customerData.stopOffers.encode());
}

/** The menu buttons, by locale key, in the order they are shown. */
export const MENU_KEYS = [
  'menu-card',
  'menu-rewards',
  'menu-invite',
  'menu-review',
  'menu-language',
  'menu-notifications',
  'menu-my-data',
  'menu-delete',
  'menu-birthday',
] as const;
export type MenuKey = (typeof MENU_KEYS)[number];

export function mainMenu(t: Translate): Keyboard {
  return new Keyboard()
    .text(t('menu-card'))
    .text(t('menu-rewards'))
    .row()
    .text(t('menu-invite'))
    .text(t('menu-review'))
    .row()
    .text(t('menu-language'))
    .text(t('menu-notifications'))
    .row()
    .text(t('menu-my-data'))
    .text(t('menu-delete'))
    .row()
    .text(t('menu-birthday'))
    .resized()
    .persistent();
}

export function promotionsKeyboard(t: Translate, on: boolean): InlineKeyboard {
  return on
    ? new InlineKeyboard().text(t('notifications-turn-off'), customerData.promotions.encode(false))
    : new InlineKeyboard().text(t('notifications-turn-on'), customerData.promotions.encode(true));
}

export function deleteKeyboard(t: Translate, askedAt: Date): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('delete-yes'), customerData.deleteConfirm.encode(askedAt))
    .row()
    .text(t('delete-no'), customerData.deleteKeep.encode());
}
