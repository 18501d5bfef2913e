// A customer's balance: the one read model every reader uses (the card, the export, campaigns,
// segments). It is the card snapshot on the customer document (domain/ledger/snapshot.ts), which every
// ledger append keeps equal to the sum over the ledger; a customer without one gets it from a replay.
import { Types, type Connection } from 'mongoose';
import { customerModel } from '../customers/model.js';
import { rebuildSnapshot, storedSnapshot } from './snapshot.js';

export interface Balance {
  stamps: number;
  rewards: number;
}

export async function balanceOf(conn: Connection, customerId: Types.ObjectId | string): Promise<Balance> {
  const id = new Types.ObjectId(String(customerId));
  const customer = await customerModel(conn).findById(id, { card: 1 }).lean();
  const card = (customer ? storedSnapshot(customer) : undefined) ?? (await rebuildSnapshot(conn, id)).snapshot;
  return { stamps: card.stamps, rewards: card.rewards };
}

/** The balance stored on a customer document read elsewhere (zero for a card with no ledger yet). */
export function storedBalance(customer: { card?: unknown }): Balance {
  const card = storedSnapshot(customer);
  return { stamps: card?.stamps ?? 0, rewards: card?.rewards ?? 0 };
}
