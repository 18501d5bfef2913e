// Automated campaigns, found by a sweep on a clock: a reminder of a reward waiting to be redeemed, a
// nudge when a card is close to a reward, a win-back after settings.winBackDays without a visit, and
// the owners' evening digest. Each fires at most once per trigger (a unique key names the trigger:
// the reward entry, the card's state, the lapse), only for customers who agreed to promotions, in
// daytime, and within the weekly marketing cap shared with broadcasts.
import type { Connection, Types } from 'mongoose';
import type { Locale } from '../locales.js';
import { localDateKey, toLocal } from '../business-time.js';
import { almostThereStamps, MARKETING_AUDIENCE } from '../broadcasts/segments.js';
import { customerModel } from '../customers/model.js';
import { storedBalance } from '../ledger/balance.js';
import { ledgerModel } from '../ledger/model.js';
import type { MarketingLog } from '../marketing.js';
import type { OnceKeys } from '../once.js';
import type { Settings, SettingsService } from '../settings.js';

export const CUSTOMER_CAMPAIGNS = ['rewardReminder', 'almostThere', 'winBack'] as const;
export type CustomerCampaign = (typeof CUSTOMER_CAMPAIGNS)[number];

/** A reward unredeemed this long gets a reminder. */
export const REWARD_REMINDER_AFTER_DAYS = 7;
/** A card close to a reward is nudged when its last stamp is this old (not right after the visit). */
export const ALMOST_THERE_AFTER_DAYS = 3;
/** A lapse older than winBackDays plus this is not written to any more. */
export const WIN_BACK_WINDOW_DAYS = 14;
/** Customers hear from campaigns only in these local hours (from inclusive, to exclusive). */
export const CAMPAIGN_HOURS = { from: 10, to: 20 } as const;
export const DIGEST_HOUR = 21;

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 200;

export interface CampaignTarget {
  customerId: Types.ObjectId;
  telegramId: number;
  locale: Locale;
}

export interface CampaignMessage {
  campaign: CustomerCampaign;
  vars: Record<string, string | number>;
}

export type CampaignSendOutcome = 'sent' | 'blocked' | 'failed';
export type CampaignSend = (target: CampaignTarget, message: CampaignMessage) => Promise<CampaignSendOutcome>;

interface Candidate {
  target: CampaignTarget;
  /** What this message is about; the same trigger never gets a second message. */
  trigger: string;
  vars: Record<string, string | number>;
}

export type SweepCounts = Record<CustomerCampaign, number> & { capped: number };

type TargetDoc = { _id: Types.ObjectId; telegramId?: number | null; locale: string };

function toTarget(doc: TargetDoc): CampaignTarget {
  return { customerId: doc._id, telegramId: Number(doc.telegramId), locale: doc.locale as Locale };
}

export class CampaignService {
  private readonly customers;
  private readonly ledger;

  constructor(
    conn: Connection,
    private readonly settings: SettingsService,
    private readonly marketing: MarketingLog,
    private readonly once: OnceKeys,
  ) {
    this.customers = customerModel(conn);
    this.ledger = ledgerModel(conn);
  }

  /** Runs every switched-on customer campaign once over everyone it concerns. */
  async sweepCustomers(now: Date, send: CampaignSend): Promise<SweepCounts> {
    const settings = await this.settings.get();
    const counts: SweepCounts = { rewardReminder: 0, almostThere: 0, winBack: 0, capped: 0 };
    const hour = toLocal(now, settings.timeZone).hour;
    if (hour < CAMPAIGN_HOURS.from || hour >= CAMPAIGN_HOURS.to) return counts;
    const undone = await this.ledger.distinct('undoes', { type: 'undo', undoes: { $ne: null } });

    const campaigns: Record<CustomerCampaign, () => AsyncGenerator<Candidate>> = {
      rewardReminder: () => this.rewardReminders(now, settings, undone),
      almostThere: () => this.almostThere(now, settings),
      winBack: () => this.winBacks(now, settings),
    };
    for (const campaign of CUSTOMER_CAMPAIGNS) {
      if (!settings.campaigns[campaign]) continue;
      for await (const candidate of campaigns[campaign]()) {
        const outcome = await this.offer(campaign, candidate, now, settings, send);
        if (outcome === 'sent') counts[campaign]++;
        if (outcome === 'capped') counts.capped++;
      }
    }
    return counts;
  }

