// Every job the workers know. Each feature's jobs are defined in its own file and listed here.
import type { Config } from '../app/config.js';
import type { Logger } from '../app/logger.js';
import type { Api } from 'grammy';
import type { Notifier } from '../bot/notifier.js';
import type { Services } from '../domain/services.js';
import type { JobScheduler } from './scheduler.js';
import { defineRewardJobs } from './rewards.js';
import { defineBroadcastJobs } from './broadcast.js';
import { defineCampaignJobs } from './campaigns.js';
import { defineReviewJobs } from './reviews.js';
import { defineReferralJobs } from './referrals.js';
import { defineSweepJobs } from './sweeps.js';
import { defineTrustJobs } from './trust.js';

export interface JobDeps {
  services: Services;
  notifier: Notifier;
  logger: Logger;
  config: Config;
  /** The Bot API without auto-retry: broadcasts pace themselves and never resend an unanswered request. */
  broadcastApi: Api;
}

export function defineJobs(scheduler: JobScheduler, deps: JobDeps): void {
  defineRewardJobs(scheduler, deps);
  defineBroadcastJobs(scheduler, deps);
  defineCampaignJobs(scheduler, deps);
  defineReviewJobs(scheduler, deps);
  defineReferralJobs(scheduler, deps);
  defineSweepJobs(scheduler, deps);
  defineTrustJobs(scheduler, deps);
}
