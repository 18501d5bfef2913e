// Occasions: the welcome bonus and the birthday bonus, both ordinary bonus entries in the ledger.
//
// Welcome bonus (settings.welcomeBonusStamps): a new card gets it once per phone number, ever. The
// number's salted hash (domain/occasions/phone-hash.ts) is claimed under a unique _id in
// `welcomeBonusClaims`, a collection that erasing a customer does not empty, so deleting the data and
// registering again with the same number does not earn it again. The claim names the card that took it
// (so a retried registration still gets its own bonus, key `welcome:<customer>`) until that customer is
// erased: then only the hash remains. The phone itself is never stored there.
//
// Birthday bonus (settings.birthdayBonusStamps, settings.birthdayWindowDays): a customer who told the
// day and month of their birthday earns the bonus with a visit from N days before to N days after it,
// once per year (key `birthday:<customer>:<year of the celebration>`). Undoing that visit takes the
// bonus back; another visit in the window may then earn it under `…#1` (at most MAX_TAKE_BACKS times).
// 29 February is celebrated on 28 February in other years. The date can be changed once in 365 days,
// so nobody moves it to earn it twice. On the day at 10:00 business time a job greets the customers
// who agreed to offers, once a year (jobs/occasions.ts); while the bonus is 0, the birthday program is
// off: no question at onboarding, no bonus, no greeting.
import { Types, type Connection } from 'mongoose';
import { Schema } from 'mongoose';
import type { Clock } from '../clock.js';
import type { JobQueue } from '../ports.js';
import type { OnceKeys } from '../once.js';
import type { SettingsService } from '../settings.js';
import { modelOn } from '../database.js';
import { err, isDuplicateKeyError, ok, type Result } from '../result.js';
import { fromLocal, toLocal } from '../business-time.js';
import { customerModel, type CustomerDoc } from '../customers/model.js';
import type { CustomerService } from '../customers/service.js';
import { MARKETING_AUDIENCE } from '../broadcasts/segments.js';
import { ledgerModel, type LedgerEntry } from '../ledger/model.js';
import { LedgerHistory } from '../ledger/history.js';
import type { Balance } from '../ledger/balance.js';
import type { BonusGranted, VisitsService } from '../visits/service.js';
import type { PhoneHasher } from './phone-hash.js';
import {
  addDays,
  birthdaysCelebratedOn,
  celebrationAround,
  isValidBirthday,
  type Birthday,
  type LocalDay,
} from './birthday-dates.js';

export const WELCOME_REASON = 'welcome';
export const BIRTHDAY_REASON = 'birthday';
export const BIRTHDAY_BONUS_JOB = 'birthday-bonus';
export const BIRTHDAY_GREETINGS_JOB = 'birthday-greetings';
/** A birthday, once set, can be changed again after this many days. */
export const BIRTHDAY_CHANGE_DAYS = 365;
/**
 * Greetings go out at 10:00 (business time) on the day; a run that is late (no worker was up at
 * 10:00) still greets until 20:00, never later in the evening.
 */
export const BIRTHDAY_GREETING_HOURS = { from: 10, to: 20 };

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often a year's birthday bonus may be taken back (its visit undone) and earned again. */
const MAX_TAKE_BACKS = 3;

const welcomeClaimSchema = new Schema(
  {
    /** HMAC-SHA256 of the E.164 phone number under the server secret. */
    _id: { type: String, required: true },
    /** The card that took the bonus; unset when that customer's data is erased. */
    customerId: { type: Schema.Types.ObjectId, default: null },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: 'welcomeBonusClaims' },
);

export function welcomeClaimModel(conn: Connection) {
  return modelOn(conn, 'WelcomeBonusClaim', welcomeClaimSchema);
}

export type BirthdayError =
  | { code: 'BirthdayInvalid' }
  | { code: 'BirthdayChangeTooSoon'; from: Date }
  | { code: 'CustomerNotFound' };

export type BirthdayNotice =
  | { kind: 'granted'; customer: CustomerDoc; bonus: BonusGranted; celebration: LocalDay }
  /** The visit was undone, and its birthday bonus with it. */
  | { kind: 'takenBack'; customer: CustomerDoc; bonus: LedgerEntry; balance: Balance };

export interface BirthdayGreeting {
  customer: CustomerDoc;
  celebration: LocalDay;
  /** The bonus still to be earned this year, and the last day of its window; null when none is offered or it was earned already. */
  offer: { stamps: number; until: LocalDay } | null;
}

type VisitUndone = { code: 'VisitUndone' };

export const welcomeKey = (customerId: Types.ObjectId) => `${WELCOME_REASON}:${String(customerId)}`;
export const birthdayKey = (customerId: Types.ObjectId, year: number) => `${BIRTHDAY_REASON}:${String(customerId)}:${year}`;

