// Reviews: some time after a staff-confirmed visit (settings.reviewDelayMinutes) the customer is asked
// to rate it 1–5 and may add a line. Rules a café owner would ask about:
// - One request per visit at most (a unique request per visit), one review per visit (a unique review
//   per visit). The request job is scheduled by the visit itself (the visits service's hook) and reads
//   the on/off switch (settings.campaigns.reviewRequest) when it is due.
// - A visit that was undone is not asked about, and cannot be rated: its request job is cancelled with
//   the undo, and every step checks again that the visit still counts.
// - "Leave a review" in the menu offers the customer's most recent visit that counts, if it has no
//   review yet; it is the same request (asking again about it is the customer's own wish).
// - A review earns settings.reviewBonusStamps at most once per settings.reviewBonusPeriodDays (a rolling
//   period: no two review bonuses closer than that). The bonus is a ledger entry (type 'bonus', reason
//   'review', key `review:<review id>`) decided on the customer's exact history, so two reviews rated at
//   the same moment cannot both pass the period. A review inside the period is thanked, not rewarded.
// - After the rating the customer has COMMENT_WINDOW_MINUTES to add a line (or skip). Then the review
//   is passed on (to the staff group, and to the owners when the rating is 3 or lower) exactly once:
//   whichever comes first — the line, Skip, or the job at the end of the window — claims it.
// - An owner may answer a review (the Reply button under a low rating): the answer reaches the customer
//   in the bot, in the business's name, and is kept with the review.
// - The invitation to a public review (settings.publicReviewUrl) is not decided here: it goes to every
//   reviewer alike and has nothing to do with the bonus, which is for the feedback given in the bot.
import { Types, type Connection } from 'mongoose';
import type { Clock } from '../clock.js';
import type { JobQueue } from '../ports.js';
import type { OnceKeys } from '../once.js';
import type { Settings, SettingsService } from '../settings.js';
import { customerModel, type CustomerDoc } from '../customers/model.js';
import { LedgerHistory } from '../ledger/history.js';
import { ledgerModel, type LedgerEntry } from '../ledger/model.js';
import type { BonusGranted, VisitsService } from '../visits/service.js';
import { err, isDuplicateKeyError, ok, type Result } from '../result.js';
import { reviewModel, reviewRequestModel, type ReviewDoc, type ReviewRequestDoc } from './model.js';

/** One visit's request: how requests were scheduled before REVIEW_REQUESTS_JOB; jobs still queued so keep working. */
export const REVIEW_REQUEST_JOB = 'review-request';
/**
 * The requests of every visit whose question falls due in one minute (data: that minute and the delay
 * the visits were confirmed under). Visits of a busy minute share one job, and an instance that has
 * scheduled a minute's job does not schedule it again, so a visit usually costs no job write at all.
 */
export const REVIEW_REQUESTS_JOB = 'review-requests';
/** The minute a review request is asked in: at most this much after the set delay. */
export const REVIEW_SLOT_MS = 60_000;
export const REVIEW_PUBLISH_JOB = 'review-publish';
export const REVIEW_BONUS_REASON = 'review';
/** The longest line a customer may add to a rating. */
export const COMMENT_MAX_CHARS = 500;
/** How long after the rating the customer may still add a line. */
export const COMMENT_WINDOW_MINUTES = 15;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export type RequestsOff = { code: 'RequestsOff' };
export type CardGone = { code: 'CardGone' };
/** The visit is unknown, not this customer's, or was undone: there is nothing to rate. */
export type VisitNotCounted = { code: 'VisitNotCounted' };
export type AlreadyAsked = { code: 'AlreadyAsked' };
export type AlreadyReviewed = { code: 'AlreadyReviewed' };
export type NoVisit = { code: 'NoVisit' };
/** Unknown or forged request, or someone else's. */
export type RequestNotFound = { code: 'RequestNotFound' };
export type ReviewNotFound = { code: 'ReviewNotFound' };
/** The review has been passed on already (or its window ended): no line can be added any more. */
export type CommentClosed = { code: 'CommentClosed' };
export type CommentTooLong = { code: 'CommentTooLong'; max: number; length: number };
export type CommentEmpty = { code: 'CommentEmpty' };
/** The reviewer erased their data (or never had a Telegram account on the card): nobody to answer. */
export type ReviewerGone = { code: 'ReviewerGone' };
export type ReplyError = ReviewNotFound | ReviewerGone | CommentTooLong | CommentEmpty;
/** The longest answer an owner may send to a reviewer. */
export const REPLY_MAX_CHARS = 1000;
type BonusTooSoon = { code: 'BonusTooSoon'; nextAt: Date };

