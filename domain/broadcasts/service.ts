// Broadcasts: the owner's message to a segment, sent later by a job. The domain decides who gets it,
// keeps the books (a delivery record per recipient, claimed before sending, a checkpoint per batch)
// and counts the report; how a message travels to Telegram is the sender's business (jobs/).
import { setTimeout as sleep } from 'node:timers/promises';
import { Types, type Connection } from 'mongoose';
import { LOCALES, type Locale } from '../locales.js';
import type { Clock } from '../clock.js';
import { customerModel } from '../customers/model.js';
import type { MarketingLog, Reservation } from '../marketing.js';
import type { JobQueue } from '../ports.js';
import { err, isDuplicateKeyError, ok, type Result } from '../result.js';
import type { SettingsService } from '../settings.js';
import { broadcastModel, deliveryKey, deliveryModel, outcomeModel, type BroadcastDoc, type DeliveryOutcomeStatus } from './model.js';
import { audienceOf, recipientsOf, type Audience, type Recipient, type Segment } from './segments.js';

export const BROADCAST_JOB = 'broadcast-send';
/** Telegram's limits: a text message, and the caption of a photo. */
export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
export const MAX_SCHEDULE_DAYS = 366;
/** A run that has not reported for this long is presumed dead (its heartbeat comes every 30 s). */
export const STALLED_AFTER_MS = 2 * 60_000;
const RESUME_DELAY_MS = 5_000;

export type BroadcastTexts = Partial<Record<Locale, string>>;

export interface BroadcastDraft {
  /** Chosen once per composed broadcast: confirming it twice (a double tap) stores one broadcast. */
  draftId: string;
  segment: Segment;
  texts: BroadcastTexts;
  photoFileId: string | null;
  /** null: right away. */
  sendAt: Date | null;
  createdBy: number;
}

export type BroadcastError =
  | { code: 'MissingText'; locale: Locale }
  | { code: 'TextTooLong'; locale: Locale; limit: number }
  | { code: 'SendAtInPast' }
  | { code: 'SendAtTooFar' }
  | { code: 'BroadcastNotFound' }
  | { code: 'BroadcastFinished' };

export interface BroadcastMessage {
  text: string;
  photoFileId: string | null;
}

export type DeliveryOutcome = Exclude<DeliveryOutcomeStatus, 'skipped'>;

/** How a message reaches a customer: implemented over Telegram by the job. */
export interface BroadcastSender {
  /** How many messages may be on their way at once. */
  concurrency: number;
  /**
   * Waits until messages may go out (no flood-wait on). Called before the recipient is claimed, so
   * that no claim waits out a flood-wait; false when `signal` stopped the wait.
   */
  ready(signal?: AbortSignal): Promise<boolean>;
  /**
   * Sends as soon as the pace allows (each lane holds one claim at a time, so a worker that dies
   * leaves at most `concurrency` claims without an outcome), waiting out a 429 itself, which proves
   * the message was not delivered.
   */
  send(recipient: Recipient, message: BroadcastMessage): Promise<DeliveryOutcome>;
}

export interface BroadcastReport {
  sent: number;
  blocked: number;
  failed: number;
  unknown: number;
  skipped: number;
}

export interface RunOptions {
  /** Aborted when the worker stops: the run saves its checkpoint and returns "interrupted". */
  signal?: AbortSignal;
  batchSize?: number;
}

export type RunResult =
  | { state: 'finished' | 'cancelled'; broadcast: BroadcastDoc; report: BroadcastReport }
  /** Stopped with its worker, or some recipients could not be handled (a later run retries them). */
  | { state: 'interrupted'; reason: 'stopped' }
  | { state: 'interrupted'; reason: 'troubled'; unhandled: number; problem: unknown }
  | { state: 'notRunnable' };

export interface OpenBroadcast {
  broadcast: BroadcastDoc;
  sentSoFar: number;
}