function localDay(at: Date, timeZone: string): LocalDay {
  const { year, month, day } = toLocal(at, timeZone);
  return { year, month, day };
}

export function birthdayOf(customer: Pick<CustomerDoc, 'birthday'>): Birthday | null {
  const b = customer.birthday;
  return b && typeof b.day === 'number' && typeof b.month === 'number' ? { day: b.day, month: b.month } : null;
}

export class OccasionsService {
  private readonly customers;
  private readonly claims;
  private readonly ledger;
  /** The time zone of the greetings run this instance scheduled last (a worker schedules one at start). */
  private scheduledZone: string | undefined;

  constructor(
    private readonly conn: Connection,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly jobs: JobQueue,
    private readonly visits: VisitsService,
    customers: CustomerService,
    private readonly once: OnceKeys,
    private readonly hasher: PhoneHasher,
  ) {
    this.customers = customerModel(conn);
    this.claims = welcomeClaimModel(conn);
    this.ledger = ledgerModel(conn);
    // A visit within a birthday window asks for the birthday bonus (a job, so the visit's own message comes first).
    visits.hooks.visitConfirmed.push(({ customer, entry }) => this.scheduleBirthdayBonus(customer, entry));
    // An undone visit that earned the birthday bonus takes it back.
    visits.hooks.operationUndone.push(async ({ customerId, undone }) => {
      if (undone.type !== 'stamp') return;
      if (await this.ledger.exists({ customerId, type: 'bonus', reason: BIRTHDAY_REASON, refersTo: undone._id })) await this.settleLater(customerId, undone._id);
    });
    // A new time zone moves 10:00: the next run follows it (a run scheduled for the old zone finds nobody due, or greets late that day).
    settings.onChange(async (changed) => {
      if (this.scheduledZone !== undefined && changed.timeZone !== this.scheduledZone) await this.scheduleGreetings();
    });
    // The hash stays, so the number never earns the welcome bonus again; the link to the erased card goes.
    customers.hooks.erased.push(async (customer) => {
      if (customer.phone) await this.claims.updateOne({ _id: await this.hasher.hash(customer.phone) }, { $set: { customerId: null } });
    });
  }

  /**
   * The welcome bonus for a card just issued, if the program gives one and this phone number never had
   * it. Safe to call again for the same card (a retried registration): the same bonus, reported as a
   * duplicate. Null: no bonus.
   */
  async grantWelcome(customer: CustomerDoc): Promise<BonusGranted | null> {
    const settings = await this.settings.get();
    if (settings.welcomeBonusStamps <= 0 || !customer.phone || customer.deletedAt) return null;
    const hash = await this.hasher.hash(customer.phone);
    try {
      await this.claims.create({ _id: hash, customerId: customer._id, at: this.clock.now() });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const claim = await this.claims.findById(hash).lean();
      if (!claim?.customerId || !new Types.ObjectId(String(claim.customerId)).equals(customer._id)) return null;
    }
    const granted = await this.visits.grantBonus({
      customerId: customer._id,
      stamps: settings.welcomeBonusStamps,
      reason: WELCOME_REASON,
      key: welcomeKey(customer._id),
    });
    return granted.ok ? granted.value : null;
  }

  /** When the customer's birthday may be changed again (null: now). */
  changeableFrom(customer: Pick<CustomerDoc, 'birthday' | 'birthdaySetAt'>): Date | null {
    if (!birthdayOf(customer) || !customer.birthdaySetAt) return null;
    const from = new Date(new Date(customer.birthdaySetAt).getTime() + BIRTHDAY_CHANGE_DAYS * DAY_MS);
    return from > this.clock.now() ? from : null;
  }

  /**
   * Sets the day and month of the customer's birthday. A date once set can be changed after
   * BIRTHDAY_CHANGE_DAYS; setting the same date again changes nothing and is no change.
   */
  async setBirthday(customerId: Types.ObjectId, day: number, month: number): Promise<Result<Birthday, BirthdayError>> {
    if (!isValidBirthday(day, month)) return err({ code: 'BirthdayInvalid' });
    const now = this.clock.now();
    for (let attempt = 0; attempt < 3; attempt++) {
      const customer = await this.customers.findOne({ _id: customerId, deletedAt: null }).lean<CustomerDoc>();
      if (!customer) return err({ code: 'CustomerNotFound' });
      const current = birthdayOf(customer);
      if (current && current.day === day && current.month === month) return ok(current);
      const from = this.changeableFrom(customer);
      if (from) return err({ code: 'BirthdayChangeTooSoon', from });
      // Only over the state just read: two changes at once cannot both pass the once-a-year rule.
      const updated = await this.customers.updateOne(
        { _id: customerId, deletedAt: null, birthdaySetAt: customer.birthdaySetAt ?? null },
        { $set: { birthday: { day, month }, birthdaySetAt: now } },
      );
      if (updated.matchedCount === 1) return ok({ day, month });
    }
    return err({ code: 'BirthdayChangeTooSoon', from: new Date(now.getTime() + BIRTHDAY_CHANGE_DAYS * DAY_MS) });
  }

