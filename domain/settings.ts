// The owner's program settings: one validated document, kept in memory by each instance. A change is
// in force at once on the instance that made it and within SETTINGS_RECHECK_MS on every other one (each
// re-reads the document's version at most that often; see README "Several instances").
import { Schema, type Connection } from 'mongoose';
import { z } from 'zod';
import { systemClock, type Clock } from './clock.js';
import { LOCALES } from './locales.js';
import { modelOn } from './database.js';
import { err, ok, type Result } from './result.js';

const localized = z.object({
  en: z.string().trim().min(1).max(60),
  ru: z.string().trim().min(1).max(60),
  bg: z.string().trim().min(1).max(60),
});

export const campaignNames = ['rewardReminder', 'almostThere', 'winBack', 'reviewRequest', 'dailyDigest'] as const;
export type CampaignName = (typeof campaignNames)[number];

export const settingsSchema = z.object({
  stampsPerReward: z.number().int().min(2).max(30).default(8),
  rewardName: localized.default({ en: 'free coffee', ru: 'бесплатный кофе', bg: 'безплатно кафе' }),
  cooldownMinutes: z.number().int().min(0).max(7 * 24 * 60).default(180),
  dailyCap: z.number().int().min(1).max(50).default(3),
  maxStampsPerVisit: z.number().int().min(1).max(10).default(3),
  reviewBonusStamps: z.number().int().min(0).max(10).default(1),
  reviewBonusPeriodDays: z.number().int().min(1).max(365).default(30),
  reviewDelayMinutes: z.number().int().min(1).max(7 * 24 * 60).default(120),
  referralBonusReferrer: z.number().int().min(0).max(10).default(1),
  referralBonusFriend: z.number().int().min(0).max(10).default(1),
  referralMonthlyCap: z.number().int().min(0).max(1000).default(10),
  rewardExpiryDays: z.number().int().min(0).max(3650).default(0),
  winBackDays: z.number().int().min(7).max(365).default(30),
  publicReviewUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().default(null),
  timeZone: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'unknown time zone')
    .default('Europe/Sofia'),
  marketingMaxPerWeek: z.number().int().min(0).max(21).default(2),
  /** The owner's privacy policy (152-ФЗ, GDPR); unset: the bot shows the default text from the locales. */
  privacyPolicyUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().default(null),
  /** Raised by the owner when the policy changes: every customer is asked to agree again. */
  privacyPolicyVersion: z.number().int().min(1).max(1000).default(1),
  /** Who processes the data, as the default policy names them. */
  businessName: z.string().trim().min(1).max(120).nullable().default(null),
  businessContact: z.string().trim().min(1).max(120).nullable().default(null),
  /** Customers with no visit for this many months are erased (0: never). */
  retentionMonths: z.number().int().min(0).max(120).default(0),
  /** Fraud signals: more stamped visits than this for one customer in a business day. */
  fraudCustomerVisitsPerDay: z.number().int().min(1).max(100).default(5),
  /** More visits than this by one staff member to one customer in a business day. */
  fraudStaffSameCustomerPerDay: z.number().int().min(1).max(100).default(2),
  /** A staff member's visits today above this multiple of their usual daily number (30 days). */
  fraudStaffRateFactor: z.number().int().min(2).max(100).default(3),
  /** A reward redeemed within this many minutes of being earned, by the same staff member (0: off). */
  fraudQuickRedeemMinutes: z.number().int().min(0).max(24 * 60).default(10),
  /** The staff chat's language; null: the owner's. */
  staffChatLocale: z.enum(LOCALES).nullable().default(null),
  campaigns: z
    .object(Object.fromEntries(campaignNames.map((n) => [n, z.boolean().default(true)])) as Record<
      CampaignName,
      z.ZodDefault<z.ZodBoolean>
    >)
    .default(Object.fromEntries(campaignNames.map((n) => [n, true])) as Record<CampaignName, boolean>),
  // --- occasions ---
  /** Bonus stamps for a new card, once per phone number ever (0: none). */
  welcomeBonusStamps: z.number().int().min(0).max(10).default(0),
  /** Bonus stamps for a visit around the customer's birthday, once a year (0: no birthday bonus). */
  birthdayBonusStamps: z.number().int().min(0).max(10).default(0),
  /** How many days before and after the birthday a visit still earns the birthday bonus. */
  birthdayWindowDays: z.number().int().min(0).max(30).default(7),
});

export type Settings = z.infer<typeof settingsSchema>;

const settingsDocSchema = new Schema(
  {
    _id: { type: String, required: true },
    values: { type: Schema.Types.Mixed, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: Number, default: null },
  },
  { versionKey: false },
);

export type SettingsError = { code: 'InvalidSetting'; field: string; message: string };

/** How long an instance trusts its copy before asking whether another instance changed the settings. */
export const SETTINGS_RECHECK_MS = 5_000;

export type SettingsListener = (settings: Settings) => void | Promise<void>;