/**
 * Runs a write again when the database refused it for a moment (FerretDB's SQLite answers "database is
 * locked" under concurrent writes). A duplicate key is an answer, not a hiccup, and is passed on.
 */
async function retryingWrite<T>(write: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (isDuplicateKeyError(error) || attempt >= attempts) throw error;
      await sleep(15 * attempt);
    }
  }
}

interface OutcomeRow {
  _id: string;
  broadcastId: Types.ObjectId;
  status: DeliveryOutcomeStatus;
  at: Date;
}

/** True for a bulk insert refused only because some rows were there already (a retried write). */
function onlyDuplicates(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: unknown } | null)?.writeErrors;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  return isDuplicateKeyError(error) || (list.length > 0 && list.every((e) => isDuplicateKeyError(e)));
}

/**
 * The outcomes of a run, written in bulk: one insert for up to OUTCOME_ROWS messages, at most
 * OUTCOME_DELAY_MS after the first of them, instead of one write per message (the claim before each
 * send stays a write of its own). A worker that dies loses at most that short tail: those claims
 * have no outcome and count as "unknown", exactly like a send it never heard back about.
 */
class OutcomeBook {
  private pending: OutcomeRow[] = [];
  private timer: NodeJS.Timeout | undefined;
  private written: Promise<void> = Promise.resolve();
  private problem: Error | undefined;

  constructor(private readonly write: (rows: OutcomeRow[]) => Promise<unknown>) {}

  add(row: OutcomeRow): void {
    this.pending.push(row);
    if (this.pending.length >= OUTCOME_ROWS) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), OUTCOME_DELAY_MS);
      this.timer.unref();
    }
  }

  private flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.pending.splice(0);
    if (rows.length > 0) {
      this.written = this.written
        .then(() => writeAllRetrying(() => this.write(rows)))
        .catch((error: unknown) => {
          this.problem ??= error instanceof Error ? error : new Error(String(error));
        });
    }
    return this.written;
  }

  /** Writes what is left; throws if any of the writes failed for good. */
  async close(): Promise<void> {
    await this.flush();
    if (this.problem) throw this.problem;
  }
}

const OUTCOME_ROWS = 64;
const RESERVE_CHUNK = 32;
const OUTCOME_DELAY_MS = 200;

async function writeAllRetrying(write: () => Promise<unknown>): Promise<void> {
  try {
    await retryingWrite(write);
  } catch (error) {
    if (!onlyDuplicates(error)) throw error;
  }
}

/** Why a broadcast cannot be sent at `sendAt`, if it cannot. */
export function sendAtProblem(sendAt: Date, now: Date): BroadcastError | null {
  if (sendAt.getTime() <= now.getTime()) return { code: 'SendAtInPast' };
  if (sendAt.getTime() > now.getTime() + MAX_SCHEDULE_DAYS * 24 * 60 * 60 * 1000) return { code: 'SendAtTooFar' };
  return null;
}

/** The longest text allowed for this message: a caption when there is a photo. */
export function textLimit(hasPhoto: boolean): number {
  return hasPhoto ? CAPTION_LIMIT : TEXT_LIMIT;
}

export function messageFor(broadcast: Pick<BroadcastDoc, 'texts' | 'fallbackLocale' | 'photoFileId'>, locale: Locale): BroadcastMessage {
  const texts = broadcast.texts as BroadcastTexts;
  const text = texts[locale] ?? texts[broadcast.fallbackLocale] ?? '';
  return { text, photoFileId: broadcast.photoFileId ?? null };
}

export class BroadcastService {
  private readonly broadcasts;
  private readonly deliveries;
  private readonly outcomes;
  private readonly customers;

  constructor(
    private readonly conn: Connection,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
    private readonly settings: SettingsService,
    private readonly marketing: MarketingLog,
    private readonly fallbackLocale: Locale,
  ) {
    this.broadcasts = broadcastModel(conn);
    this.deliveries = deliveryModel(conn);
    this.outcomes = outcomeModel(conn);
    this.customers = customerModel(conn);
  }

