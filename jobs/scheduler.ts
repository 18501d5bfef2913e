// Agenda on the app's own database connection. Handlers get plain data; `runDue` runs whatever is
// due at a given moment through the same locks Agenda uses, so tests (and a controllable clock) never
// have to sleep.
//
// Agenda locks a job with findOneAndUpdate, which real MongoDB makes atomic; FerretDB does not across
// connections. So a one-off job is also claimed by inserting its id under a unique index before its
// handler runs: whichever worker wins the insert runs it, on any server. Repeating jobs are sweeps
// whose handlers are idempotent on their own.
import { Agenda, type JobParameters } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import type { Connection } from 'mongoose';
import type { Logger } from '../app/logger.js';
import type { Clock } from '../domain/clock.js';
import { isDuplicateKeyError } from '../domain/result.js';

export interface JobMeta {
  jobId: string;
  now: Date;
  /** Aborted when this worker stops: a long job saves its progress and hands the rest on. */
  signal: AbortSignal;
  /** Renews the job's lock; a job running longer than its lock lifetime calls this as it goes. */
  touch(): Promise<void>;
}

export type JobHandler<D> = (data: D, meta: JobMeta) => Promise<void>;

export interface SchedulerOptions {
  conn: Connection;
  clock: Clock;
  logger: Logger;
  /** How often a running worker polls for due jobs. */
  processEvery?: number | string;
  name?: string;
  lockLifetimeMs?: number;
}

export const JOBS_COLLECTION = 'agendaJobs';
const CLAIMS_COLLECTION = 'agendaJobClaims';

export class JobScheduler {
  readonly agenda: Agenda;
  private readonly handlers = new Map<string, JobHandler<never>>();
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly lockLifetimeMs: number;
  private running = false;
  private readonly claims;
  private readonly stopping = new AbortController();
  private readonly repeating = new Map<string, string>();

  constructor(options: SchedulerOptions) {
    const db = options.conn.db;
    if (!db) throw new Error('the database connection is not open yet');
    this.clock = options.clock;
    this.logger = options.logger;
    this.lockLifetimeMs = options.lockLifetimeMs ?? 10 * 60_000;
    this.claims = db.collection<{ _id: string; at: Date }>(CLAIMS_COLLECTION);
    this.agenda = new Agenda({
      backend: new MongoBackend({ mongo: db, collection: JOBS_COLLECTION }),
      name: options.name ?? `worker-${process.pid}`,
      processEvery: options.processEvery ?? '5 seconds',
      defaultLockLifetime: this.lockLifetimeMs,
      maxConcurrency: 10,
      defaultConcurrency: 2,
    });
    this.agenda.on('error', (error) => this.logger.error({ err: error }, 'agenda error'));
    this.agenda.on('fail', (error: unknown, job: unknown) => {
      const name = (job as { attrs?: { name?: string } }).attrs?.name;
      this.logger.error({ err: error, job: name }, 'job failed');
    });
  }

  /** With `every` ("15 minutes"), the job also repeats on that interval once the worker starts. */
  define<D>(name: string, handler: JobHandler<D>, options: { concurrency?: number; lockLifetimeMs?: number; every?: string } = {}): void {
    this.handlers.set(name, handler as JobHandler<never>);
    if (options.every) this.repeating.set(name, options.every);
    this.agenda.define<D>(
      name,
      async (job) => {
        const jobId = String(job.attrs._id);
        const oneOff = !job.attrs.repeatInterval && !job.attrs.repeatAt;
        if (oneOff && !(await this.claim(jobId))) return;
        try {
          await handler(job.attrs.data, { jobId, now: this.clock.now(), signal: this.stopping.signal, touch: () => job.touch() });
        } catch (error) {
          if (oneOff) await this.claims.deleteOne({ _id: jobId });
          throw error;
        }
      },
      {
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
        lockLifetime: options.lockLifetimeMs ?? this.lockLifetimeMs,
      },
    );
  }

  /** True for the one worker that gets to run this one-off job. */
  private async claim(jobId: string): Promise<boolean> {
    try {
      await this.claims.insertOne({ _id: jobId, at: this.clock.now() });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
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

  async now<D extends object>(name: string, data: D): Promise<string> {
    return this.schedule(name, this.clock.now(), data);
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

  async start(): Promise<void> {
    await this.agenda.ready;
    for (const [name, interval] of this.repeating) await this.every(name, interval);
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
   * returns how many ran. Repeating jobs are left to Agenda.
   */
  async runDue(now: Date = this.clock.now()): Promise<number> {
    await this.agenda.ready;
    let ran = 0;
    for (let round = 0; round < 100; round++) {
      let progressed = false;
      for (const [name, handler] of this.handlers) {
        for (;;) {
          const lockDeadline = new Date(now.getTime() - this.lockLifetimeMs);
          const attrs = await this.agenda.db.getNextJobToRun(name, now, lockDeadline, now, { lastModifiedBy: 'runDue' });
          if (!attrs) break;
          if (attrs.repeatInterval || attrs.repeatAt) {
            await this.agenda.db.unlockJob(attrs);
            break;
          }
          const jobId = String(attrs._id);
          if (!(await this.claim(jobId))) continue;
          try {
            const touch = async () => {
              attrs.lockedAt = this.clock.now();
              await this.agenda.db.saveJobState(attrs, { lastModifiedBy: 'runDue' });
            };
            await handler(attrs.data as never, { jobId, now, signal: this.stopping.signal, touch });
            await this.agenda.cancel({ id: jobId });
          } catch (error) {
            this.logger.error({ err: error, job: name }, 'job failed');
            await this.claims.deleteOne({ _id: jobId });
            await this.agenda.db.saveJobState(
              { ...attrs, lockedAt: undefined, nextRunAt: null, failReason: String(error), failedAt: now },
              { lastModifiedBy: 'runDue' },
            );
          }
          ran++;
          progressed = true;
        }
      }
      // A job may schedule follow-ups that are already due; run those too.
      if (!progressed) break;
    }
    return ran;
  }
}
