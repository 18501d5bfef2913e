// A broadcast (the owner's message to a segment) and one delivery record per recipient. The unique
// (broadcast, customer) index on deliveries is what makes a resumed broadcast skip everyone it has
// already handled: a recipient is claimed there before anything is sent.
import { Schema, type Types, type Connection, type InferSchemaType } from 'mongoose';
import { LOCALES } from '../locales.js';
import { modelOn } from '../database.js';
import { SEGMENTS } from './segments.js';

export const BROADCAST_STATUSES = ['scheduled', 'sending', 'done', 'cancelled'] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

/**
 * How a recipient's delivery ended. sent; blocked: Telegram said 403 / chat not found; failed: Telegram
 * refused it; unknown: the request may or may not have reached Telegram, and it is not repeated so
 * that nobody gets it twice; skipped: the customer's weekly marketing cap was full. A recipient who
 * was claimed but has no outcome was being sent to when its worker died: that counts as unknown.
 */
export const DELIVERY_OUTCOMES = ['sent', 'blocked', 'failed', 'unknown', 'skipped'] as const;
export type DeliveryOutcomeStatus = (typeof DELIVERY_OUTCOMES)[number];

const textsSchema = new Schema(Object.fromEntries(LOCALES.map((l) => [l, { type: String }])), { _id: false });

const reportSchema = new Schema(
  {
    sent: { type: Number, required: true },
    blocked: { type: Number, required: true },
    failed: { type: Number, required: true },
    unknown: { type: Number, required: true },
    skipped: { type: Number, required: true },
  },
  { _id: false },
);

const broadcastSchema = new Schema(
  {
    /** One per composed broadcast, so that confirming it twice stores it once. */
    draftId: { type: String, required: true, unique: true },
    segment: { type: String, enum: SEGMENTS, required: true },
    /** The message per language; customers whose language has none get the fallback language's. */
    texts: { type: textsSchema, required: true },
    fallbackLocale: { type: String, enum: LOCALES, required: true },
    photoFileId: { type: String, default: null },
    sendAt: { type: Date, required: true },
    status: { type: String, enum: BROADCAST_STATUSES, required: true, default: 'scheduled' },
    createdBy: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    startedAt: { type: Date, default: null },
    finishedAt: { type: Date, default: null },
    cancelledAt: { type: Date, default: null },
    cancelledBy: { type: Number, default: null },
    /** Checkpoint: every customer up to this id has been handled. */
    resumeAfter: { type: Schema.Types.ObjectId, default: null },
    /** Written by the running job as it goes; a silent one is presumed dead and resumed elsewhere. */
    heartbeatAt: { type: Date, default: null },
    /** How many times the sending job has started on it (more than one: it was resumed). */
    runs: { type: Number, required: true, default: 0 },
    report: { type: reportSchema, default: null },
  },
  { versionKey: false },
);
broadcastSchema.index({ status: 1, sendAt: 1 });

/** The claim: one per broadcast and customer, written before anything is sent to them. */
const deliverySchema = new Schema(
  {
    /** `<broadcast id>:<customer id>` */
    _id: { type: String, required: true },
    broadcastId: { type: Schema.Types.ObjectId, required: true },
    customerId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
deliverySchema.index({ broadcastId: 1, customerId: 1 }, { unique: true });

/**
 * What came of a claim, written once after the attempt. Claims and outcomes are only ever inserted,
 * never updated: the bookkeeping of a big broadcast is appends (cheap on any MongoDB-speaking server).
 */
const outcomeSchema = new Schema(
  {
    /** The claim's _id. */
    _id: { type: String, required: true },
    broadcastId: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: DELIVERY_OUTCOMES, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
outcomeSchema.index({ broadcastId: 1, status: 1 });

export type BroadcastDoc = InferSchemaType<typeof broadcastSchema> & { _id: Types.ObjectId };
export type DeliveryDoc = InferSchemaType<typeof deliverySchema>;

export function broadcastModel(conn: Connection) {
  return modelOn(conn, 'Broadcast', broadcastSchema);
}

export function deliveryModel(conn: Connection) {
  return modelOn(conn, 'BroadcastDelivery', deliverySchema);
}

export function outcomeModel(conn: Connection) {
  return modelOn(conn, 'BroadcastOutcome', outcomeSchema);
}

export function deliveryKey(broadcastId: Types.ObjectId | string, customerId: Types.ObjectId | string): string {
  return `${String(broadcastId)}:${String(customerId)}`;
}
