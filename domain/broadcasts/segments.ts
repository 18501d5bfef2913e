// The groups of customers an owner can write to. Each segment is a MongoDB query on the customers
// (balances come from the card snapshot, domain/ledger/snapshot.ts) read through a cursor in customer-id order, a batch at a time, so
// a segment of any size costs the memory of one batch — and a broadcast can resume after any id.
import { type Types, type Connection, type QueryFilter } from 'mongoose';
import { LOCALES, type Locale } from '../locales.js';
import { customerModel, type CustomerDoc } from '../customers/model.js';

export const SEGMENTS = ['all', 'active30', 'lapsed30', 'closeToReward', 'neverVisited'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const ACTIVE_DAYS = 30;
/** "Close to a reward": at most this many stamps still missing. */
export const ALMOST_THERE_MISSING = 2;

const DAY_MS = 24 * 60 * 60 * 1000;

export function isSegment(value: unknown): value is Segment {
  return typeof value === 'string' && (SEGMENTS as readonly string[]).includes(value);
}

/** Who may get a promotional message at all: agreed to it, has not blocked the bot, still a customer. */
export const MARKETING_AUDIENCE = {
  marketingConsent: true,
  unreachable: { $ne: true },
  deletedAt: null,
  telegramId: { $ne: null },
} as const;

export interface Recipient {
  customerId: Types.ObjectId;
  telegramId: number;
  locale: Locale;
}

export interface SegmentContext {
  now: Date;
  stampsPerReward: number;
}

/** The fewest stamps on a card that is close to a reward. */
export function almostThereStamps(stampsPerReward: number): number {
  return Math.max(1, stampsPerReward - ALMOST_THERE_MISSING);
}

type CustomerFilter = QueryFilter<CustomerDoc>;

/** The segment as a filter on customers. */
function customerFilter(segment: Segment, ctx: SegmentContext): CustomerFilter {
  const now = ctx.now;
  const activeSince = new Date(now.getTime() - ACTIVE_DAYS * DAY_MS);
  switch (segment) {
    case 'all':
      return {};
    case 'active30':
      return { lastVisitAt: { $gte: activeSince } };
    case 'lapsed30':
      return { lastVisitAt: { $ne: null, $lt: activeSince } };
    case 'neverVisited':
      return { lastVisitAt: null };
    case 'closeToReward':
      return { 'card.stamps': { $gte: almostThereStamps(ctx.stampsPerReward) } };
  }
}

const PROJECTION = { _id: 1, telegramId: 1, locale: 1 } as const;

function toRecipient(doc: { _id: Types.ObjectId; telegramId?: number | null; locale: string }): Recipient {
  return { customerId: doc._id, telegramId: Number(doc.telegramId), locale: doc.locale as Locale };
}

/**
 * The customers of a segment who may receive marketing, in batches, ordered by id and starting after
 * `after` (a broadcast's checkpoint).
 */
export async function* recipientsOf(
  conn: Connection,
  segment: Segment,
  ctx: SegmentContext,
  after: Types.ObjectId | null = null,
  batchSize = 200,
): AsyncGenerator<Recipient[]> {
  const customers = customerModel(conn);
  const filter = customerFilter(segment, ctx);
  const query: CustomerFilter = { ...filter, ...MARKETING_AUDIENCE, ...(after ? { _id: { $gt: after } } : {}) };
  const cursor = customers.find(query, PROJECTION).sort({ _id: 1 }).lean().cursor({ batchSize });
  let batch: Recipient[] = [];
  for await (const doc of cursor) {
    batch.push(toRecipient(doc));
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export interface Audience {
  total: number;
  byLocale: Record<Locale, number>;
}

/** How many customers a broadcast to this segment would reach, per language (shown before sending). */
export async function audienceOf(conn: Connection, segment: Segment, ctx: SegmentContext): Promise<Audience> {
  const byLocale = Object.fromEntries(LOCALES.map((l) => [l, 0])) as Record<Locale, number>;
  const rows = await customerModel(conn).aggregate<{ _id: string; n: number }>([
    { $match: { ...customerFilter(segment, ctx), ...MARKETING_AUDIENCE } },
    { $group: { _id: '$locale', n: { $sum: 1 } } },
  ]);
  for (const row of rows) if (row._id in byLocale) byLocale[row._id as Locale] += row.n;
  return { total: LOCALES.reduce((sum, l) => sum + byLocale[l], 0), byLocale };
}
