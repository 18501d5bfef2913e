// "At most once" for things that are not ledger entries: a campaign trigger, a daily digest, a
// broadcast report. The key is the document's _id, so the database refuses a second claim on any
// instance, on MongoDB and on FerretDB alike.
import { Schema, type Connection } from 'mongoose';
import { modelOn } from './database.js';
import { isDuplicateKeyError } from './result.js';

const onceSchema = new Schema(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export class OnceKeys {
  private readonly model;

  constructor(conn: Connection) {
    this.model = modelOn(conn, 'OnceKey', onceSchema);
  }

  /** True for the first claim of `key`, false for every later one. */
  async claim(key: string, at: Date): Promise<boolean> {
    try {
      await this.model.create({ _id: key, at });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async isClaimed(key: string): Promise<boolean> {
    return (await this.model.exists({ _id: key })) !== null;
  }

  /** Gives a claim back, so the thing may happen later after all (e.g. the weekly cap was full). */
  async release(key: string): Promise<void> {
    await this.model.deleteOne({ _id: key });
  }
}
