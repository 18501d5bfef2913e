// Set-up from inside Telegram, so that nobody has to hunt for ids: the first owner claims the bot with
// the one-time code printed at start (`/claim <code>`), an owner makes a group the staff chat
// (`/staffchat` there, or the button offered when an owner adds the bot to a group), and anyone can
// ask `/whoami`. What is stored lives in domain/team.ts; OWNER_IDS and STAFF_CHAT_ID still win.
import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { onPress } from '../callback-data.js';
import { staffChatOfferKeyboard, setupData } from '../keyboards/setup.js';
import { staffRole } from '../staff.js';

export const setupFeature = new Composer<BotContext>();

setupFeature.command('whoami', async (ctx) => {
  if (!ctx.from) return;
  const role = (await staffRole(ctx)) ?? ((await ctx.services.customers.findByTelegramId(ctx.from.id)) ? 'customer' : 'none');
  const lines = [ctx.t('setup-whoami', { id: String(ctx.from.id), role })];
  if (ctx.chat.type !== 'private') lines.push(ctx.t('setup-whoami-chat', { chat: String(ctx.chat.id) }));
  await ctx.reply(lines.join('\n'));
});

setupFeature.command('claim', async (ctx) => {
  if (!ctx.from) return;
  if (ctx.chat.type !== 'private') {
    await ctx.reply(ctx.t('setup-claim-private'));
    return;
  }
  const code = ctx.match.trim();
  if (code === '') {
    await ctx.reply(ctx.t('setup-claim-usage'));
    return;
  }
  const claimed = await ctx.services.team.claim(ctx.from.id, code);
  if (claimed.ok) {
    ctx.logger.info({ owner: ctx.from.id }, 'the bot was claimed: a new owner');
    await ctx.reply(ctx.t('setup-claim-done'));
    return;
  }
  switch (claimed.error.code) {
    case 'OwnersFromEnvironment':
      await ctx.reply(ctx.t('setup-claim-environment', { id: String(ctx.from.id) }));
      return;
    case 'WrongClaimCode':
      ctx.logger.warn({ user: ctx.from.id }, 'a wrong claim code was sent');
      await ctx.reply(ctx.t('setup-claim-wrong'));
      return;
    default:
      await ctx.reply(ctx.t('setup-claim-closed'));
  }
});

/** Makes the current group the staff chat for an owner, then checks the bot can see its members. */
async function bindStaffChat(ctx: BotContext, say: (text: string) => Promise<unknown>): Promise<void> {
  if (!ctx.from || !ctx.chat) return;
  if (ctx.chat.type === 'private' || ctx.chat.type === 'channel') {
    await say(ctx.t('setup-staffchat-private'));
    return;
  }
  const bound = await ctx.services.team.bindStaffChat(ctx.chat.id, ctx.from.id);
  if (!bound.ok) {
    if (bound.error.code === 'StaffChatFromEnvironment') {
      await say(ctx.t('setup-staffchat-environment', { id: String(await ctx.services.team.staffChatId()) }));
    } else {
      await say(ctx.t('owner-only'));
    }
    return;
  }
  ctx.logger.info({ chat: ctx.chat.id, owner: ctx.from.id }, 'staff chat bound');
  await ctx.reply(ctx.t('setup-staffchat-done'));
  const me = await ctx.api.getChatMember(ctx.chat.id, ctx.me.id);
  if (me.status !== 'administrator' && me.status !== 'creator') await ctx.reply(ctx.t('setup-staffchat-not-admin'));
}

setupFeature.command('staffchat', (ctx) => bindStaffChat(ctx, (text) => ctx.reply(text)));

onPress(setupFeature, setupData.bindStaffChat, async (ctx) => {
  if (!(await ctx.services.team.isOwner(ctx.from.id))) {
    await ctx.answerCallbackQuery({ text: ctx.t('owner-only'), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await bindStaffChat(ctx, (text) => ctx.reply(text));
});

// An owner added the bot to a group: offer to make it the staff chat (unless it already is, or the
// environment decides). Other member changes go on to whoever else listens to them.
setupFeature.on('my_chat_member', async (ctx, next) => {
  const { chat, from, old_chat_member: before, new_chat_member: after } = ctx.myChatMember;
  const joined = (before.status === 'left' || before.status === 'kicked') && (after.status === 'member' || after.status === 'administrator');
  if (chat.type === 'private' || chat.type === 'channel' || !joined) return next();
  const team = ctx.services.team;
  if (team.staffChatFromEnvironment || !(await team.isOwner(from.id)) || (await team.staffChatId()) === chat.id) return next();
  await ctx.reply(ctx.t('setup-staffchat-offer'), { reply_markup: staffChatOfferKeyboard(ctx.t) });
  await next();
});
