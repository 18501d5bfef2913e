// A one-off job given up after its last attempt reaches the people who can act on it: every owner is
// told privately, in their own language, what did not happen and what they can do about it (the log
// has the details). The scheduler calls this once per given-up job, on the worker that gave it up.
import { BROADCAST_JOB } from '../domain/broadcasts/service.js';
import { REFERRAL_RECONCILE_JOB } from '../domain/referrals/service.js';
import { REVIEW_PUBLISH_JOB, REVIEW_REQUEST_JOB } from '../domain/reviews/service.js';
import { REWARD_EXPIRY_JOB } from '../domain/visits/service.js';
import { BIRTHDAY_BONUS_JOB, BIRTHDAY_GREETINGS_JOB } from '../domain/occasions/service.js';
import type { JobDeps } from './deps.js';
import type { GivenUpJob, JobScheduler } from './scheduler.js';

/** One message per job kind; any other kind gets the general one. */
const MESSAGE_KEYS: Record<string, string> = {
  [BROADCAST_JOB]: 'broadcast-given-up',
  [REVIEW_REQUEST_JOB]: 'review-request-given-up',
  [REVIEW_PUBLISH_JOB]: 'review-publish-given-up',
  [REFERRAL_RECONCILE_JOB]: 'referral-reconcile-given-up',
  [REWARD_EXPIRY_JOB]: 'reward-expiry-given-up',
  [BIRTHDAY_GREETINGS_JOB]: 'birthday-greetings-given-up',
  [BIRTHDAY_BONUS_JOB]: 'birthday-bonus-given-up',
};
export const GENERAL_GIVEN_UP_KEY = 'jobs-given-up';

export function givenUpMessageKey(jobName: string): string {
  return MESSAGE_KEYS[jobName] ?? GENERAL_GIVEN_UP_KEY;
}

export async function tellOwnersGivenUp({ services, notifier, logger }: Pick<JobDeps, 'services' | 'notifier' | 'logger'>, job: GivenUpJob): Promise<void> {
  const key = givenUpMessageKey(job.name);
  for (const ownerId of await services.team.owners()) {
    const outcome = await notifier.toUser(ownerId, key, { job: job.name });
    if (outcome !== 'sent') logger.warn({ ownerId, job: job.name, jobId: job.jobId, outcome }, 'an owner could not be told about a given-up job');
  }
}

export function reportGivenUpJobs(scheduler: JobScheduler, deps: JobDeps): void {
  scheduler.onGivenUp((job) => tellOwnersGivenUp(deps, job));
}
