// "Move to a new Telegram account" on a staff card screen: staff, who see the customer in person,
// allow the card to move for a few minutes; the customer then shares their phone on the new account
// (onboarding completes the move: bot/conversations/onboarding.ts, domain/customers/move-card.ts).
// The button is one of the screen's signed buttons (bot/keyboards/staff.ts): staff-visits.ts passes
// it on, and the customer comes from the verified data; who may press is decided here, at the press.
import { Composer } from 'grammy';
import { MOVE_WINDOW_MINUTES } from '../../domain/customers/move-card.js';
import type { BotContext } from '../context.js';
import { staffData } from '../keyboards/staff.js';
import { staffRole } from '../staff.js';
import { formatMoment, maskedPhone, refusalText } from '../visit-messages.js';

export const moveCardFeature = new Composer<BotContext>();

moveCardFeature.callbackQuery(staffData.cardPrefix, async (ctx, next) => {
  const now = ctx.services.clock.now();
  const press = ctx.cardScreens.decode(ctx.callbackQuery.data, now);
  if (press.ok && press.action.kind !== 'move') return next();

  const [locale, settings] = await Promise.all([ctx.i18n.getLocale(), ctx.services.settings.get()]);
  const moment = { locale, timeZone: settings.timeZone, now };
  const refuse = (code: 'NotStaff' | 'ScreenExpired' | 'CardNotFound') =>
    ctx.answerCallbackQuery({ text: refusalText(ctx.t.bind(ctx), { code }, moment), show_alert: true });

  if (!(await staffRole(ctx))) return refuse('NotStaff');
  if (!press.ok) return refuse('ScreenExpired');
  const allowed = await ctx.services.cardMoves.allowMove(press.screen.customerId, ctx.from.first_name);
  if (!allowed.ok) return refuse('CardNotFound');
  await ctx.answerCallbackQuery();
  await ctx.reply(
    ctx.t('staff-move-allowed', {
      name: allowed.value.customer.firstName ?? '—',
      phone: maskedPhone(allowed.value.customer.phone),
      minutes: MOVE_WINDOW_MINUTES,
      time: formatMoment(allowed.value.until, locale, settings.timeZone, now),
    }),
  );
});
