import { LOCALES } from '../domain/locales.js';
import type { AppContext, BotContext } from './context.js';
import type { MenuKey } from './keyboards/customer.js';
import { withRole } from './staff.js';

/** Owners come from OWNER_IDS or were set up in Telegram (/claim): domain/team.ts knows. */
export async function isOwner(ctx: AppContext): Promise<boolean> {
  const owner = ctx.from !== undefined && (await ctx.services.team.isOwner(ctx.from.id));
  if (owner) withRole(ctx, 'owner');
  return owner;
}


/** Matches a menu button in any language: a keyboard sent before a language change still works. */
export function menuButton(key: MenuKey) {
  return (ctx: BotContext): boolean => {
    const text = ctx.message?.text;
    return text !== undefined && LOCALES.some((locale) => ctx.notifier.t(locale, key) === text);
  };
}
