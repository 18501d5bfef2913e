// Changing one program setting: the owner taps a setting in /settings, reads its current value and
// what is allowed, and types the new one. A value that does not fit is refused with the reason and
// the question stays open; the saved value is in force at once on every instance.
import type { Conversation } from '@grammyjs/conversations';
import type { BotContext, ConversationContext } from '../context.js';
import { isOwner } from '../filters.js';
import { ownerData, settingsSectionKeyboard, stopEditingKeyboard } from '../keyboards/owner.js';
import {
  isSettingField,
  kebab,
  kindOf,
  parseFieldInput,
  rangeOf,
  REWARD_NAME_MAX,
  NOTE_MAX,
  sectionOf,
  patchFor,
  type FieldInputError,
  type SettingField,
  type SettingValue,
} from '../settings-menu.js';
import { formatValue } from '../settings-view.js';
import type { Translate } from '../translator.js';
import { err } from '../../domain/result.js';

export const EDIT_SETTING = 'edit-setting';

/** An update that is not the new value: for the rest of the bot, from someone no longer an owner, Stop, a move elsewhere, or a refused value. */
type NotTheValue = { code: 'PassOn' } | { code: 'NotOwner' } | { code: 'Stop' } | { code: 'MovedOn' } | { code: 'Refused'; reason: string };

function promptFor(t: Translate, field: SettingField, current: string): string {
  const label = t(`settings-field-${kebab(field)}`);
  switch (kindOf(field)) {
    case 'integer':
      return t('settings-ask-integer', { label, value: current, ...rangeOf(field as Parameters<typeof rangeOf>[0]) });
    case 'text':
      return t('settings-ask-text', { label, value: current, max: REWARD_NAME_MAX });
    case 'note':
      return t('settings-ask-note', { label, value: current, max: NOTE_MAX });
    case 'url':
      return t('settings-ask-url', { label, value: current });
    case 'timeZone':
      return t('settings-ask-time-zone', { label, value: current });
  }
}

function refusal(t: Translate, error: FieldInputError): string {
  switch (error.code) {
    case 'NotInteger':
      return t('settings-error-not-integer', { min: error.min, max: error.max });
    case 'OutOfRange':
      return t('settings-error-out-of-range', { min: error.min, max: error.max });
    case 'TextLength':
      return t('settings-error-text-length', { max: error.max });
    case 'NotUrl':
      return t('settings-error-url');
    case 'UnknownTimeZone':
      return t('settings-error-time-zone');
  }
}

export async function editSetting(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext, field: string): Promise<void> {
  // Whether the sender is an owner is asked afresh for every update, and recorded (external), so that
  // replaying the conversation later does not ask again about updates already decided.
  if (!isSettingField(field) || !(await conversation.external(() => isOwner(ctx)))) return;
  const ownerId = ctx.from!.id;
  const { services } = ctx;
  const settings = await conversation.external(() => services.settings.get());
  await ctx.reply(promptFor(ctx.t, field, formatValue(ctx.t, field, settings)), { reply_markup: stopEditingKeyboard(ctx.t) });

  // grammY's form: each answer is the new value, or is met by `otherwise` (refused with the reason and
  // forgotten, so the owner can try again as often as needed without the stored state growing).
  const value = await conversation.form.build<SettingValue, NotTheValue>({
    validate: async (answer) => {
      if (answer.chat?.id !== ownerId) return err({ code: 'PassOn' });
      // Asked afresh for every update and recorded (external), so a replay does not ask again.
      if (!(await conversation.external(() => isOwner(answer)))) return err({ code: 'NotOwner' });
      const data = answer.callbackQuery?.data;
      if (data !== undefined && ownerData.settingsStopEditing.trigger.test(data)) return err({ code: 'Stop' });
      if (data !== undefined || answer.message?.text?.startsWith('/')) return err({ code: 'MovedOn' });
      const text = answer.message?.text;
      if (text === undefined) return err({ code: 'Refused', reason: answer.t('settings-error-not-text') });
      const parsed = parseFieldInput(field, text);
      return parsed.ok ? parsed : err({ code: 'Refused', reason: refusal(answer.t, parsed.error) });
    },
    otherwise: async (answer, why) => {
      switch (why.code) {
        case 'PassOn':
          return conversation.skip({ next: true });
        case 'NotOwner':
          await answer.reply(answer.t('owner-only'));
          return conversation.halt();
        case 'Stop':
          await answer.answerCallbackQuery();
          await answer.reply(answer.t('settings-edit-stopped'), {
            reply_markup: settingsSectionKeyboard(answer.t, sectionOf(field), settings.campaigns, settings.staffChatLocale),
          });
          return conversation.halt();
        case 'MovedOn':
          // Another button or command: the owner moved on; this question is dropped and that one handled.
          return conversation.halt({ next: true });
        case 'Refused':
          await answer.reply(why.reason);
      }
    },
  });
  const saved = await conversation.external(async () => {
    const current = await services.settings.get();
    const result = await services.settings.update(patchFor(current, field, value), ownerId);
    return result.ok ? { ok: true as const, settings: result.value } : { ok: false as const };
  });
  if (!saved.ok) {
    // The whole program is validated again on save; a value that passed alone should pass here too.
    await ctx.reply(ctx.t('settings-error-rejected'));
    return conversation.skip();
  }
  await ctx.reply(
    ctx.t('settings-saved', { label: ctx.t(`settings-field-${kebab(field)}`), value: formatValue(ctx.t, field, saved.settings) }),
    { reply_markup: settingsSectionKeyboard(ctx.t, sectionOf(field), saved.settings.campaigns, saved.settings.staffChatLocale) },
  );
}