export type DueRequestError = RequestsOff | CardGone | VisitNotCounted | AlreadyAsked | AlreadyReviewed;
export type LastVisitError = NoVisit | AlreadyReviewed;
export type RateError = RequestNotFound | VisitNotCounted | AlreadyReviewed;
export type CommentError = ReviewNotFound | CommentClosed | CommentTooLong | CommentEmpty;

export interface ReviewRequest {
  request: ReviewRequestDoc;
  customer: CustomerDoc;
}

export interface Rated {
  review: ReviewDoc;
  customer: CustomerDoc;
  /** The bonus stamps this review earned, or null. */
  bonus: BonusGranted | null;
  /** When a review bonus was given within the period: the first moment the next one can be. */
  bonusNextAt: Date | null;
  /** settings.reviewBonusPeriodDays when the rating was given. */
  bonusPeriodDays: number;
}

export interface Published {
  review: ReviewDoc;
  /** The customer as they are now (an erased one has no name or phone any more). */
  customer: CustomerDoc | null;
}

/** The newest review bonus that still counts (not undone). */
function lastReviewBonus(history: LedgerHistory): LedgerEntry | undefined {
  return history.entries.filter((e) => e.type === 'bonus' && e.reason === REVIEW_BONUS_REASON && !history.undoOf(e._id)).at(-1);
}

/** Characters as a person counts them (an emoji is one). */
function lengthOf(text: string): number {
  return [...text].length;
}

export class ReviewService {
  private readonly requests;
  private readonly reviews;
  private readonly customers;

  constructor(
    private readonly conn: Connection,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly jobs: JobQueue,
    private readonly visits: VisitsService,
    private readonly once: OnceKeys,
  ) {
    this.requests = reviewRequestModel(conn);
    this.reviews = reviewModel(conn);
    this.customers = customerModel(conn);
    // Every confirmed visit schedules its review request; an undone one takes it back.
    visits.hooks.visitConfirmed.push((event) => this.scheduleRequest(event.customerId, event.entry));
    visits.hooks.operationUndone.push((event) => this.cancelRequest(event.undone));
  }

  /** The minutes this instance has scheduled a REVIEW_REQUESTS_JOB for (the job exists in the database). */
  private readonly scheduledSlots = new Map<string, number>();

  private async scheduleRequest(_customerId: Types.ObjectId, visit: LedgerEntry): Promise<void> {
    const { reviewDelayMinutes } = await this.settings.get();
    const slot = Math.ceil((visit.at.getTime() + reviewDelayMinutes * MINUTE) / REVIEW_SLOT_MS) * REVIEW_SLOT_MS;
    const at = new Date(slot).toISOString();
    const key = `${at}/${reviewDelayMinutes}`;
    // A slot's job runs at its minute, and every visit confirmed before that minute maps to a later
    // one, so a slot known here is one whose job is still waiting in the database.
    if (this.scheduledSlots.has(key)) return;
    await this.jobs.schedule(
      REVIEW_REQUESTS_JOB,
      new Date(slot),
      { at, delayMinutes: reviewDelayMinutes },
      { 'data.at': at, 'data.delayMinutes': reviewDelayMinutes },
    );
    this.scheduledSlots.set(key, slot);
    if (this.scheduledSlots.size > 500) {
      const now = this.clock.now().getTime();
      for (const [known, time] of this.scheduledSlots) if (time < now) this.scheduledSlots.delete(known);
    }
  }

