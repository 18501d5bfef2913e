// Owner-only actions ask "is this an owner?" at the moment of every command and every button press;
// anyone else gets a short refusal in their language, and nothing changes.
import type { AppContext } from './context.js';
import type { I18nFlavor } from '@grammyjs/i18n';
import { isOwner } from './filters.js';

/** True (after telling them so) when the sender is not an owner. */
export async function refusedAsNonOwner(ctx: AppContext & I18nFlavor): Promise<boolean> {
  if (await isOwner(ctx)) return false;
  const text = ctx.t('owner-only');
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
  else await ctx.reply(text);
  return true;
}

