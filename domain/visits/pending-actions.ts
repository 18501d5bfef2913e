// Card screens as earlier versions stored them (one record per screen, looked up at every press).
// Screens are no longer stored: their buttons are signed (bot/keyboards/staff.ts). What remains here is
// for the storage sweep to remove the records older versions left behind.
import { randomBytes } from 'node:crypto';
import { Schema, type Types, type Connection, type InferSchemaType } from 'mongoose';
import type { Clock } from '../clock.js';
import { modelOn } from '../database.js';

/** How long a card screen can be used after it was opened (a visit, not the next day's). */
export const CARD_SCREEN_MINUTES = 30;

const pendingActionSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: ['card'], required: true },
    customerId: { type: Schema.Types.ObjectId, required: true },
    /** The staff member who opened the card. */
    openedBy: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    closedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'pendingActions' },
);

export type PendingAction = InferSchemaType<typeof pendingActionSchema> & { _id: string };

export class PendingActions {
  private readonly model;

  constructor(
    conn: Connection,
    private readonly clock: Clock,
  ) {
    this.model = modelOn(conn, 'PendingAction', pendingActionSchema);
  }

  /** Opens a card screen; the returned id (12 characters) goes into the screen's buttons. */
  async openCard(customerId: Types.ObjectId, openedBy: number): Promise<PendingAction> {
    const now = this.clock.now();
    const action = {
      _id: randomBytes(9).toString('base64url'),
      kind: 'card' as const,
      customerId,
      openedBy,
      createdAt: now,
      expiresAt: new Date(now.getTime() + CARD_SCREEN_MINUTES * 60_000),
      closedAt: null,
    };
    await this.model.create(action);
    return action;
  }

  /** Forgets card screens that expired before `before` (their buttons are refused either way); returns how many. */
  async removeExpired(before: Date): Promise<number> {
    return (await this.model.deleteMany({ expiresAt: { $lt: before } })).deletedCount;
  }

  /** The card screen, if it exists and can still be used now. */
  async usable(id: string): Promise<PendingAction | undefined> {
    if (!/^[A-Za-z0-9_-]{12}$/.test(id)) return undefined;
    const action = await this.model.findById(id).lean<PendingAction>();
    if (!action || action.closedAt || action.expiresAt <= this.clock.now()) return undefined;
    return action;
  }

  async close(id: string): Promise<void> {
    await this.model.updateOne({ _id: id, closedAt: null }, { $set: { closedAt: this.clock.now() } });
  }
}