  /** Who a segment reaches right now, per language. */
  async audience(segment: Segment): Promise<Audience> {
    const { stampsPerReward } = await this.settings.get();
    return audienceOf(this.conn, segment, { now: this.clock.now(), stampsPerReward });
  }

  validateTexts(texts: BroadcastTexts, hasPhoto: boolean): BroadcastError | null {
    if (!texts[this.fallbackLocale]?.trim()) return { code: 'MissingText', locale: this.fallbackLocale };
    for (const locale of LOCALES) {
      const text = texts[locale];
      if (text !== undefined && text.length > textLimit(hasPhoto)) return { code: 'TextTooLong', locale, limit: textLimit(hasPhoto) };
    }
    return null;
  }

  /** Stores the broadcast and schedules its sending job (at once when `sendAt` is null). */
  async schedule(draft: BroadcastDraft): Promise<Result<BroadcastDoc, BroadcastError>> {
    const now = this.clock.now();
    const problem = this.validateTexts(draft.texts, draft.photoFileId !== null) ?? (draft.sendAt ? sendAtProblem(draft.sendAt, now) : null);
    if (problem) return err(problem);
    const texts = Object.fromEntries(LOCALES.filter((l) => draft.texts[l]?.trim()).map((l) => [l, draft.texts[l]!.trim()]));
    let created: BroadcastDoc;
    try {
      const doc = await this.broadcasts.create({
        draftId: draft.draftId,
        segment: draft.segment,
        texts,
        fallbackLocale: this.fallbackLocale,
        photoFileId: draft.photoFileId,
        sendAt: draft.sendAt ?? now,
        status: 'scheduled',
        createdBy: draft.createdBy,
        createdAt: now,
      });
      created = doc.toObject<BroadcastDoc>();
    } catch (error) {
      // Confirmed twice: the first confirmation stored it and scheduled its job.
      const existing = isDuplicateKeyError(error) ? await this.broadcasts.findOne({ draftId: draft.draftId }).lean<BroadcastDoc>() : null;
      if (!existing) throw error;
      return ok(existing);
    }
    const broadcastId = String(created._id);
    await this.jobs.schedule(BROADCAST_JOB, created.sendAt, { broadcastId, part: 0 }, { 'data.broadcastId': broadcastId, 'data.part': 0 });
    return ok(created);
  }

  async find(broadcastId: string): Promise<BroadcastDoc | null> {
    if (!Types.ObjectId.isValid(broadcastId)) return null;
    return this.broadcasts.findById(broadcastId).lean<BroadcastDoc>();
  }

  /** Scheduled and sending broadcasts, soonest first, with how many got it so far. */
  async listOpen(limit = 20): Promise<OpenBroadcast[]> {
    const open = await this.broadcasts
      .find({ status: { $in: ['scheduled', 'sending'] } })
      .sort({ sendAt: 1 })
      .limit(limit)
      .lean<BroadcastDoc[]>();
    return Promise.all(
      open.map(async (broadcast) => ({
        broadcast,
        sentSoFar: broadcast.status === 'sending' ? await this.outcomes.countDocuments({ broadcastId: broadcast._id, status: 'sent' }) : 0,
      })),
    );
  }

  /** Stops a scheduled or running broadcast; a running one stops after its current batch. */
  async cancel(broadcastId: string, by: number): Promise<Result<BroadcastDoc, BroadcastError>> {
    const broadcast = await this.find(broadcastId);
    if (!broadcast) return err({ code: 'BroadcastNotFound' });
    if (broadcast.status !== 'scheduled' && broadcast.status !== 'sending') return err({ code: 'BroadcastFinished' });
    await this.broadcasts.updateOne(
      { _id: broadcast._id, status: { $in: ['scheduled', 'sending'] } },
      { $set: { status: 'cancelled', cancelledAt: this.clock.now(), cancelledBy: by } },
    );
    // A running job notices the status itself; only a job that has not started is removed here.
    if (broadcast.status === 'scheduled') await this.jobs.cancel({ name: BROADCAST_JOB, data: { broadcastId } });
    return ok({ ...broadcast, status: 'cancelled' });
  }

