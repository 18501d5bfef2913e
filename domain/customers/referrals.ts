// Who invited whom. A new customer is attributed once, at registration, to the owner of the invite
// code they arrived with; unknown codes and one's own code attribute nobody. What an invitation
// earns (bonus stamps when the friend's first visit is confirmed) is the referral program's business:
// domain/referrals/service.ts.
import type { Connection, Types } from 'mongoose';
import { ledgerModel } from '../ledger/model.js';
import type { customerModel } from './model.js';
import { REFERRAL_CODE_PATTERN } from './codes.js';

type Customers = ReturnType<typeof customerModel>;

/** The customer who owns this invite code, unless it is unknown or it is the newcomer's own. */
export async function referrerFor(
  customers: Customers,
  referralCode: string | undefined,
  newcomerTelegramId: number,
): Promise<Types.ObjectId | null> {
  if (!referralCode || !REFERRAL_CODE_PATTERN.test(referralCode)) return null;
  const referrer = await customers.findOne({ referralCode }, { _id: 1, telegramId: 1 }).lean();
  if (!referrer || referrer.telegramId === newcomerTelegramId) return null;
  return referrer._id;
}

export interface InvitedFriends {
  /** Friends who registered through the customer's invite link. */
  joined: number;
  /** Those of them with a staff-confirmed visit that still counts (not undone), read from the ledger. */
  came: number;
}

export async function invitedFriends(conn: Connection, customers: Customers, customerId: Types.ObjectId): Promise<InvitedFriends> {
  const friends = (await customers.find({ referredBy: customerId }, { _id: 1 }).lean()).map((f) => f._id);
  if (friends.length === 0) return { joined: 0, came: 0 };
  const ledger = ledgerModel(conn);
  const undone = await ledger.distinct('undoes', { customerId: { $in: friends }, type: 'undo', undoes: { $ne: null } });
  const visitors = await ledger.distinct('customerId', { customerId: { $in: friends }, type: 'stamp', _id: { $nin: undone } });
  return { joined: friends.length, came: visitors.length };
}
