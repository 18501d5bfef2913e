// Retention (settings.retentionMonths, 0 = off): a customer with no visit for that many months (or,
// never having visited, registered that long ago) is erased exactly as a customer's own deletion
// erases them (CustomerService.erase), marked as erased by the rule. A daily job runs it; the digest
// says how many it erased that day.
import type { Connection, Types } from 'mongoose';
import { startOfLocalDay } from '../business-time.js';
import type { Clock } from '../clock.js';
import { customerModel } from '../customers/model.js';
import type { CustomerService } from '../customers/service.js';
import type { SettingsService } from '../settings.js';

/** The moment `months` calendar months before `now`. */
export function monthsBefore(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

export class RetentionService {
  private readonly model;

  constructor(
    conn: Connection,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly customers: CustomerService,
  ) {
    this.model = customerModel(conn);
  }

  /** Erases every customer the rule now covers; returns how many. */
  async sweep(now: Date = this.clock.now()): Promise<number> {
    const { retentionMonths } = await this.settings.get();
    if (retentionMonths <= 0) return 0;
    const cutoff = monthsBefore(now, retentionMonths);
    const due = await this.model
      .find(
        { deletedAt: null, $or: [{ lastVisitAt: { $lt: cutoff } }, { lastVisitAt: null, registeredAt: { $lt: cutoff } }] },
        { _id: 1 },
      )
      .lean<{ _id: Types.ObjectId }[]>();
    let erased = 0;
    for (const { _id } of due) if ((await this.customers.erase(_id, 'retention')).ok) erased++;
    return erased;
  }

  /** Customers the rule erased since the start of the business day of `now`. */
  async erasedToday(now: Date = this.clock.now()): Promise<number> {
    const { timeZone } = await this.settings.get();
    return this.model.countDocuments({ erasedBy: 'retention', deletedAt: { $gte: startOfLocalDay(now, timeZone) } });
  }
}
