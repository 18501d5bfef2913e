// The owner's CSV exports of customers and of the ledger, streamed from cursors: a chunk at a time,
// whatever the size of the program. Balances and visit counts come from the ledger (sorted
// aggregations merged with the customer cursor by id), never from a cache.
import type { Connection, Types } from 'mongoose';
import { formatLocalIso } from '../business-time.js';
import { customerModel } from '../customers/model.js';
import { storedBalance } from '../ledger/balance.js';
import { ledgerModel } from '../ledger/model.js';
import { csvChunks, peopleText, type CsvValue } from './csv.js';

export const CUSTOMER_COLUMNS = [
  'customer_id',
  'card_number',
  'first_name',
  'last_name',
  'username',
  'phone',
  'language',
  'registered_at',
  'marketing_consent',
  'unreachable',
  'stamps',
  'rewards',
  'visits',
  'last_visit_at',
  'referred_by',
  'deleted_at',
];

export const LEDGER_COLUMNS = ['entry_id', 'time', 'customer_id', 'type', 'stamps', 'rewards', 'reason', 'staff_id', 'undoes'];

interface Totals {
  _id: Types.ObjectId;
  stamps?: number;
  rewards?: number;
  visits?: number;
}

/** Reads a cursor sorted by _id alongside another sorted one: `upTo(id)` returns the row for that id, if any. */
function sortedLookup<T extends { _id: Types.ObjectId }>(rows: AsyncIterator<T>) {
  let pending: T | undefined;
  let done = false;
  return async (id: Types.ObjectId): Promise<T | undefined> => {
    const key = String(id);
    for (;;) {
      if (!pending && !done) {
        const next = await rows.next();
        if (next.done) done = true;
        else pending = next.value;
      }
      if (!pending) return undefined;
      const pendingKey = String(pending._id);
      if (pendingKey > key) return undefined;
      const row = pending;
      pending = undefined;
      if (pendingKey === key) return row;
    }
  };
}

export class ExportService {
  constructor(private readonly conn: Connection) {}

  private async undoneIds(): Promise<Types.ObjectId[]> {
    return await ledgerModel(this.conn).distinct('undoes', { type: 'undo', undoes: { $ne: null } });
  }

  customersCsv(timeZone: string): AsyncGenerator<Uint8Array> {
    return csvChunks(CUSTOMER_COLUMNS, this.customerRecords(timeZone));
  }

  ledgerCsv(timeZone: string): AsyncGenerator<Uint8Array> {
    return csvChunks(LEDGER_COLUMNS, this.ledgerRecords(timeZone));
  }

  private async *customerRecords(timeZone: string): AsyncGenerator<CsvValue[]> {
    const ledger = ledgerModel(this.conn);
    const undone = await this.undoneIds();
    const visits = sortedLookup(
      ledger
        .aggregate<Totals>([
          { $match: { type: 'stamp', reason: 'visit', _id: { $nin: undone } } },
          { $group: { _id: '$customerId', visits: { $sum: 1 } } },
          { $sort: { _id: 1 } },
        ])
        .cursor<Totals>({ batchSize: 500 })[Symbol.asyncIterator](),
    );
    const time = (at: Date | null | undefined) => (at ? formatLocalIso(at, timeZone) : null);
    for await (const c of customerModel(this.conn).find().sort({ _id: 1 }).lean().cursor({ batchSize: 500 })) {
      // The balance is the card snapshot every append keeps (domain/ledger/balance.ts).
      const balance = storedBalance(c);
      const visited = await visits(c._id);
      yield [
        String(c._id),
        c.cardNumber,
        peopleText(c.firstName),
        peopleText(c.lastName),
        peopleText(c.username),
        c.phone,
        c.locale,
        time(c.registeredAt),
        c.marketingConsent ? 'yes' : 'no',
        c.unreachable ? 'yes' : 'no',
        balance.stamps,
        balance.rewards,
        visited?.visits ?? 0,
        time(c.lastVisitAt),
        c.referredBy ? String(c.referredBy) : null,
        time(c.deletedAt),
      ];
    }
  }

  private async *ledgerRecords(timeZone: string): AsyncGenerator<CsvValue[]> {
    for await (const e of ledgerModel(this.conn).find().sort({ _id: 1 }).lean().cursor({ batchSize: 500 })) {
      yield [
        String(e._id),
        formatLocalIso(e.at, timeZone),
        String(e.customerId),
        e.type,
        e.stamps,
        e.rewards,
        e.reason,
        e.staffId,
        e.undoes ? String(e.undoes) : null,
      ];
    }
  }
}
