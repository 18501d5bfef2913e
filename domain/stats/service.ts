// The owner's numbers, each computed by the database (counts and $group over indexed fields), never by
// loading customers or ledger entries into memory. Every number is defined in README.md "Statistics";
// keep the two in step.
import type { Connection, Types } from 'mongoose';
import type { Clock } from '../clock.js';
import { startOfLocalDay, startOfLocalWeek } from '../business-time.js';
import { customerModel } from '../customers/model.js';
import { ledgerModel } from '../ledger/model.js';
import { REVIEWS_COLLECTION } from '../reviews/model.js';
import type { SettingsService } from '../settings.js';

export const CHART_WEEKS = 12;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ProgramStats {
  customers: { total: number; new7: number; new30: number };
  activeCustomers30: number;
  visits: { last30: number; total: number };
  repeat: { visitors: number; returning: number; rate: number | null };
  rewards: { issued30: number; issuedTotal: number; redeemed30: number; redeemedTotal: number };
  referrals: { joined: number; converted: number };
  rating: { average: number | null; count: number };
}

export interface WeekVisits {
  weekStart: Date;
  visits: number;
}

export interface DaySummary {
  newCustomers: number;
  visits: number;
  rewardsIssued: number;
  rewardsRedeemed: number;
  reviews: number;
  averageRating: number | null;
}

type Period = { from?: Date; to?: Date };

export class StatsService {
  private readonly customers;
  private readonly ledger;

  constructor(
    private readonly conn: Connection,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
  ) {
    this.customers = customerModel(conn);
    this.ledger = ledgerModel(conn);
  }

  /** Entries taken back by an undo; undos are rare (minutes after a mistake), so this list stays short. */
  private async undoneIds(): Promise<Types.ObjectId[]> {
    return await this.ledger.distinct('undoes', { type: 'undo', undoes: { $ne: null } });
  }

