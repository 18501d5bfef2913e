import type { BotError } from 'grammy';
import type { BotContext } from './context.js';

function isDatabaseUnavailable(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? '';
  return /^Mongo(Network|ServerSelection|NotConnected|PoolCleared|Topology)/.test(name) || name === 'MongoNetworkTimeoutError';
}

/** Any failure in a handler: a structured log line for us, a short localized apology for the user. */
export async function errorBoundary(error: BotError<BotContext>): Promise<void> {
  const { ctx } = error;
  const unavailable = isDatabaseUnavailable(error.error);
  ctx.logger.error(
    { err: error.error, updateId: ctx.update.update_id, userId: ctx.from?.id, chatId: ctx.chat?.id },
    unavailable ? 'database unavailable while handling update' : 'unhandled error while handling update',
  );
  try {
    const key = unavailable ? 'error-try-again' : 'error-unexpected';
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: false });
    else if (ctx.chat?.type === 'private') await ctx.reply(ctx.t(key));
  } catch {
    // Telegram itself may be the problem; the log line above is what matters.
  }
}
