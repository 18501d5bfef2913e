// The staff chat's feed, kept in the database: every audit line and review post is first stored
// here, then posted by whichever instance holds the chat's lease, within the pace Telegram allows a
// bot in one group (about 20 messages a minute). Lines that wait are posted together as one message.
// The chat's latest send times and Telegram's "retry after" are one document per chat, so every
// instance spends the same budget: a slot is taken by a conditional write before each message.
// When the chat is idle a line costs three writes (store it, take a slot, note its message); lines
// that must wait are posted by whoever holds the chat's lease (a unique _id) or by the flush job.
import { randomUUID } from 'node:crypto';
import { Schema, type Types, type Connection } from 'mongoose';
import { LOCALES, type Locale } from '../locales.js';
import type { Clock } from '../clock.js';
import { modelOn } from '../database.js';
import { isDuplicateKeyError } from '../result.js';

const lineSchema = new Schema(
  {
    chatId: { type: Number, required: true },
    locale: { type: String, enum: LOCALES, required: true },
    text: { type: String, required: true },
    /** The ledger entry this line's Undo button takes back. */
    undoEntryId: { type: String, default: null },
    at: { type: Date, required: true },
    /** The message it is posted in; null while it waits. */
    messageId: { type: Number, default: null },
    /** Who undid it ("undone by Maria"), shown under the line. */
    undoneMark: { type: String, default: null },
    /** The posted message must be edited to show a change (an undo). */
    dirty: { type: Boolean, default: false },
    attempts: { type: Number, default: 0 },
  },
  { versionKey: false },
);
lineSchema.index({ chatId: 1, messageId: 1, _id: 1 });
lineSchema.index({ undoEntryId: 1 });
lineSchema.index({ chatId: 1, dirty: 1 });
lineSchema.index({ at: 1 });

/**
 * The chat's budget, one document per chat shared by every instance: the times of its latest sends
 * (oldest first, at most `limit` of them), Telegram's retry_after, and whether lines are waiting for
 * the flush job (then a new line queues behind them instead of taking a slot of its own).
 */
const paceSchema = new Schema(
  {
    _id: { type: Number, required: true },
    /** Bumped by every change, for compare-and-set. */
    v: { type: Number, default: 0 },
    sends: { type: [Date], default: [] },
    pausedUntil: { type: Date, default: null },
    backlog: { type: Boolean, default: false },
  },
  { versionKey: false },
);

/** Telegram's pace for a group, as the feed keeps it: `limit` a window, the first `burst` at once, then one every `gapMs`. */
export interface Pace {
  windowMs: number;
  limit: number;
  burst: number;
  gapMs: number;
}

/**
 * Of Telegram's ~20 a minute for a group, 18: the rest is left for replies in the group (card screens
 * opened there). The first 14 of a minute go at once, the rest are spaced evenly.
 */
export const STAFF_CHAT_PACE: Pace = { windowMs: 60_000, limit: 18, burst: 14, gapMs: 15_000 };

/** When the next message may go to the chat, given the times of those sent lately (oldest first). */
export function nextSlot(pace: Pace, sends: Date[], now: Date): Date {
  const recent = sends.filter((at) => at.getTime() > now.getTime() - pace.windowMs);
  let at = now.getTime();
  if (recent.length >= pace.limit) at = Math.max(at, recent[recent.length - pace.limit]!.getTime() + pace.windowMs);
  if (recent.length >= pace.burst) at = Math.max(at, recent[recent.length - 1]!.getTime() + pace.gapMs);
  return new Date(at);
}

export interface PaceState {
  /** Oldest first. */
  sends: Date[];
  pausedUntil: Date | null;
  backlog: boolean;
}

/** `lease:<chat>`: who posts the waiting lines now, until when. */
const markerSchema = new Schema(
  {
    _id: { type: String, required: true },
    owner: { type: String, default: null },
    until: { type: Date, required: true },
  },
  { versionKey: false },
);

export interface FeedLine {
  _id: Types.ObjectId;
  chatId: number;
  locale: Locale;
  text: string;
  undoEntryId: string | null;
  at: Date;
  messageId: number | null;
  undoneMark: string | null;
  dirty: boolean;
  attempts: number;
}

/** How long posted lines are kept: a day, for late undos. */
const LINES_KEPT_MS = 24 * 60 * 60_000;

export class StaffFeedService {
  private readonly lines;
  private readonly pace;
  private readonly markers;
  /** The pace documents as this instance last saw them (see takeSlot). */
  private readonly seen = new Map<number, PaceState & { v: number }>();
  /** This process's name on the leases it takes. */
  readonly holder = randomUUID();

  constructor(
    conn: Connection,
    private readonly clock: Clock,
    private readonly rate: Pace = STAFF_CHAT_PACE,
  ) {
    this.lines = modelOn(conn, 'StaffFeedLine', lineSchema);
    this.pace = modelOn(conn, 'StaffChatPace', paceSchema);
    this.markers = modelOn(conn, 'StaffFeedMarker', markerSchema);
  }

  async add(chatId: number, line: { locale: Locale; text: string; undoEntryId?: string }): Promise<FeedLine> {
    const created = await this.lines.create({ chatId, locale: line.locale, text: line.text, undoEntryId: line.undoEntryId ?? null, at: this.clock.now() });
    return created.toObject() as FeedLine;
  }

  /** Marks the line of this operation as undone; false when no stored line has it (an older message). */
  async markUndone(undoEntryId: string, mark: string): Promise<boolean> {
    const updated = await this.lines.updateOne({ undoEntryId }, { $set: { undoneMark: mark, dirty: true } });
    return updated.matchedCount > 0;
  }

