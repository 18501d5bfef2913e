// /settings for owners: sections of settings as buttons, campaign switches that flip with a tap, and
// a short conversation to type a new value (bot/conversations/edit-setting.ts).
import { Composer } from 'grammy';
import { createConversation } from '@grammyjs/conversations';
import { onPress } from '../callback-data.js';
import type { BotContext, ConversationContext } from '../context.js';
import { EDIT_SETTING, editSetting } from '../conversations/edit-setting.js';
import { ownerData, settingsHomeKeyboard, settingsSectionKeyboard } from '../keyboards/owner.js';
import { LANGUAGE_NAMES } from '../keyboards/customer.js';
import { isSettingField, kebab, type SettingsSection } from '../settings-menu.js';
import { sectionText, settingsHomeText } from '../settings-view.js';

export const settingsFeature = new Composer<BotContext>();

const privateChat = settingsFeature.chatType('private');

privateChat.use(createConversation<BotContext, ConversationContext>(editSetting, EDIT_SETTING));

privateChat.command('settings', async (ctx) => {
  await ctx.services.settings.get();
  // A stored document with invalid fields (they are on their defaults now) is told to the owners once.
  const invalid = ctx.services.settings.invalidStored();
  const told = invalid && (await ctx.services.once.claim(`settings-invalid:${invalid.version}`, ctx.services.clock.now()));
  const notice = told
    ? `${ctx.t('settings-invalid-stored', { fields: invalid.fields.map((field) => invalidFieldLabel(ctx, field)).join(', ') })}\n\n`
    : '';
  await ctx.reply(notice + settingsHomeText(ctx.t), { reply_markup: settingsHomeKeyboard(ctx.t) });
});

/** A setting's name as /settings shows it ("campaigns.winBack" → the campaign's label). */
function invalidFieldLabel(ctx: BotContext, field: string): string {
  const [head, sub] = field.split('.');
  if (head === 'campaigns' && sub) return ctx.t(`settings-campaign-${kebab(sub)}`);
  return head && isSettingField(head) ? ctx.t(`settings-field-${kebab(head)}`) : field;
}

async function showSection(ctx: BotContext, section: SettingsSection): Promise<void> {
  const settings = await ctx.services.settings.get();
  await ctx.editMessageText(sectionText(ctx.t, section, settings), {
    reply_markup: settingsSectionKeyboard(ctx.t, section, settings.campaigns, settings.staffChatLocale),
  });
}

onPress(privateChat, ownerData.settingsHome, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(settingsHomeText(ctx.t), { reply_markup: settingsHomeKeyboard(ctx.t) });
});

onPress(privateChat, ownerData.settingsSection, async (ctx, section) => {
  await ctx.answerCallbackQuery();
  await showSection(ctx, section);
});

onPress(privateChat, ownerData.settingsToggle, async (ctx, campaign) => {
  const current = await ctx.services.settings.get();
  const on = !current.campaigns[campaign];
  const updated = await ctx.services.settings.update({ campaigns: { ...current.campaigns, [campaign]: on } }, ctx.from.id);
  if (!updated.ok) return ctx.answerCallbackQuery({ text: ctx.t('settings-error-rejected'), show_alert: true });
  await ctx.answerCallbackQuery({
    text: ctx.t('settings-line', { label: ctx.t(`settings-campaign-${kebab(campaign)}`), value: ctx.t(on ? 'settings-on' : 'settings-off') }),
  });
  await showSection(ctx, 'campaigns');
});

// The staff chat's language: audit lines, review posts and every other post there from now on.
onPress(privateChat, ownerData.settingsStaffChatLocale, async (ctx, choice) => {
  const staffChatLocale = choice === 'owner' ? null : choice;
  const updated = await ctx.services.settings.update({ staffChatLocale }, ctx.from.id);
  if (!updated.ok) return ctx.answerCallbackQuery({ text: ctx.t('settings-error-rejected'), show_alert: true });
  const language = LANGUAGE_NAMES[await ctx.services.preferences.staffChatLocale()];
  await ctx.answerCallbackQuery({ text: ctx.t('settings-staff-chat-saved', { language }) });
  await showSection(ctx, 'general');
});

onPress(privateChat, ownerData.settingsEdit, async (ctx, field) => {
  if (!isSettingField(field)) return ctx.answerCallbackQuery({ text: ctx.t('unhandled-button') });
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll(); // a new flow replaces whatever the user was in the middle of
  await ctx.conversation.enter(EDIT_SETTING, field);
});
