// The audit feed: who did what with the customers' data, and when. Every export of customer data by
// an owner (the /export files) and every copy a customer asks for of their own data is one entry,
// append-only; the owners' daily digest counts the day's exports.
import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import type { Clock } from '../clock.js';
import { modelOn } from '../database.js';

export const AUDIT_ACTIONS = ['export', 'data-copy'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const auditSchema = new Schema(
  {
    /** Telegram id of who did it. */
    actorId: { type: Number, required: true },
    actorRole: { type: String, enum: ['owner', 'customer'], required: true },
    action: { type: String, enum: AUDIT_ACTIONS, required: true },
    /** What was handed out: file names (`customers-2026-12-04.csv`), or the customer's own copy. */
    what: { type: [String], required: true },
    /** The customer a copy was about, if any. */
    customerId: { type: Schema.Types.ObjectId, default: null },
    at: { type: Date, required: true, index: true },
  },
  { versionKey: false, collection: 'audit' },
);

export type AuditEntry = InferSchemaType<typeof auditSchema> & { _id: Types.ObjectId };

export class AuditLog {
  private readonly model;

  constructor(
    conn: Connection,
    private readonly clock: Clock,
  ) {
    this.model = modelOn(conn, 'AuditEntry', auditSchema);
  }

  async record(entry: { actorId: number; actorRole: 'owner' | 'customer'; action: AuditAction; what: string[]; customerId?: Types.ObjectId }): Promise<AuditEntry> {
    const created = await this.model.create({ ...entry, customerId: entry.customerId ?? null, at: this.clock.now() });
    return created.toObject<AuditEntry>();
  }

  async since(from: Date, action?: AuditAction): Promise<AuditEntry[]> {
    return this.model.find({ at: { $gte: from }, ...(action ? { action } : {}) }).sort({ at: 1 }).lean<AuditEntry[]>();
  }
}
