import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

export const unhandledFeature = new Composer<BotContext>();

// A button from an old message, or callback data nobody recognizes: stop the spinner, say so.
unhandledFeature.on('callback_query', async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t('unhandled-button') });
});

unhandledFeature.chatType('private').on('message', async (ctx) => {
  await ctx.reply(ctx.t('unhandled-message'));
});
