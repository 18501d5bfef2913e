// The language each Telegram user chose, kept apart from the customer record because it is chosen
// before registration and read for every update, in every instance.
import { Schema, type Connection } from 'mongoose';
import { LOCALES, type Locale } from './locales.js';
import { modelOn } from './database.js';

const preferenceSchema = new Schema(
  {
    _id: { type: Number, required: true },
    locale: { type: String, enum: LOCALES, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export class PreferencesService {
  private readonly model;

  constructor(conn: Connection) {
    this.model = modelOn(conn, 'Preference', preferenceSchema);
  }

  async getLocale(telegramId: number): Promise<Locale | undefined> {
    const doc = await this.model.findById(telegramId, { locale: 1 }).lean();
    return doc?.locale;
  }

  async setLocale(telegramId: number, locale: Locale): Promise<void> {
    await this.model.updateOne({ _id: telegramId }, { $set: { locale, updatedAt: new Date() } }, { upsert: true });
  }

  async forget(telegramId: number): Promise<void> {
    await this.model.deleteOne({ _id: telegramId });
  }
}
