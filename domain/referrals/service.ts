// The referral program: what an invitation earns. A friend who registered through a customer's invite
// link (customer.referredBy, set once at registration: see domain/customers/referrals.ts) qualifies
// with their first staff-confirmed visit that counts. Then the friend gets settings.referralBonusFriend
// and the one who invited them settings.referralBonusReferrer bonus stamps, each once.
//
// The invariant, kept by `reconcile` (run by a job after each change): the referral bonuses in the ledger
// belong to the friend's earliest visit that counts, and to no other visit.
// - Keys name the qualifying visit: `referral-friend:<friend>:<visit>` and
//   `referral-referrer:<friend>:<visit>`. A visit qualifies once, so its bonuses are written once.
// - If that visit is undone, its bonuses are undone too ('undo' entries, `undo:<bonus>`: once). The
//   friend's next visit that counts qualifies again, with new keys, so the bonuses come back with it.
// - The monthly cap: a referrer gets at most settings.referralMonthlyCap invitation bonuses per calendar
//   month in settings.timeZone (undone ones do not count). It is decided on the referrer's exact ledger
//   history, so two friends qualifying at the same moment cannot both take the last place. Over the cap
//   the friend still gets their own bonus — the cap limits what one person can collect by inviting,
//   and the friend is a real new customer — and the referrer is told that this month's limit is reached.
//   That decision is remembered (a once-key), so the same visit is not reconsidered next month.
// - Races between a grant and an undo of the qualifying visit: each side writes first and then reads
//   the other side (reconcile re-checks after granting), so one of them always sees the other.
import { Types, type Connection } from 'mongoose';
import type { Clock } from '../clock.js';
import type { JobQueue } from '../ports.js';
import type { OnceKeys } from '../once.js';
import type { SettingsService } from '../settings.js';
import { fromLocal, toLocal } from '../business-time.js';
import { customerModel, type CustomerDoc } from '../customers/model.js';
import { LedgerHistory } from '../ledger/history.js';
import type { LedgerEntry } from '../ledger/model.js';
import type { Balance } from '../ledger/balance.js';
import type { BonusGranted, VisitsService } from '../visits/service.js';

/** The job's stored name predates the word "reconcile"; jobs already queued under it keep running. */
export const REFERRAL_RECONCILE_JOB = 'referral-settle';
export const FRIEND_REASON = 'referral-friend';
export const REFERRER_REASON = 'referral-referrer';

/** How many times reconcile re-reads after a change before it trusts what it sees. */
const MAX_ROUNDS = 5;

/** What happened to whom, for the messages. */
export type ReferralNotice =
  | { kind: 'friendBonus'; friend: CustomerDoc; referrer: CustomerDoc | null; bonus: BonusGranted }
  | { kind: 'referrerBonus'; referrer: CustomerDoc; friend: CustomerDoc; bonus: BonusGranted }
  | { kind: 'referrerCapped'; referrer: CustomerDoc; friend: CustomerDoc; cap: number }
  | { kind: 'friendBonusTakenBack'; friend: CustomerDoc; stamps: number; balance: Balance }
  | { kind: 'referrerBonusTakenBack'; referrer: CustomerDoc; friend: CustomerDoc; stamps: number; balance: Balance };

type NotQualifying = { code: 'NotQualifying' };
type CapReached = { code: 'CapReached' };

export const friendKey = (friendId: Types.ObjectId, visitId: Types.ObjectId) => `${FRIEND_REASON}:${String(friendId)}:${String(visitId)}`;
export const referrerKey = (friendId: Types.ObjectId, visitId: Types.ObjectId) =>
  `${REFERRER_REASON}:${String(friendId)}:${String(visitId)}`;

/** The calendar month containing `instant`, in the business time zone: [start, end). */
export function localMonth(instant: Date, timeZone: string): { start: Date; end: Date } {
  const { year, month } = toLocal(instant, timeZone);
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return {
    start: fromLocal({ year, month, day: 1, hour: 0, minute: 0 }, timeZone),
    end: fromLocal({ ...next, day: 1, hour: 0, minute: 0 }, timeZone),
  };
}

/** Bonus entries with this reason that still count (not undone). */
function liveBonuses(history: LedgerHistory, reason: string): LedgerEntry[] {
  return history.entries.filter((e) => e.type === 'bonus' && e.reason === reason && !history.undoOf(e._id));
}

export class ReferralService {
  private readonly customers;

  constructor(
    private readonly conn: Connection,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly jobs: JobQueue,
    private readonly visits: VisitsService,
    private readonly once: OnceKeys,
  ) {
    this.customers = customerModel(conn);
    // A referred friend's first visit, and any undone visit of theirs, ask for the referral to be reconciled.
    visits.hooks.visitConfirmed.push(async ({ customerId, customer, entry, firstVisit }) => {
      if (firstVisit && customer.referredBy) await this.scheduleReconcile(customerId, entry._id, customer.referredBy);
    });
    visits.hooks.operationUndone.push(async ({ customerId, undone, undo }) => {
      if (undone.type === 'stamp') await this.scheduleReconcile(customerId, undo._id);
    });
  }

  /** Runs right away as a job, so that the customer's own visit message comes before the bonus. */
  private async scheduleReconcile(customerId: Types.ObjectId, trigger: Types.ObjectId, referredBy?: unknown): Promise<void> {
    // A first visit knows who referred the friend from the card it was decided on; an undo asks.
    const referrer = referredBy ?? (await this.customers.findById(customerId, { referredBy: 1 }).lean())?.referredBy;
    if (!referrer) return;
    await this.jobs.schedule(
      REFERRAL_RECONCILE_JOB,
      this.clock.now(),
      { customerId: String(customerId), trigger: String(trigger) },
      { 'data.trigger': String(trigger) },
    );
  }

