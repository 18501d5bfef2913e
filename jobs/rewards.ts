// Reward expiry (settings.rewardExpiryDays > 0): a sweep runs at each reward's expiry time (the visits
// service schedules it when the reward is earned), writes an 'expire' ledger entry for every reward
// past its date, and tells each customer and the staff group. A sweep is also ensured at the next full
// hour at start-up and after every settings change, and each sweep schedules the next one at the
// oldest remaining reward's expiry time: rewards earned while expiry was off expire on time too.
import { REWARD_EXPIRY_JOB } from '../domain/visits/service.js';
import { announceExpiry } from '../bot/visit-messages.js';
import type { JobDeps } from './deps.js';
import type { JobScheduler } from './scheduler.js';

export function defineRewardJobs(scheduler: JobScheduler, { services, notifier, logger }: JobDeps): void {
  scheduler.define<{ at?: string }>(REWARD_EXPIRY_JOB, async () => {
    const expired = await services.visits.expireRewards();
    const settings = await services.settings.get();
    for (const expiry of expired) await announceExpiry({ notifier, settings }, expiry);
    if (expired.length > 0) logger.info({ customers: expired.length }, 'rewards expired');
    await services.visits.scheduleNextExpirySweep();
  });
  scheduler.atStart(() => services.visits.scheduleExpirySweep());
}
