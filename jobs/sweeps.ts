// The daily storage sweep: what would otherwise grow for ever is removed once it can no longer matter
// (FerretDB has no TTL indexes, so this runs on every server): card screens that expired, one-off
// jobs that are over, and the scheduler's claims of them. Idempotent, so every worker may run it.
import type { JobDeps } from './deps.js';
import type { JobScheduler } from './scheduler.js';

export const STORAGE_SWEEP_JOB = 'storage-sweep';
/** How long the leftovers are kept (for a look after an incident) before they go. */
export const KEEP_DAYS = 7;
const DAY = 24 * 60 * 60_000;

export interface StorageSweepCounts {
  cardScreens: number;
  jobs: number;
  claims: number;
}

/** One sweep at `now`; the job runs it daily, tests call it directly after moving their clock. */
export async function sweepStorage(scheduler: JobScheduler, { services }: Pick<JobDeps, 'services'>, now: Date): Promise<StorageSweepCounts> {
  const before = new Date(now.getTime() - KEEP_DAYS * DAY);
  const cardScreens = await services.pendingActions.removeExpired(before);
  const { jobs, claims } = await scheduler.removeFinished(before);
  return { cardScreens, jobs, claims };
}

export function defineSweepJobs(scheduler: JobScheduler, deps: JobDeps): void {
  scheduler.define(
    STORAGE_SWEEP_JOB,
    async (_data, { now }) => {
      deps.logger.info(await sweepStorage(scheduler, deps, now), 'storage sweep');
    },
    { every: '1 day', concurrency: 1 },
  );
}
