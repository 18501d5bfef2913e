// The owner's buttons and their callback data. The data names a screen or an action; the authority
// is checked when the button is pressed (the presser must be an owner at that moment), and a
// broadcast is referenced by its id, resolved on the server.
import { InlineKeyboard } from 'grammy';
import { LOCALES, type Locale } from '../../domain/locales.js';
import { LANGUAGE_NAMES } from './customer.js';
import { campaignNames, type CampaignName } from '../../domain/settings.js';
import { SEGMENTS, type Segment } from '../../domain/broadcasts/segments.js';
import { SETTINGS_SECTIONS, fieldsOf, kebab, type SettingField, type SettingsSection } from '../settings-menu.js';
import type { Translate } from '../translator.js';

export const ownerData = {
  settingsHome: 'set:home',
  settingsSection: (section: SettingsSection) => `set:sec:${section}`,
  settingsSectionPattern: /^set:sec:(\w+)$/,
  settingsEdit: (field: SettingField) => `set:edit:${field}`,
  settingsEditPattern: /^set:edit:([\w.]+)$/,
  settingsToggle: (campaign: CampaignName) => `set:tgl:${campaign}`,
  settingsTogglePattern: /^set:tgl:(\w+)$/,
  settingsStopEditing: 'set:stop',
  /** The staff chat's language, or `owner`: the owner's. */
  settingsStaffChatLocale: (locale: Locale | 'owner') => `set:scl:${locale}`,
  settingsStaffChatLocalePattern: /^set:scl:(en|ru|bg|owner)$/,

  segment: (segment: Segment) => `bc:seg:${segment}`,
  segmentPattern: /^bc:seg:(\w+)$/,
  skipLanguage: 'bc:skip',
  sendNow: 'bc:now',
  sendTomorrow: 'bc:tomorrow',
  confirm: 'bc:confirm',
  abort: 'bc:abort',

  statsHowCounted: 'stats:how',

  listCancel: (broadcastId: string) => `bcl:ask:${broadcastId}`,
  listCancelPattern: /^bcl:ask:([0-9a-f]{24})$/,
  listCancelYes: (broadcastId: string) => `bcl:yes:${broadcastId}`,
  listCancelYesPattern: /^bcl:yes:([0-9a-f]{24})$/,
  listKeep: (broadcastId: string) => `bcl:keep:${broadcastId}`,
  listKeepPattern: /^bcl:keep:([0-9a-f]{24})$/,
};

export function settingsHomeKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const section of SETTINGS_SECTIONS) keyboard.text(t(`settings-section-${section}`), ownerData.settingsSection(section)).row();
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
      keyboard.text(`${mark}${t('settings-staff-chat-button', { language: LANGUAGE_NAMES[locale] })}`, ownerData.settingsStaffChatLocale(locale)).row();
    }
    const mark = staffChatLocale === null ? '✅ ' : '';
    keyboard.text(`${mark}${t('settings-staff-chat-owner-button')}`, ownerData.settingsStaffChatLocale('owner')).row();
  }
  if (section === 'campaigns') {
    for (const campaign of campaignNames) {
      const mark = campaigns[campaign] ? '✅' : '⛔';
      keyboard.text(`${mark} ${t(`settings-campaign-${kebab(campaign)}`)}`, ownerData.settingsToggle(campaign)).row();
    }
  }
  for (const field of fieldsOf(section)) keyboard.text(`✏️ ${t(`settings-field-${kebab(field)}`)}`, ownerData.settingsEdit(field)).row();
  return keyboard.text(t('settings-back'), ownerData.settingsHome);
}

export function stopEditingKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t('settings-stop-editing'), ownerData.settingsStopEditing);
}

export function segmentKeyboard(t: Translate, counts: Record<Segment, number>): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const segment of SEGMENTS) {
    keyboard.text(t('broadcast-segment-button', { segment: t(`broadcast-segment-${kebab(segment)}`), count: counts[segment] }), ownerData.segment(segment)).row();
  }
  return keyboard.text(t('broadcast-abort'), ownerData.abort);
}

export function skipLanguageKeyboard(t: Translate, fallbackLanguage: string): InlineKeyboard {
  return new InlineKeyboard().text(t('broadcast-skip-language', { fallback: fallbackLanguage }), ownerData.skipLanguage).row().text(t('broadcast-abort'), ownerData.abort);
}

export function whenKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('broadcast-when-now'), ownerData.sendNow)
    .text(t('broadcast-when-tomorrow'), ownerData.sendTomorrow)
    .row()
    .text(t('broadcast-abort'), ownerData.abort);
}

export function confirmKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t('broadcast-confirm-yes'), ownerData.confirm).text(t('broadcast-abort'), ownerData.abort);
}

export function abortKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t('broadcast-abort'), ownerData.abort);
}

export function cancelBroadcastKeyboard(t: Translate, broadcastId: string, label: string): InlineKeyboard {
  return new InlineKeyboard().text(t('broadcasts-cancel-button', { broadcast: label }), ownerData.listCancel(broadcastId));
}

export function confirmCancelKeyboard(t: Translate, broadcastId: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('broadcasts-cancel-yes'), ownerData.listCancelYes(broadcastId))
    .text(t('broadcasts-cancel-no'), ownerData.listKeep(broadcastId));
}

export function statsKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t('stats-how-button'), ownerData.statsHowCounted);
}
