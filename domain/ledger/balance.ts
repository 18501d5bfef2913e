// A customer's balance is the sum over their ledger entries: nothing else is the truth.
// One sum per aggregation on purpose: FerretDB 1.24 gets every $sum after the first one in a $group
// wrong (test/staff/ledger-balance.test.ts pins this down).
import { Types, type Connection } from 'mongoose';
import { ledgerModel } from './model.js';

export interface Balance {
  stamps: number;
  rewards: number;
}

async function total(conn: Connection, customerId: Types.ObjectId, field: keyof Balance): Promise<number> {
  const [row] = await ledgerModel(conn).aggregate<{ total: number }>([
    { $match: { customerId } },
    { $group: { _id: null, total: { $sum: `$${field}` } } },
  ]);
  return row?.total ?? 0;
}

export async function balanceOf(conn: Connection, customerId: Types.ObjectId | string): Promise<Balance> {
  const id = new Types.ObjectId(String(customerId));
  const [stamps, rewards] = await Promise.all([total(conn, id, 'stamps'), total(conn, id, 'rewards')]);
  return { stamps, rewards };
}