/** A stored document with fields that failed validation: they were replaced by their defaults. */
export interface InvalidStoredSettings {
  fields: string[];
  /** The stored document's version (its updatedAt), so each bad version is reported once. */
  version: string;
}

interface Cached {
  settings: Settings;
  version: number;
  checkedAt: number;
}

export class SettingsService {
  private readonly model;
  private cached: Cached | undefined;
  private loading: Promise<Settings> | undefined;
  private readonly listeners: SettingsListener[] = [];
  private invalid: InvalidStoredSettings | undefined;
  private reportedVersion: string | undefined;

  constructor(
    conn: Connection,
    private readonly defaults: Partial<Settings> = {},
    private readonly clock: Clock = systemClock,
    /** Told (once per stored version) when the stored document had invalid fields. */
    private readonly onInvalid: (invalid: InvalidStoredSettings) => void = () => undefined,
  ) {
    this.model = modelOn(conn, 'Settings', settingsDocSchema);
  }

  /**
   * The settings in force. Kept in memory: a change made here is in force at once; one made by another
   * instance is seen within SETTINGS_RECHECK_MS (the stored document is read again at most that often).
   */
  async get(): Promise<Settings> {
    const now = this.clock.now().getTime();
    if (this.cached && now - this.cached.checkedAt < SETTINGS_RECHECK_MS && now >= this.cached.checkedAt) return this.cached.settings;
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  /** Calls `listener` after every change of the settings seen by this instance (its own or another's). */
  onChange(listener: SettingsListener): () => void {
    this.listeners.push(listener);
    return () => {
      const index = this.listeners.indexOf(listener);
      if (index >= 0) this.listeners.splice(index, 1);
    };
  }

  /** Fields of the stored document that failed validation (and were defaulted), if any. */
  invalidStored(): InvalidStoredSettings | undefined {
    return this.invalid;
  }

  private async load(): Promise<Settings> {
    const doc = await this.model.findById('program').lean();
    const version = doc?.updatedAt ? new Date(doc.updatedAt).getTime() : 0;
    const previous = this.cached;
    if (previous && previous.version === version) {
      this.cached = { ...previous, checkedAt: this.clock.now().getTime() };
      return previous.settings;
    }
    const settings = this.parseStored((doc?.values ?? {}) as Record<string, unknown>, String(version));
    this.cached = { settings, version, checkedAt: this.clock.now().getTime() };
    if (previous) await this.notify(settings);
    return settings;
  }

  /** Every valid stored field is kept; an invalid one takes its default (and is reported). */
  private parseStored(stored: Record<string, unknown>, version: string): Settings {
    const candidate = structuredClone({ ...this.defaults, ...stored }) as Record<string, unknown>;
    const bad = new Set<string>();
    for (let round = 0; round < 10; round++) {
      const parsed = settingsSchema.safeParse(candidate);
      if (parsed.success) {
        this.invalid = bad.size > 0 ? { fields: [...bad].sort(), version } : undefined;
        if (this.invalid && this.reportedVersion !== version) {
          this.reportedVersion = version;
          this.onInvalid(this.invalid);
        }
        return parsed.data;
      }
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String);
        bad.add(path.join('.') || '(document)');
        dropAt(candidate, path, this.defaults);
      }
    }
    this.invalid = { fields: [...bad].sort(), version };
    return settingsSchema.parse(this.defaults);
  }

  private async notify(settings: Settings): Promise<void> {
    for (const listener of this.listeners) await listener(settings);
  }

  /** Validates the whole program after the change, so one bad field never lands. */
  async update(patch: Partial<Settings>, by: number | null): Promise<Result<Settings, SettingsError>> {
    const current = await this.get();
    const parsed = settingsSchema.safeParse({ ...current, ...patch });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return err({ code: 'InvalidSetting', field: issue?.path.join('.') ?? '', message: issue?.message ?? '' });
    }
    const updatedAt = this.clock.now();
    await this.model.updateOne(
      { _id: 'program' },
      { $set: { values: parsed.data, updatedAt, updatedBy: by } },
      { upsert: true },
    );
    // In force here at once; the version tells the other instances at their next check.
    this.cached = { settings: parsed.data, version: updatedAt.getTime(), checkedAt: updatedAt.getTime() };
    this.invalid = undefined;
    await this.notify(parsed.data);
    return ok(parsed.data);
  }
}

/**
 * Removes the invalid value at `path` so that its default applies: the configured default for a
 * top-level field, else the schema's; a nested value that has no default of its own takes its parent.
 */
function dropAt(target: Record<string, unknown>, path: string[], defaults: Partial<Settings>): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const child = target[head];
  if (rest.length > 0 && child && typeof child === 'object' && rest[0]! in child) {
    dropAt(child as Record<string, unknown>, rest, {});
    return;
  }
  delete target[head];
  const fallback = defaults[head as keyof Settings];
  if (fallback !== undefined) target[head] = structuredClone(fallback);
}
