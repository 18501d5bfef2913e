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
  async reserve(customerId: Types.ObjectId, source: string, now: Date, maxPerWeek: number, timeZone: string, from = 1): Promise<Reservation> {
    const week = localDateKey(startOfLocalWeek(now, timeZone), timeZone);
    for (let n = from; n <= maxPerWeek; n++) {
      const slot = `${String(customerId)}:${week}:${n}`;
      try {
        // A plain insert: the unique _id is all there is to check, and a broadcast does this per message.
        await this.model.collection.insertOne({ _id: slot as never, customerId, source, at: now });
        return { ok: true, slot };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    return { ok: false, reason: 'capReached' };
  }

  /**
   * Takes a slot for each of many customers at once: one bulk insert of everyone's first slot, then
   * one by one for those whose first slot was taken already (or whose row the server refused for a
   * moment, through `retry`). Same outcome as reserve() per customer. A failure of the whole insert is
   * thrown: which rows it wrote is unknown, so their slots may stay taken.
   */
  async reserveMany(
    customerIds: Types.ObjectId[],
    source: string,
    now: Date,
    maxPerWeek: number,
    timeZone: string,
    retry: <T>(write: () => Promise<T>) => Promise<T> = (write) => write(),
  ): Promise<Map<string, Reservation>> {
    const reservations = new Map<string, Reservation>();
    if (customerIds.length === 0) return reservations;
    if (maxPerWeek < 1) {
      for (const id of customerIds) reservations.set(String(id), { ok: false, reason: 'capReached' });
      return reservations;
    }
    const week = localDateKey(startOfLocalWeek(now, timeZone), timeZone);
    const first = customerIds.map((customerId) => ({ _id: `${String(customerId)}:${week}:1`, customerId, source, at: now }));
    /** Index → the slot number to go on from. */
    const again = new Map<number, number>();
    try {
      await this.model.collection.insertMany(first as never[], { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
      const list = (Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : []) as { index: number }[];
      if (list.length === 0) throw error;
      for (const e of list) again.set(e.index, isDuplicateKeyError(e) ? 2 : 1);
    }
    for (const [index, customerId] of customerIds.entries()) {
      const from = again.get(index);
      reservations.set(
        String(customerId),
        from === undefined ? { ok: true, slot: first[index]!._id } : await retry(() => this.reserve(customerId, source, now, maxPerWeek, timeZone, from)),
      );
    }
    return reservations;
  }

  /** Gives a slot back: the message it was taken for did not reach the customer. */
  async release(slot: string): Promise<void> {
    await this.model.deleteOne({ _id: slot });
  }
}
