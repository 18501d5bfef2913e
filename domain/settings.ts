// The owner's program settings: one validated document, read fresh on every use so that a change
// made on one instance is in force on all of them at once.
import { Schema, type Connection } from 'mongoose';
import { z } from 'zod';
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
  campaigns: z
    .object(Object.fromEntries(campaignNames.map((n) => [n, z.boolean().default(true)])) as Record<
      CampaignName,
      z.ZodDefault<z.ZodBoolean>
    >)
    .default(Object.fromEntries(campaignNames.map((n) => [n, true])) as Record<CampaignName, boolean>),
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

export type SettingsListener = (settings: Settings) => Promise<void>;

export class SettingsService {
  private readonly model;
  private readonly listeners: SettingsListener[] = [];

  constructor(
    conn: Connection,
    private readonly defaults: Partial<Settings> = {},
  ) {
    this.model = modelOn(conn, 'Settings', settingsDocSchema);
  }

  async get(): Promise<Settings> {
    const doc = await this.model.findById('program').lean();
    const stored = (doc?.values ?? {}) as Record<string, unknown>;
    const parsed = settingsSchema.safeParse({ ...this.defaults, ...stored });
    return parsed.success ? parsed.data : settingsSchema.parse(this.defaults);
  }

  /** Validates the whole program after the change, so one bad field never lands. */
  async update(patch: Partial<Settings>, by: number | null): Promise<Result<Settings, SettingsError>> {
    const current = await this.get();
    const parsed = settingsSchema.safeParse({ ...current, ...patch });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return err({ code: 'InvalidSetting', field: issue?.path.join('.') ?? '', message: issue?.message ?? '' });
    }
    await this.model.updateOne(
      { _id: 'program' },
      { $set: { values: parsed.data, updatedAt: new Date(), updatedBy: by } },
      { upsert: true },
    );
    for (const listener of this.listeners) await listener(parsed.data);
    return ok(parsed.data);
  }

  /** Called after every change saved through this service (e.g. to schedule what the new values need). */
  onChange(listener: SettingsListener): void {
    this.listeners.push(listener);
  }
}
