// The card's state as of one ledger position, kept on the customer document (`customer.card`) so that
// a stamp, a redemption or a card screen is decided from one read instead of a replay of the whole
// history. The ledger stays the truth: the snapshot is what a full replay (LedgerHistory) gives at its
// position `seq`, and every append writes the snapshot that follows it. A writer decides on the
// snapshot and inserts at seq + 1; the unique (customerId, seq) index refuses the insert if anything
// was appended after the snapshot's position, and the writer then replays the ledger and decides again
// (domain/ledger/append.ts). So deciding on a snapshot sees exactly the history a replay would.
//
// Why each field: stamps/rewards are the balance (one read model for the card, the export, campaigns and
// segments); conversions and lastConversionSize decide reward conversions and what an undo gives back;
// visits/first/last and recentVisits are what the cooldown and the daily cap need (the visits that
// count in the 48 hours up to the last one: a business day never reaches further back); lots are the
// rewards available with their dates, for expiry and "redeem the oldest".
import { Types, type Connection } from 'mongoose';
import { customerModel, type CustomerDoc } from '../customers/model.js';
import { ledgerModel, type LedgerEntry } from './model.js';
import { LedgerHistory, type RewardLot } from './history.js';

export const RECENT_VISITS_MS = 48 * 60 * 60_000;

export interface RecentVisit {
  at: Date;
  stamps: number;
}

export interface CardSnapshot {
  seq: number;
  stamps: number;
  rewards: number;
  conversions: number;
  lastConversionSize: number | null;
  visits: number;
  firstVisitAt: Date | null;
  lastVisitAt: Date | null;
  recentVisits: RecentVisit[];
  lots: RewardLot[];
}

export function emptySnapshot(): CardSnapshot {
  return {
    seq: 0,
    stamps: 0,
    rewards: 0,
    conversions: 0,
    lastConversionSize: null,
    visits: 0,
    firstVisitAt: null,
    lastVisitAt: null,
    recentVisits: [],
    lots: [],
  };
}

function recentWindow(visits: RecentVisit[], last: Date | null): RecentVisit[] {
  if (!last) return [];
  const from = last.getTime() - RECENT_VISITS_MS;
  return visits.filter((v) => v.at.getTime() >= from);
}

/** The snapshot at the end of a full replay. */
export function snapshotOf(history: LedgerHistory): CardSnapshot {
  const visits = history.visits;
  const last = visits.at(-1)?.at ?? null;
  return {
    seq: history.lastSeq,
    stamps: history.stamps,
    rewards: history.rewards,
    conversions: history.conversions,
    lastConversionSize: history.lastConversionSize ?? null,
    visits: visits.length,
    firstVisitAt: visits[0]?.at ?? null,
    lastVisitAt: last,
    recentVisits: recentWindow(
      visits.map((v) => ({ at: v.at, stamps: v.stamps })),
      last,
    ),
    lots: history.lots.map((l) => ({ conversionId: l.conversionId, at: l.at })),
  };
}

/**
 * The snapshot after one more entry, for the entries that need nothing but the snapshot (stamps, bonuses,
 * conversions, redemptions, expiries); undefined for an undo, whose effect depends on the entry it takes
 * back (the caller replays the ledger then). Mirrors LedgerHistory's rules exactly; the property test in
 * test/staff/card-snapshot.test.ts holds the two together.
 */
export function advance(snapshot: CardSnapshot, entry: LedgerEntry): CardSnapshot | undefined {
  if (entry.type === 'undo') return undefined;
  const next: CardSnapshot = {
    ...snapshot,
    seq: Math.max(snapshot.seq, entry.seq),
    stamps: snapshot.stamps + entry.stamps,
    rewards: snapshot.rewards + entry.rewards,
    recentVisits: [...snapshot.recentVisits],
    lots: [...snapshot.lots],
  };
  switch (entry.type) {
    case 'stamp':
      next.visits++;
      next.firstVisitAt ??= entry.at;
      next.lastVisitAt = entry.at;
      next.recentVisits = recentWindow([...next.recentVisits, { at: entry.at, stamps: entry.stamps }], entry.at);
      break;
    case 'reward':
      next.conversions++;
      next.lastConversionSize = -entry.stamps;
      if (entry.rewards > 0) next.lots.push({ conversionId: entry._id, at: entry.at });
      break;
    case 'redeem':
      next.lots.shift();
      break;
    case 'expire': {
      const index = next.lots.findIndex((l) => entry.refersTo && l.conversionId.equals(entry.refersTo));
      next.lots.splice(index >= 0 ? index : 0, 1);
      break;
    }
    default:
      break;
  }
  while (next.lots.length > Math.max(0, next.rewards)) next.lots.pop();
  while (next.lots.length < next.rewards) next.lots.push({ conversionId: entry._id, at: entry.at });
  return next;
}