  /**
   * The visits whose review request falls in the minute `at` under the delay they were confirmed
   * with: confirmed in the minute that ends `delayMinutes` before `at`. Undone visits and erased
   * customers are sorted out when each request is claimed (claimDueRequest).
   */
  async visitsDueIn(at: Date, delayMinutes: number): Promise<{ customerId: string; visitId: string }[]> {
    const to = at.getTime() - delayMinutes * MINUTE;
    const visits = await ledgerModel(this.conn)
      .find({ type: 'stamp', at: { $gt: new Date(to - REVIEW_SLOT_MS), $lte: new Date(to) } }, { customerId: 1 })
      .lean<{ _id: Types.ObjectId; customerId: Types.ObjectId }[]>();
    return visits.map((v) => ({ customerId: String(v.customerId), visitId: String(v._id) }));
  }

  private async cancelRequest(undone: LedgerEntry): Promise<void> {
    if (undone.type !== 'stamp') return;
    await this.jobs.cancel({ name: REVIEW_REQUEST_JOB, data: { visitId: String(undone._id) } });
  }

  /** The visit, if it is one of this customer's stamped visits that still counts. */
  private async countedVisit(customerId: Types.ObjectId, visitId: Types.ObjectId | string): Promise<Result<LedgerEntry, VisitNotCounted>> {
    if (!Types.ObjectId.isValid(visitId)) return err({ code: 'VisitNotCounted' });
    const history = await LedgerHistory.load(this.conn, customerId);
    const visit = history.entry(visitId);
    if (!visit || visit.type !== 'stamp' || history.undoOf(visit._id)) return err({ code: 'VisitNotCounted' });
    return ok(visit);
  }

  private async claimRequest(customerId: Types.ObjectId, visit: LedgerEntry): Promise<ReviewRequestDoc | null> {
    try {
      const created = await this.requests.create({ customerId, visitId: visit._id, visitAt: visit.at, askedAt: this.clock.now() });
      return created.toObject<ReviewRequestDoc>();
    } catch (error) {
      if (isDuplicateKeyError(error)) return null;
      throw error;
    }
  }

  /** The job's question after a visit: claims the one request this visit may have. */
  async claimDueRequest(customerId: string, visitId: string): Promise<Result<ReviewRequest, DueRequestError>> {
    const settings = await this.settings.get();
    if (!settings.campaigns.reviewRequest) return err({ code: 'RequestsOff' });
    const customer = await this.visits.findCard(customerId);
    if (!customer?.telegramId) return err({ code: 'CardGone' });
    const visit = await this.countedVisit(customer._id, visitId);
    if (!visit.ok) return visit;
    if (await this.reviews.exists({ visitId: visit.value._id })) return err({ code: 'AlreadyReviewed' });
    const request = await this.claimRequest(customer._id, visit.value);
    if (!request) return err({ code: 'AlreadyAsked' });
    return ok({ request, customer });
  }

  /** "Leave a review": the request for the customer's most recent visit that counts, if not yet reviewed. */
  async requestForLastVisit(customerId: Types.ObjectId): Promise<Result<ReviewRequest, LastVisitError>> {
    const customer = await this.visits.findCard(customerId);
    if (!customer) return err({ code: 'NoVisit' });
    const history = await LedgerHistory.load(this.conn, customer._id);
    const visit = history.visits.at(-1);
    if (!visit) return err({ code: 'NoVisit' });
    if (await this.reviews.exists({ visitId: visit._id })) return err({ code: 'AlreadyReviewed' });
    const request =
      (await this.claimRequest(customer._id, visit)) ??
      (await this.requests.findOne({ visitId: visit._id }).lean<ReviewRequestDoc>());
    if (!request) throw new Error('a review request that was just found taken is gone');
    return ok({ request, customer });
  }

