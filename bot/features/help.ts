import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { mainMenu } from '../keyboards/customer.js';

export const helpFeature = new Composer<BotContext>();

helpFeature.command('help', async (ctx) => {
  await ctx.reply(ctx.t('help-text'));
});

// Leaves any conversation; a registered customer gets their menu back, anyone else a clean screen.
helpFeature.command('cancel', async (ctx) => {
  await ctx.conversation.exitAll();
  if (ctx.chat.type !== 'private') {
    await ctx.reply(ctx.t('cancel-done'));
    return;
  }
  const customer = ctx.from ? await ctx.services.customers.findByTelegramId(ctx.from.id) : null;
  await ctx.reply(ctx.t('cancel-done'), {
    reply_markup: customer ? mainMenu((key) => ctx.t(key)) : { remove_keyboard: true },
  });
});
