// Agenda on the app's own database connection. Handlers get plain data; `runDue` runs whatever is
// due at a given moment through the same locks Agenda uses, so tests (and a controllable clock) never
// have to sleep.
//
// One-off jobs run at least once. Agenda locks a job with findOneAndUpdate, which real MongoDB makes
// atomic and FerretDB does not across connections, so each attempt is also claimed by inserting
// `<job id>#<attempt>` under the unique _id index: whichever worker wins the insert runs that attempt,
// on any server. A claim is a lease: its worker renews it (touch) while it works; a claim whose lease
// ran out belongs to a worker that died, and the next worker to pick the job up claims the next
// attempt. A failed attempt is retried after a backoff, a bounded number of times; then the job is
// given up with an error in the log. What a job does must therefore be safe to do again: its effects
// are made exactly-once by the ledger's keys and the once-keys, not by the scheduler. Repeating jobs
// are sweeps whose handlers are idempotent on their own.
import { Agenda, type Job, type JobParameters } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import type { Connection } from 'mongoose';
import type { Logger } from '../app/logger.js';
import type { Clock } from '../domain/clock.js';
import { isDuplicateKeyError } from '../domain/result.js';

export interface JobMeta {
  jobId: string;
  now: Date;
  /** 1 for the first run of a one-off job; more when it is retried or taken over from a dead worker. */
  attempt: number;
  /** Aborted when this worker stops: a long job saves its progress and hands the rest on. */
  signal: AbortSignal;
  /**
   * Renews the job's lease; a job running longer than its lease calls this as it goes. Throws
   * LeaseLost when another worker has taken the job over meanwhile (this one was presumed dead).
   */
  touch(): Promise<void>;
}

export type JobHandler<D> = (data: D, meta: JobMeta) => Promise<void>;

/** A one-off job that will not be tried again: told once, by the worker that gave it up. */
export interface GivenUpJob {
  name: string;
  jobId: string;
  data: unknown;
  attempts: number;
  reason: string;
}

export interface DefineOptions {
  concurrency?: number;
  /** How long an attempt may go without touch() before it is presumed dead and taken over. */
  leaseMs?: number;
  /** With an interval ("15 minutes"), the job repeats once the worker starts. */
  every?: string;
  /** Attempts of a one-off job before it is given up (default 5). */
  attempts?: number;
}

export interface SchedulerOptions {
  conn: Connection;
  clock: Clock;
  logger: Logger;
  /** How often a running worker polls for due jobs. */
  processEvery?: number | string;
  name?: string;
  leaseMs?: number;
}

export class LeaseLost extends Error {
  constructor(jobId: string) {
    super(`job ${jobId} was taken over by another worker`);
    this.name = 'LeaseLost';
  }
}

export const JOBS_COLLECTION = 'agendaJobs';
export const CLAIMS_COLLECTION = 'agendaJobClaims';
const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_ATTEMPTS = 5;
const SWEEP_LOCK_MS = 10 * 60_000;
/** Wait before attempt n+1: 30 s, 2 min, 8 min, 32 min, then at most an hour. */
export function retryDelayMs(failedAttempt: number): number {
  return Math.min(60 * 60_000, 30_000 * 4 ** (failedAttempt - 1));
}

type ClaimState = 'running' | 'done' | 'failed' | 'expired' | 'exhausted';

export interface ClaimDoc {
  /** `<job id>#<attempt>` */
  _id: string;
  jobId: string;
  name: string;
  attempt: number;
  worker: string;
  at: Date;
  leaseUntil: Date;
  state: ClaimState;
  retryAt?: Date;
  error?: string;
  finishedAt?: Date;
}

interface Definition {
  handler: JobHandler<never>;
  leaseMs: number;
  attempts: number;
}