  /** The customer's rating of the visit a request is about; the first rating stands. */
  async rate(input: { requestId: string; telegramId: number; rating: number }): Promise<Result<Rated, RateError>> {
    if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) return err({ code: 'RequestNotFound' });
    if (!Types.ObjectId.isValid(input.requestId)) return err({ code: 'RequestNotFound' });
    const request = await this.requests.findById(input.requestId).lean<ReviewRequestDoc>();
    if (!request) return err({ code: 'RequestNotFound' });
    const customer = await this.visits.findCard(request.customerId);
    if (!customer || customer.telegramId !== input.telegramId) return err({ code: 'RequestNotFound' });
    const visit = await this.countedVisit(customer._id, request.visitId);
    if (!visit.ok) return visit;

    const settings = await this.settings.get();
    const now = this.clock.now();
    let review: ReviewDoc;
    try {
      const created = await this.reviews.create({
        customerId: customer._id,
        visitId: request.visitId,
        requestId: request._id,
        visitAt: request.visitAt,
        rating: input.rating,
        at: now,
        commentUntil: new Date(now.getTime() + COMMENT_WINDOW_MINUTES * MINUTE),
      });
      review = created.toObject<ReviewDoc>();
    } catch (error) {
      if (isDuplicateKeyError(error)) return err({ code: 'AlreadyReviewed' });
      throw error;
    }

