// The customer's keyboards and the callback data their buttons send. A customer's buttons only ever
// act on the customer pressing them (`ctx.from`), so their data names an intent, never an authority.
import { InlineKeyboard, Keyboard } from 'grammy';
import { LOCALES, type Locale } from '../../domain/locales.js';
import type { Translate } from '../translator.js';

/** Each language in its own name: the same in every locale. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский', bg: 'Български' };

export const customerData = {
  onboardingLanguage: (locale: Locale) => `onb:lang:${locale}`,
  onboardingLanguagePattern: /^onb:lang:(en|ru|bg)$/,
  onboardingContinue: 'onb:continue',
  onboardingContinuePattern: /^onb:continue$/,
  /** The answer to the offers question after the card is issued (handled outside the onboarding). */
  onboardingConsent: (yes: boolean) => `cust:mkt:${yes ? 'yes' : 'no'}`,
  onboardingConsentPattern: /^cust:mkt:(yes|no)$/,
  /** Agreeing to the privacy policy of this version (the version shown is the one agreed to). */
  privacyAgree: (version: number) => `cust:agree:${version}`,
  privacyDecline: 'cust:agree:no',
  privacyAnswerPattern: /^cust:agree:(?:(no)|(\d{1,4}))$/,
  /** Show the default privacy policy text (when the owner has no policy link). */
  policy: 'cust:policy',
  /** Under every offer: no more offers, at once. */
  stopOffers: 'cust:stop',
  language: (locale: Locale) => `cust:lang:${locale}`,
  languagePattern: /^cust:lang:(en|ru|bg)$/,
  promotions: (on: boolean) => `cust:promo:${on ? 'on' : 'off'}`,
  promotionsPattern: /^cust:promo:(on|off)$/,
  /** Carries when the question was asked, so an old confirmation cannot erase anything. */
  deleteConfirm: (askedAt: Date) => `cust:del:${Math.floor(askedAt.getTime() / 1000)}`,
  deleteConfirmPattern: /^cust:del:(\d{1,12})$/,
  deleteKeep: 'cust:keep',
};

/** Language buttons, the current or suggested one marked. */
export function languageKeyboard(data: (locale: Locale) => string, marked: Locale): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const locale of LOCALES) keyboard.text(`${locale === marked ? '✅ ' : ''}${LANGUAGE_NAMES[locale]}`, data(locale));
  return keyboard;
}

export function continueKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t('onboarding-continue'), customerData.onboardingContinue);
}

/** The request_contact button: Telegram sends the user's own number, which the bot then verifies. */
export function contactKeyboard(t: Translate): Keyboard {
  return new Keyboard().requestContact(t('onboarding-phone-button')).resized().oneTime();
}

export function consentKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('onboarding-consent-yes'), customerData.onboardingConsent(true))
    .text(t('onboarding-consent-no'), customerData.onboardingConsent(false));
}

/** Agree · the policy (the owner's link, or the bot's own text) · no, thanks (during onboarding). */
export function privacyKeyboard(t: Translate, policyUrl: string | null, version: number, decline = true): InlineKeyboard {
  const keyboard = new InlineKeyboard().text(t('onboarding-privacy-agree'), customerData.privacyAgree(version)).row();
  if (policyUrl) keyboard.url(t('onboarding-privacy-read'), policyUrl);
  else keyboard.text(t('onboarding-privacy-read'), customerData.policy);
  if (decline) keyboard.row().text(t('onboarding-privacy-decline'), customerData.privacyDecline);
  return keyboard;
}

/** The one-tap way out of offers, under every marketing message. */
export function stopOffersKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t('offers-stop-button'), customerData.stopOffers);
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
    .resized()
    .persistent();
}

export function promotionsKeyboard(t: Translate, on: boolean): InlineKeyboard {
  return on
    ? new InlineKeyboard().text(t('notifications-turn-off'), customerData.promotions(false))
    : new InlineKeyboard().text(t('notifications-turn-on'), customerData.promotions(true));
}

export function deleteKeyboard(t: Translate, askedAt: Date): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('delete-yes'), customerData.deleteConfirm(askedAt))
    .row()
    .text(t('delete-no'), customerData.deleteKeep);
}