  private async scheduleBirthdayBonus(customer: CustomerDoc, visit: LedgerEntry): Promise<void> {
    const birthday = birthdayOf(customer);
    if (!birthday) return;
    const settings = await this.settings.get();
    if (settings.birthdayBonusStamps <= 0) return;
    const celebration = celebrationAround(birthday, localDay(visit.at, settings.timeZone), settings.birthdayWindowDays);
    if (!celebration) return;
    if (await this.liveBonusOfYear(customer._id, celebration.year)) return;
    await this.settleLater(customer._id, visit._id);
  }

  /** Right away, as a job: the visit's (or the undo's) own message comes first. */
  private async settleLater(customerId: Types.ObjectId, visitId: Types.ObjectId): Promise<void> {
    await this.jobs.schedule(
      BIRTHDAY_BONUS_JOB,
      this.clock.now(),
      { customerId: String(customerId), visitId: String(visitId) },
      { 'data.visitId': String(visitId) },
    );
  }

  /** This year's birthday bonus entries of the customer: the first under the year's key, any later one (after a take-back) under `#n`. */
  private async bonusesOfYear(customerId: Types.ObjectId, year: number): Promise<LedgerEntry[]> {
    const key = birthdayKey(customerId, year);
    return this.ledger
      .find({ customerId, type: 'bonus', reason: BIRTHDAY_REASON, key: { $in: [key, ...Array.from({ length: MAX_TAKE_BACKS }, (_, i) => `${key}#${i + 1}`)] } })
      .lean<LedgerEntry[]>();
  }

  /** The birthday bonus of that year that still stands (not taken back), if any. */
  private async liveBonusOfYear(customerId: Types.ObjectId, year: number): Promise<LedgerEntry | null> {
    const bonuses = await this.bonusesOfYear(customerId, year);
    if (bonuses.length === 0) return null;
    const undone = await this.ledger.distinct('undoes', { customerId, type: 'undo', undoes: { $in: bonuses.map((b) => b._id) } });
    return bonuses.find((b) => !undone.some((u: Types.ObjectId) => u.equals(b._id))) ?? null;
  }

  /**
   * Brings the birthday bonus in line with this visit: a visit within the window of the customer's
   * birthday (as it is now) earns that year's bonus if none stands, exactly once per year; an undone
   * visit takes its bonus back (then another visit in the window may earn it, under the next key).
   */
  async settleBirthdayBonus(customerId: string, visitId: string): Promise<BirthdayNotice | null> {
    if (!Types.ObjectId.isValid(customerId) || !Types.ObjectId.isValid(visitId)) return null;
    const customer = await this.customers.findOne({ _id: customerId, deletedAt: null }).lean<CustomerDoc>();
    if (!customer) return null;
    const history = await LedgerHistory.load(this.conn, customer._id);
    const visit = history.entry(visitId);
    if (!visit || visit.type !== 'stamp') return null;
    if (history.undoOf(visit._id)) {
      const bonus = history.entries.find(
        (e) => e.type === 'bonus' && e.reason === BIRTHDAY_REASON && e.refersTo?.equals(visit._id) === true && !history.undoOf(e._id),
      );
      if (!bonus) return null;
      // A bonus whose stamps became a reward that was redeemed meanwhile stands.
      const undone = await this.visits.reverseEntry(bonus, null);
      return undone.ok ? { kind: 'takenBack', customer, bonus, balance: undone.value.balance } : null;
    }
    const birthday = birthdayOf(customer);
    const settings = await this.settings.get();
    if (!birthday || settings.birthdayBonusStamps <= 0) return null;
    const celebration = celebrationAround(birthday, localDay(visit.at, settings.timeZone), settings.birthdayWindowDays);
    if (!celebration) return null;
    const yearKey = birthdayKey(customer._id, celebration.year);
    const ofYear = history.entries.filter((e) => e.type === 'bonus' && e.reason === BIRTHDAY_REASON && (e.key === yearKey || e.key.startsWith(`${yearKey}#`)));
    const live = ofYear.find((e) => !history.undoOf(e._id));
    // One stands: this visit's (a retried job: reported again, told once by the caller) or another's.
    if (live && !live.refersTo?.equals(visit._id)) return null;
    if (!live && ofYear.length > MAX_TAKE_BACKS) return null;
    const granted = await this.visits.grantBonus<VisitUndone>({
      customerId: customer._id,
      stamps: live?.stamps ?? settings.birthdayBonusStamps,
      reason: BIRTHDAY_REASON,
      key: live?.key ?? (ofYear.length === 0 ? yearKey : `${yearKey}#${ofYear.length}`),
      refersTo: visit._id,
      refuse: (latest) => (latest.undoOf(visit._id) ? { code: 'VisitUndone' } : null),
    });
    if (!granted.ok) return null;
    return { kind: 'granted', customer, bonus: granted.value, celebration };
  }