  /**
   * Schedules the next run of a broadcast that stopped before it was done (its worker stopped, or died):
   * it continues from the checkpoint, after a short pause so that a stopping worker does not take it.
   */
  async continueLater(broadcastId: string): Promise<void> {
    const broadcast = await this.find(broadcastId);
    if (!broadcast || (broadcast.status !== 'scheduled' && broadcast.status !== 'sending')) return;
    const part = broadcast.runs + 1;
    const at = new Date(this.clock.now().getTime() + RESUME_DELAY_MS);
    await this.jobs.schedule(BROADCAST_JOB, at, { broadcastId, part }, { 'data.broadcastId': broadcastId, 'data.part': part });
  }

  /** Marks a running broadcast alive; one silent for STALLED_AFTER_MS is taken over by another run. */
  async heartbeat(broadcastId: string): Promise<void> {
    await this.broadcasts.updateOne({ _id: broadcastId, status: 'sending' }, { $set: { heartbeatAt: this.clock.now() } });
  }

  /**
   * Broadcasts whose run died with its worker (no heartbeat for a while), or whose due job never
   * started: each gets a new run, which resumes from the checkpoint. Returns how many were resumed.
   */
  async resumeStalled(): Promise<number> {
    const silentSince = new Date(this.clock.now().getTime() - STALLED_AFTER_MS);
    const stalled = await this.broadcasts
      .find({
        $or: [
          { status: 'sending', heartbeatAt: { $lt: silentSince } },
          { status: 'scheduled', sendAt: { $lt: silentSince } },
        ],
      })
      .lean<BroadcastDoc[]>();
    for (const broadcast of stalled) await this.continueLater(String(broadcast._id));
    return stalled.length;
  }