/** The stored snapshot, as plain values (ids and dates revived whatever the driver returned). */
export function storedSnapshot(customer: Pick<CustomerDoc, 'card'>): CardSnapshot | undefined {
  const card = customer.card as CardSnapshot | null | undefined;
  if (!card || typeof card.seq !== 'number') return undefined;
  return {
    ...card,
    lastConversionSize: card.lastConversionSize ?? null,
    firstVisitAt: card.firstVisitAt ? new Date(card.firstVisitAt) : null,
    lastVisitAt: card.lastVisitAt ? new Date(card.lastVisitAt) : null,
    recentVisits: (card.recentVisits ?? []).map((v) => ({ at: new Date(v.at), stamps: v.stamps })),
    lots: (card.lots ?? []).map((l) => ({ conversionId: new Types.ObjectId(String(l.conversionId)), at: new Date(l.at) })),
  };
}

// Snapshot writes of one customer are queued within this process. The guard "no later snapshot there"
// is a compare-and-set, which MongoDB applies atomically but FerretDB does not (it checks, then writes:
// two racing writers can land in the wrong order), so the writes of one instance are made one at a time.
// Writers on other instances can still leave a card one snapshot behind on FerretDB; that costs nothing
// but a replay: the next append finds its position taken and rebuilds it (appendOnCard).
const queues = new WeakMap<Connection, Map<string, Promise<void>>>();
const SAVE_ATTEMPTS = 4;

/**
 * Stores the snapshot unless a later one is there already (two writers finishing out of order), with the
 * customer's visit caches (firstVisitAt, lastVisitAt: what campaigns and segments filter on). One command.
 */
export async function saveSnapshot(conn: Connection, customerId: Types.ObjectId, snapshot: CardSnapshot): Promise<void> {
  let queue = queues.get(conn);
  if (!queue) {
    queue = new Map();
    queues.set(conn, queue);
  }
  const key = String(customerId);
  const write = async () => {
    // The entry is written already: a busy server (FerretDB's SQLITE_BUSY under load) is waited out a
    // few times rather than turned into a failed operation; a snapshot left behind anyway is rebuilt by
    // the next append, which finds its position taken.
    for (let attempt = 1; ; attempt++) {
      try {
        await customerModel(conn).updateOne(
          { _id: customerId, $or: [{ card: null }, { 'card.seq': { $lte: snapshot.seq } }] },
          { $set: { card: snapshot, firstVisitAt: snapshot.firstVisitAt, lastVisitAt: snapshot.lastVisitAt } },
        );
        return;
      } catch (error) {
        if (attempt >= SAVE_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
      }
    }
  };
  const previous = queue.get(key) ?? Promise.resolve();
  const done = previous.then(write, write);
  const tail = done.catch(() => undefined);
  queue.set(key, tail);
  void tail.then(() => {
    if (queue.get(key) === tail) queue.delete(key);
  });
  await done;
}

/** Replays the customer's ledger and stores the result (a card without a snapshot yet, or after an undo). */
export async function rebuildSnapshot(conn: Connection, customerId: Types.ObjectId): Promise<{ history: LedgerHistory; snapshot: CardSnapshot }> {
  const history = await LedgerHistory.load(conn, customerId);
  const snapshot = snapshotOf(history);
  await saveSnapshot(conn, customerId, snapshot);
  return { history, snapshot };
}

/**
 * Gives every customer who has ledger entries but no snapshot one (data written before snapshots
 * existed). A customer without entries needs none: no snapshot reads as an empty card.
 */
export async function backfillSnapshots(conn: Connection): Promise<number> {
  const withEntries: Types.ObjectId[] = await ledgerModel(conn).distinct('customerId');
  let count = 0;
  for (let i = 0; i < withEntries.length; i += 500) {
    const batch = withEntries.slice(i, i + 500);
    for (const customer of await customerModel(conn).find({ _id: { $in: batch }, card: null }, { _id: 1 }).lean()) {
      await rebuildSnapshot(conn, customer._id);
      count++;
    }
  }
  return count;
}
