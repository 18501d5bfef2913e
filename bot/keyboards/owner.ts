// The owner's buttons and their callback data. The data names a screen or an action; the authority
// is checked when the button is pressed (the presser must be an owner at that moment), and a
// broadcast is referenced by its id, resolved on the server.
import { InlineKeyboard } from 'grammy';
import { LOCALES, type Locale } from '../../domain/locales.js';
import { LANGUAGE_NAMES } from './customer.js';
import { campaignNames, type CampaignName } from '../../domain/settings.js';
import { SEGMENTS, type Segment } from '../../domain/broadcasts/segments.js';
import { SETTINGS_SECTIONS, fieldsOf, kebab, type SettingsSection } from '../settings-menu.js';
import type { Translate } from '../translator.js';
import { codec, constant, fields } from '../callback-data.js';

/** The buttons of the broadcast composer (bot/conversations/broadcast.ts) start so. */
export const BROADCAST_BUTTONS = /^bc:/;

export const ownerData = {
  settingsHome: constant('set:home'),
  settingsSection: codec('set:sec', fields.oneOf(SETTINGS_SECTIONS)),
  /** A setting's name; whether it is one /settings edits is checked at the press. */
  settingsEdit: codec('set:edit', fields.name()),
  settingsToggle: codec('set:tgl', fields.oneOf(campaignNames)),
  settingsStopEditing: constant('set:stop'),
  /** The staff chat's language, or `owner`: the owner's. */
  settingsStaffChatLocale: codec('set:scl', fields.oneOf([...LOCALES, 'owner'] as const)),

  segment: codec('bc:seg', fields.oneOf(SEGMENTS)),
  skipLanguage: constant('bc:skip'),
  sendNow: constant('bc:now'),
  sendTomorrow: constant('bc:tomorrow'),
  confirm: constant('bc:confirm'),
  abort: constant('bc:abort'),

  statsHowCounted: constant('stats:how'),

  listCancel: codec('bcl:ask', fields.objectId()),
  listCancelYes: codec('bcl:yes', fields.objectId()),
  listKeep: codec('bcl:keep', fields.objectId()),
};

export function settingsHomeKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const section of SETTINGS_SECTIONS) keyboard.text(t(`settings-section-${section}`), ownerData.settingsSection.encode(section)).row();
  return keyboard;
}

export function settingsSectionKeyboard(
  t: Translate,
  section: SettingsSection,
  campaigns: Record<CampaignName, boolean>,
  staffChatLocale: Locale | null = null,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (section === 'general') {
    for (const locale of LOCALES) {
      const mark = staffChatLocale === locale ? '✅ ' : '';
      keyboard.text(`${mark}${t('settings-staff-chat-button', { language: LANGUAGE_NAMES[locale] })}`, ownerData.settingsStaffChatLocale.encode(locale)).row();
    }
    const mark = staffChatLocale === null ? '✅ ' : '';
    keyboard.text(`${mark}${t('settings-staff-chat-owner-button')}`, ownerData.settingsStaffChatLocale.encode('owner')).row();
  }
  if (section === 'campaigns') {
    for (const campaign of campaignNames) {
      const mark = campaigns[campaign] ? '✅' : '⛔';
      keyboard.text(`${mark} ${t(`settings-campaign-${kebab(campaign)}`)}`, ownerData.settingsToggle.encode(campaign)).row();
    }
  }
  for (const field of fieldsOf(section)) keyboard.text(`✏️ ${t(`settings-field-${kebab(field)}`)}`, ownerData.settingsEdit.encode(field)).row();
  return keyboard.text(t('settings-back'), ownerData.settingsHome.encode());
}

export function stopEditingKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t('settings-stop-editing'), ownerData.settingsStopEditing.encode());
}

export function segmentKeyboard(t: Translate, counts: Record<Segment, number>): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const segment of SEGMENTS) {
    keyboard.text(t('broadcast-segment-button', { segment: t(`broadcast-segment-${kebab(segment)}`), count: counts[segment] }), ownerData.segment.encode(segment)).row();
  }
  return keyboard.text(t('broadcast-abort'), ownerData.abort.encode());
}

export function skipLanguageKeyboard(t: Translate, fallbackLanguage: string): InlineKeyboard {
  return new InlineKeyboard().text(t('broadcast-skip-language', { fallback: fallbackLanguage }), ownerData.skipLanguage.encode()).row().text(t('broadcast-abort'), ownerData.abort.encode());
}

export function whenKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('broadcast-when-now'), ownerData.sendNow.encode())
    .text(t('broadcast-when-tomorrow'), ownerData.sendTomorrow.encode())
    .row()
    .text(t('broadcast-abort'), ownerData.abort.encode());
}

export function confirmKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t('broadcast-confirm-yes'), ownerData.confirm.encode()).text(t('broadcast-abort'), ownerData.abort.encode());
}

export function abortKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t('broadcast-abort'), ownerData.abort.encode());
}

export function cancelBroadcastKeyboard(t: Translate, broadcastId: string, label: string): InlineKeyboard {
  return new InlineKeyboard().text(t('broadcasts-cancel-button', { broadcast: label }), ownerData.listCancel.encode(broadcastId));
}

export function confirmCancelKeyboard(t: Translate, broadcastId: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('broadcasts-cancel-yes'), ownerData.listCancelYes.encode(broadcastId))
    .text(t('broadcasts-cancel-no'), ownerData.listKeep.encode(broadcastId));
}

export function statsKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t('stats-how-button'), ownerData.statsHowCounted.encode());
}
