// Fraud signals for the owners (Square flags more than 5 loyalty transactions a day; "what stops staff
// abuse?" is the question every café asks). Read from the ledger by a job, never on the stamp path:
// - customerVisits: a customer stamped more than settings.fraudCustomerVisitsPerDay times in a day;
// - staffSameCustomer: one staff member stamping the same customer more than
//   settings.fraudStaffSameCustomerPerDay times in a day;
// - staffRate: a staff member's visits today above settings.fraudStaffRateFactor times their usual day
//   (their average over the days they stamped in the 30 days before), and at least STAFF_RATE_FLOOR;
// - quickRedeem: a reward redeemed within settings.fraudQuickRedeemMinutes of the stamp that completed
//   it, both by the same staff member.
// Visits are stamp entries with reason 'visit' that were not undone. Each alert is a document whose
// _id names the pattern, its subject and the business day: an alert fires at most once per pattern and
// subject per day, on every instance. The digest lists the day's alerts.
import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { localDateKey, startOfLocalDay } from '../business-time.js';
import type { Clock } from '../clock.js';
import { modelOn } from '../database.js';
import { ledgerModel, type LedgerEntry } from '../ledger/model.js';
import { isDuplicateKeyError } from '../result.js';
import type { SettingsService } from '../settings.js';

export const FRAUD_PATTERNS = ['customerVisits', 'staffSameCustomer', 'staffRate', 'quickRedeem'] as const;
export type FraudPattern = (typeof FRAUD_PATTERNS)[number];

/** A staff member's day is unusual only from this many visits on, whatever their usual day. */
export const STAFF_RATE_FLOOR = 10;
const HISTORY_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

const alertSchema = new Schema(
  {
    /** `<pattern>:<subject>:<business day>` */
    _id: { type: String, required: true },
    pattern: { type: String, enum: FRAUD_PATTERNS, required: true },
    /** The business day (YYYY-MM-DD in the business time zone). */
    day: { type: String, required: true, index: true },
    customerId: { type: Schema.Types.ObjectId, default: null },
    staffId: { type: Number, default: null },
    /** Visits counted (or, for quickRedeem, the minutes between the stamp and the redemption). */
    count: { type: Number, required: true },
    /** The threshold in force (or the staff member's usual day, for staffRate). */
    limit: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: 'fraudAlerts' },
);

export type FraudAlert = InferSchemaType<typeof alertSchema> & { _id: string };

export interface StaffVisits {
  staffId: number;
  visits: number;
}

export class FraudService {
  private readonly alerts;
  private readonly ledger;

  constructor(
    conn: Connection,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
  ) {
    this.alerts = modelOn(conn, 'FraudAlert', alertSchema);
    this.ledger = ledgerModel(conn);
  }

  private async counted(filter: Record<string, unknown>): Promise<LedgerEntry[]> {
    const entries = await this.ledger.find(filter).sort({ at: 1 }).lean<LedgerEntry[]>();
    if (entries.length === 0) return entries;
    const from = entries[0]!.at;
    const undone = new Set(
      (await this.ledger.distinct('undoes', { type: 'undo', at: { $gte: from } })).map(String),
    );
    return entries.filter((e) => !undone.has(String(e._id)));
  }

