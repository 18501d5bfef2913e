// The language each Telegram user reads, kept apart from the customer record because owners and staff
// need one too, it is known before registration, and it is read for every update and by every job.
// Two sources: the language the user chose (onboarding, the Language menu, /language), and the one
// their Telegram app reports, learned from their latest update. The chosen one wins.
import { Schema, type Connection } from 'mongoose';
import { LOCALES, type Locale } from './locales.js';
import { modelOn } from './database.js';
import type { SettingsService } from './settings.js';

const preferenceSchema = new Schema(
  {
    _id: { type: Number, required: true },
    /** Chosen by the user. */
    locale: { type: String, enum: LOCALES },
    /** Reported by their Telegram app in their latest update (one of ours, or absent). */
    heard: { type: String, enum: LOCALES },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export interface Preference {
  chosen?: Locale;
  heard?: Locale;
}

/** Who the owners are: the team service (domain/team.ts), the one source of owners. */
export type OwnerDirectory = () => Promise<readonly number[]>;

export class PreferencesService {
  private readonly model;

  constructor(
    conn: Connection,
    private readonly defaultLocale: Locale,
    private readonly settings: SettingsService,
    readonly owners: OwnerDirectory,
  ) {
    this.model = modelOn(conn, 'Preference', preferenceSchema);
  }

  /** The language the user chose, if any. */
  async getLocale(telegramId: number): Promise<Locale | undefined> {
    return (await this.get(telegramId)).chosen;
  }

  async get(telegramId: number): Promise<Preference> {
    const doc = await this.model.findById(telegramId, { locale: 1, heard: 1 }).lean();
    return { ...(doc?.locale ? { chosen: doc.locale } : {}), ...(doc?.heard ? { heard: doc.heard } : {}) };
  }

  async setLocale(telegramId: number, locale: Locale): Promise<void> {
    await this.model.updateOne({ _id: telegramId }, { $set: { locale, updatedAt: new Date() } }, { upsert: true });
  }

  /**
   * The language for this update: the chosen one, else what the user's Telegram says. Remembers a
   * Telegram language that changed, so that jobs later write to owners and staff in it; one read per
   * update, a write only when it changed.
   */
  async localeForUpdate(telegramId: number, heard: Locale | undefined): Promise<Locale | undefined> {
    const known = await this.get(telegramId);
    if (heard && heard !== known.heard) {
      await this.model.updateOne({ _id: telegramId }, { $set: { heard, updatedAt: new Date() } }, { upsert: true });
    }
    return known.chosen ?? heard ?? known.heard;
  }

  /**
   * The language to write to this user in outside of an update (jobs, notices to the other side of
   * an action): their choice, else their Telegram's, else the staff chat's if the owner set one (the
   * café's language), else DEFAULT_LOCALE.
   */
  async localeOf(telegramId: number): Promise<Locale> {
    const known = await this.get(telegramId);
    return known.chosen ?? known.heard ?? (await this.settings.get()).staffChatLocale ?? this.defaultLocale;
  }

  /** The staff chat's language: the owner's setting, else the first owner's language whom we know. */
  async staffChatLocale(): Promise<Locale> {
    const chosen = (await this.settings.get()).staffChatLocale;
    if (chosen) return chosen;
    for (const ownerId of await this.owners()) {
      const known = await this.get(ownerId);
      const locale = known.chosen ?? known.heard;
      if (locale) return locale;
    }
    return this.defaultLocale;
  }

  async forget(telegramId: number): Promise<void> {
    await this.model.deleteOne({ _id: telegramId });
  }
}