  /** Brings the friend's referral bonuses in line with their visits (see the header); returns what changed. */
  /**
   * With `retrying` (an earlier attempt of the same job may have died after granting a bonus but
   * before telling anyone), the bonuses that already stand are reported too; the caller tells each
   * notice once by its `noticeKey`.
   */
  async reconcile(friendId: Types.ObjectId | string, options: { retrying?: boolean } = {}): Promise<ReferralNotice[]> {
    if (!Types.ObjectId.isValid(friendId)) return [];
    const notices: ReferralNotice[] = [];
    for (let round = 0; round < MAX_ROUNDS; round++) {
      if (!(await this.reconcileOnce(new Types.ObjectId(String(friendId)), notices, options.retrying === true))) break;
    }
    return notices;
  }

  /** One pass; true when it changed the ledger (then the next pass checks the result). */
  private async reconcileOnce(friendId: Types.ObjectId, notices: ReferralNotice[], retrying: boolean): Promise<boolean> {
    const told = (kind: string, key: string) => notices.some((n) => (n.kind === kind && 'bonus' in n ? n.bonus.entry.key === key : false));
    const friend = await this.customers.findById(friendId).lean<CustomerDoc>();
    if (!friend?.referredBy) return false;
    const referrer = await this.customers.findById(friend.referredBy).lean<CustomerDoc>();
    const friendHistory = await LedgerHistory.load(this.conn, friendId);
    const qualifying = friendHistory.visits[0] ?? null;
    const isQualifying = (bonus: LedgerEntry) => qualifying !== null && bonus.refersTo?.equals(qualifying._id) === true;
    let changed = false;
    // A bonus that cannot be taken back (its stamps became a reward that was redeemed meanwhile) still
    // stands for this invitation: that side gets no second one.
    const locked = { friend: false, referrer: false };

    // 1. Bonuses of a visit that no longer qualifies go back.
    for (const bonus of liveBonuses(friendHistory, FRIEND_REASON).filter((b) => !isQualifying(b))) {
      const undone = await this.visits.reverseEntry(bonus, null);
      if (!undone.ok) {
        locked.friend ||= undone.error.code === 'RewardAlreadyRedeemed';
        continue;
      }
      changed = true;
      notices.push({ kind: 'friendBonusTakenBack', friend, stamps: bonus.stamps, balance: undone.value.balance });
    }
    if (referrer) {
      const referrerHistory = await LedgerHistory.load(this.conn, referrer._id);
      const prefix = `${REFERRER_REASON}:${String(friendId)}:`;
      const stale = liveBonuses(referrerHistory, REFERRER_REASON).filter((b) => b.key.startsWith(prefix) && !isQualifying(b));
      for (const bonus of stale) {
        const undone = await this.visits.reverseEntry(bonus, null);
        if (!undone.ok) {
          locked.referrer ||= undone.error.code === 'RewardAlreadyRedeemed';
          continue;
        }
        changed = true;
        notices.push({ kind: 'referrerBonusTakenBack', referrer, friend, stamps: bonus.stamps, balance: undone.value.balance });
      }
    }

    // 2. The qualifying visit earns both bonuses, once.
    if (!qualifying || friend.deletedAt) return changed;
    const settings = await this.settings.get();
    const stillQualifying = (history: LedgerHistory): NotQualifying | null =>
      history.visits[0]?._id.equals(qualifying._id) ? null : { code: 'NotQualifying' };

    if (settings.referralBonusFriend > 0 && !locked.friend) {
      const granted = await this.visits.grantBonus<NotQualifying>({
        customerId: friendId,
        stamps: settings.referralBonusFriend,
        reason: FRIEND_REASON,
        key: friendKey(friendId, qualifying._id),
        refersTo: qualifying._id,
        refuse: stillQualifying,
      });
      if (granted.ok && (!granted.value.duplicate || (retrying && !told('friendBonus', granted.value.entry.key)))) {
        changed ||= !granted.value.duplicate;
        notices.push({ kind: 'friendBonus', friend, referrer: referrer?.deletedAt ? null : referrer, bonus: granted.value });
      }
    }

    if (!referrer || referrer.deletedAt || settings.referralBonusReferrer <= 0 || locked.referrer) return changed;
    const cappedKey = `referral-capped:${String(friendId)}:${String(qualifying._id)}`;
    if (await this.once.isClaimed(cappedKey)) return changed;
    const now = this.clock.now();
    const month = localMonth(now, settings.timeZone);
    const cap = settings.referralMonthlyCap;
    const granted = await this.visits.grantBonus<CapReached>({
      customerId: referrer._id,
      stamps: settings.referralBonusReferrer,
      reason: REFERRER_REASON,
      key: referrerKey(friendId, qualifying._id),
      refersTo: qualifying._id,
      refuse: (history) => {
        const thisMonth = liveBonuses(history, REFERRER_REASON).filter((b) => b.at >= month.start && b.at < month.end);
        return thisMonth.length >= cap ? { code: 'CapReached' } : null;
      },
    });
    if (granted.ok) {
      if (!granted.value.duplicate || (retrying && !told('referrerBonus', granted.value.entry.key))) {
        changed ||= !granted.value.duplicate;
        notices.push({ kind: 'referrerBonus', referrer, friend, bonus: granted.value });
      }
    } else if (await this.once.claim(cappedKey, now)) {
      notices.push({ kind: 'referrerCapped', referrer, friend, cap });
    }
    return changed;
  }
}