  /**
   * What there is to do, in one query: lines waiting to be posted (oldest first, at most `limit`),
   * else a posted message to edit (an undo), with all its lines.
   */
  async work(chatId: number, limit: number): Promise<{ waiting: FeedLine[]; edit?: { messageId: number; lines: FeedLine[] } }> {
    const found = await this.lines
      .find({ chatId, $or: [{ messageId: null }, { dirty: true }] })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<FeedLine[]>();
    const waiting = found.filter((l) => l.messageId === null);
    if (waiting.length > 0) return { waiting };
    const messageId = found.find((l) => l.messageId)?.messageId;
    if (!messageId) return { waiting };
    return { waiting, edit: { messageId, lines: await this.lines.find({ chatId, messageId }).sort({ _id: 1 }).lean<FeedLine[]>() } };
  }

  async posted(lineIds: Types.ObjectId[], messageId: number): Promise<void> {
    await this.lines.updateMany({ _id: { $in: lineIds } }, { $set: { messageId, dirty: false } });
  }

  async edited(chatId: number, messageId: number): Promise<void> {
    await this.lines.updateMany({ chatId, messageId }, { $set: { dirty: false } });
  }

  /** Counts a failed attempt; returns how many there were. */
  async failedAttempt(lineIds: Types.ObjectId[]): Promise<void> {
    await this.lines.updateMany({ _id: { $in: lineIds } }, { $inc: { attempts: 1 } });
  }

  /** Gives up on lines Telegram keeps refusing (they stay in the log): messageId 0, never posted. */
  async abandon(lineIds: Types.ObjectId[]): Promise<void> {
    await this.lines.updateMany({ _id: { $in: lineIds } }, { $set: { messageId: 0, dirty: false } });
  }

  /**
   * Takes one send slot from the chat's budget when the pace allows a message now (and, with
   * `unlessBacklog`, when no lines wait for the flush job); false otherwise. One conditional write
   * when this instance's last view of the budget is current; a read and another try when another
   * instance changed it meanwhile.
   */
  async takeSlot(chatId: number, options: { unlessBacklog?: boolean } = {}): Promise<boolean> {
    // Compare-and-set on the document's version, starting from what this instance saw last: when
    // nobody else posted meanwhile that is the only operation (FerretDB ignores $push's $slice and
    // $position, so the list of times is written whole).
    let fresh = false;
    for (let attempt = 0; attempt < 4; attempt++) {
      const state = (!fresh && this.seen.get(chatId)) || (await this.load(chatId));
      fresh = true;
      const now = this.clock.now();
      const refused =
        (state.pausedUntil && state.pausedUntil > now) || (options.unlessBacklog && state.backlog) || nextSlot(this.rate, state.sends, now) > now;
      if (refused) return false;
      const sends = [...state.sends.filter((at) => at.getTime() > now.getTime() - this.rate.windowMs), now].slice(-this.rate.limit);
      try {
        const taken =
          state.v === 0
            ? (await this.pace.create({ _id: chatId, v: 1, sends }), true)
            : (await this.pace.updateOne({ _id: chatId, v: state.v }, { $set: { sends, v: state.v + 1 } })).matchedCount > 0;
        if (taken) {
          this.seen.set(chatId, { ...state, sends, v: state.v + 1 });
          return true;
        }
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      this.seen.delete(chatId);
    }
    return false;
  }

  private async load(chatId: number): Promise<PaceState & { v: number }> {
    const doc = await this.pace.findById(chatId).lean<{ v?: number; sends?: Date[]; pausedUntil?: Date | null; backlog?: boolean }>();
    const state = { v: doc?.v ?? 0, sends: doc?.sends ?? [], pausedUntil: doc?.pausedUntil ?? null, backlog: doc?.backlog ?? false };
    this.seen.set(chatId, state);
    return state;
  }

  async paceState(chatId: number): Promise<PaceState> {
    return this.load(chatId);
  }

  /** Lines wait for the flush job (true), or the job found none left (false). */
  async setBacklog(chatId: number, backlog: boolean): Promise<void> {
    await this.pace.updateOne({ _id: chatId }, { $set: { backlog }, $inc: { v: 1 } }, { upsert: true });
    this.seen.delete(chatId);
  }

  /** Telegram said "retry after": nobody posts to this chat before `until`, on any instance. */
  async pause(chatId: number, until: Date): Promise<void> {
    await this.pace.updateOne({ _id: chatId }, { $max: { pausedUntil: until }, $inc: { v: 1 } }, { upsert: true });
    this.seen.delete(chatId);
  }

  /** True when this process may post to the chat now; the lease lapses by itself after `ms`. */
  async lease(chatId: number, ms: number): Promise<boolean> {
    const _id = `lease:${chatId}`;
    const now = this.clock.now();
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await this.markers.create({ _id, owner: this.holder, until: new Date(now.getTime() + ms) });
        return true;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      // Someone holds it; take it over only when it has lapsed (its holder died), exactly that one.
      const held = await this.markers.findById(_id).lean<{ owner: string; until: Date }>();
      if (held && held.until > now) return false;
      if (held) await this.markers.deleteOne({ _id, owner: held.owner, until: held.until });
    }
    return false;
  }

  async release(chatId: number): Promise<void> {
    await this.markers.deleteOne({ _id: `lease:${chatId}`, owner: this.holder });
  }

  /** Keeps the collection bounded: lines nobody can undo any more (the pace keeps at most `limit` times). */
  async prune(): Promise<void> {
    const now = this.clock.now().getTime();
    await this.lines.deleteMany({ at: { $lt: new Date(now - LINES_KEPT_MS) }, messageId: { $ne: null } });
  }
}