  /**
   * The customers to greet at `now`: their birthday is celebrated today (business time), it is within
   * the greeting hours, they agreed to offers and have not been greeted this year.
   */
  async greetingsDue(now: Date): Promise<BirthdayGreeting[]> {
    const settings = await this.settings.get();
    // The birthday program is on while it gives a bonus; then the greeting goes with it.
    if (settings.birthdayBonusStamps <= 0) return [];
    const local = toLocal(now, settings.timeZone);
    if (local.hour < BIRTHDAY_GREETING_HOURS.from || local.hour >= BIRTHDAY_GREETING_HOURS.to) return [];
    const today: LocalDay = { year: local.year, month: local.month, day: local.day };
    const celebrated = birthdaysCelebratedOn(today);
    const found = await this.customers
      .find({ ...MARKETING_AUDIENCE, $or: celebrated.map((b) => ({ 'birthday.month': b.month, 'birthday.day': b.day })) })
      .sort({ _id: 1 })
      .lean<CustomerDoc[]>();
    const due: BirthdayGreeting[] = [];
    for (const customer of found) {
      if (await this.once.isClaimed(greetingKey(customer._id, today.year))) continue;
      const taken = await this.liveBonusOfYear(customer._id, today.year);
      const offer = !taken
          ? { stamps: settings.birthdayBonusStamps, until: addDays(today, settings.birthdayWindowDays) }
          : null;
      due.push({ customer, celebration: today, offer });
    }
    return due;
  }

  /** Schedules the next greetings run (see nextGreetingRun); the greetings job calls it with `afterRun`. */
  async scheduleGreetings(afterRun = false): Promise<void> {
    const { timeZone } = await this.settings.get();
    this.scheduledZone = timeZone;
    const at = nextGreetingRun(this.clock.now(), timeZone, afterRun);
    const slot = at.toISOString();
    await this.jobs.schedule(BIRTHDAY_GREETINGS_JOB, at, { slot }, { 'data.slot': slot });
  }

  /** A greeting that could not be delivered (not blocked: failed) may be tried by a later run of the day. */
  async releaseGreeting(customerId: Types.ObjectId, year: number): Promise<void> {
    await this.once.release(greetingKey(customerId, year));
  }

  /** The customer blocked the bot: no more offers are tried until they write again. */
  async markUnreachable(customerId: Types.ObjectId): Promise<void> {
    await this.customers.updateOne({ _id: customerId }, { $set: { unreachable: true } });
  }

  /** True for the first claim of this year's greeting of the customer. */
  async claimGreeting(customerId: Types.ObjectId, year: number, now: Date): Promise<boolean> {
    return this.once.claim(greetingKey(customerId, year), now);
  }
}

/** 10:00 business time on the local day `daysAhead` days after the one containing `now`. */
function greetingTime(now: Date, timeZone: string, daysAhead: number): Date {
  const local = toLocal(now, timeZone);
  const day = addDays({ year: local.year, month: local.month, day: local.day }, daysAhead);
  return fromLocal({ ...day, hour: BIRTHDAY_GREETING_HOURS.from, minute: 0 }, timeZone);
}

/**
 * When the greetings run next. After a run (`afterRun`): the next 10:00 business time. Otherwise
 * (a worker starts, the settings change): today's 10:00 when the greeting hours are on now (due at
 * once, a late run), else the next 10:00. Each run is named by its instant, so any number of
 * instances scheduling it keep one job per run; a second run on the same day greets nobody twice.
 */
export function nextGreetingRun(now: Date, timeZone: string, afterRun: boolean): Date {
  const hour = toLocal(now, timeZone).hour;
  if (!afterRun && hour >= BIRTHDAY_GREETING_HOURS.from && hour < BIRTHDAY_GREETING_HOURS.to) return greetingTime(now, timeZone, 0);
  const today = greetingTime(now, timeZone, 0);
  return today > now ? today : greetingTime(now, timeZone, 1);
}

const greetingKey = (customerId: Types.ObjectId, year: number) => `birthday-greeting:${String(customerId)}:${year}`;