  /**
   * Sends (or resumes sending) a broadcast. Every recipient is first claimed with a unique delivery
   * record, so a second run — after a crash, or on another worker — skips everyone already handled.
   * A claim whose outcome was never written (the worker died mid-send) is not retried: the message may
   * have gone out, and nobody gets it twice; it is reported as "unknown".
   */
  async run(broadcastId: string, sender: BroadcastSender, options: RunOptions = {}): Promise<RunResult> {
    let broadcast = await this.find(broadcastId);
    if (!broadcast || (broadcast.status !== 'scheduled' && broadcast.status !== 'sending')) return { state: 'notRunnable' };
    await this.broadcasts.updateOne(
      { _id: broadcast._id, status: { $in: ['scheduled', 'sending'] } },
      {
        $set: { status: 'sending', heartbeatAt: this.clock.now(), ...(broadcast.startedAt ? {} : { startedAt: this.clock.now() }) },
        $inc: { runs: 1 },
      },
    );
    const settings = await this.settings.get();
    const source = `broadcast:${broadcastId}`;
    const batches = recipientsOf(
      this.conn,
      broadcast.segment,
      { now: this.clock.now(), stampsPerReward: settings.stampsPerReward },
      broadcast.resumeAfter ?? null,
      options.batchSize,
    );

    // The checkpoint moves only past batches in which every recipient was handled; a recipient whose
    // bookkeeping failed (the database hiccuped) is met again by the next run, and its claim decides.
    // The lanes flow from one batch into the next (the next batch is read while this one is sent), so
    // the pipe does not run dry at every batch's end; the checkpoint follows in order behind them.
    interface OpenBatch {
      last: Types.ObjectId;
      left: number;
      failures: number;
    }
    /**
     * The weekly-cap slots of RESERVE_CHUNK recipients are taken together (one bulk insert), when a lane
     * reaches the chunk, and the next chunk's along with it, so no lane waits for them. A worker that
     * dies leaves at most two chunks' slots taken without a message (the customer has one offer less
     * that week); one that stops gives back the slots of everyone it did not reach.
     */
    interface Chunk {
      recipients: Recipient[];
      slots?: Promise<Map<string, Reservation>>;
      next?: Chunk;
    }
    const reserve = (chunk: Chunk) =>
      (chunk.slots ??= this.marketing.reserveMany(
        chunk.recipients.map((r) => r.customerId),
        source,
        this.clock.now(),
        settings.marketingMaxPerWeek,
        settings.timeZone,
        retryingWrite,
      ));
    const open: OpenBatch[] = [];
    const queue: { recipient: Recipient; batch: OpenBatch; chunk: Chunk }[] = [];
    let lastChunk: Chunk | undefined;
    let troubled = 0;
    let firstProblem: unknown;
    let stopped = false;
    let cancelled = false;
    let exhausted = false;
    let checkpoint: Promise<unknown> = Promise.resolve();
    const book = new OutcomeBook((rows) => this.outcomes.collection.insertMany(rows as never[], { ordered: false }));
    const iterator = batches[Symbol.asyncIterator]();
    let upcoming = iterator.next();
    upcoming.catch(() => undefined); // handled when awaited
    const readNext = async () => {
      const fetched = await upcoming;
      if (fetched.done) {
        exhausted = true;
        return;
      }
      upcoming = iterator.next();
      upcoming.catch(() => undefined);
      const latest = await this.find(broadcastId);
      if (!latest || latest.status === 'cancelled') {
        cancelled = true;
        exhausted = true;
        return;
      }
      broadcast = latest;
      const batch: OpenBatch = { last: fetched.value.at(-1)!.customerId, left: fetched.value.length, failures: 0 };
      open.push(batch);
      for (let i = 0; i < fetched.value.length; i += RESERVE_CHUNK) {
        const chunk: Chunk = { recipients: fetched.value.slice(i, i + RESERVE_CHUNK) };
        if (lastChunk) lastChunk.next = chunk;
        lastChunk = chunk;
        queue.push(...chunk.recipients.map((recipient) => ({ recipient, batch, chunk })));
      }
    };
    let reading: Promise<void> | undefined;
    const nextRecipient = async () => {
      while (queue.length === 0 && !exhausted && !stopped) {
        reading ??= readNext().finally(() => (reading = undefined));
        await reading;
      }
      return stopped ? undefined : queue.shift();
    };
    const handled = (batch: OpenBatch) => {
      batch.left--;
      while (open.length > 0 && open[0]!.left === 0) {
        const done = open.shift()!;
        troubled += done.failures;
        if (troubled > 0) continue;
        checkpoint = checkpoint.then(() =>
          this.broadcasts.updateOne({ _id: broadcast!._id }, { $set: { resumeAfter: done.last, heartbeatAt: this.clock.now() } }),
        );
      }
    };
    const lane = async () => {
      for (let item = await nextRecipient(); item; item = await nextRecipient()) {
        try {
          const slots = reserve(item.chunk);
          if (item.chunk.next) reserve(item.chunk.next).catch(() => undefined); // awaited by its own lanes
          const slot = (await slots).get(String(item.recipient.customerId))!;
          // Not claimed (the worker is stopping): its batch stays open, the next run meets it again.
          if (!(await this.deliverTo(broadcast!, item.recipient, slot, sender, book, options.signal))) {
            stopped = true;
            continue;
          }
        } catch (error) {
          item.batch.failures++;
          firstProblem ??= error;
        }
        handled(item.batch);
      }
    };
    const lanes = await Promise.allSettled(Array.from({ length: Math.max(1, sender.concurrency) }, lane));
    // Slots taken ahead for recipients nobody reached (the worker is stopping) are given back.
    for (const item of queue) {
      const slot = item.chunk.slots && (await item.chunk.slots.catch(() => undefined))?.get(String(item.recipient.customerId));
      if (slot?.ok) await retryingWrite(() => this.marketing.release(slot.slot)).catch(() => undefined);
    }
    await checkpoint;
    await book.close();
    const broke = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
    if (broke) throw broke.reason;
    // The worker is stopping: whoever was not reached yet is left unclaimed for the next run.
    if (stopped || cancelled) await upcoming.then(() => iterator.return?.(undefined)).catch(() => undefined);
    if (stopped) return { state: 'interrupted', reason: 'stopped' };
    if (troubled > 0) return { state: 'interrupted', reason: 'troubled', unhandled: troubled, problem: firstProblem };

    return this.finish(broadcastId);
  }

