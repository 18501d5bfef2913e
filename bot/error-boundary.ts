import type { BotError } from 'grammy';
import type { Locale } from '../domain/locales.js';
import type { BotContext } from './context.js';
import { localeFromTelegram } from './i18n.js';
import type { Translator } from './translator.js';

export function isDatabaseUnavailable(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? '';
  return /^Mongo(Network|ServerSelection|NotConnected|PoolCleared|Topology)/.test(name) || name === 'MongooseServerSelectionError';
}

/**
 * Any failure while handling an update: a structured log line for us, a short localized apology for
 * the user. It may run before the i18n plugin did (the session store is down), so it translates on its
 * own with the user's Telegram language.
 */
export function createErrorBoundary(t: Translator, defaultLocale: Locale) {
  return async function errorBoundary(error: BotError<BotContext>): Promise<void> {
    const { ctx } = error;
    const unavailable = isDatabaseUnavailable(error.error) || isDatabaseUnavailable((error.error as { cause?: unknown })?.cause);
    ctx.logger.error(
      { err: error.error, userId: ctx.from?.id, chatId: ctx.chat?.id },
      unavailable ? 'database unavailable while handling update' : 'unhandled error while handling update',
    );
    const key = unavailable ? 'error-try-again' : 'error-unexpected';
    const text =
      typeof ctx.t === 'function' && !unavailable
        ? ctx.t(key)
        : t(localeFromTelegram(ctx.from?.language_code) ?? defaultLocale, key);
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
      else if (ctx.chat?.type === 'private') await ctx.reply(text);
    } catch {
      // Telegram itself may be the problem; the log line above is what matters.
    }
  };
}
