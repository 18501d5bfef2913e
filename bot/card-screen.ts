// The staff card screen, shared by the features that open it (staff-scan.ts) and press it
// (staff-visits.ts): its text and signed buttons, built from a card view the caller already has.
import type { BotContext } from './context.js';
import type { CardView } from '../domain/visits/service.js';
import { CARD_SCREEN_MINUTES } from '../domain/visits/service.js';
import type { CustomerDoc } from '../domain/customers/model.js';
import { cardScreenKeyboard, type CardScreenRef } from './keyboards/staff.js';
import { announceExpiry, cardButtons, cardScreenText, type Moment } from './visit-messages.js';

export async function momentOf(ctx: BotContext): Promise<Moment> {
  const [locale, settings] = await Promise.all([ctx.i18n.getLocale(), ctx.services.settings.get()]);
  return { locale, timeZone: settings.timeZone, now: ctx.services.clock.now() };
}

/** A new screen for this customer. */
export function openScreen(ctx: BotContext, customer: CustomerDoc): CardScreenRef {
  return ctx.cardScreens.open(String(customer._id), ctx.services.clock.now(), CARD_SCREEN_MINUTES);
}

/** The screen's text and buttons for a card as `view` shows it. */
export async function renderCardScreen(ctx: BotContext, view: CardView, screen: CardScreenRef, headline?: string) {
  return {
    text: cardScreenText(ctx.t.bind(ctx), view, await momentOf(ctx), headline),
    reply_markup: cardScreenKeyboard(ctx.t.bind(ctx), ctx.cardScreens, screen, cardButtons(view, screen.done)),
  };
}

/** A reward past its expiry date is taken off (and the customer told) before anyone can hand it out. */
export async function expireAndAnnounce(ctx: BotContext, customer: CustomerDoc): Promise<boolean> {
  const expired = await ctx.services.visits.expireRewards({ customer });
  if (expired.length === 0) return false;
  const settings = await ctx.services.settings.get();
  for (const expiry of expired) await announceExpiry({ notifier: ctx.notifier, settings }, expiry);
  return true;
}
