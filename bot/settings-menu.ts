// Every program setting as the owner sees it in /settings: which section it is in, how its value is
// typed and shown. Validation is the settings' own zod schema (domain/settings.ts), so the ranges the
// owner reads are the ones enforced.
import { LOCALES, type Locale } from '../domain/locales.js';
import { settingsSchema, type Settings } from '../domain/settings.js';
import { err, ok, type Result } from '../domain/result.js';

export const SETTINGS_SECTIONS = ['card', 'limits', 'reviews', 'referrals', 'campaigns', 'privacy', 'fraud', 'general', 'occasions'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

const INTEGER_FIELDS = [
  'stampsPerReward',
  'rewardExpiryDays',
  'cooldownMinutes',
  'dailyCap',
  'maxStampsPerVisit',
  'reviewDelayMinutes',
  'reviewBonusStamps',
  'reviewBonusPeriodDays',
  'referralBonusReferrer',
  'referralBonusFriend',
  'referralMonthlyCap',
  'winBackDays',
  'marketingMaxPerWeek',
  'privacyPolicyVersion',
  'retentionMonths',
  'fraudCustomerVisitsPerDay',
  'fraudStaffSameCustomerPerDay',
  'fraudStaffRateFactor',
  'fraudQuickRedeemMinutes',
  'welcomeBonusStamps',
  'birthdayBonusStamps',
  'birthdayWindowDays',
] as const satisfies readonly (keyof Settings)[];
type IntegerField = (typeof INTEGER_FIELDS)[number];
type RewardNameField = `rewardName.${Locale}`;

const URL_FIELDS = ['publicReviewUrl', 'privacyPolicyUrl'] as const satisfies readonly (keyof Settings)[];
type UrlField = (typeof URL_FIELDS)[number];
/** Free texts an owner may also clear with a dash. */
const NOTE_FIELDS = ['businessName', 'businessContact'] as const satisfies readonly (keyof Settings)[];
type NoteField = (typeof NOTE_FIELDS)[number];

export type SettingField = IntegerField | RewardNameField | UrlField | NoteField | 'timeZone';

const SECTION_FIELDS: Record<SettingsSection, SettingField[]> = {
  card: ['stampsPerReward', 'rewardName.en', 'rewardName.ru', 'rewardName.bg', 'rewardExpiryDays'],
  limits: ['cooldownMinutes', 'dailyCap', 'maxStampsPerVisit'],
  reviews: ['reviewDelayMinutes', 'reviewBonusStamps', 'reviewBonusPeriodDays', 'publicReviewUrl'],
  referrals: ['referralBonusReferrer', 'referralBonusFriend', 'referralMonthlyCap'],
  campaigns: ['winBackDays', 'marketingMaxPerWeek'],
  privacy: ['businessName', 'businessContact', 'privacyPolicyUrl', 'privacyPolicyVersion', 'retentionMonths'],
  fraud: ['fraudCustomerVisitsPerDay', 'fraudStaffSameCustomerPerDay', 'fraudStaffRateFactor', 'fraudQuickRedeemMinutes'],
  general: ['timeZone'],
  occasions: ['welcomeBonusStamps', 'birthdayBonusStamps', 'birthdayWindowDays'],
};

export const SETTING_FIELDS: SettingField[] = SETTINGS_SECTIONS.flatMap((s) => SECTION_FIELDS[s]);

export function fieldsOf(section: SettingsSection): SettingField[] {
  return SECTION_FIELDS[section];
}

export function isSection(value: unknown): value is SettingsSection {
  return typeof value === 'string' && (SETTINGS_SECTIONS as readonly string[]).includes(value);
}

export function isSettingField(value: unknown): value is SettingField {
  return typeof value === 'string' && (SETTING_FIELDS as string[]).includes(value);
}

export function sectionOf(field: SettingField): SettingsSection {
  return SETTINGS_SECTIONS.find((s) => SECTION_FIELDS[s].includes(field))!;
}

/** `rewardName.en` → `reward-name-en`: the field's part of its locale keys. */
export function kebab(name: string): string {
  return name.replace(/\./g, '-').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function rewardNameLocale(field: SettingField): Locale | undefined {
  const locale = field.startsWith('rewardName.') ? field.slice('rewardName.'.length) : undefined;
  return LOCALES.find((l) => l === locale);
}

function isIntegerField(field: SettingField): field is IntegerField {
  return (INTEGER_FIELDS as readonly string[]).includes(field);
}

export type FieldKind = 'integer' | 'text' | 'note' | 'url' | 'timeZone';

export function kindOf(field: SettingField): FieldKind {
  if (isIntegerField(field)) return 'integer';
  if ((URL_FIELDS as readonly string[]).includes(field)) return 'url';
  if ((NOTE_FIELDS as readonly string[]).includes(field)) return 'note';
  if (field === 'timeZone') return 'timeZone';
  return 'text';
}

const rewardNameSchema = settingsSchema.shape.rewardName.unwrap().shape.en;

/** The allowed range of an integer setting, read from its zod schema. */
export function rangeOf(field: IntegerField): { min: number; max: number } {
  const schema = settingsSchema.shape[field].unwrap();
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}

export const REWARD_NAME_MAX = rewardNameSchema.maxLength ?? 60;
export const NOTE_MAX = settingsSchema.shape.businessName.unwrap().unwrap().maxLength ?? 120;

export type SettingValue = number | string | null;

export function valueOf(settings: Settings, field: SettingField): SettingValue {
  const locale = rewardNameLocale(field);
  if (locale) return settings.rewardName[locale];
  return settings[field as Exclude<SettingField, RewardNameField>];
}

export function patchFor(settings: Settings, field: SettingField, value: SettingValue): Partial<Settings> {
  const locale = rewardNameLocale(field);
  if (locale) return { rewardName: { ...settings.rewardName, [locale]: value } };
  return { [field]: value };
}

export type FieldInputError =
  | { code: 'NotInteger'; min: number; max: number }
  | { code: 'OutOfRange'; min: number; max: number }
  | { code: 'TextLength'; max: number }
  | { code: 'NotUrl' }
  | { code: 'UnknownTimeZone' };

/** What the owner typed, as the setting's value, or why it cannot be. */
export function parseFieldInput(field: SettingField, input: string): Result<SettingValue, FieldInputError> {
  const text = input.trim();
  switch (kindOf(field)) {
    case 'integer': {
      const range = rangeOf(field as IntegerField);
      if (!/^[+-]?\d{1,9}$/.test(text)) return err({ code: 'NotInteger', ...range });
      const parsed = settingsSchema.shape[field as IntegerField].safeParse(Number(text));
      return parsed.success ? ok(parsed.data) : err({ code: 'OutOfRange', ...range });
    }
    case 'text': {
      const parsed = rewardNameSchema.safeParse(text);
      return parsed.success ? ok(parsed.data) : err({ code: 'TextLength', max: REWARD_NAME_MAX });
    }
    case 'note': {
      if (/^[-–—]$/.test(text)) return ok(null);
      const parsed = settingsSchema.shape[field as NoteField].safeParse(text);
      return parsed.success ? ok(parsed.data) : err({ code: 'TextLength', max: NOTE_MAX });
    }
    case 'url': {
      if (/^[-–—]$/.test(text)) return ok(null);
      const parsed = settingsSchema.shape[field as UrlField].safeParse(text);
      return parsed.success ? ok(parsed.data) : err({ code: 'NotUrl' });
    }
    case 'timeZone': {
      const parsed = settingsSchema.shape.timeZone.safeParse(text);
      if (!parsed.success || !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$|^UTC$/i.test(text)) return err({ code: 'UnknownTimeZone' });
      // "europe/sofia" is understood; store the canonical spelling.
      return ok(new Intl.DateTimeFormat('en', { timeZone: parsed.data }).resolvedOptions().timeZone);
    }
  }
}
