// After a rating: the customer may type a line for the review (or press Skip, handled by the review
// feature). The conversation only waits for that line. A text is refused with the reason and the
// question stays open when it is too long; a sticker, photo or voice message gets a polite "text only".
// A button or a command (/cancel included) is the customer moving on: the wait ends, the update is
// handled as usual, and the review goes to the staff without a line when its window ends (the
// review-publish job). Menu buttons are answered by the menu before they reach this conversation.
// A text that arrives after the window closed is just a text again, for the other features.
import type { Conversation } from '@grammyjs/conversations';
import type { BotContext, ConversationContext } from '../context.js';
import { publicReviewKeyboard, commentKeyboard } from '../keyboards/reviews.js';
import { publishReview } from '../review-messages.js';
import { err, ok } from '../../domain/result.js';

export const REVIEW_COMMENT = 'review-comment';

/** An update that is not the line: for the rest of the bot, the customer moving on (or the window closed), or not a text. */
type NotTheLine = { code: 'PassOn' } | { code: 'MovedOn' } | { code: 'NotText' };

type Outcome = { code: 'Published' } | { code: 'CommentTooLong'; length: number; max: number } | { code: 'CommentEmpty' } | { code: 'CommentClosed' };

export async function reviewComment(
  conversation: Conversation<BotContext, ConversationContext>,
  ctx: ConversationContext,
  reviewId: string,
  promptMessageId: number,
  publicUrl: string | null,
): Promise<void> {
  const userId = ctx.from?.id;
  if (userId === undefined) return;
  const { services } = ctx;

  // grammY's form: the next text of this customer is the line; anything else is met by `otherwise`
  // (a refused answer is forgotten, so the customer can try again without the state growing).
  const text = await conversation.form.build<string, NotTheLine>({
    validate: async (answer) => {
      if (answer.chat?.id !== userId) return err({ code: 'PassOn' });
      if (answer.callbackQuery || answer.message?.text?.startsWith('/')) return err({ code: 'MovedOn' });
      const message = answer.message;
      // An edited message and the like is not an answer.
      if (!message) return err({ code: 'PassOn' });
      const open = await conversation.external(async () => (await services.reviews.openForComment(reviewId, userId)).ok);
      if (!open) return err({ code: 'MovedOn' });
      return message.text === undefined ? err({ code: 'NotText' }) : ok(message.text);
    },
    otherwise: async (answer, why) => {
      switch (why.code) {
        case 'PassOn':
          return conversation.skip({ next: true });
        case 'MovedOn':
          return conversation.halt({ next: true });
        case 'NotText':
          await answer.reply(answer.t('review-comment-not-text'), { reply_markup: commentKeyboard(answer.t, reviewId, publicUrl) });
      }
    },
  });
  const t = ctx.t;
  const outcome = await conversation.external(async (outer): Promise<Outcome> => {
    const added = await outer.services.reviews.addComment({ reviewId, telegramId: userId, comment: text });
    if (!added.ok) {
      const error = added.error;
      if (error.code === 'CommentTooLong') return { code: error.code, length: error.length, max: error.max };
      return { code: error.code === 'CommentEmpty' ? 'CommentEmpty' : 'CommentClosed' };
    }
    await publishReview({ notifier: outer.notifier, services: outer.services }, added.value);
    return { code: 'Published' };
  });
  switch (outcome.code) {
    case 'CommentTooLong':
      await ctx.reply(t('review-comment-too-long', { length: outcome.length, max: outcome.max }), {
        reply_markup: commentKeyboard(t, reviewId, publicUrl),
      });
      return conversation.skip();
    case 'CommentEmpty':
      await ctx.reply(t('review-comment-not-text'), { reply_markup: commentKeyboard(t, reviewId, publicUrl) });
      return conversation.skip();
    case 'CommentClosed':
      await ctx.reply(t('review-comment-too-late'));
      return;
    case 'Published': {
      const keep = publicReviewKeyboard(t, publicUrl);
      await ctx.api.editMessageReplyMarkup(userId, promptMessageId, keep ? { reply_markup: keep } : {}).catch(() => undefined);
      await ctx.reply(t('review-comment-thanks'));
    }
  }
}
