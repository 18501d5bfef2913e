// The card screen's buttons (+1…, Redeem, Cancel/Done) and the audit line's Undo. Every press asks
// afresh whether the presser is staff, looks up what the button refers to on the server, and leaves
// the exactly-once guarantees to the ledger (domain/visits/service.ts): a double tap or twenty presses
// by two baristas give one entry, and only the press that wrote it notifies anyone.
import { Composer } from 'grammy';
import type { Types } from 'mongoose';
import type { BotContext } from '../context.js';
import { isLocale } from '../i18n.js';
import { cardActionOf, staffData } from '../keyboards/staff.js';
import { staffRole } from '../staff.js';
import type { StaffActionError } from '../../domain/visits/errors.js';
import {
  announceRedemption,
  announceUndo,
  announceVisit,
  refusalText,
  type NoticeDeps,
} from '../visit-messages.js';
import { expireAndAnnounce, momentOf, renderCardScreen } from '../card-screen.js';

export const staffVisitsFeature = new Composer<BotContext>();

async function refuse(ctx: BotContext, error: StaffActionError): Promise<void> {
  await ctx.answerCallbackQuery({ text: refusalText(ctx.t.bind(ctx), error, await momentOf(ctx)), show_alert: true });
}

async function noticeDeps(ctx: BotContext): Promise<NoticeDeps> {
  return { notifier: ctx.notifier, config: ctx.config, team: ctx.services.team, settings: await ctx.services.settings.get() };
}

/** Shows the screen as the ledger stands now; a screen that cannot be edited any more is left as it is. */
async function refreshScreen(ctx: BotContext, customerId: Types.ObjectId, screenId: string, headline: string): Promise<void> {
  const rendered = await renderCardScreen(ctx, customerId, screenId, headline);
  if (!rendered) return;
  await ctx.editMessageText(rendered.text, { reply_markup: rendered.reply_markup }).catch((error: unknown) => {
    ctx.logger.warn({ err: error }, 'could not update the card screen');
  });
}

staffVisitsFeature.callbackQuery(staffData.cardPattern, async (ctx) => {
  if (!(await staffRole(ctx))) return refuse(ctx, { code: 'NotStaff' });
  const match = ctx.match as RegExpMatchArray;
  const screenId = match[1] ?? '';
  const screen = await ctx.services.pendingActions.usable(screenId);
  if (!screen) return refuse(ctx, { code: 'ScreenExpired' });
  const action = cardActionOf(match);
  const staffName = ctx.from.first_name;

  switch (action.kind) {
    case 'stamp': {
      const visit = await ctx.services.visits.confirmVisit({
        customerId: screen.customerId,
        staffId: ctx.from.id,
        stamps: action.stamps,
        operationId: screen._id,
      });
      if (!visit.ok) return refuse(ctx, visit.error);
      if (visit.value.duplicate) {
        await ctx.answerCallbackQuery({ text: ctx.t('staff-already-stamped') });
        return;
      }
      for (const failure of visit.value.hookFailures) ctx.logger.error({ err: failure }, 'a visit hook failed');
      const headline = ctx.t(visit.value.rewardsEarned > 0 ? 'staff-stamped-reward' : 'staff-stamped', {
        count: action.stamps,
        rewards: visit.value.rewardsEarned,
      });
      await ctx.answerCallbackQuery({ text: headline });
      await refreshScreen(ctx, screen.customerId, screen._id, headline);
      await announceVisit(await noticeDeps(ctx), staffName, visit.value);
      return;
    }
    case 'redeem': {
      await expireAndAnnounce(ctx, screen.customerId);
      const redeemed = await ctx.services.visits.redeemReward({
        customerId: screen.customerId,
        staffId: ctx.from.id,
        operationId: screen._id,
      });
      if (!redeemed.ok) return refuse(ctx, redeemed.error);
      if (redeemed.value.duplicate) {
        await ctx.answerCallbackQuery({ text: ctx.t('staff-already-redeemed') });
        return;
      }
      const [settings, locale] = await Promise.all([ctx.services.settings.get(), ctx.i18n.getLocale()]);
      const headline = ctx.t('staff-redeemed', { reward: settings.rewardName[isLocale(locale) ? locale : ctx.config.DEFAULT_LOCALE] });
      await ctx.answerCallbackQuery({ text: headline });
      await refreshScreen(ctx, screen.customerId, screen._id, headline);
      await announceRedemption(await noticeDeps(ctx), staffName, redeemed.value);
      return;
    }
    case 'close': {
      await ctx.services.pendingActions.close(screen._id);
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t('staff-screen-closed')).catch(() => undefined);
      return;
    }
  }
});

staffVisitsFeature.callbackQuery(staffData.undoPattern, async (ctx) => {
  const role = await staffRole(ctx);
  if (!role) return refuse(ctx, { code: 'NotStaff' });
  const undone = await ctx.services.visits.undoOperation({
    entryId: (ctx.match as RegExpMatchArray)[1] ?? '',
    staffId: ctx.from.id,
    isOwner: role === 'owner',
  });
  if (!undone.ok) return refuse(ctx, undone.error);
  for (const failure of undone.value.hookFailures) ctx.logger.error({ err: failure }, 'an undo hook failed');
  await ctx.answerCallbackQuery({ text: ctx.t('staff-undone') });
  // The audit line, in the group's language, says who took it back, and loses its button.
  const line = ctx.callbackQuery.message?.text;
  const mark = ctx.notifier.t(ctx.config.DEFAULT_LOCALE, 'staff-audit-undone-mark', { staff: ctx.from.first_name });
  if (line) await ctx.editMessageText(`${line}\n${mark}`).catch(() => undefined);
  await announceUndo(await noticeDeps(ctx), ctx.from.first_name, undone.value);
});
