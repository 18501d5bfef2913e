// Every job the workers know. Each feature's jobs are defined in its own file and listed here.
import type { JobDeps } from './deps.js';
import type { JobScheduler } from './scheduler.js';
import { defineRewardJobs } from './rewards.js';
import { defineBroadcastJobs } from './broadcast.js';
import { defineCampaignJobs } from './campaigns.js';
import { defineReviewJobs } from './reviews.js';
import { defineReferralJobs } from './referrals.js';
import { defineSweepJobs } from './sweeps.js';
import { defineTrustJobs } from './trust.js';
import { reportGivenUpJobs } from './given-up.js';
import { defineStaffFeedJobs } from './staff-feed.js';
import { defineOccasionJobs } from './occasions.js';

export function defineJobs(scheduler: JobScheduler, deps: JobDeps): void {
  defineRewardJobs(scheduler, deps);
  defineBroadcastJobs(scheduler, deps);
  defineCampaignJobs(scheduler, deps);
  defineReviewJobs(scheduler, deps);
  defineReferralJobs(scheduler, deps);
  defineSweepJobs(scheduler, deps);
  defineTrustJobs(scheduler, deps);
  reportGivenUpJobs(scheduler, deps);
  defineStaffFeedJobs(scheduler, deps);
  defineOccasionJobs(scheduler, deps);
}
