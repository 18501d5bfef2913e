// Visits and rewards: what staff do with a customer's card.
//
// Every change to a card is one ledger entry appended through domain/ledger/append.ts, which decides on
// the customer's history and takes the next position in it: stamps, conversions and redemptions on the
// card snapshot kept on the customer document (domain/ledger/snapshot.ts), the rest on a full replay;
// either way the (customer, position) index makes the decision one on exactly the history before it.
// Hence:
// - Exactly once. A stamp from a card screen has the key `stamp:<screen id>`, a redemption
//   `redeem:<screen id>`, an undo `undo:<entry id>`, a conversion `reward:<customer>:<ordinal>`, an
//   expiry `expire:<conversion id>`. Double taps, replayed updates and presses by two staff members on
//   one screen all compete for one key; the losers find the winner's entry and report a duplicate.
// - Limits that hold under races. Cooldown and daily cap are checked against the history a stamp is
//   appended after. Two screens opened for the same customer cannot both pass the cooldown: the second
//   stamp to reach the ledger loses the position race, reads again, and now sees the first visit.
// - Balances never negative. Conversion, redemption, undo and expiry are each decided against the exact
//   history before them, and each keeps stamps and rewards at zero or above.
//
// Rules a café owner would ask about:
// - Reaching N stamps converts N of them into one reward ('reward' entry: -N stamps, +1 reward);
//   rewards accumulate. Redemption consumes the oldest reward ('redeem': -1 reward).
// - Undo ('undo' entry, undoes = the entry) takes back exactly what the operation added, within 10 minutes,
//   by the same staff member or an owner. If the stamps to take back already completed a card, the reward
//   they completed is taken back too and its stamps return: 7/8, +1 → 0/8 and 1 reward, undo → 7/8 and no
//   reward. If that reward has been redeemed meanwhile, the undo is refused (RewardAlreadyRedeemed):
//   the coffee is gone, and the audit line shows who gave it. Undoing a redemption gives the reward back.
// - Expiry (settings.rewardExpiryDays > 0): a reward not redeemed within that many days gets an
//   'expire' entry. A job sweeps at each reward's expiry time; the card screen and redemption also
//   expire due rewards first, so an expired reward is never handed out even if a sweep is late.
import { Types, type Connection } from 'mongoose';
import type { Clock } from '../clock.js';
import type { JobQueue } from '../ports.js';
import type { SettingsService, Settings } from '../settings.js';
import { customerModel, type CustomerDoc } from '../customers/model.js';
import { appendEntry, appendOnCard } from '../ledger/append.js';
import { rebuildSnapshot, snapshotOf, storedSnapshot, type CardSnapshot } from '../ledger/snapshot.js';
import { LedgerHistory } from '../ledger/history.js';
import { ledgerModel, type LedgerEntry } from '../ledger/model.js';
import { balanceOf, type Balance } from '../ledger/balance.js';
import { err, ok, type Result } from '../result.js';
// The business day is the calendar day in the owner's time zone: a café in Sofia must not see its
// daily cap reset at 02:00 local time.
import { startOfLocalDay as startOfBusinessDay } from '../business-time.js';
import type { CardNotFound, RedeemError, UndoError, VisitError } from './errors.js';

export const UNDO_MINUTES = 10;
/** How long a card screen can be used after it was opened. */
export const CARD_SCREEN_MINUTES = 30;
/** Card screens closed with Cancel are remembered on the customer, this many of the newest. */
const CLOSED_SCREENS_KEPT = 20;
export const REWARD_EXPIRY_JOB = 'reward-expiry';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const UNDOABLE = new Set(['stamp', 'bonus', 'redeem']);

/** What the card screen shows staff. */
export interface CardView {
  customer: CustomerDoc;
  stamps: number;
  rewards: number;
  stampsPerReward: number;
  maxStampsPerVisit: number;
  lastVisitAt: Date | null;
  /** When the cooldown ends, if a stamp is not possible now. */
  cooldownUntil: Date | null;
  /** Stamps the daily cap still allows today. */
  stampsLeftToday: number;
}

