// What people read about occasions: the welcome bonus, the birthday (its date, its bonus, the greeting
// on the day) and the staff group's line for each bonus. Used by the onboarding, the birthday feature
// and the occasions jobs; every text in its recipient's language.
import type { Locale } from '../domain/locales.js';
import type { CustomerDoc } from '../domain/customers/model.js';
import type { Settings } from '../domain/settings.js';
import type { BonusGranted } from '../domain/visits/service.js';
import type { Birthday } from '../domain/occasions/birthday-dates.js';
import type { BirthdayGreeting, BirthdayNotice } from '../domain/occasions/service.js';
import type { Notifier, SendOutcome } from './notifier.js';
import type { Translate, Translator } from './translator.js';
import type { InlineKeyboard } from 'grammy';
import { birthdayQuestionKeyboard } from './keyboards/birthday.js';
import { balanceAfterBonus, cardLabel, customerLabel } from './review-messages.js';
import { stopOffersKeyboard } from './keyboards/customer.js';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', ru: 'ru', bg: 'bg' };

/** "29 February", «29 февраля», „29 февруари“: a day and a month, never a year. */
export function formatDayMonth(locale: Locale, day: { day: number; month: number }): string {
  // 2000 is a leap year, so 29 February can be written too.
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: 'UTC', day: 'numeric', month: 'long' }).format(
    new Date(Date.UTC(2000, day.month - 1, day.day)),
  );
}

/** The month's own name ("February", «февраль», „февруари“), for the month buttons. */
export function monthName(locale: Locale, month: number): string {
  const name = new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: 'UTC', month: 'long' }).format(new Date(Date.UTC(2000, month - 1, 1)));
  return name.charAt(0).toLocaleUpperCase(INTL_LOCALE[locale]) + name.slice(1);
}

/** The saved date, with the 28 February rule for a leap-day birthday. */
export function birthdaySavedText(t: Translator, locale: Locale, birthday: Birthday): string {
  const lines = [t(locale, 'birthday-saved', { date: formatDayMonth(locale, birthday) })];
  if (birthday.day === 29 && birthday.month === 2) lines.push(t(locale, 'birthday-leap-day'));
  return lines.join('\n');
}

export interface OccasionDeps {
  notifier: Notifier;
  settings: Settings;
}

/** The welcome bonus: the new customer's line and the staff group's. */
export async function announceWelcome(deps: OccasionDeps, customer: CustomerDoc, bonus: BonusGranted): Promise<void> {
  if (!customer.telegramId) return;
  const locale = customer.locale;
  await deps.notifier.send(customer.telegramId, locale, 'welcome-bonus', { count: bonus.entry.stamps });
  await deps.notifier.staffChat.post('welcome-staff-bonus', { customer: customerLabel(customer), number: cardLabel(customer), count: bonus.entry.stamps });
}

/** The birthday bonus earned with a visit, or taken back with it: the customer's line (with the card after it) and the staff group's. */
export async function announceBirthdayBonus(deps: OccasionDeps, notice: BirthdayNotice): Promise<void> {
  const { customer } = notice;
  const granted = notice.kind === 'granted';
  const stamps = granted ? notice.bonus.entry.stamps : notice.bonus.stamps;
  if (customer.telegramId && !customer.deletedAt) {
    const locale = customer.locale;
    const card = granted
      ? balanceAfterBonus(deps.notifier.t, locale, deps.settings, notice.bonus.balance, notice.bonus.rewardsEarned)
      : balanceAfterBonus(deps.notifier.t, locale, deps.settings, notice.balance, 0);
    await deps.notifier.send(customer.telegramId, locale, granted ? 'birthday-bonus' : 'birthday-taken-back', { count: stamps, card });
  }
  const vars = { customer: customerLabel(customer), number: cardLabel(customer), count: stamps };
  await deps.notifier.staffChat.post(granted ? 'birthday-staff-bonus' : 'birthday-staff-taken-back', vars);
}

/** The greeting on the day: an offer, so it carries the one-tap way out. */
export async function sendBirthdayGreeting(notifier: Notifier, greeting: BirthdayGreeting): Promise<SendOutcome> {
  const { customer, offer } = greeting;
  if (!customer.telegramId) return 'failed';
  const locale = customer.locale;
  const name = customer.firstName ?? '';
  const optOut = stopOffersKeyboard((key) => notifier.t(locale, key));
  return offer
    ? notifier.send(customer.telegramId, locale, 'birthday-greeting-offer', { name, count: offer.stamps, until: formatDayMonth(locale, offer.until) }, { reply_markup: optOut })
    : notifier.send(customer.telegramId, locale, 'birthday-greeting', { name }, { reply_markup: optOut });
}

/** The optional birthday question after the card is issued; none while the program gives no birthday bonus. */
export function birthdayQuestion(t: Translate, settings: Settings): { text: string; reply_markup: InlineKeyboard } | null {
  if (settings.birthdayBonusStamps <= 0) return null;
  return { text: t('birthday-ask', { count: settings.birthdayBonusStamps }), reply_markup: birthdayQuestionKeyboard(t) };
}
