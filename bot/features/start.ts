import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

export const startFeature = new Composer<BotContext>();

startFeature.chatType('private').command('start', async (ctx) => {
  await ctx.reply(ctx.t('start-welcome', { name: ctx.from.first_name }));
});