    const { bonus, bonusNextAt } = await this.grantBonus(review, settings, now);
    if (bonus) review.bonusStamps = bonus.entry.stamps;
    await this.jobs.schedule(
      REVIEW_PUBLISH_JOB,
      review.commentUntil,
      { customerId: String(customer._id), reviewId: String(review._id) },
      { 'data.reviewId': String(review._id) },
    );
    return ok({ review, customer, bonus, bonusNextAt, bonusPeriodDays: settings.reviewBonusPeriodDays });
  }

  private async grantBonus(review: ReviewDoc, settings: Settings, now: Date): Promise<{ bonus: BonusGranted | null; bonusNextAt: Date | null }> {
    if (settings.reviewBonusStamps <= 0) return { bonus: null, bonusNextAt: null };
    const period = settings.reviewBonusPeriodDays * DAY;
    const granted = await this.visits.grantBonus<BonusTooSoon>({
      customerId: review.customerId,
      stamps: settings.reviewBonusStamps,
      reason: REVIEW_BONUS_REASON,
      key: `review:${String(review._id)}`,
      refersTo: review.visitId,
      refuse: (history) => {
        const last = lastReviewBonus(history);
        if (!last || now.getTime() - last.at.getTime() >= period) return null;
        return { code: 'BonusTooSoon', nextAt: new Date(last.at.getTime() + period) };
      },
    });
    if (!granted.ok) return { bonus: null, bonusNextAt: granted.error.nextAt };
    await this.reviews.updateOne({ _id: review._id }, { $set: { bonusStamps: granted.value.entry.stamps } });
    return { bonus: granted.value, bonusNextAt: null };
  }

  /** The review, if it is this customer's and still takes a line. */
  async openForComment(reviewId: string, telegramId: number): Promise<Result<ReviewDoc, ReviewNotFound | CommentClosed>> {
    if (!Types.ObjectId.isValid(reviewId)) return err({ code: 'ReviewNotFound' });
    const review = await this.reviews.findById(reviewId).lean<ReviewDoc>();
    if (!review) return err({ code: 'ReviewNotFound' });
    const customer = await this.visits.findCard(review.customerId);
    if (!customer || customer.telegramId !== telegramId) return err({ code: 'ReviewNotFound' });
    if (review.publishedAt || this.clock.now() >= review.commentUntil) return err({ code: 'CommentClosed' });
    return ok(review);
  }

  /** The customer's line: the review is then passed on with it. */
  async addComment(input: { reviewId: string; telegramId: number; comment: string }): Promise<Result<Published, CommentError>> {
    const comment = input.comment.trim();
    if (comment.length === 0) return err({ code: 'CommentEmpty' });
    const length = lengthOf(comment);
    if (length > COMMENT_MAX_CHARS) return err({ code: 'CommentTooLong', max: COMMENT_MAX_CHARS, length });
    const open = await this.openForComment(input.reviewId, input.telegramId);
    if (!open.ok) return open;
    return this.publish(open.value, comment);
  }

  /** The customer pressed Skip: the review is passed on without a line. */
  async skipComment(input: { reviewId: string; telegramId: number }): Promise<Result<Published, ReviewNotFound | CommentClosed>> {
    const open = await this.openForComment(input.reviewId, input.telegramId);
    if (!open.ok) return open;
    return this.publish(open.value, null);
  }

  /** The end of the comment window (the job): passes the review on as it is, unless that happened already. */
  async publishDue(reviewId: string): Promise<Result<Published, ReviewNotFound | CommentClosed>> {
    if (!Types.ObjectId.isValid(reviewId)) return err({ code: 'ReviewNotFound' });
    const review = await this.reviews.findById(reviewId).lean<ReviewDoc>();
    if (!review) return err({ code: 'ReviewNotFound' });
    return this.publish(review, null);
  }

  private async publish(review: ReviewDoc, comment: string | null): Promise<Result<Published, CommentClosed>> {
    const now = this.clock.now();
    if (!(await this.once.claim(`review-published:${String(review._id)}`, now))) return err({ code: 'CommentClosed' });
    await this.reviews.updateOne({ _id: review._id }, { $set: { comment, publishedAt: now } });
    const customer = await this.customers.findById(review.customerId).lean<CustomerDoc>();
    return ok({ review: { ...review, comment, publishedAt: now }, customer });
  }

  /** Who an owner's answer to this review goes to, if they can still be reached. */
  async reviewer(reviewId: string): Promise<Result<{ review: ReviewDoc; customer: CustomerDoc }, ReviewNotFound | ReviewerGone>> {
    const review = await this.findReview(reviewId);
    if (!review) return err({ code: 'ReviewNotFound' });
    const customer = await this.visits.findCard(review.customerId);
    if (!customer?.telegramId) return err({ code: 'ReviewerGone' });
    return ok({ review, customer });
  }

  /** Keeps an owner's answer with the review; returns the customer to send it to. */
  async recordReply(input: { reviewId: string; ownerId: number; text: string }): Promise<Result<{ review: ReviewDoc; customer: CustomerDoc; text: string }, ReplyError>> {
    const text = input.text.trim();
    if (text.length === 0) return err({ code: 'CommentEmpty' });
    const length = lengthOf(text);
    if (length > REPLY_MAX_CHARS) return err({ code: 'CommentTooLong', max: REPLY_MAX_CHARS, length });
    const found = await this.reviewer(input.reviewId);
    if (!found.ok) return found;
    await this.reviews.updateOne({ _id: found.value.review._id }, { $push: { replies: { by: input.ownerId, at: this.clock.now(), text } } });
    return ok({ ...found.value, text });
  }

  /** Everything a customer rated and wrote (for their copy of their data). */
  async reviewsOf(customerId: Types.ObjectId): Promise<ReviewDoc[]> {
    return this.reviews.find({ customerId }).sort({ at: 1 }).lean<ReviewDoc[]>();
  }

  async findReview(reviewId: string): Promise<ReviewDoc | null> {
    if (!Types.ObjectId.isValid(reviewId)) return null;
    return this.reviews.findById(reviewId).lean<ReviewDoc>();
  }
}