  /** The signals of the business day of `now` that have not fired yet; each is claimed as it is returned. */
  async detect(now: Date = this.clock.now()): Promise<FraudAlert[]> {
    const settings = await this.settings.get();
    const dayStart = startOfLocalDay(now, settings.timeZone);
    const day = localDateKey(now, settings.timeZone);
    const visits = await this.counted({ type: 'stamp', reason: 'visit', at: { $gte: dayStart, $lte: now } });
    const found: Omit<FraudAlert, 'at'>[] = [];
    const signal = (pattern: FraudPattern, subject: string, fields: { customerId?: Types.ObjectId; staffId?: number; count: number; limit: number }) =>
      found.push({ _id: `${pattern}:${subject}:${day}`, pattern, day, customerId: fields.customerId ?? null, staffId: fields.staffId ?? null, count: fields.count, limit: fields.limit });

    const byCustomer = groupBy(visits, (e) => String(e.customerId));
    for (const [customer, entries] of byCustomer) {
      if (entries.length > settings.fraudCustomerVisitsPerDay) {
        signal('customerVisits', customer, { customerId: entries[0]!.customerId, count: entries.length, limit: settings.fraudCustomerVisitsPerDay });
      }
    }
    const byPair = groupBy(visits.filter((e) => e.staffId !== null), (e) => `${e.staffId}:${String(e.customerId)}`);
    for (const [pair, entries] of byPair) {
      if (entries.length > settings.fraudStaffSameCustomerPerDay) {
        signal('staffSameCustomer', pair, {
          customerId: entries[0]!.customerId,
          staffId: entries[0]!.staffId!,
          count: entries.length,
          limit: settings.fraudStaffSameCustomerPerDay,
        });
      }
    }

    const byStaff = groupBy(visits.filter((e) => e.staffId !== null), (e) => String(e.staffId));
    const busy = [...byStaff].filter(([, entries]) => entries.length >= STAFF_RATE_FLOOR);
    if (busy.length > 0) {
      const before = await this.counted({
        type: 'stamp',
        reason: 'visit',
        staffId: { $in: busy.map(([id]) => Number(id)) },
        at: { $gte: new Date(dayStart.getTime() - HISTORY_DAYS * DAY), $lt: dayStart },
      });
      const history = groupBy(before, (e) => String(e.staffId));
      for (const [staff, entries] of busy) {
        const past = history.get(staff) ?? [];
        const days = new Set(past.map((e) => localDateKey(e.at, settings.timeZone))).size;
        // A first day has no usual day to compare with.
        if (days === 0) continue;
        const usual = past.length / days;
        if (entries.length > settings.fraudStaffRateFactor * usual) {
          signal('staffRate', staff, { staffId: Number(staff), count: entries.length, limit: Math.round(usual) });
        }
      }
    }

    if (settings.fraudQuickRedeemMinutes > 0) {
      const redeems = await this.counted({ type: 'redeem', at: { $gte: dayStart, $lte: now }, staffId: { $ne: null } });
      const window = settings.fraudQuickRedeemMinutes * 60_000;
      for (const redeem of redeems) {
        const since = new Date(redeem.at.getTime() - window);
        // The stamp by the same staff member that completed a card shortly before.
        const completing = await this.counted({ customerId: redeem.customerId, type: { $in: ['stamp', 'reward'] }, at: { $gte: since, $lte: redeem.at } });
        const stamp = completing.find(
          (e, i) => e.type === 'stamp' && e.staffId === redeem.staffId && completing.slice(i + 1).some((r) => r.type === 'reward'),
        );
        if (!stamp) continue;
        signal('quickRedeem', `${redeem.staffId}:${String(redeem.customerId)}`, {
          customerId: redeem.customerId,
          staffId: redeem.staffId!,
          count: Math.floor((redeem.at.getTime() - stamp.at.getTime()) / 60_000),
          limit: settings.fraudQuickRedeemMinutes,
        });
      }
    }

    const fired: FraudAlert[] = [];
    for (const alert of found) {
      try {
        const created = await this.alerts.create({ ...alert, at: now });
        fired.push(created.toObject<FraudAlert>());
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    return fired;
  }

  /** The alerts of the business day of `now`, oldest first (for the digest). */
  async alertsOfDay(now: Date = this.clock.now()): Promise<FraudAlert[]> {
    const { timeZone } = await this.settings.get();
    return this.alerts.find({ day: localDateKey(now, timeZone) }).sort({ at: 1, _id: 1 }).lean<FraudAlert[]>();
  }

  /** Visits stamped by each staff member in the 30 days before `now`, most first. */
  async visitsByStaff(now: Date = this.clock.now()): Promise<StaffVisits[]> {
    const visits = await this.counted({ type: 'stamp', reason: 'visit', staffId: { $ne: null }, at: { $gte: new Date(now.getTime() - HISTORY_DAYS * DAY), $lte: now } });
    return [...groupBy(visits, (e) => String(e.staffId))]
      .map(([staffId, entries]) => ({ staffId: Number(staffId), visits: entries.length }))
      .sort((a, b) => b.visits - a.visits || a.staffId - b.staffId);
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
