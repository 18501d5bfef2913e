// Reviews on the customer's side: the menu's "Leave a review" (the most recent visit that counts, if it
// has no review yet), the 1–5 buttons of a review request (sent by the job after a visit, or by the
// menu), and Skip. A rating is thanked at once (with the bonus, or when the next bonus is possible),
// then the customer may type a line (bot/conversations/review-comment.ts) or skip it; the review then
// goes to the staff group, and to the owners when the rating is 3 or lower.
import { Composer, InlineKeyboard } from 'grammy';
import { createConversation } from '@grammyjs/conversations';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { onPress } from '../callback-data.js';
import type { BotContext, ConversationContext } from '../context.js';
import { REVIEW_COMMENT, reviewComment } from '../conversations/review-comment.js';
import { commentKeyboard, publicUrlFor, reviewData } from '../keyboards/reviews.js';
import { publishReview, ratingQuestion, ratingThanks, stars } from '../review-messages.js';
import { menuButton } from '../filters.js';

export const leaveReviewFeature = new Composer<BotContext>();

const privateChat = leaveReviewFeature.chatType('private');

privateChat.filter(menuButton('menu-review'), async (ctx) => {
  const customer = await ctx.services.customers.findByTelegramId(ctx.from.id);
  if (!customer) {
    await ctx.reply(ctx.t('menu-not-registered'));
    return;
  }
  const asked = await ctx.services.reviews.requestForLastVisit(customer._id);
  if (!asked.ok) {
    await ctx.reply(ctx.t(asked.error.code === 'NoVisit' ? 'review-after-visit' : 'review-last-visit-rated'));
    return;
  }
  const settings = await ctx.services.settings.get();
  const question = ratingQuestion(ctx.notifier.t, customer.locale, asked.value, settings, ctx.services.clock.now());
  await ctx.reply(question.text, { reply_markup: question.reply_markup });
});

// After the menu button (which must never be taken for a review's line), before the review buttons.
privateChat.use(createConversation<BotContext, ConversationContext>(reviewComment, REVIEW_COMMENT));

/** Only the link buttons of a message stay (the public review link); the others are spent. */
function linksOnly(markup: InlineKeyboardMarkup | undefined): InlineKeyboardMarkup {
  const rows = (markup?.inline_keyboard ?? []).map((row) => row.filter((b) => 'url' in b)).filter((row) => row.length > 0);
  return new InlineKeyboard(rows);
}

onPress(privateChat, reviewData.rate, async (ctx, requestId, rating) => {
  const rated = await ctx.services.reviews.rate({ requestId, telegramId: ctx.from.id, rating });
  if (!rated.ok) {
    switch (rated.error.code) {
      case 'RequestNotFound':
        await ctx.answerCallbackQuery({ text: ctx.t('review-not-yours'), show_alert: true });
        return;
      case 'VisitNotCounted':
        await ctx.answerCallbackQuery({ text: ctx.t('review-visit-undone'), show_alert: true });
        await ctx.editMessageText(ctx.t('review-visit-undone')).catch(() => undefined);
        return;
      case 'AlreadyReviewed':
        await ctx.answerCallbackQuery({ text: ctx.t('review-already-rated') });
        await ctx.editMessageReplyMarkup().catch(() => undefined);
        return;
    }
  }
  const { review, customer } = rated.value;
  await ctx.answerCallbackQuery();
  // The question becomes the answer: the stars given, no buttons.
  const question = ctx.callbackQuery.message?.text;
  const answered = ctx.t('review-your-rating', { stars: stars(review.rating) });
  await ctx.editMessageText(question ? `${question}\n\n${answered}` : answered).catch(() => undefined);

  const settings = await ctx.services.settings.get();
  const publicUrl = publicUrlFor(settings.publicReviewUrl);
  const reviewId = String(review._id);
  const thanks = await ctx.reply(ratingThanks(ctx.notifier.t, rated.value, settings, publicUrl), {
    reply_markup: commentKeyboard(ctx.t, reviewId, publicUrl),
    link_preview_options: { is_disabled: true },
  });
  // Waiting for the line: a newer review replaces an older one still waiting.
  await ctx.conversation.exit(REVIEW_COMMENT);
  try {
    await ctx.conversation.exitAll(); // a new flow replaces whatever the user was in the middle of
    await ctx.conversation.enter(REVIEW_COMMENT, reviewId, thanks.message_id, publicUrl);
  } catch (error) {
    // Another conversation is running (an owner mid-setting): Skip still works, and the review goes to
    // the staff when its window ends.
    ctx.logger.warn({ err: error, customerId: String(customer._id) }, 'could not wait for a review line');
  }
});

onPress(privateChat, reviewData.skip, async (ctx, reviewId) => {
  const skipped = await ctx.services.reviews.skipComment({ reviewId, telegramId: ctx.from.id });
  if (!skipped.ok) {
    const mine = skipped.error.code === 'CommentClosed';
    await ctx.answerCallbackQuery({ text: ctx.t(mine ? 'review-already-passed-on' : 'review-not-yours'), show_alert: !mine });
    if (mine) await ctx.editMessageReplyMarkup({ reply_markup: linksOnly(ctx.callbackQuery.message?.reply_markup) }).catch(() => undefined);
    return;
  }
  await ctx.conversation.exit(REVIEW_COMMENT);
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup({ reply_markup: linksOnly(ctx.callbackQuery.message?.reply_markup) }).catch(() => undefined);
  await ctx.reply(ctx.t('review-skipped'));
  await publishReview({ notifier: ctx.notifier, services: ctx.services }, skipped.value);
});
