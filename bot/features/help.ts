import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

export const helpFeature = new Composer<BotContext>();

helpFeature.command('help', async (ctx) => {
  await ctx.reply(ctx.t('help-text'));
});

helpFeature.command('cancel', async (ctx) => {
  await ctx.conversation.exitAll();
  await ctx.reply(ctx.t('cancel-done'), { reply_markup: { remove_keyboard: true } });
});