  private async offer(
    campaign: CustomerCampaign,
    { target, trigger, vars }: Candidate,
    now: Date,
    settings: Settings,
    send: CampaignSend,
  ): Promise<'sent' | 'capped' | 'notSent'> {
    const key = `campaign:${campaign}:${String(target.customerId)}:${trigger}`;
    if (await this.once.isClaimed(key)) return 'notSent';
    // Not this week: the trigger stays open, and a later sweep may still send it.
    const slot = await this.marketing.reserve(target.customerId, `campaign:${campaign}`, now, settings.marketingMaxPerWeek, settings.timeZone);
    if (!slot.ok) return 'capped';
    if (!(await this.once.claim(key, now))) {
      await this.marketing.release(slot.slot);
      return 'notSent';
    }
    const outcome = await send(target, { campaign, vars });
    if (outcome === 'sent') return 'sent';
    await this.marketing.release(slot.slot);
    if (outcome === 'blocked') await this.customers.updateOne({ _id: target.customerId }, { $set: { unreachable: true } });
    return 'notSent';
  }

  /** Customers whose balance of `field` (the card snapshot) is at least `min`, with it, in id order. */
  private async *balances(field: 'stamps' | 'rewards', min: number) {
    const cursor = this.customers
      .find({ [`card.${field}`]: { $gte: min }, ...MARKETING_AUDIENCE }, { _id: 1, telegramId: 1, locale: 1, card: 1 })
      .sort({ _id: 1 })
      .lean()
      .cursor({ batchSize: BATCH });
    for await (const doc of cursor) {
      const { card, ...target } = doc as TargetDoc & { card?: unknown };
      yield { doc: target, total: storedBalance({ card })[field] };
    }
  }

  private async *rewardReminders(now: Date, settings: Settings, undone: Types.ObjectId[]): AsyncGenerator<Candidate> {
    const waitingSince = new Date(now.getTime() - REWARD_REMINDER_AFTER_DAYS * DAY_MS);
    for await (const { doc, total } of this.balances('rewards', 1)) {
      const latest = await this.ledger
        .findOne({ customerId: doc._id, type: 'reward', rewards: { $gt: 0 }, _id: { $nin: undone } }, { _id: 1, at: 1 })
        .sort({ at: -1 })
        .lean();
      if (!latest || latest.at > waitingSince) continue;
      const target = toTarget(doc);
      yield { target, trigger: String(latest._id), vars: { rewards: total, reward: settings.rewardName[target.locale] } };
    }
  }

  private async *almostThere(now: Date, settings: Settings): AsyncGenerator<Candidate> {
    const quietSince = new Date(now.getTime() - ALMOST_THERE_AFTER_DAYS * DAY_MS);
    for await (const { doc, total } of this.balances('stamps', almostThereStamps(settings.stampsPerReward))) {
      if (total >= settings.stampsPerReward) continue;
      // The card's current state is named by its newest entry: a new stamp is a new trigger.
      const latest = await this.ledger.findOne({ customerId: doc._id }, { _id: 1, at: 1 }).sort({ at: -1, _id: -1 }).lean();
      if (!latest || latest.at > quietSince) continue;
      const target = toTarget(doc);
      yield {
        target,
        trigger: String(latest._id),
        vars: { missing: settings.stampsPerReward - total, reward: settings.rewardName[target.locale] },
      };
    }
  }

  private async *winBacks(now: Date, settings: Settings): AsyncGenerator<Candidate> {
    const lapsedBy = new Date(now.getTime() - settings.winBackDays * DAY_MS);
    const notBefore = new Date(lapsedBy.getTime() - WIN_BACK_WINDOW_DAYS * DAY_MS);
    const cursor = this.customers
      .find({ lastVisitAt: { $lte: lapsedBy, $gt: notBefore }, ...MARKETING_AUDIENCE }, { _id: 1, telegramId: 1, locale: 1, lastVisitAt: 1 })
      .sort({ _id: 1 })
      .lean()
      .cursor({ batchSize: BATCH });
    for await (const doc of cursor) {
      const target = toTarget(doc);
      yield {
        target,
        trigger: doc.lastVisitAt!.toISOString(),
        vars: { days: settings.winBackDays, reward: settings.rewardName[target.locale] },
      };
    }
  }

  /**
   * True once per owner and business day, from 21:00 local time on, when the digest is switched on:
   * the caller then sends it.
   */
  async claimDigest(ownerId: number, now: Date): Promise<boolean> {
    const settings = await this.settings.get();
    if (!settings.campaigns.dailyDigest) return false;
    if (toLocal(now, settings.timeZone).hour < DIGEST_HOUR) return false;
    return this.once.claim(`campaign:dailyDigest:${ownerId}:${localDateKey(now, settings.timeZone)}`, now);
  }
}
