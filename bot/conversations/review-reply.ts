// An owner answers a review: they pressed Reply under a low rating, and the next text they send goes
// to the customer in the bot, in the business's name (settings.businessName, else the bot's name).
// A text too long or not a text is refused with the reason and the question stays open; another
// button or a command is the owner moving on, and nothing is sent.
import type { Conversation } from '@grammyjs/conversations';
import type { BotContext, ConversationContext } from '../context.js';
import { isOwner } from '../filters.js';
import { replyStopKeyboard, reviewData } from '../keyboards/reviews.js';
import { customerLabel } from '../review-messages.js';
import { err, ok } from '../../domain/result.js';

export const REVIEW_REPLY = 'review-reply';

/** An update that is not the reply: for the rest of the bot, Stop, a move elsewhere, or not a text. */
type NotTheReply = { code: 'PassOn' } | { code: 'Stop' } | { code: 'MovedOn' } | { code: 'NotText' };

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

  // grammY's form: the next text from this owner is the reply; anything else is met by `otherwise`.
  const text = await conversation.form.build<string, NotTheReply>({
    validate: (answer) => {
      if (answer.chat?.id !== ownerId) return err({ code: 'PassOn' });
      const data = answer.callbackQuery?.data;
      if (data !== undefined && reviewData.replyStop.trigger.test(data)) return err({ code: 'Stop' });
      if (data !== undefined || answer.message?.text?.startsWith('/')) return err({ code: 'MovedOn' });
      const typed = answer.message?.text;
      return typed === undefined ? err({ code: 'NotText' }) : ok(typed);
    },
    otherwise: async (answer, why) => {
      switch (why.code) {
        case 'PassOn':
          return conversation.skip({ next: true });
        case 'Stop':
          await answer.answerCallbackQuery();
          await answer.editMessageReplyMarkup().catch(() => undefined);
          await answer.reply(answer.t('review-owner-reply-stopped'));
          return conversation.halt();
        case 'MovedOn':
          return conversation.halt({ next: true });
        case 'NotText':
          await answer.reply(answer.t('review-owner-reply-not-text'), { reply_markup: replyStopKeyboard(answer.t) });
      }
    },
  });
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
      await ctx.reply(ctx.t('review-owner-reply-too-long', { length: outcome.length, max: outcome.max }), {
        reply_markup: replyStopKeyboard(ctx.t),
      });
      return conversation.skip();
    case 'CommentEmpty':
      await ctx.reply(ctx.t('review-owner-reply-not-text'), { reply_markup: replyStopKeyboard(ctx.t) });
      return conversation.skip();
    case 'Sent':
      await ctx.reply(ctx.t('review-owner-reply-sent'));
      return;
    case 'Blocked':
    case 'ReviewerGone':
      await ctx.reply(ctx.t('review-owner-reply-gone'));
  }
}
