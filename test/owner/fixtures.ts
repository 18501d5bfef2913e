// The owner's scenarios need programs with history: many customers inserted straight into the
// database (insertMany, as an import would), ledger entries written the way the staff use cases write
// them, and small readers for what the owner and the customers received.
import { randomBytes } from 'node:crypto';
import { type Types } from 'mongoose';
import { customerModel, type CustomerDoc } from '../../domain/customers/model.js';
import { ledgerModel, type LedgerType } from '../../domain/ledger/model.js';
import { rebuildSnapshot } from '../../domain/ledger/snapshot.js';
import { sweepCampaigns } from '../../jobs/campaigns.js';
import type { Harness } from '../harness/index.js';

let nextTelegramId = 20_000_001;
let nextNumber = 1;

export type CustomerFields = Partial<Omit<CustomerDoc, '_id'>>;

function uniqueCard() {
  const n = nextNumber++;
  return {
    phone: `+35988${String(1_000_000 + n).slice(-7)}`,
    cardToken: randomBytes(18).toString('base64url'),
    cardNumber: `T${String(n).padStart(7, '0')}`,
    referralCode: `r${String(n).padStart(7, '0')}`,
  };
}

/**
 * `count` registered customers who agreed to offers (override anything per customer with `make`),
 * inserted in one go; returned in insertion order.
 */
export async function insertCustomers(h: Harness, count: number, make: (i: number) => CustomerFields = () => ({})): Promise<CustomerDoc[]> {
  const docs = Array.from({ length: count }, (_, i) => ({
    telegramId: nextTelegramId++,
    ...uniqueCard(),
    firstName: `Customer ${i + 1}`,
    locale: 'en',
    marketingConsent: true,
    consentChangedAt: h.clock.now(),
    policyVersion: 1,
    policyConsentAt: h.clock.now(),
    registeredAt: h.clock.now(),
    ...make(i),
  }));
  const inserted = await customerModel(h.app.conn).insertMany(docs);
  return inserted.map((d) => d.toObject<CustomerDoc>());
}

export async function insertCustomer(h: Harness, fields: CustomerFields = {}): Promise<CustomerDoc> {
  return (await insertCustomers(h, 1, () => fields))[0]!;
}

export interface EntryFields {
  type: LedgerType;
  at: Date;
  stamps?: number;
  rewards?: number;
  reason?: string;
  staffId?: number | null;
  undoes?: Types.ObjectId | null;
}

/** One ledger entry as the staff use cases write it (next seq for the customer, a unique key). */
export async function addEntry(h: Harness, customerId: Types.ObjectId, entry: EntryFields): Promise<Types.ObjectId> {
  const ledger = ledgerModel(h.app.conn);
  const seq = (await ledger.countDocuments({ customerId })) + 1;
  const reason = entry.reason ?? { stamp: 'visit', bonus: 'review', reward: 'conversion', redeem: 'redeem', undo: 'undo', expire: 'expiry' }[entry.type];
  const created = await ledger.create({
    customerId,
    type: entry.type,
    stamps: entry.stamps ?? 0,
    rewards: entry.rewards ?? 0,
    staffId: entry.staffId ?? 777,
    reason,
    key: `test:${String(customerId)}:${seq}:${randomBytes(4).toString('hex')}`,
    undoes: entry.undoes ?? null,
    seq,
    at: entry.at,
  });
  // As every append does: the card snapshot follows the ledger.
  await rebuildSnapshot(h.app.conn, customerId);
  return created._id;
}

/** A stamped visit (as confirmVisit records it, with the customer's visit caches). */
export async function visit(h: Harness, customer: CustomerDoc, at: Date, stamps = 1): Promise<Types.ObjectId> {
  const id = await addEntry(h, customer._id, { type: 'stamp', stamps, reason: 'visit', at });
  const customers = customerModel(h.app.conn);
  const current = await customers.findById(customer._id).lean();
  await customers.updateOne(
    { _id: customer._id },
    { $set: { firstVisitAt: current?.firstVisitAt ?? at, lastVisitAt: current?.lastVisitAt && current.lastVisitAt > at ? current.lastVisitAt : at } },
  );
  return id;
}

export const daysAgo = (h: Harness, days: number) => new Date(h.clock.now().getTime() - days * 24 * 60 * 60 * 1000);

/** Runs the campaign sweep at the test clock's time, as the repeating job does. */
export function sweep(h: Harness) {
  return sweepCampaigns(h.app, h.clock.now());
}

/** Successful sends (messages and photos) per chat, from what Telegram recorded. */
export function deliveredPerChat(h: Harness): Map<number, number> {
  const perChat = new Map<number, number>();
  for (const call of h.telegram.calls) {
    if (!call.ok || (call.method !== 'sendMessage' && call.method !== 'sendPhoto')) continue;
    const chatId = Number(call.payload.chat_id);
    perChat.set(chatId, (perChat.get(chatId) ?? 0) + 1);
  }
  return perChat;
}

/** The text of the last answerCallbackQuery (a button's toast or alert). */
export function lastAlert(h: Harness): string {
  const text = h.telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text;
  return typeof text === 'string' ? text : '';
}
