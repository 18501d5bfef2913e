// Appending to a customer's ledger, exactly once and in one agreed order, without transactions.
//
// Two unique indexes do all the work (FerretDB and MongoDB both enforce them atomically per insert):
// - `key`, the operation's idempotency key: an operation that was already written (a double tap, a
//   replayed update, a second worker) finds its entry and reports it as a duplicate;
// - (customerId, seq): every entry takes the next position in its customer's history. A writer reads
//   the history, decides against it (limits, balance never negative) and inserts at lastSeq + 1. If
//   someone else took that position meanwhile, the insert fails and the writer reads and decides again.
//   Position n can only be taken by a writer that saw positions 1..n-1, so every entry was checked
//   against exactly the history before it: concurrent writers behave as if they had queued.
//
// The hot operations (a stamp, a reward conversion, a redemption) decide on the card snapshot kept on the
// customer document instead of a replay (appendOnCard, domain/ledger/snapshot.ts): the insert at
// snapshot.seq + 1 succeeds only if nothing was appended after the snapshot, so the decision saw the
// whole history, and a conflict falls back to a replay. Every append writes the snapshot that follows it.
import type { Connection, Types } from 'mongoose';
import type { LedgerType } from './model.js';
import { ledgerModel, type LedgerEntry } from './model.js';
import { LedgerHistory } from './history.js';
import { advance, rebuildSnapshot, saveSnapshot, snapshotOf, type CardSnapshot } from './snapshot.js';
import { err, isDuplicateKeyError, ok, type Result } from '../result.js';

export interface EntryDraft {
  type: LedgerType;
  stamps?: number;
  rewards?: number;
  staffId?: number | null;
  reason: string;
  key: string;
  undoes?: Types.ObjectId | null;
  refersTo?: Types.ObjectId | null;
}

export interface Appended {
  entry: LedgerEntry;
  /** The history the decision was made on (the entry not included). */
  before: LedgerHistory;
  /**
   * The history up to and including the entry. Anyone who appends after it has seen it, so deciding
   * a follow-up (a reward conversion) on this history misses nothing that could change the outcome.
   */
  after: LedgerHistory;
  /** True when the operation had already been written: nothing new happened. */
  duplicate: boolean;
}

const MAX_ATTEMPTS = 40;

/** Inserts a decided entry at position `seq`; a taken key or position throws a duplicate-key error. */
async function insertEntry(conn: Connection, customerId: Types.ObjectId, draft: EntryDraft, seq: number, at: Date): Promise<LedgerEntry> {
  const created = await ledgerModel(conn).create({
    customerId,
    type: draft.type,
    stamps: draft.stamps ?? 0,
    rewards: draft.rewards ?? 0,
    staffId: draft.staffId ?? null,
    reason: draft.reason,
    key: draft.key,
    undoes: draft.undoes ?? null,
    refersTo: draft.refersTo ?? null,
    seq,
    at,
  });
  return created.toObject<LedgerEntry>();
}

export async function appendEntry<E extends { code: string }>(
  conn: Connection,
  customerId: Types.ObjectId,
  at: Date,
  operation: {
    /** Known up front for operations that must not be decided twice (a pressed button). */
    key?: string;
    decide: (history: LedgerHistory) => Result<EntryDraft, E>;
  },
): Promise<Result<Appended, E>> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const history = await LedgerHistory.load(conn, customerId);
    const done = operation.key ? history.withKey(operation.key) : undefined;
    if (done) return ok({ entry: done, before: history, after: history, duplicate: true });

    const decision = operation.decide(history);
    if (!decision.ok) return err(decision.error);
    const draft = decision.value;
    const already = history.withKey(draft.key);
    if (already) return ok({ entry: already, before: history, after: history, duplicate: true });

    try {
      const entry = await insertEntry(conn, customerId, draft, history.lastSeq + 1, at);
      const after = new LedgerHistory([...history.entries, entry]);
      await saveSnapshot(conn, customerId, snapshotOf(after));
      return ok({ entry, before: history, after, duplicate: false });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // Our key or our position was taken meanwhile: the next round sees by whom.
    }
  }
  throw new Error(`ledger of customer ${String(customerId)} is too busy: no position after ${MAX_ATTEMPTS} attempts`);
}

export interface CardAppended {
  entry: LedgerEntry;
  /** The card the decision was made on (the entry not included). */
  before: CardSnapshot;
  /** The card up to and including the entry (for a duplicate: the card as it stands). */
  after: CardSnapshot;
  duplicate: boolean;
}

/**
 * Appends an entry decided on the card snapshot (`card`, as read with the customer; undefined: replay).
 * Round trips when nothing competes: the insert and the snapshot update. A refusal first asks whether
 * the operation itself was written before (a double tap after the cooldown began is a duplicate, not a
 * refusal); a position taken meanwhile makes it replay the ledger and decide again.
 */
export async function appendOnCard<E extends { code: string }>(
  conn: Connection,
  customerId: Types.ObjectId,
  card: CardSnapshot | undefined,
  at: Date,
  operation: { key: string; decide: (card: CardSnapshot) => Result<EntryDraft, E> },
): Promise<Result<CardAppended, E>> {
  const ledger = ledgerModel(conn);
  const existing = async (): Promise<CardAppended | undefined> => {
    const done = await ledger.findOne({ key: operation.key }).lean<LedgerEntry>();
    if (!done) return undefined;
    const { snapshot } = await rebuildSnapshot(conn, customerId);
    return { entry: done, before: snapshot, after: snapshot, duplicate: true };
  };
  let current = card ?? (await rebuildSnapshot(conn, customerId)).snapshot;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const decision = operation.decide(current);
    if (!decision.ok) {
      const done = await existing();
      return done ? ok(done) : err(decision.error);
    }
    const draft = decision.value;
    try {
      const entry = await insertEntry(conn, customerId, draft, current.seq + 1, at);
      const after = advance(current, entry) ?? (await rebuildSnapshot(conn, customerId)).snapshot;
      await saveSnapshot(conn, customerId, after);
      return ok({ entry, before: current, after, duplicate: false });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const done = await existing();
      if (done) return ok(done);
      // Someone appended after the snapshot (or wrote an entry without updating it): replay.
      current = (await rebuildSnapshot(conn, customerId)).snapshot;
    }
  }
  throw new Error(`ledger of customer ${String(customerId)} is too busy: no position after ${MAX_ATTEMPTS} attempts`);
}
