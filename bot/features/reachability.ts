// Whether a customer can be written to. A broadcast or campaign that hits 403 marks them unreachable;
// Telegram tells the bot when they block or unblock it (`my_chat_member` in their private chat), and
// anything they send or press shows they can be reached again. Clearing the mark is one indexed
// update filtered on `unreachable: true`, run beside the update's own handling: it writes nothing
// when the mark is not set, and adds no waiting to the reply.
import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

export const reachabilityFeature = new Composer<BotContext>();

const privateChat = reachabilityFeature.chatType('private');

privateChat.on('my_chat_member', async (ctx) => {
  const status = ctx.myChatMember.new_chat_member.status;
  if (status === 'kicked') await ctx.services.customers.setReachable(ctx.from.id, false);
  else if (status === 'member') await ctx.services.customers.setReachable(ctx.from.id, true);
});

privateChat.on(['message', 'callback_query'], async (ctx, next) => {
  const clearing = ctx.services.customers
    .setReachable(ctx.from.id, true)
    .catch((error: unknown) => ctx.logger.warn({ err: error }, 'could not clear the unreachable mark'));
  try {
    await next();
  } finally {
    await clearing;
  }
});
