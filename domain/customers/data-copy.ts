// "My data": everything the program stores about one customer, gathered for their own copy — the
// profile, every consent answer, every card operation, every review (with the owners' answers).
import type { Connection, Types } from 'mongoose';
import { ledgerModel, type LedgerEntry } from '../ledger/model.js';
import { reviewModel, type ReviewDoc } from '../reviews/model.js';
import { consentModel, type ConsentRecord } from './consents.js';
import { customerModel, type CustomerDoc } from './model.js';

export interface DataCopy {
  customer: CustomerDoc;
  consents: ConsentRecord[];
  ledger: LedgerEntry[];
  reviews: ReviewDoc[];
  /** How many customers registered through their invite link. */
  invitedFriends: number;
}

export async function dataCopyOf(conn: Connection, customerId: Types.ObjectId): Promise<DataCopy | null> {
  const customer = await customerModel(conn).findOne({ _id: customerId, deletedAt: null }).lean<CustomerDoc>();
  if (!customer) return null;
  const [consents, ledger, reviews, invitedFriends] = await Promise.all([
    consentModel(conn).find({ customerId }).sort({ at: 1, _id: 1 }).lean<ConsentRecord[]>(),
    ledgerModel(conn).find({ customerId }).sort({ seq: 1 }).lean<LedgerEntry[]>(),
    reviewModel(conn).find({ customerId }).sort({ at: 1 }).lean<ReviewDoc[]>(),
    customerModel(conn).countDocuments({ referredBy: customerId }),
  ]);
  return { customer, consents, ledger, reviews, invitedFriends };
}
