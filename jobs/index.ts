// Every job the workers know. Each feature's jobs are defined in its own file and listed here.
import type { Config } from '../app/config.js';
import type { Logger } from '../app/logger.js';
import type { Notifier } from '../bot/notifier.js';
import type { Services } from '../domain/services.js';
import type { JobScheduler } from './scheduler.js';

export interface JobDeps {
  services: Services;
  notifier: Notifier;
  logger: Logger;
  config: Config;
}

export function defineJobs(scheduler: JobScheduler, deps: JobDeps): void {
  void scheduler;
  void deps;
}
