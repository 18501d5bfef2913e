// The owners' Reply under a low rating: one tap, then a text, and the customer reads it in the bot.
import { Composer } from 'grammy';
import { createConversation } from '@grammyjs/conversations';
import type { BotContext, ConversationContext } from '../context.js';
import { REVIEW_REPLY, reviewReply } from '../conversations/review-reply.js';
import { reviewData } from '../keyboards/reviews.js';
import { onPress } from '../callback-data.js';

export const reviewReplyFeature = new Composer<BotContext>();

const privateChat = reviewReplyFeature.chatType('private');

privateChat.use(createConversation<BotContext, ConversationContext>(reviewReply, REVIEW_REPLY));

onPress(privateChat, reviewData.reply, async (ctx, reviewId) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll(); // a new flow replaces whatever the owner was in the middle of
  await ctx.conversation.enter(REVIEW_REPLY, reviewId);
});
