// How /settings reads: a section's title and one "label: value" line per setting.
import { campaignNames, type Settings } from '../domain/settings.js';
import { LANGUAGE_NAMES } from './keyboards/customer.js';
import { fieldsOf, kebab, valueOf, type SettingField, type SettingsSection } from './settings-menu.js';
import type { Translate } from './translator.js';

/** The unit a setting's number is counted in, shown with its plural ("3 stamps", "180 минут"). */
const UNITS: Partial<Record<SettingField, 'stamps' | 'minutes' | 'days'>> = {
  stampsPerReward: 'stamps',
  rewardExpiryDays: 'days',
  cooldownMinutes: 'minutes',
  dailyCap: 'stamps',
  maxStampsPerVisit: 'stamps',
  reviewDelayMinutes: 'minutes',
  reviewBonusStamps: 'stamps',
  reviewBonusPeriodDays: 'days',
  referralBonusReferrer: 'stamps',
  referralBonusFriend: 'stamps',
  winBackDays: 'days',
  welcomeBonusStamps: 'stamps',
  birthdayBonusStamps: 'stamps',
  birthdayWindowDays: 'days',
};

export function formatValue(t: Translate, field: SettingField, settings: Settings): string {
  const value = valueOf(settings, field);
  if (value === null || value === '') return t('settings-not-set');
  if ((field === 'rewardExpiryDays' || field === 'retentionMonths') && value === 0) return t('settings-never');
  if ((field === 'welcomeBonusStamps' || field === 'birthdayBonusStamps') && value === 0) return t('settings-off');
  if (field === 'fraudQuickRedeemMinutes' && value === 0) return t('settings-off');
  const unit = UNITS[field];
  return unit && typeof value === 'number' ? t(`settings-value-${unit}`, { count: value }) : String(value);
}

export function settingsHomeText(t: Translate): string {
  return t('settings-home');
}

export function sectionText(t: Translate, section: SettingsSection, settings: Settings): string {
  const lines = [t('settings-section-title', { section: t(`settings-section-${section}`) })];
  if (section === 'campaigns') {
    for (const campaign of campaignNames) {
      const state = t(settings.campaigns[campaign] ? 'settings-on' : 'settings-off');
      lines.push(t('settings-line', { label: t(`settings-campaign-${kebab(campaign)}`), value: state }));
    }
  }
  for (const field of fieldsOf(section)) {
    lines.push(t('settings-line', { label: t(`settings-field-${kebab(field)}`), value: formatValue(t, field, settings) }));
  }
  if (section === 'general') {
    const chosen = settings.staffChatLocale;
    const value = chosen ? LANGUAGE_NAMES[chosen] : t('settings-staff-chat-like-owner');
    lines.push(t('settings-line', { label: t('settings-field-staff-chat-locale'), value }));
  }
  // Where a setting has a reason the owner should know (the platforms' rules, the law), it is said here.
  if (section === 'reviews' || section === 'privacy' || section === 'fraud' || section === 'occasions') lines.push('', t(`settings-why-${section}`));
  lines.push('', t('settings-section-hint'));
  return lines.join('\n');
}
