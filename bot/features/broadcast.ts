// /broadcast (compose one: bot/conversations/broadcast.ts) and /broadcasts (the scheduled and running
// ones, each with a Cancel button that asks once more before it acts). Owners only, checked at every
// command and every press.
import { Composer } from 'grammy';
import { createConversation } from '@grammyjs/conversations';
import { formatLocal } from '../../domain/business-time.js';
import type { BroadcastDoc } from '../../domain/broadcasts/model.js';
import { messageFor } from '../../domain/broadcasts/service.js';
import type { BotContext, ConversationContext } from '../context.js';
import { BROADCAST, composeBroadcast } from '../conversations/broadcast.js';
import { cancelBroadcastKeyboard, confirmCancelKeyboard, ownerData } from '../keyboards/owner.js';
import { kebab } from '../settings-menu.js';
import { onPress } from '../callback-data.js';

export const broadcastFeature = new Composer<BotContext>();

const privateChat = broadcastFeature.chatType('private');

privateChat.use(createConversation<BotContext, ConversationContext>(composeBroadcast, BROADCAST));

privateChat.command('broadcast', async (ctx) => {
  // A fresh /broadcast starts over, and replaces whatever else the owner was in the middle of.
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(BROADCAST);
});

const PREVIEW_CHARS = 80;

function describe(ctx: BotContext, broadcast: BroadcastDoc, timeZone: string, sentSoFar: number): string {
  const segment = ctx.t(`broadcast-segment-${kebab(broadcast.segment)}`);
  const text = messageFor(broadcast, broadcast.fallbackLocale).text;
  const preview = text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
  return broadcast.status === 'sending'
    ? ctx.t('broadcasts-item-sending', { segment, sent: sentSoFar, preview })
    : ctx.t('broadcasts-item-scheduled', { segment, at: formatLocal(broadcast.sendAt, timeZone), timeZone, preview });
}

privateChat.command('broadcasts', async (ctx) => {
  const [open, { timeZone }] = await Promise.all([ctx.services.broadcasts.listOpen(), ctx.services.settings.get()]);
  if (open.length === 0) {
    await ctx.reply(ctx.t('broadcasts-none'));
    return;
  }
  await ctx.reply(ctx.t('broadcasts-title', { count: open.length }));
  for (const { broadcast, sentSoFar } of open) {
    const id = String(broadcast._id);
    await ctx.reply(describe(ctx, broadcast, timeZone, sentSoFar), {
      reply_markup: cancelBroadcastKeyboard(ctx.t, id, formatLocal(broadcast.sendAt, timeZone)),
    });
  }
});

onPress(privateChat, ownerData.listCancel, async (ctx, broadcastId) => {
  const broadcast = await ctx.services.broadcasts.find(broadcastId);
  if (!broadcast || (broadcast.status !== 'scheduled' && broadcast.status !== 'sending')) {
    await ctx.answerCallbackQuery({ text: ctx.t('broadcasts-already-finished'), show_alert: true });
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    return;
  }
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup({ reply_markup: confirmCancelKeyboard(ctx.t, String(broadcast._id)) });
});

onPress(privateChat, ownerData.listCancelYes, async (ctx, broadcastId) => {
  const cancelled = await ctx.services.broadcasts.cancel(broadcastId, ctx.from.id);
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  if (!cancelled.ok) {
    await ctx.reply(ctx.t('broadcasts-already-finished'));
    return;
  }
  const wasRunning = cancelled.value.startedAt !== null;
  await ctx.reply(ctx.t(wasRunning ? 'broadcasts-cancelled-running' : 'broadcasts-cancelled'));
});

onPress(privateChat, ownerData.listKeep, async (ctx, broadcastId) => {
  const broadcast = await ctx.services.broadcasts.find(broadcastId);
  await ctx.answerCallbackQuery({ text: ctx.t('broadcasts-kept') });
  if (!broadcast) return;
  const { timeZone } = await ctx.services.settings.get();
  await ctx.editMessageReplyMarkup({
    reply_markup: cancelBroadcastKeyboard(ctx.t, String(broadcast._id), formatLocal(broadcast.sendAt, timeZone)),
  });
});
