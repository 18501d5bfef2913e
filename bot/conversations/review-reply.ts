// An owner answers a review: they pressed Reply under a low rating, and the next text they send goes
// to the customer in the bot, in the business's name (settings.businessName, else the bot's name).
// A text too long or not a text is refused with the reason and the question stays open; another
// button or a command is the owner moving on, and nothing is sent.
import type { Conversation } from '@grammyjs/conversations';
import type { BotContext, ConversationContext } from '../context.js';
import { isOwner } from '../filters.js';
import { replyStopKeyboard, reviewData } from '../keyboards/reviews.js';
import { customerLabel } from '../review-messages.js';

export const REVIEW_REPLY = 'review-reply';

type Outcome =
  | { code: 'Sent' }
  | { code: 'Blocked' }
  | { code: 'ReviewerGone' }
  | { code: 'CommentTooLong'; length: number; max: number }
  | { code: 'CommentEmpty' };

export async function reviewReply(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext, reviewId: string): Promise<void> {
  if (!(await conversation.external(() => isOwner(ctx)))) return;
  const ownerId = ctx.from!.id;
  const found = await conversation.external(async () => {
    const reviewer = await ctx.services.reviews.reviewer(reviewId);
    return reviewer.ok ? { ok: true as const, label: customerLabel(reviewer.value.customer) } : { ok: false as const };
  });
  if (!found.ok) {
    await ctx.reply(ctx.t('review-owner-reply-gone'));
    return;
  }
  await ctx.reply(ctx.t('review-owner-reply-ask', { customer: found.label }), { reply_markup: replyStopKeyboard(ctx.t) });

  const answer = await conversation.wait();
  if (answer.chat?.id !== ownerId) return conversation.skip({ next: true });
  if (answer.callbackQuery?.data === reviewData.replyStop) {
    await answer.answerCallbackQuery();
    await answer.editMessageReplyMarkup().catch(() => undefined);
    await answer.reply(answer.t('review-owner-reply-stopped'));
    return;
  }
  if (answer.callbackQuery || answer.message?.text?.startsWith('/')) return conversation.halt({ next: true });
  const text = answer.message?.text;
  if (text === undefined) {
    await answer.reply(answer.t('review-owner-reply-not-text'), { reply_markup: replyStopKeyboard(answer.t) });
    return conversation.skip();
  }
  const outcome = await conversation.external(async (outer): Promise<Outcome> => {
    if (!(await isOwner(outer))) return { code: 'ReviewerGone' };
    const recorded = await outer.services.reviews.recordReply({ reviewId, ownerId, text });
    if (!recorded.ok) {
      const error = recorded.error;
      if (error.code === 'CommentTooLong') return { code: error.code, length: error.length, max: error.max };
      if (error.code === 'CommentEmpty') return { code: 'CommentEmpty' };
      return { code: 'ReviewerGone' };
    }
    const { customer } = recorded.value;
    const settings = await outer.services.settings.get();
    const sent = await outer.notifier.send(customer.telegramId!, customer.locale, 'review-reply-to-customer', {
      business: settings.businessName ?? outer.me.first_name,
      text: recorded.value.text,
    });
    return { code: sent === 'sent' ? 'Sent' : sent === 'blocked' ? 'Blocked' : 'ReviewerGone' };
  });
  switch (outcome.code) {
    case 'CommentTooLong':
      await answer.reply(answer.t('review-owner-reply-too-long', { length: outcome.length, max: outcome.max }), {
        reply_markup: replyStopKeyboard(answer.t),
      });
      return conversation.skip();
    case 'CommentEmpty':
      await answer.reply(answer.t('review-owner-reply-not-text'), { reply_markup: replyStopKeyboard(answer.t) });
      return conversation.skip();
    case 'Sent':
      await answer.reply(answer.t('review-owner-reply-sent'));
      return;
    case 'Blocked':
    case 'ReviewerGone':
      await answer.reply(answer.t('review-owner-reply-gone'));
  }
}
