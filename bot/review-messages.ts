// What people read about reviews: the question after a visit and the thanks for a rating (in the
// customer's language), and the review as the staff group and the owners get it. Used by the review
// feature, its conversation and the review jobs.
import type { Locale } from '../domain/locales.js';
import { formatCardNumber } from '../domain/customers/codes.js';
import type { CustomerDoc } from '../domain/customers/model.js';
import type { Balance } from '../domain/ledger/balance.js';
import { COMMENT_MAX_CHARS, type Published, type Rated, type ReviewRequest } from '../domain/reviews/service.js';
import type { Services } from '../domain/services.js';
import type { Settings } from '../domain/settings.js';
import { progressLine } from './card.js';
import type { Translator } from './translator.js';
import { ownerReplyKeyboard, ratingKeyboard } from './keyboards/reviews.js';
import type { Notifier, SendOutcome } from './notifier.js';
import { formatMoment, maskedPhone } from './visit-messages.js';

export interface ReviewDeps {
  notifier: Notifier;
  services: Services;
}

/** ★★★★☆ */
export function stars(rating: number): string {
  return '★'.repeat(rating) + '☆'.repeat(5 - rating);
}

/** How staff tell customers apart: first name and the last four digits of the phone. */
export function customerLabel(customer: CustomerDoc | null): string {
  return `${customer?.firstName ?? '—'} ${maskedPhone(customer?.phone)}`;
}

export function cardLabel(customer: CustomerDoc | null): string {
  return customer?.cardNumber ? formatCardNumber(customer.cardNumber) : '—';
}

/** The card after bonus stamps: the progress, and the reward they completed, if any. */
export function balanceAfterBonus(t: Translator, locale: Locale, settings: Settings, balance: Balance, rewardsEarned: number): string {
  const lines = [progressLine(t, locale, settings, balance)];
  if (rewardsEarned > 0) lines.push(t(locale, 'rewards-available', { count: balance.rewards, reward: settings.rewardName[locale] }));
  return lines.join('\n');
}

function visitVars(locale: Locale, asked: ReviewRequest, settings: Settings, now: Date) {
  return { visit: formatMoment(asked.request.visitAt, locale, settings.timeZone, now) };
}

/** The question about a visit ("How was your visit (14:05)?") with the five buttons. */
export function ratingQuestion(t: Translator, locale: Locale, asked: ReviewRequest, settings: Settings, now: Date) {
  return {
    text: t(locale, 'review-ask', visitVars(locale, asked, settings, now)),
    reply_markup: ratingKeyboard(String(asked.request._id)),
  };
}

/** The job's question after a visit, in the customer's language. */
export async function askForRating(deps: Pick<ReviewDeps, 'notifier' | 'services'>, asked: ReviewRequest, now: Date): Promise<SendOutcome> {
  const { customer } = asked;
  if (!customer.telegramId) return 'failed';
  const locale = customer.locale;
  const settings = await deps.services.settings.get();
  return deps.notifier.send(customer.telegramId, locale, 'review-ask', visitVars(locale, asked, settings, now), {
    reply_markup: ratingKeyboard(String(asked.request._id)),
  });
}

/**
 * The thanks for a rating: the bonus it earned (or when the next one is possible), the invitation to
 * a public review when the owner has a link (whatever the rating, and after the bonus line, which it
 * has nothing to do with), and the offer to add a line.
 */
export function ratingThanks(t: Translator, rated: Rated, settings: Settings, publicUrl: string | null): string {
  const locale = rated.customer.locale;
  const lines = [t(locale, 'review-thanks')];
  if (rated.bonus) {
    lines.push(
      `${t(locale, 'review-bonus', { count: rated.bonus.entry.stamps })}\n${balanceAfterBonus(t, locale, settings, rated.bonus.balance, rated.bonus.rewardsEarned)}`,
    );
  } else if (rated.bonusNextAt) {
    const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: settings.timeZone }).format(rated.bonusNextAt);
    lines.push(t(locale, 'review-bonus-later', { days: rated.bonusPeriodDays, date }));
  }
  if (publicUrl) lines.push(t(locale, 'review-public-invite'));
  lines.push(t(locale, 'review-ask-comment', { max: COMMENT_MAX_CHARS }));
  return lines.join('\n\n');
}

/** Posts the review to the staff group and, for a rating of 3 or lower, to every owner privately; each in its language. */
export async function publishReview(deps: ReviewDeps, published: Published): Promise<void> {
  const { notifier, services } = deps;
  const { review, customer } = published;
  const settings = await services.settings.get();
  const now = services.clock.now();
  const vars = (locale: Locale) => ({
    stars: stars(review.rating),
    rating: review.rating,
    customer: customerLabel(customer),
    number: cardLabel(customer),
    visit: formatMoment(review.visitAt, locale, settings.timeZone, now),
    bonus: review.bonusStamps,
    hasComment: review.comment ? 'yes' : 'no',
    comment: review.comment ?? '',
  });
  await notifier.staffChat.post('review-staff-post', vars);
  if (review.rating > 3) return;
  // The owners can answer at once; a reviewer who erased their data can no longer be written to.
  const canAnswer = Boolean(customer?.telegramId && !customer.deletedAt);
  for (const ownerId of await services.team.owners()) {
    const locale = await notifier.localeOf(ownerId);
    const t = (key: string) => notifier.t(locale, key);
    await notifier.send(ownerId, locale, 'review-owner-low', vars, canAnswer ? { reply_markup: ownerReplyKeyboard(t, String(review._id)) } : undefined);
  }
}
