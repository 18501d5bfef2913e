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

export const REVIEW_COMMENT = 'review-comment';

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

  // Each refused answer is forgotten (skip), so the customer can try again without the state growing.
  const answer = await conversation.wait();
  if (answer.chat?.id !== userId) return conversation.skip({ next: true });
  if (answer.callbackQuery || answer.message?.text?.startsWith('/')) return conversation.halt({ next: true });
  const message = answer.message;
  // An edited message and the like is not an answer.
  if (!message) return conversation.skip({ next: true });
  const open = await conversation.external(async () => (await services.reviews.openForComment(reviewId, userId)).ok);
  if (!open) return conversation.halt({ next: true });

  const t = answer.t;
  const text = message.text;
  if (text === undefined) {
    await answer.reply(t('review-comment-not-text'), { reply_markup: commentKeyboard(t, reviewId, publicUrl) });
    return conversation.skip();
  }
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
      await answer.reply(t('review-comment-too-long', { length: outcome.length, max: outcome.max }), {
        reply_markup: commentKeyboard(t, reviewId, publicUrl),
      });
      return conversation.skip();
    case 'CommentEmpty':
      await answer.reply(t('review-comment-not-text'), { reply_markup: commentKeyboard(t, reviewId, publicUrl) });
      return conversation.skip();
    case 'CommentClosed':
      await answer.reply(t('review-comment-too-late'));
      return;
    case 'Published': {
      const keep = publicReviewKeyboard(t, publicUrl);
      await answer.api.editMessageReplyMarkup(userId, promptMessageId, keep ? { reply_markup: keep } : {}).catch(() => undefined);
      await answer.reply(t('review-comment-thanks'));
    }
  }
}
