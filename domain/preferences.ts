// The language each Telegram user reads, kept apart from the customer record because owners and staff
// need one too, it is known before registration, and it is read for every update and by every job.
// Two sources: the language the user chose (onboarding, the Language menu, /language), and the one
// their Telegram app reports, learned from their latest update. The chosen one wins.
//
// Read for every update, so kept in memory: a change made on this instance is in force here at once;
// every change also moves a version (document 0 of the collection, which no Telegram user has), which
// each instance reads at most once per PREFERENCES_CHECK_MS and, when it moved, forgets what it
// remembered. So another instance follows a language change within a few seconds (README "Several
// instances"), and a known user's update reads nothing.
import { Schema, type Connection } from 'mongoose';
import { LOCALES, type Locale } from './locales.js';
import { modelOn } from './database.js';
import type { SettingsService } from './settings.js';
import { systemClock, type Clock } from './clock.js';

const preferenceSchema = new Schema(
  {
    _id: { type: Number, required: true },
    /** Chosen by the user. */
    locale: { type: String, enum: LOCALES },
    /** Reported by their Telegram app in their latest update (one of ours, or absent). */
    heard: { type: String, enum: LOCALES },
    updatedAt: { type: Date, required: true },
    /** On the version document only: how many changes were made, by any instance. */
    changes: Number,
  },
  { versionKey: false },
);

export interface Preference {
  chosen?: Locale;
  heard?: Locale;
}

/** How often an instance asks whether preferences changed elsewhere. */
export const PREFERENCES_CHECK_MS = 5_000;
/** Users remembered per instance; the oldest are forgotten first. */
const REMEMBERED = 20_000;
/** The document whose change count moves with every change (a count, not a time: two changes may share a millisecond). */
const VERSION_ID = 0;

/** Who the owners are: the team service (domain/team.ts), the one source of owners. */
export type OwnerDirectory = () => Promise<readonly number[]>;

export class PreferencesService {
  private readonly model;

  constructor(
    conn: Connection,
    private readonly defaultLocale: Locale,
    private readonly settings: SettingsService,
    readonly owners: OwnerDirectory,
    private readonly clock: Clock = systemClock,
  ) {
    this.model = modelOn(conn, 'Preference', preferenceSchema);
  }

  private readonly remembered = new Map<number, Preference>();
  private version: { value: number; checkedAt: number } | undefined;

  /** Forgets what this instance remembers when another instance changed a preference since the last check. */
  private async checkVersion(): Promise<void> {
    const now = this.clock.now().getTime();
    if (this.version && now - this.version.checkedAt < PREFERENCES_CHECK_MS) return;
    const doc = await this.model.findById(VERSION_ID, { changes: 1 }).lean();
    const value = doc?.changes ?? 0;
    if (this.version?.value !== value) this.remembered.clear();
    this.version = { value, checkedAt: now };
  }

  private remember(telegramId: number, preference: Preference): void {
    this.remembered.delete(telegramId);
    this.remembered.set(telegramId, preference);
    if (this.remembered.size > REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!);
  }

  /** A change: in force here at once, and the version moved so other instances forget theirs. */
  private async changed(telegramId: number, preference: Preference | undefined): Promise<void> {
    const version = await this.model
      .findOneAndUpdate({ _id: VERSION_ID }, { $inc: { changes: 1 }, $set: { updatedAt: this.clock.now() } }, { upsert: true, returnDocument: 'after' })
      .lean();
    if (preference) this.remember(telegramId, preference);
    else this.remembered.delete(telegramId);
    // Only this change is certain to be known here: one made elsewhere in between shows as a gap.
    if (this.version && version && version.changes === this.version.value + 1) {
      this.version = { value: version.changes, checkedAt: this.version.checkedAt };
    }
  }

  /** The language the user chose, if any. */
  async getLocale(telegramId: number): Promise<Locale | undefined> {
    return (await this.get(telegramId)).chosen;
  }

  async get(telegramId: number): Promise<Preference> {
    await this.checkVersion();
    const known = this.remembered.get(telegramId);
    if (known) return known;
    const doc = await this.model.findById(telegramId, { locale: 1, heard: 1 }).lean();
    const preference = { ...(doc?.locale ? { chosen: doc.locale } : {}), ...(doc?.heard ? { heard: doc.heard } : {}) };
    this.remember(telegramId, preference);
    return preference;
  }

  async setLocale(telegramId: number, locale: Locale): Promise<void> {
    const known = await this.get(telegramId);
    await this.model.updateOne({ _id: telegramId }, { $set: { locale, updatedAt: this.clock.now() } }, { upsert: true });
    await this.changed(telegramId, { ...known, chosen: locale });
  }

  /**
   * The language for this update: the chosen one, else what the user's Telegram says. Remembers a
   * Telegram language that changed, so that jobs later write to owners and staff in it; one read per
   * update, a write only when it changed.
   */
  async localeForUpdate(telegramId: number, heard: Locale | undefined): Promise<Locale | undefined> {
    const known = await this.get(telegramId);
    if (heard && heard !== known.heard) {
      await this.model.updateOne({ _id: telegramId }, { $set: { heard, updatedAt: this.clock.now() } }, { upsert: true });
      await this.changed(telegramId, { ...known, heard });
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
    await this.changed(telegramId, undefined);
  }
}