export interface VisitConfirmed {
  entry: LedgerEntry;
  customer: CustomerDoc;
  /** The stamps were already added by an earlier press of the same screen: nothing new happened. */
  duplicate: boolean;
  /** No earlier visit of this customer counts (none, or all undone): referral programs hook in here. */
  firstVisit: boolean;
  /** Rewards completed by this visit. */
  rewardsEarned: number;
  balance: Balance;
  stampsPerReward: number;
  /** Errors thrown by visitConfirmed hooks: the visit stands regardless; the caller logs them. */
  hookFailures: unknown[];
  /** The card as this confirmation left it (what the screen shows next); absent for a duplicate. */
  view?: CardView;
}

export interface RewardRedeemed {
  entry: LedgerEntry;
  customer: CustomerDoc;
  duplicate: boolean;
  balance: Balance;
  /** The card as this redemption left it. */
  view: CardView;
}

export interface OperationUndone {
  undo: LedgerEntry;
  undone: LedgerEntry;
  customer: CustomerDoc;
  balance: Balance;
  stampsPerReward: number;
  /** Errors thrown by operationUndone hooks: the undo stands regardless; the caller logs them. */
  hookFailures: unknown[];
}

export interface RewardsExpired {
  customer: CustomerDoc;
  count: number;
  balance: Balance;
}

/** Bonus stamps the program gave (a review, an invitation): see grantBonus. */
export interface BonusGranted {
  entry: LedgerEntry;
  /** The bonus had been written already (same key): nothing new happened. */
  duplicate: boolean;
  /** Rewards completed by the bonus stamps. */
  rewardsEarned: number;
  balance: Balance;
  stampsPerReward: number;
}

/** Seams for reviews and referrals (issue 6): called after the ledger entry is written. */
/** `customer` is the document the visit was decided on (read just before the stamp): no need to read it again. */
export type VisitConfirmedHook = (event: { customerId: Types.ObjectId; customer: CustomerDoc; entry: LedgerEntry; firstVisit: boolean }) => Promise<void>;
export type OperationUndoneHook = (event: { customerId: Types.ObjectId; undone: LedgerEntry; undo: LedgerEntry }) => Promise<void>;

export interface StaffActor {
  staffId: number;
  isOwner: boolean;
}

type Settled = { code: 'Settled' };

export class VisitsService {
  readonly hooks = {
    visitConfirmed: [] as VisitConfirmedHook[],
    operationUndone: [] as OperationUndoneHook[],
  };
  private readonly customers;
  private readonly ledger;

  constructor(
    private readonly conn: Connection,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly jobs: JobQueue,
  ) {
    this.customers = customerModel(conn);
    this.ledger = ledgerModel(conn);
  }

  /** Stamps and rewards on a card: the sum over its ledger. */
  async balanceOf(customerId: Types.ObjectId | string): Promise<Balance> {
    return balanceOf(this.conn, customerId);
  }

  /** A card that exists and was not erased. */
  async findCard(customerId: Types.ObjectId | string): Promise<CustomerDoc | null> {
    if (!Types.ObjectId.isValid(customerId)) return null;
    return this.customers.findOne({ _id: customerId, deletedAt: null }).lean<CustomerDoc>();
  }

