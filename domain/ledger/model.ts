// The append-only ledger: every card operation is one entry, and balances are sums over it.
// The unique idempotency key is what makes an operation happen exactly once, however often it is
// attempted (double taps, replayed updates, two workers). The unique (customerId, seq) pair puts each
// customer's entries in one order that writers agree on: see domain/ledger/append.ts.
import { Schema, type Types, type Connection, type InferSchemaType } from 'mongoose';
import { modelOn } from '../database.js';

export const LEDGER_TYPES = ['stamp', 'bonus', 'reward', 'redeem', 'undo', 'expire'] as const;
export type LedgerType = (typeof LEDGER_TYPES)[number];

const ledgerSchema = new Schema(
  {
    customerId: { type: Schema.Types.ObjectId, required: true },
    type: { type: String, enum: LEDGER_TYPES, required: true },
    /** Change to the stamp balance (a reward conversion is -N stamps and +1 reward). */
    stamps: { type: Number, required: true, default: 0 },
    /** Change to the rewards available. */
    rewards: { type: Number, required: true, default: 0 },
    /** Telegram id of the staff member or owner who acted; null for the system (jobs, bonuses). */
    staffId: { type: Number, default: null },
    /** Why: visit, review, referral-friend, referral-referrer, conversion, undo, expiry … */
    reason: { type: String, required: true },
    key: { type: String, required: true, unique: true },
    /** For undo entries: the entry undone. */
    undoes: { type: Schema.Types.ObjectId, default: null },
    /** For expiry entries: the reward conversion whose reward expired; for bonus entries: the visit they were given for. */
    refersTo: { type: Schema.Types.ObjectId, default: null },
    /** Position in the customer's own history (1, 2, 3 …); never reused, never skipped. */
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
ledgerSchema.index({ customerId: 1, seq: 1 }, { unique: true });
ledgerSchema.index({ customerId: 1, at: 1 });
ledgerSchema.index({ type: 1, at: 1 });

export type LedgerEntry = InferSchemaType<typeof ledgerSchema> & { _id: Types.ObjectId };

export function ledgerModel(conn: Connection) {
  return modelOn(conn, 'LedgerEntry', ledgerSchema);
}
