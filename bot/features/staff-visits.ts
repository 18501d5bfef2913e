// The card screen's buttons (+1…, Redeem, Cancel/Done) and the audit line's Undo. Every press asks
// afresh whether the presser is staff; a card button names its screen, customer and action under the
// bot's signature (bot/keyboards/staff.ts), so nothing is looked up to know what was pressed, and data
// that is forged, altered or out of date is refused before anything changes. The exactly-once
// guarantees stay with the ledger (domain/visits/service.ts): a double tap or twenty presses by two
// baristas give one entry, and only the press that wrote it notifies anyone. The screen after a press
// is drawn from what the operation returned, not read again.
import { Composer } from 'grammy';
import { onPress } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { isLocale } from '../i18n.js';
import { staffData, type CardScreenRef } from '../keyboards/staff.js';
import { staffRole } from '../staff.js';
import type { StaffActionError } from '../../domain/visits/errors.js';
import type { CardView } from '../../domain/visits/service.js';
import { expireAndAnnounce, momentOf, renderCardScreen } from '../card-screen.js';
import {
  announceRedemption,
  announceUndo,
  announceVisit,
  refusalText,
  type NoticeDeps,
} from '../visit-messages.js';

export const staffVisitsFeature = new Composer<BotContext>();

async function refuse(ctx: BotContext, error: StaffActionError): Promise<void> {
  await ctx.answerCallbackQuery({ text: refusalText(ctx.t.bind(ctx), error, await momentOf(ctx)), show_alert: true });
}

async function noticeDeps(ctx: BotContext): Promise<NoticeDeps> {
  return { notifier: ctx.notifier, settings: await ctx.services.settings.get() };
}

/** Shows the screen as the operation left the card; a screen that cannot be edited any more is left as it is. */
async function refreshScreen(ctx: BotContext, view: CardView, screen: CardScreenRef, headline: string): Promise<void> {
  const rendered = await renderCardScreen(ctx, view, screen, headline);
  await ctx.editMessageText(rendered.text, { reply_markup: rendered.reply_markup }).catch((error: unknown) => {
    ctx.logger.warn({ err: error }, 'could not update the card screen');
  });
}

staffVisitsFeature.callbackQuery(staffData.cardPrefix, async (ctx, next) => {
  const press = ctx.cardScreens.decode(ctx.callbackQuery.data, ctx.services.clock.now());
  // "Move to a new account" is move-card.ts's, which checks the role at the press itself.
  if (press.ok && press.action.kind === 'move') return next();
  if (!(await staffRole(ctx))) return refuse(ctx, { code: 'NotStaff' });
  if (!press.ok) return refuse(ctx, { code: 'ScreenExpired' });
  const { screen, action } = press;
  const customerId = screen.customerId;
  const staffName = ctx.from.first_name;

  switch (action.kind) {
    case 'stamp': {
      const visit = await ctx.services.visits.confirmVisit({
        customerId,
        staffId: ctx.from.id,
        stamps: action.stamps,
        operationId: screen.nonce,
      });
      if (!visit.ok) return refuse(ctx, visit.error);
      if (visit.value.duplicate || !visit.value.view) {
        await ctx.answerCallbackQuery({ text: ctx.t('staff-already-stamped') });
        return;
      }
      for (const failure of visit.value.hookFailures) ctx.logger.error({ err: failure }, 'a visit hook failed');
      const headline = ctx.t(visit.value.rewardsEarned > 0 ? 'staff-stamped-reward' : 'staff-stamped', {
        count: action.stamps,
        rewards: visit.value.rewardsEarned,
      });
      await ctx.answerCallbackQuery({ text: headline });
      await refreshScreen(ctx, visit.value.view, { ...screen, done: { ...screen.done, stamped: true } }, headline);
      await announceVisit(await noticeDeps(ctx), staffName, visit.value);
      return;
    }
    case 'redeem': {
      const found = await ctx.services.visits.findCard(customerId);
      if (found) await expireAndAnnounce(ctx, found);
      const redeemed = await ctx.services.visits.redeemReward({
        customerId,
        staffId: ctx.from.id,
        operationId: screen.nonce,
      });
      if (!redeemed.ok) return refuse(ctx, redeemed.error);
      if (redeemed.value.duplicate) {
        await ctx.answerCallbackQuery({ text: ctx.t('staff-already-redeemed') });
        return;
      }
      const [settings, locale] = await Promise.all([ctx.services.settings.get(), ctx.i18n.getLocale()]);
      const headline = ctx.t('staff-redeemed', { reward: settings.rewardName[isLocale(locale) ? locale : ctx.config.DEFAULT_LOCALE] });
      await ctx.answerCallbackQuery({ text: headline });
      await refreshScreen(ctx, redeemed.value.view, { ...screen, done: { ...screen.done, redeemed: true } }, headline);
      await announceRedemption(await noticeDeps(ctx), staffName, redeemed.value);
      return;
    }
    case 'close': {
      await ctx.services.visits.closeScreen(customerId, screen.nonce);
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t('staff-screen-closed')).catch(() => undefined);
      return;
    }
  }
});

onPress(staffVisitsFeature, staffData.undo, async (ctx, entryId) => {
  const role = await staffRole(ctx);
  if (!role) return refuse(ctx, { code: 'NotStaff' });
  const undone = await ctx.services.visits.undoOperation({
    entryId,
    staffId: ctx.from.id,
    isOwner: role === 'owner',
  });
  if (!undone.ok) return refuse(ctx, undone.error);
  for (const failure of undone.value.hookFailures) ctx.logger.error({ err: failure }, 'an undo hook failed');
  await ctx.answerCallbackQuery({ text: ctx.t('staff-undone') });
  // The audit line, in the group's language, says who took it back, and loses its button (the feed
  // edits it when the group's pace allows). A message from before the feed kept its lines: edited here.
  if (!(await ctx.notifier.staffChat.markUndone(entryId, ctx.from.first_name))) {
    const line = ctx.callbackQuery.message?.text;
    const mark = ctx.notifier.t(await ctx.notifier.staffChat.locale(), 'staff-audit-undone-mark', { staff: ctx.from.first_name });
    if (line) await ctx.editMessageText(`${line}\n${mark}`).catch(() => undefined);
  }
  await announceUndo(await noticeDeps(ctx), ctx.from.first_name, undone.value);
});