  private atFilter({ from, to }: Period) {
    if (!from && !to) return {};
    return { at: { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) } };
  }

  private visitFilter(undone: Types.ObjectId[], period: Period = {}) {
    return { type: 'stamp' as const, reason: 'visit', _id: { $nin: undone }, ...this.atFilter(period) };
  }

  private async countEntries(type: 'reward' | 'redeem', undone: Types.ObjectId[], period: Period = {}): Promise<number> {
    const count = await this.ledger.countDocuments({ type, _id: { $nin: undone }, ...this.atFilter(period) });
    if (type === 'redeem') return count;
    // Undoing the stamps that completed a card takes its reward back on the undo entry itself
    // (rewards: -1) rather than undoing the reward entry: those rewards were never really issued.
    const [takenBack] = await this.ledger.aggregate<{ n: number }>([
      { $match: { type: 'undo', rewards: { $lt: 0 }, ...this.atFilter(period) } },
      { $group: { _id: null, n: { $sum: '$rewards' } } },
    ]);
    return count + (takenBack?.n ?? 0);
  }

  private async countRows(pipeline: object[]): Promise<number> {
    const [row] = await this.ledger.aggregate<{ n: number }>([...(pipeline as never[]), { $count: 'n' }]);
    return row?.n ?? 0;
  }

  async programStats(): Promise<ProgramStats> {
    const now = this.clock.now();
    const days = (n: number) => new Date(now.getTime() - n * DAY_MS);
    const undone = await this.undoneIds();
    const current = { deletedAt: null };

    const [total, new7, new30, visits30, visitsTotal, active30, visitors, returning] = await Promise.all([
      this.customers.countDocuments(current),
      this.customers.countDocuments({ ...current, registeredAt: { $gte: days(7) } }),
      this.customers.countDocuments({ ...current, registeredAt: { $gte: days(30) } }),
      this.ledger.countDocuments(this.visitFilter(undone, { from: days(30) })),
      this.ledger.countDocuments(this.visitFilter(undone)),
      this.countRows([{ $match: this.visitFilter(undone, { from: days(30) }) }, { $group: { _id: '$customerId' } }]),
      this.countRows([{ $match: this.visitFilter(undone) }, { $group: { _id: '$customerId' } }]),
      this.countRows([
        { $match: this.visitFilter(undone) },
        { $group: { _id: '$customerId', visits: { $sum: 1 } } },
        { $match: { visits: { $gte: 2 } } },
      ]),
    ]);
    const [issued30, issuedTotal, redeemed30, redeemedTotal] = await Promise.all([
      this.countEntries('reward', undone, { from: days(30) }),
      this.countEntries('reward', undone),
      this.countEntries('redeem', undone, { from: days(30) }),
      this.countEntries('redeem', undone),
    ]);

    return {
      customers: { total, new7, new30 },
      activeCustomers30: active30,
      visits: { last30: visits30, total: visitsTotal },
      repeat: { visitors, returning, rate: visitors > 0 ? returning / visitors : null },
      rewards: { issued30, issuedTotal, redeemed30, redeemedTotal },
      referrals: await this.referrals(undone),
      rating: await this.rating({}),
    };
  }

  /** Friends who registered through an invite link, and those of them who have made a visit. */
  private async referrals(undone: Types.ObjectId[]): Promise<ProgramStats['referrals']> {
    const joined = await this.customers.countDocuments({ referredBy: { $ne: null } });
    let converted = 0;
    let batch: Types.ObjectId[] = [];
    const countVisitors = async () => {
      converted += await this.countRows([
        { $match: { ...this.visitFilter(undone), customerId: { $in: batch } } },
        { $group: { _id: '$customerId' } },
      ]);
      batch = [];
    };
    for await (const friend of this.customers.find({ referredBy: { $ne: null } }, { _id: 1 }).lean().cursor({ batchSize: 500 })) {
      batch.push(friend._id);
      if (batch.length >= 500) await countVisitors();
    }
    if (batch.length > 0) await countVisitors();
    return { joined, converted };
  }

  private async rating(period: Period): Promise<ProgramStats['rating']> {
    const reviews = this.conn.collection(REVIEWS_COLLECTION);
    const rated = { rating: { $gte: 1, $lte: 5 }, ...this.atFilter(period) };
    // The count is asked separately: FerretDB miscounts `$sum: 1` beside a second accumulator.
    const [count, [row]] = await Promise.all([
      reviews.countDocuments(rated),
      reviews.aggregate<{ sum: number }>([{ $match: rated }, { $group: { _id: null, sum: { $sum: '$rating' } } }]).toArray(),
    ]);
    return { average: count > 0 ? (row?.sum ?? 0) / count : null, count };
  }

  /** Visits in each of the last `weeks` weeks (Monday to Sunday in the business time zone), oldest first. */
  async weeklyVisits(weeks = CHART_WEEKS): Promise<WeekVisits[]> {
    const { timeZone } = await this.settings.get();
    const now = this.clock.now();
    const undone = await this.undoneIds();
    const starts = Array.from({ length: weeks + 1 }, (_, i) => startOfLocalWeek(now, timeZone, i - weeks + 1));
    return Promise.all(
      starts.slice(0, weeks).map(async (weekStart, i) => ({
        weekStart,
        visits: await this.ledger.countDocuments(this.visitFilter(undone, { from: weekStart, to: starts[i + 1]! })),
      })),
    );
  }

  /** The business day so far (from local midnight), for the owners' evening digest. */
  async today(): Promise<DaySummary> {
    const { timeZone } = await this.settings.get();
    const now = this.clock.now();
    const period = { from: startOfLocalDay(now, timeZone), to: new Date(now.getTime() + 1) };
    const undone = await this.undoneIds();
    const [newCustomers, visits, rewardsIssued, rewardsRedeemed, rating] = await Promise.all([
      this.customers.countDocuments({ deletedAt: null, registeredAt: { $gte: period.from, $lt: period.to } }),
      this.ledger.countDocuments(this.visitFilter(undone, period)),
      this.countEntries('reward', undone, period),
      this.countEntries('redeem', undone, period),
      this.rating(period),
    ]);
    return { newCustomers, visits, rewardsIssued, rewardsRedeemed, reviews: rating.count, averageRating: rating.average };
  }
}