  /**
   * One recipient, whose weekly marketing slot was taken with its chunk: wait for the pace, claim the delivery, send, record
   * the outcome. Nothing but the claim itself stands between claim and send, so a worker that dies
   * has sent to (almost) exactly the recipients it claimed. False: stopped before claiming.
   */
  private async deliverTo(
    broadcast: BroadcastDoc,
    recipient: Recipient,
    slot: Reservation,
    sender: BroadcastSender,
    book: OutcomeBook,
    signal: AbortSignal | undefined,
  ): Promise<boolean> {
    const key = deliveryKey(broadcast._id, recipient.customerId);
    const giveBack = async () => {
      if (slot.ok) await retryingWrite(() => this.marketing.release(slot.slot));
    };
    if (slot.ok && !(await sender.ready(signal))) {
      await giveBack();
      return false;
    }
    try {
      await retryingWrite(() =>
        this.deliveries.collection.insertOne({ _id: key as never, broadcastId: broadcast._id, customerId: recipient.customerId, at: this.clock.now() }),
      );
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // Handled by an earlier run (or by our own retried insert): its claim decides.
      await giveBack();
      return true;
    }
    const record = (status: DeliveryOutcomeStatus) => book.add({ _id: key, broadcastId: broadcast._id, status, at: this.clock.now() });
    if (!slot.ok) {
      record('skipped');
      return true;
    }

    const outcome = await sender.send(recipient, messageFor(broadcast, recipient.locale));
    record(outcome);
    // "unknown" may have reached the customer, so it keeps its slot under the weekly cap.
    if (outcome === 'blocked' || outcome === 'failed') await giveBack();
    if (outcome === 'blocked') await retryingWrite(() => this.customers.updateOne({ _id: recipient.customerId }, { $set: { unreachable: true } }));
    return true;
  }

  private async finish(broadcastId: string): Promise<RunResult> {
    const id = new Types.ObjectId(broadcastId);
    const report = await this.report(id);
    const current = await this.find(broadcastId);
    if (!current) return { state: 'notRunnable' };
    const cancelled = current.status === 'cancelled';
    await this.broadcasts.updateOne(
      { _id: id },
      { $set: { report, finishedAt: this.clock.now(), ...(cancelled ? {} : { status: 'done' }) } },
    );
    const broadcast = (await this.find(broadcastId))!;
    return { state: cancelled ? 'cancelled' : 'finished', broadcast, report };
  }

  /** Counts the outcomes; a claim without one (its worker died while sending) is "unknown". */
  async report(broadcastId: Types.ObjectId): Promise<BroadcastReport> {
    const [rows, claimed] = await Promise.all([
      this.outcomes.aggregate<{ _id: DeliveryOutcomeStatus; n: number }>([
        { $match: { broadcastId } },
        { $group: { _id: '$status', n: { $sum: 1 } } },
      ]),
      this.deliveries.countDocuments({ broadcastId }),
    ]);
    const count = (status: DeliveryOutcomeStatus) => rows.find((r) => r._id === status)?.n ?? 0;
    const settled = rows.reduce((sum, r) => sum + r.n, 0);
    return {
      sent: count('sent'),
      blocked: count('blocked'),
      failed: count('failed'),
      unknown: count('unknown') + Math.max(0, claimed - settled),
      skipped: count('skipped'),
    };
  }
}
