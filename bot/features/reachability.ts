// Whether a customer can be written to. A broadcast or campaign that hits 403 marks them unreachable;
// Telegram tells the bot when they block or unblock it (`my_chat_member` in their private chat: an
// unblock arrives as `member`). Anything else they send or press shows they can be reached again: the
// mark is cleared where their own customer document is read anyway (bot/features/consent.ts, the gate
// of every customer interaction), so no update pays a write for it and staff screens pay nothing.
import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

export const reachabilityFeature = new Composer<BotContext>();

const privateChat = reachabilityFeature.chatType('private');

privateChat.on('my_chat_member', async (ctx) => {
  const status = ctx.myChatMember.new_chat_member.status;
  if (status === 'kicked') await ctx.services.customers.setReachable(ctx.from.id, false);
  else if (status === 'member') await ctx.services.customers.setReachable(ctx.from.id, true);
});
