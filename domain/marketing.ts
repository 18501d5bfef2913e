// The weekly cap on promotional messages (settings.marketingMaxPerWeek), shared by broadcasts and the
// automated campaigns. A customer has that many numbered slots per calendar week (Monday to Sunday in
// the business time zone); a message takes a free slot before it is sent and gives it back if it did
// not go out. A slot is a document whose _id names customer, week and number, so two senders can never
// take the same one: the cap is exact on every instance, and checking it costs a few inserts.
import { Schema, type Connection, type Types } from 'mongoose';
import { localDateKey, startOfLocalWeek } from './business-time.js';
import { modelOn } from './database.js';
import { isDuplicateKeyError } from './result.js';

const marketingSlotSchema = new Schema(
  {
    /** `<customer id>:<Monday of the week>:<slot number>` */
    _id: { type: String, required: true },
    customerId: { type: Schema.Types.ObjectId, required: true },
    /** What took it: `broadcast:<id>` or `campaign:<name>`. */
    source: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export function marketingSlotModel(conn: Connection) {
  return modelOn(conn, 'MarketingSlot', marketingSlotSchema);
}

export type Reservation = { ok: true; slot: string } | { ok: false; reason: 'capReached' };

export class MarketingLog {
  private readonly model;

  constructor(conn: Connection) {
    this.model = marketingSlotModel(conn);
  }

  /** Takes one of the customer's slots for the week of `now`, if one is free. */
  async reserve(customerId: Types.ObjectId, source: string, now: Date, maxPerWeek: number, timeZone: string): Promise<Reservation> {
    const week = localDateKey(startOfLocalWeek(now, timeZone), timeZone);
    for (let n = 1; n <= maxPerWeek; n++) {
      const slot = `${String(customerId)}:${week}:${n}`;
      try {
        await this.model.create({ _id: slot, customerId, source, at: now });
        return { ok: true, slot };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    return { ok: false, reason: 'capReached' };
  }

  /** Gives a slot back: the message it was taken for did not reach the customer. */
  async release(slot: string): Promise<void> {
    await this.model.deleteOne({ _id: slot });
  }
}
