// The review buttons. Their data names a server-side record — the review request (which visit, whose)
// or the review — and an intent; who may press is checked at the press against that record.
import { InlineKeyboard } from 'grammy';
import type { Translate } from '../translator.js';
import { codec, constant, fields } from '../callback-data.js';

/** Every review button's data starts so. */
export const REVIEW_BUTTONS = /^rev:/;

export const reviewData = {
  rate: codec('rev:rate', fields.objectId(), fields.int(1, 5)),
  skip: codec('rev:skip', fields.objectId()),
  /** An owner's Reply under a low rating; whether the presser is an owner is asked at the press. */
  reply: codec('rev:reply', fields.objectId()),
  replyStop: constant('rev:reply-stop'),
};

export const RATINGS = [1, 2, 3, 4, 5] as const;

/** One tap: 1 … 5 stars, in one row. */
export function ratingKeyboard(requestId: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const rating of RATINGS) keyboard.text(`${rating} ⭐`, reviewData.rate.encode(requestId, rating));
  return keyboard;
}

/** Under the thanks for a rating: Skip (the line is optional) and the public review link, if the owner set one. */
export function commentKeyboard(t: Translate, reviewId: string, publicUrl: string | null): InlineKeyboard {
  const keyboard = new InlineKeyboard().text(t('review-button-skip'), reviewData.skip.encode(reviewId));
  if (publicUrl) keyboard.row().url(t('review-button-public'), publicUrl);
  return keyboard;
}

/** What stays under the thanks once the review has been passed on: only the public review link, if any. */
export function publicReviewKeyboard(t: Translate, publicUrl: string | null): InlineKeyboard | undefined {
  return publicUrl ? new InlineKeyboard().url(t('review-button-public'), publicUrl) : undefined;
}

/**
 * The public review link for a reviewer: the same for every rating. Google's and Yandex's rules forbid
 * inviting only satisfied customers ("review gating"); an owner who wants no invitations sets no link.
 */
export function publicUrlFor(publicReviewUrl: string | null): string | null {
  return publicReviewUrl || null;
}

/** Under a low rating in an owner's chat: one tap to answer the customer. */
export function ownerReplyKeyboard(t: Translate, reviewId: string): InlineKeyboard {
  return new InlineKeyboard().text(t('review-owner-reply-button'), reviewData.reply.encode(reviewId));
}

export function replyStopKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t('review-owner-reply-stop'), reviewData.replyStop.encode());
}
