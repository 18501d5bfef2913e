// /start: a registered customer sees their card; anyone else is walked through onboarding, with the
// invitation they came with (`/start ref_<code>`). Staff card links (`/start c_<token>`) are the
// staff features' business and are passed on untouched.
import { Composer } from 'grammy';
import { createConversation } from '@grammyjs/conversations';
import type { BotContext, ConversationContext } from '../context.js';
import { ONBOARDING, onboarding } from '../conversations/onboarding.js';
import { showCard } from '../card.js';

export const startFeature = new Composer<BotContext>();

const privateChat = startFeature.chatType('private');

privateChat.use(createConversation<BotContext, ConversationContext>(onboarding, ONBOARDING));

privateChat.command('start', async (ctx, next) => {
  const payload = ctx.match.trim();
  if (payload.startsWith('c_')) return next();
  const customer = await ctx.services.customers.findByTelegramId(ctx.from.id);
  if (customer) return showCard(ctx, customer);
  const referralCode = payload.startsWith('ref_') ? payload.slice('ref_'.length) : undefined;
  await ctx.conversation.exitAll(); // a new flow replaces whatever the user was in the middle of
  await ctx.conversation.enter(ONBOARDING, referralCode);
});