  async findCardByToken(cardToken: string): Promise<CustomerDoc | null> {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(cardToken)) return null;
    return this.customers.findOne({ cardToken, deletedAt: null }).lean<CustomerDoc>();
  }

  /** By the canonical card number (see domain/cards/card-number.ts). */
  async findCardByNumber(cardNumber: string): Promise<CustomerDoc | null> {
    return this.customers.findOne({ cardNumber, deletedAt: null }).lean<CustomerDoc>();
  }

  async cardOf(customerId: Types.ObjectId): Promise<Result<CardView, CardNotFound>> {
    const customer = await this.findCard(customerId);
    if (!customer) return err({ code: 'CardNotFound' });
    return ok(await this.viewOf(customer));
  }

  /** The card as the customer document read just now says (its snapshot): no further read. */
  async viewOf(customer: CustomerDoc, card?: CardSnapshot): Promise<CardView> {
    const settings = await this.settings.get();
    const snapshot = card ?? storedSnapshot(customer) ?? (await rebuildSnapshot(this.conn, customer._id)).snapshot;
    return cardViewOf(customer, snapshot, settings, this.clock.now());
  }

  /** Cancel on a card screen: its buttons stamp and redeem no more (checked with the card, no extra read). */
  async closeScreen(customerId: Types.ObjectId | string, operationId: string): Promise<void> {
    const customer = await this.findCard(customerId);
    if (!customer || customer.closedScreens?.includes(operationId)) return;
    const closed = [...(customer.closedScreens ?? []), operationId].slice(-CLOSED_SCREENS_KEPT);
    await this.customers.updateOne({ _id: customer._id }, { $set: { closedScreens: closed } });
  }

  /** Stamps a visit: `operationId` is the card screen, so pressing it again never stamps twice. */
  async confirmVisit(input: {
    customerId: Types.ObjectId | string;
    staffId: number;
    stamps: number;
    operationId: string;
  }): Promise<Result<VisitConfirmed, VisitError>> {
    const customer = await this.findCard(input.customerId);
    if (!customer) return err({ code: 'CardNotFound' });
    if (customer.closedScreens?.includes(input.operationId)) return err({ code: 'ScreenExpired' });
    if (customer.telegramId === input.staffId) return err({ code: 'OwnCard' });
    const settings = await this.settings.get();
    const max = settings.maxStampsPerVisit;
    if (!Number.isInteger(input.stamps) || input.stamps < 1 || input.stamps > max) {
      return err({ code: 'TooManyStamps', max });
    }

    const now = this.clock.now();
    const appended = await appendOnCard<VisitError>(this.conn, customer._id, storedSnapshot(customer), now, {
      key: `stamp:${input.operationId}`,
      decide: (card) => {
        const limits = visitLimits(card, settings, now);
        if (limits.cooldownUntil) return err({ code: 'CooldownActive', until: limits.cooldownUntil });
        if (input.stamps > limits.stampsLeftToday) {
          return err({ code: 'DailyCapReached', cap: settings.dailyCap, left: limits.stampsLeftToday });
        }
        return ok({
          type: 'stamp',
          stamps: input.stamps,
          staffId: input.staffId,
          reason: 'visit',
          key: `stamp:${input.operationId}`,
        });
      },
    });
    if (!appended.ok) return appended;
    const { entry, before, after, duplicate } = appended.value;
    if (duplicate) {
      return ok({
        entry,
        customer,
        duplicate,
        firstVisit: false,
        rewardsEarned: 0,
        balance: { stamps: after.stamps, rewards: after.rewards },
        stampsPerReward: settings.stampsPerReward,
        hookFailures: [],
      });
    }

    const firstVisit = before.visits === 0;
    const { earned, card } = await this.settleRewards(customer._id, after, settings, now);
    if (earned > 0) await this.scheduleExpiry(settings, now);
    const hookFailures = await runHooks(this.hooks.visitConfirmed, { customerId: customer._id, customer, entry, firstVisit });
    return ok({
      entry,
      customer,
      duplicate: false,
      firstVisit,
      rewardsEarned: earned,
      balance: { stamps: card.stamps, rewards: card.rewards },
      stampsPerReward: settings.stampsPerReward,
      hookFailures,
      view: cardViewOf(customer, card, settings, now),
    });
  }

  /** Hands out one reward (the oldest); `operationId` is the card screen. */
  async redeemReward(input: {
    customerId: Types.ObjectId | string;
    staffId: number;
    operationId: string;
  }): Promise<Result<RewardRedeemed, RedeemError>> {
    const customer = await this.findCard(input.customerId);
    if (!customer) return err({ code: 'CardNotFound' });
    if (customer.closedScreens?.includes(input.operationId)) return err({ code: 'ScreenExpired' });
    if (customer.telegramId === input.staffId) return err({ code: 'OwnCard' });
    const settings = await this.settings.get();
    const now = this.clock.now();
    const stored = storedSnapshot(customer);
    const expired = await this.expireDue(customer._id, settings, now, stored);

    const key = `redeem:${input.operationId}`;
    const appended = await appendOnCard<RedeemError>(this.conn, customer._id, expired > 0 ? undefined : stored, now, {
      key,
      decide: (card) =>
        card.rewards >= 1
          ? ok({ type: 'redeem', rewards: -1, staffId: input.staffId, reason: 'redeem', key })
          : err({ code: 'NoRewardAvailable' }),
    });
    if (!appended.ok) return appended;
    const { entry, after, duplicate } = appended.value;
    return ok({
      entry,
      customer,
      duplicate,
      balance: { stamps: after.stamps, rewards: after.rewards },
      view: cardViewOf(customer, after, settings, now),
    });
  }

  /** Staff take back their own operation within 10 minutes; owners anyone's. Undoing twice undoes once. */
  async undoOperation(input: { entryId: string } & StaffActor): Promise<Result<OperationUndone, UndoError>> {
    if (!Types.ObjectId.isValid(input.entryId)) return err({ code: 'OperationNotFound' });
    const target = await this.ledger.findById(input.entryId).lean<LedgerEntry>();
    if (!target) return err({ code: 'OperationNotFound' });
    if (!UNDOABLE.has(target.type)) return err({ code: 'NotUndoable' });
    if (await this.ledger.exists({ key: `undo:${String(target._id)}` })) return err({ code: 'AlreadyUndone' });
    if (!input.isOwner && target.staffId !== input.staffId) return err({ code: 'UndoForbidden' });
    const now = this.clock.now();
    if (now.getTime() - target.at.getTime() > UNDO_MINUTES * MINUTE) return err({ code: 'UndoExpired' });
    return this.reverseEntry(target, input.staffId, now);
  }

  /**
   * Takes an operation back without the staff rules (for the program itself, e.g. a referral bonus
   * whose visit was undone). Undoing twice undoes once.
   */
  async reverseEntry(
    target: LedgerEntry,
    staffId: number | null,
    now: Date = this.clock.now(),
  ): Promise<Result<OperationUndone, UndoError>> {
    const customer = await this.customers.findById(target.customerId).lean<CustomerDoc>();
    if (!customer) return err({ code: 'OperationNotFound' });
    const settings = await this.settings.get();
    const key = `undo:${String(target._id)}`;
    const appended = await appendEntry<UndoError>(this.conn, target.customerId, now, {
      key,
      decide: (history) => {
        const delta = reversal(target, history, settings.stampsPerReward);
        if (!delta.ok) return delta;
        return ok({ type: 'undo', ...delta.value, staffId, reason: 'undo', key, undoes: target._id });
      },
    });
    if (!appended.ok) return appended;
    if (appended.value.duplicate) return err({ code: 'AlreadyUndone' });
    const { entry: undo, after: history } = appended.value;
    const hookFailures = await runHooks(this.hooks.operationUndone, { customerId: target.customerId, undone: target, undo });
    return ok({
      undo,
      undone: target,
      customer,
      balance: { stamps: history.stamps, rewards: history.rewards },
      stampsPerReward: settings.stampsPerReward,
      hookFailures,
    });
  }

  /**
   * Bonus stamps from the program itself (reason 'review', 'referral-friend', 'referral-referrer'),
   * exactly once per `key`. `refuse` sees the customer's exact history before the entry (as limits on
   * visits do), so a rule such as "one review bonus per period" holds under races. A bonus that
   * completes a card converts it like a visit does.
   */
  async grantBonus<E extends { code: string }>(input: {
    customerId: Types.ObjectId;
    stamps: number;
    reason: string;
    key: string;
    /** The visit the bonus is for. */
    refersTo?: Types.ObjectId | null;
    refuse?: (history: LedgerHistory) => E | null;
  }): Promise<Result<BonusGranted, E>> {
    const settings = await this.settings.get();
    const now = this.clock.now();
    const appended = await appendEntry<E>(this.conn, input.customerId, now, {
      key: input.key,
      decide: (history) => {
        const refused = input.refuse?.(history);
        if (refused) return err(refused);
        return ok({
          type: 'bonus',
          stamps: input.stamps,
          staffId: null,
          reason: input.reason,
          key: input.key,
          refersTo: input.refersTo ?? null,
        });
      },
    });
    if (!appended.ok) return appended;
    const { entry, after, duplicate } = appended.value;
    let earned = 0;
    let card = snapshotOf(after);
    if (!duplicate) {
      ({ earned, card } = await this.settleRewards(input.customerId, card, settings, now));
      if (earned > 0) await this.scheduleExpiry(settings, now);
    }
    return ok({
      entry,
      duplicate,
      rewardsEarned: earned,
      balance: { stamps: card.stamps, rewards: card.rewards },
      stampsPerReward: settings.stampsPerReward,
    });
  }

  /**
   * Writes an expiry entry for every reward older than settings.rewardExpiryDays, for one customer or
   * (a sweep) for all. Nothing happens when expiry is off.
   */
  async expireRewards(options: { customerId?: Types.ObjectId; customer?: CustomerDoc } = {}): Promise<RewardsExpired[]> {
    const settings = await this.settings.get();
    if (settings.rewardExpiryDays <= 0) return [];
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - settings.rewardExpiryDays * DAY);
    const customerIds = options.customer
      ? [options.customer._id]
      : options.customerId
        ? [options.customerId]
        : (await this.ledger.distinct('customerId', { type: 'reward', at: { $lte: cutoff } })).map(
            (id) => new Types.ObjectId(String(id)),
          );
    const expired: RewardsExpired[] = [];
    for (const customerId of customerIds) {
      // A card screen passes the customer it has just read: nothing due means no further read.
      const card = options.customer ? storedSnapshot(options.customer) : undefined;
      const count = await this.expireDue(customerId, settings, now, card);
      if (count === 0) continue;
      const customer = await this.customers.findById(customerId).lean<CustomerDoc>();
      const snapshot = customer ? storedSnapshot(customer) : undefined;
      if (customer && snapshot) expired.push({ customer, count, balance: { stamps: snapshot.stamps, rewards: snapshot.rewards } });
    }
    return expired;
  }

  /**
   * Makes sure a sweep runs at the next full hour (at start-up, and after every settings change: the
   * owner may have turned expiry on, or shortened it, for rewards that already exist).
   */
  async scheduleExpirySweep(): Promise<void> {
    const settings = await this.settings.get();
    if (settings.rewardExpiryDays > 0) await this.scheduleSweepAt(ceilToHour(this.clock.now()));
  }

  /**
   * After a sweep: the next one at the expiry time of the oldest reward that has not expired yet, so
   * that rewards earned before expiry was turned on (which have no sweep of their own) expire on time.
   */
  async scheduleNextExpirySweep(): Promise<void> {
    const settings = await this.settings.get();
    if (settings.rewardExpiryDays <= 0) return;
    const cutoff = new Date(this.clock.now().getTime() - settings.rewardExpiryDays * DAY);
    const next = await this.ledger.findOne({ type: 'reward', at: { $gt: cutoff } }, { at: 1 }).sort({ at: 1 }).lean<{ at: Date }>();
    if (next) await this.scheduleSweepAt(ceilToHour(new Date(next.at.getTime() + settings.rewardExpiryDays * DAY)));
  }

  private async scheduleExpiry(settings: Settings, convertedAt: Date): Promise<void> {
    if (settings.rewardExpiryDays <= 0) return;
    await this.scheduleSweepAt(ceilToHour(new Date(convertedAt.getTime() + settings.rewardExpiryDays * DAY)));
  }

  private async scheduleSweepAt(at: Date): Promise<void> {
    const slot = at.toISOString();
    await this.jobs.schedule(REWARD_EXPIRY_JOB, at, { at: slot }, { 'data.at': slot });
  }

  private async expireDue(customerId: Types.ObjectId, settings: Settings, now: Date, card?: CardSnapshot): Promise<number> {
    if (settings.rewardExpiryDays <= 0) return 0;
    const cutoff = now.getTime() - settings.rewardExpiryDays * DAY;
    // The snapshot read with the customer knows the rewards' dates: usually nothing is due.
    if (card && !card.lots.some((lot) => lot.at.getTime() <= cutoff)) return 0;
    let count = 0;
    for (;;) {
      const history = await LedgerHistory.load(this.conn, customerId);
      const due = history.lots.find((lot) => lot.at.getTime() <= cutoff);
      if (!due) return count;
      const key = `expire:${String(due.conversionId)}`;
      const appended = await appendEntry<Settled>(this.conn, customerId, now, {
        key,
        decide: (latest) =>
          latest.lots.some((lot) => lot.conversionId.equals(due.conversionId))
            ? ok({ type: 'expire', rewards: -1, reason: 'expiry', key, refersTo: due.conversionId })
            : err({ code: 'Settled' }),
      });
      if (!appended.ok || appended.value.duplicate) return count;
      count++;
    }
  }

  /** Turns every full set of N stamps into a reward; returns how many this call wrote. */
  private async settleRewards(
    customerId: Types.ObjectId,
    card: CardSnapshot,
    settings: Settings,
    now: Date,
  ): Promise<{ earned: number; card: CardSnapshot }> {
    const size = settings.stampsPerReward;
    let earned = 0;
    let latest = card;
    while (latest.stamps >= size) {
      const key = `reward:${String(customerId)}:${latest.conversions + 1}`;
      const appended = await appendOnCard<Settled>(this.conn, customerId, latest, now, {
        key,
        decide: (current) =>
          current.stamps >= size && `reward:${String(customerId)}:${current.conversions + 1}` === key
            ? ok({ type: 'reward', stamps: -size, rewards: 1, reason: 'conversion', key })
            : err({ code: 'Settled' }),
      });
      // Settled: someone else converted meanwhile, and the history they appended to includes ours.
      if (!appended.ok || appended.value.duplicate) {
        return { earned, card: (await rebuildSnapshot(this.conn, customerId)).snapshot };
      }
      earned++;
      latest = appended.value.after;
    }
    return { earned, card: latest };
  }
}