/** What should become of the stored job after a pick-up. */
type Next = ({ kind: 'finished' } | { kind: 'later'; at: Date } | { kind: 'givenUp'; reason: string }) & { ran?: boolean };
/** When the scheduler's own bookkeeping failed (the database is away), the job is looked at again this much later. */
const BOOKKEEPING_RETRY_MS = 30_000;

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export class JobScheduler {
  readonly agenda: Agenda;
  private readonly definitions = new Map<string, Definition>();
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly leaseMs: number;
  private readonly workerName: string;
  private running = false;
  private readonly claims;
  private readonly stopping = new AbortController();
  private readonly repeating = new Map<string, string>();
  private readonly startHooks: (() => Promise<void>)[] = [];
  private readonly givenUpHooks: ((job: GivenUpJob) => Promise<void>)[] = [];
  private indexed: Promise<unknown> | undefined;

  constructor(options: SchedulerOptions) {
    const db = options.conn.db;
    if (!db) throw new Error('the database connection is not open yet');
    this.clock = options.clock;
    this.logger = options.logger;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.workerName = options.name ?? `worker-${process.pid}`;
    this.claims = db.collection<ClaimDoc>(CLAIMS_COLLECTION);
    this.agenda = new Agenda({
      backend: new MongoBackend({ mongo: db, collection: JOBS_COLLECTION }),
      name: this.workerName,
      processEvery: options.processEvery ?? '5 seconds',
      defaultLockLifetime: this.leaseMs,
      maxConcurrency: 10,
      defaultConcurrency: 2,
    });
    this.agenda.on('error', (error) => this.logger.error({ err: error }, 'agenda error'));
    this.agenda.on('fail', (error: unknown, job: unknown) => {
      const name = (job as { attrs?: { name?: string } }).attrs?.name;
      this.logger.error({ err: error, job: name }, 'job failed');
    });
  }

  private ensureIndexes(): Promise<unknown> {
    this.indexed ??= Promise.all([
      this.claims.createIndex({ jobId: 1, attempt: -1 }),
      this.claims.createIndex({ at: 1 }),
    ]).catch((error: unknown) => {
      this.indexed = undefined;
      throw error;
    });
    return this.indexed;
  }

  define<D>(name: string, handler: JobHandler<D>, options: DefineOptions = {}): void {
    const definition: Definition = {
      handler: handler,
      leaseMs: options.leaseMs ?? this.leaseMs,
      attempts: options.attempts ?? DEFAULT_ATTEMPTS,
    };
    this.definitions.set(name, definition);
    if (options.every) this.repeating.set(name, options.every);
    this.agenda.define<D>(
      name,
      async (job: Job<D>) => {
        const jobId = String(job.attrs._id);
        if (job.attrs.repeatInterval || job.attrs.repeatAt) {
          await handler(job.attrs.data, { jobId, now: this.clock.now(), attempt: 1, signal: this.stopping.signal, touch: () => job.touch() });
          return;
        }
        let next: Next;
        try {
          next = await this.pickUp(name, definition, jobId, job.attrs.data, () => job.touch());
        } catch (error) {
          this.logger.error({ err: error, job: name, jobId }, 'job bookkeeping failed; it will be picked up again');
          next = { kind: 'later', at: new Date(this.clock.now().getTime() + BOOKKEEPING_RETRY_MS) };
        }
        // Agenda saves these attributes when the handler returns (and removes a finished one-off job).
        // Its processor runs on the wall clock, so "later" is kept as a delay from now on that clock.
        if (next.kind === 'later') job.attrs.nextRunAt = new Date(Date.now() + Math.max(0, next.at.getTime() - this.clock.now().getTime()));
        if (next.kind === 'givenUp') {
          job.attrs.failReason = next.reason;
          job.attrs.failedAt = this.clock.now();
        }
      },
      {
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
        // A sweep that runs longer than its lock is abandoned by Agenda: sweeps keep the longer lock they always had.
        lockLifetime: options.every ? (options.leaseMs ?? SWEEP_LOCK_MS) : definition.leaseMs,
        ...(options.every ? {} : { removeOnComplete: true }),
      },
    );
  }

  /** Runs `hook` once for every one-off job given up after its last attempt (e.g. to tell the owners). */
  onGivenUp(hook: (job: GivenUpJob) => Promise<void>): void {
    this.givenUpHooks.push(hook);
  }

  /** Runs `hook` whenever this worker starts (after its jobs are defined), e.g. to ensure a sweep. */
  atStart(hook: () => Promise<void>): void {
    this.startHooks.push(hook);
  }

  /**
   * One pick-up of a one-off job: decides from its claims whether this worker runs an attempt now,
   * runs it, and says when the job should be looked at again.
   */
  private async pickUp(name: string, definition: Definition, jobId: string, data: unknown, touchLock: () => Promise<void>): Promise<Next> {
    await this.ensureIndexes();
    const now = this.clock.now();
    const [latest] = await this.claims.find({ jobId }).sort({ attempt: -1 }).limit(1).toArray();
    if (latest?.state === 'done') return { kind: 'finished' };
    if (latest?.state === 'exhausted') return { kind: 'givenUp', reason: latest.error ?? 'gave up' };
    if (latest?.state === 'running' && latest.leaseUntil > now) return { kind: 'later', at: latest.leaseUntil };
    if (latest?.state === 'failed' && latest.retryAt && latest.retryAt > now) return { kind: 'later', at: latest.retryAt };

    if (latest?.state === 'running') {
      // Its worker stopped renewing the lease: presumed dead. What it did is kept; the job goes on.
      await this.claims.updateOne({ _id: latest._id, state: 'running' }, { $set: { state: 'expired', finishedAt: now } });
      this.logger.warn({ job: name, jobId, attempt: latest.attempt, worker: latest.worker }, 'job taken over from a worker that stopped renewing its lease');
    }
    const attempt = (latest?.attempt ?? 0) + 1;
    if (attempt > definition.attempts) return this.giveUp(name, jobId, data, attempt - 1, latest?.error ?? 'its worker died', now);

    const claimId = `${jobId}#${attempt}`;
    try {
      await this.claims.insertOne({
        _id: claimId,
        jobId,
        name,
        attempt,
        worker: this.workerName,
        at: now,
        leaseUntil: new Date(now.getTime() + definition.leaseMs),
        state: 'running',
      });
    } catch (error) {
      // Another worker claimed this attempt first; look again when its lease would run out.
      if (isDuplicateKeyError(error)) return { kind: 'later', at: new Date(now.getTime() + definition.leaseMs) };
      throw error;
    }

    const touch = async () => {
      const renewed = await this.claims.updateOne(
        { _id: claimId, state: 'running' },
        { $set: { leaseUntil: new Date(this.clock.now().getTime() + definition.leaseMs) } },
      );
      if (renewed.matchedCount === 0) throw new LeaseLost(jobId);
      await touchLock();
    };
    try {
      await definition.handler(data as never, { jobId, now, attempt, signal: this.stopping.signal, touch });
    } catch (error) {
      const finishedAt = this.clock.now();
      if (attempt >= definition.attempts) {
        await this.claims.updateOne({ _id: claimId, state: 'running' }, { $set: { state: 'failed', error: describe(error), finishedAt } });
        return { ...(await this.giveUp(name, jobId, data, attempt, describe(error), finishedAt, error)), ran: true };
      }
      const retryAt = new Date(finishedAt.getTime() + retryDelayMs(attempt));
      await this.claims.updateOne({ _id: claimId, state: 'running' }, { $set: { state: 'failed', error: describe(error), retryAt, finishedAt } });
      this.logger.warn({ err: error, job: name, jobId, attempt, retryAt }, 'job failed; it will be retried');
      return { kind: 'later', at: retryAt, ran: true };
    }
    await this.claims.updateOne({ _id: claimId, state: 'running' }, { $set: { state: 'done', finishedAt: this.clock.now() } });
    return { kind: 'finished', ran: true };
  }

  private async giveUp(name: string, jobId: string, data: unknown, attempts: number, reason: string, now: Date, error?: unknown): Promise<Next> {
    try {
      await this.claims.insertOne({
        _id: `${jobId}#${attempts + 1}`,
        jobId,
        name,
        attempt: attempts + 1,
        worker: this.workerName,
        at: now,
        leaseUntil: now,
        state: 'exhausted',
        error: reason,
        finishedAt: now,
      });
    } catch (insertError) {
      if (!isDuplicateKeyError(insertError)) throw insertError;
      return { kind: 'givenUp', reason }; // another worker gave it up and logged it
    }
    this.logger.error({ err: error, job: name, jobId, attempts, reason }, 'job given up after its last attempt');
    for (const hook of this.givenUpHooks) {
      await hook({ name, jobId, data, attempts, reason }).catch((hookError: unknown) =>
        this.logger.error({ err: hookError, job: name, jobId }, 'a given-up job could not be reported'),
      );
    }
    return { kind: 'givenUp', reason };
  }

  /**
   * Schedules a one-off job. With `uniqueKey`, scheduling the same key again keeps one job
   * (e.g. one review request per visit).
   */
  async schedule<D extends object>(name: string, at: Date, data: D, uniqueKey?: Record<string, unknown>): Promise<string> {
    const job = this.agenda.create(name, data);
    job.schedule(at);
    if (uniqueKey) job.unique(uniqueKey, { insertOnly: true });
    const saved = await job.save();
    return String(saved.attrs._id);
  }

  /** Repeats a job on an interval (e.g. "15 minutes"); one definition per name across all workers. */
  async every(name: string, interval: string): Promise<void> {
    await this.agenda.every(interval, name, undefined, { skipImmediate: false });
  }

  async cancel(query: { name?: string; data?: Record<string, unknown>; id?: string }): Promise<number> {
    return this.agenda.cancel({
      ...(query.name ? { name: query.name } : {}),
      ...(query.id ? { id: query.id } : {}),
      ...(query.data ? { data: query.data } : {}),
    });
  }

  async pending(name: string): Promise<JobParameters[]> {
    const result = await this.agenda.queryJobs({ name });
    return result.jobs.filter((j) => j.nextRunAt && !j.lastFinishedAt);
  }

  /**
   * Keeps the scheduler's own collections bounded (FerretDB has no TTL indexes): one-off jobs that
   * finished or were given up before `before`, and claims made before it. A one-off job's attempts
   * span at most about an hour of backoff, so a day-old claim belongs to a job that is over.
   */
  async removeFinished(before: Date): Promise<{ jobs: number; claims: number }> {
    await this.agenda.ready;
    const db = this.claims.db;
    const jobs = await db.collection(JOBS_COLLECTION).deleteMany({
      repeatInterval: null,
      repeatAt: null,
      nextRunAt: null,
      lockedAt: null,
      $or: [{ lastFinishedAt: { $lt: before } }, { failedAt: { $lt: before } }],
    });
    const claims = await this.claims.deleteMany({ at: { $lt: before } });
    return { jobs: jobs.deletedCount, claims: claims.deletedCount };
  }

  /** The claims (attempts) of one job, first attempt first. */
  async attemptsOf(jobId: string): Promise<ClaimDoc[]> {
    return this.claims.find({ jobId }).sort({ attempt: 1 }).toArray();
  }

  /** What a worker does before it takes jobs: its indexes, the repeating jobs, the start hooks. */
  async prepare(): Promise<void> {
    await this.agenda.ready;
    await this.ensureIndexes();
    for (const [name, interval] of this.repeating) await this.every(name, interval);
    for (const hook of this.startHooks) {
      // A hook that fails must not keep the worker from taking jobs; the log says what did not happen.
      await hook().catch((error: unknown) => this.logger.error({ err: error }, 'a job start-up step failed'));
    }
  }

  async start(): Promise<void> {
    await this.prepare();
    await this.agenda.start();
    this.running = true;
  }

  /** Stops taking new jobs, waits for running ones to finish (bounded), releases their locks. */
  async stop(timeoutMs = 8_000): Promise<void> {
    this.stopping.abort();
    if (!this.running) return;
    this.running = false;
    await this.agenda.drain({ timeout: timeoutMs });
  }

  /**
   * Runs every one-off job due at `now`, locking each exactly as Agenda's own processor does;
   * returns how many attempts ran. Repeating jobs are left to Agenda.
   */
  async runDue(now: Date = this.clock.now()): Promise<number> {
    await this.agenda.ready;
    let ran = 0;
    for (let round = 0; round < 100; round++) {
      let progressed = false;
      for (const [name, definition] of this.definitions) {
        for (;;) {
          const lockDeadline = new Date(now.getTime() - definition.leaseMs);
          const attrs = await this.agenda.db.getNextJobToRun(name, now, lockDeadline, now, { lastModifiedBy: 'runDue' });
          if (!attrs) break;
          if (attrs.repeatInterval || attrs.repeatAt) {
            await this.agenda.db.unlockJob(attrs);
            break;
          }
          const jobId = String(attrs._id);
          const touchLock = async () => {
            attrs.lockedAt = this.clock.now();
            await this.agenda.db.saveJobState(attrs, { lastModifiedBy: 'runDue' });
          };
          let next: Next;
          try {
            next = await this.pickUp(name, definition, jobId, attrs.data, touchLock);
          } catch (error) {
            // The bookkeeping itself failed (the database is away): the lock runs out and the job is picked up again.
            this.logger.error({ err: error, job: name, jobId }, 'job bookkeeping failed; it will be picked up again');
            break;
          }
          if (next.kind === 'finished') await this.agenda.cancel({ id: jobId });
          else {
            // Never due again at this same `now`, so this loop moves on.
            const later = next.kind === 'later' ? new Date(Math.max(next.at.getTime(), now.getTime() + 1)) : null;
            await this.agenda.db
              .saveJobState(
                {
                  ...attrs,
                  lockedAt: undefined,
                  nextRunAt: later,
                  ...(next.kind === 'givenUp' ? { failReason: next.reason, failedAt: now } : {}),
                },
                { lastModifiedBy: 'runDue' },
              )
              .catch(async (error: unknown) => {
                // Another worker finished the job and removed it meanwhile: nothing left to save.
                if ((await this.agenda.db.queryJobs({ id: jobId })).jobs.length > 0) throw error;
              });
          }
          if (next.ran) {
            ran++;
            progressed = true;
          }
        }
      }
      // A job may schedule follow-ups that are already due; run those too.
      if (!progressed) break;
    }
    return ran;
  }
}
