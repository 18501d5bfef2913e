// The staff's card screen (opened in staff-scan.ts, pressed in staff-visits.ts): its text and buttons as
// the ledger stands now, and the expiry that runs before anyone can hand a reward out.
import type { Types } from 'mongoose';
import type { BotContext } from './context.js';
import { cardScreenKeyboard } from './keyboards/staff.js';
import { announceExpiry, cardButtons, cardScreenText, type Moment } from './visit-messages.js';

export async function momentOf(ctx: BotContext): Promise<Moment> {
  const [locale, settings] = await Promise.all([ctx.i18n.getLocale(), ctx.services.settings.get()]);
  return { locale, timeZone: settings.timeZone, now: ctx.services.clock.now() };
}

/** The card screen's text and buttons for a card screen (`screenId`) as the ledger stands now. */
export async function renderCardScreen(ctx: BotContext, customerId: Types.ObjectId, screenId: string, headline?: string) {
  const view = await ctx.services.visits.cardOf(customerId);
  if (!view.ok) return undefined;
  const done = await ctx.services.visits.operationsOf(screenId);
  return {
    text: cardScreenText(ctx.t.bind(ctx), view.value, await momentOf(ctx), headline),
    reply_markup: cardScreenKeyboard(ctx.t.bind(ctx), screenId, cardButtons(view.value, done)),
  };
}

/** A reward past its expiry date is taken off (and the customer told) before anyone can hand it out. */
export async function expireAndAnnounce(ctx: BotContext, customerId: Types.ObjectId): Promise<void> {
  const expired = await ctx.services.visits.expireRewards({ customerId });
  if (expired.length === 0) return;
  const settings = await ctx.services.settings.get();
  for (const expiry of expired) await announceExpiry({ notifier: ctx.notifier, config: ctx.config, team: ctx.services.team, settings }, expiry);
}