/** What the card screen shows, from a snapshot of the card. */
function cardViewOf(customer: CustomerDoc, card: CardSnapshot, settings: Settings, now: Date): CardView {
  const limits = visitLimits(card, settings, now);
  return {
    customer,
    stamps: card.stamps,
    rewards: card.rewards,
    stampsPerReward: settings.stampsPerReward,
    maxStampsPerVisit: settings.maxStampsPerVisit,
    lastVisitAt: card.lastVisitAt,
    cooldownUntil: limits.cooldownUntil,
    stampsLeftToday: limits.stampsLeftToday,
  };
}

/** Runs every hook, each once, whatever the others do; returns what they threw. */
async function runHooks<E>(hooks: ((event: E) => Promise<void>)[], event: E): Promise<unknown[]> {
  const failures: unknown[] = [];
  for (const hook of hooks) {
    try {
      await hook(event);
    } catch (error) {
      failures.push(error);
    }
  }
  return failures;
}

/** Whether a visit can be stamped now, from the visits that count. */
export function visitLimits(
  card: Pick<CardSnapshot, 'lastVisitAt' | 'recentVisits'>,
  settings: Pick<Settings, 'cooldownMinutes' | 'dailyCap' | 'timeZone'>,
  now: Date,
): { cooldownUntil: Date | null; stampsLeftToday: number } {
  const cooldownEnds = card.lastVisitAt ? card.lastVisitAt.getTime() + settings.cooldownMinutes * MINUTE : 0;
  const dayStart = startOfBusinessDay(now, settings.timeZone).getTime();
  const today = card.recentVisits.filter((v) => v.at.getTime() >= dayStart).reduce((sum, v) => sum + v.stamps, 0);
  return {
    cooldownUntil: cooldownEnds > now.getTime() ? new Date(cooldownEnds) : null,
    stampsLeftToday: Math.max(0, settings.dailyCap - today),
  };
}

/** The stamp and reward changes that take `target` back, given the history now (see the header). */
function reversal(
  target: LedgerEntry,
  history: LedgerHistory,
  stampsPerReward: number,
): Result<{ stamps: number; rewards: number }, UndoError> {
  if (history.undoOf(target._id)) return err({ code: 'AlreadyUndone' });
  if (target.stamps > 0) {
    const shortBy = target.stamps - history.stamps;
    if (shortBy <= 0) return ok({ stamps: -target.stamps, rewards: 0 });
    const size = history.lastConversionSize ?? stampsPerReward;
    const rewardsBack = Math.ceil(shortBy / size);
    if (history.rewards < rewardsBack) return err({ code: 'RewardAlreadyRedeemed' });
    return ok({ stamps: -target.stamps + rewardsBack * size, rewards: -rewardsBack });
  }
  return ok({ stamps: 0 - target.stamps, rewards: 0 - target.rewards });
}

function ceilToHour(at: Date): Date {
  const hour = 60 * MINUTE;
  return new Date(Math.ceil(at.getTime() / hour) * hour);
}
