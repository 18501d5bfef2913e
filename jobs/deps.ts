// What every job handler can reach; apart from index.ts so that job files do not import the list of jobs.
import type { Api } from 'grammy';
import type { Config } from '../app/config.js';
import type { Logger } from '../app/logger.js';
import type { Notifier } from '../bot/notifier.js';
import type { Services } from '../domain/services.js';

export interface JobDeps {
  services: Services;
  notifier: Notifier;
  logger: Logger;
  config: Config;
  /** The Bot API without auto-retry: broadcasts pace themselves and never resend an unanswered request. */
  broadcastApi: Api;
}
