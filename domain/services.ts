// Every use case the bot and the jobs can reach, built once per app on one database connection.
import type { Connection } from 'mongoose';
import type { Config } from '../app/config.js';
import type { Clock } from './clock.js';
import type { JobQueue } from './ports.js';
import { PreferencesService } from './preferences.js';
import { SettingsService, type Settings } from './settings.js';

export interface ServiceOptions {
  conn: Connection;
  clock: Clock;
  config: Config;
  jobs: JobQueue;
  settingsDefaults?: Partial<Settings>;
}

export function createServices({ conn, clock, jobs, settingsDefaults }: ServiceOptions) {
  const settings = new SettingsService(conn, settingsDefaults);
  const preferences = new PreferencesService(conn);
  return { conn, clock, jobs, settings, preferences };
}

export type Services = ReturnType<typeof createServices>;
