// Every use case the bot and the jobs can reach, built once per app on one database connection.
import type { Connection } from 'mongoose';
import type { Clock } from './clock.js';
import type { JobQueue } from './ports.js';
import type { Locale } from './locales.js';
import { PreferencesService } from './preferences.js';
import { CustomerService } from './customers/service.js';
import { CardMoves } from './customers/move-card.js';
import { SettingsService, type InvalidStoredSettings, type Settings } from './settings.js';
import { VisitsService } from './visits/service.js';
import { PendingActions } from './visits/pending-actions.js';
import { OnceKeys } from './once.js';
import { MarketingLog } from './marketing.js';
import { BroadcastService } from './broadcasts/service.js';
import { CampaignService } from './campaigns/service.js';
import { StatsService } from './stats/service.js';
import { ExportService } from './export/service.js';
import { ReviewService } from './reviews/service.js';
import { ReferralService } from './referrals/service.js';
import { TeamService, type TeamConfig } from './team.js';
import { AuditLog } from './audit/service.js';
import { FraudService } from './fraud/service.js';
import { RetentionService } from './retention/service.js';
import { StaffFeedService } from './staff-feed/service.js';
import { OccasionsService } from './occasions/service.js';
import { PhoneHasher } from './occasions/phone-hash.js';

/** What the services read of the configuration (app/config.ts's Config has these). */
export interface ServiceConfig extends TeamConfig {
  DEFAULT_LOCALE: Locale;
  /** The secret for phone number hashes (domain/occasions/phone-hash.ts); unset: one kept in the database. */
  PHONE_HASH_SECRET?: string | undefined;
}

export interface ServiceOptions {
  conn: Connection;
  clock: Clock;
  config: ServiceConfig;
  jobs: JobQueue;
  settingsDefaults?: Partial<Settings>;
  /** A stored settings document had invalid fields (they were defaulted): for the error log. */
  onInvalidSettings?: (invalid: InvalidStoredSettings) => void;
}

export function createServices({ conn, clock, config, jobs, settingsDefaults, onInvalidSettings }: ServiceOptions) {
  const team = new TeamService(conn, clock, config);
  const settings = new SettingsService(conn, settingsDefaults, clock, onInvalidSettings);
  const preferences = new PreferencesService(conn, config.DEFAULT_LOCALE, settings, () => team.owners(), clock);
  const customers = new CustomerService(conn, clock, jobs, preferences);
  const visits = new VisitsService(conn, clock, settings, jobs);
  // Turning reward expiry on (or changing its days) concerns rewards that already exist, too.
  settings.onChange(() => visits.scheduleExpirySweep());
  // Card screens are no longer stored (their buttons are signed); this only sweeps older records.
  const pendingActions = new PendingActions(conn, clock);
  const once = new OnceKeys(conn);
  const cardMoves = new CardMoves(conn, clock, preferences, once);
  const staffFeed = new StaffFeedService(conn, clock);
  const marketing = new MarketingLog(conn);
  const broadcasts = new BroadcastService(conn, clock, jobs, settings, marketing, config.DEFAULT_LOCALE);
  const campaigns = new CampaignService(conn, settings, marketing, once);
  const stats = new StatsService(conn, clock, settings);
  const exports = new ExportService(conn);
  // Both listen to the visits service's hooks (a confirmed visit, an undone one).
  const reviews = new ReviewService(conn, clock, settings, jobs, visits, once);
  const referrals = new ReferralService(conn, clock, settings, jobs, visits, once);
  const audit = new AuditLog(conn, clock);
  const fraud = new FraudService(conn, clock, settings);
  const retention = new RetentionService(conn, clock, settings, customers);
  const occasions = new OccasionsService(conn, clock, settings, jobs, visits, customers, once, new PhoneHasher(conn, config.PHONE_HASH_SECRET));
  return {
    audit,
    fraud,
    retention,
    conn,
    clock,
    jobs,
    team,
    settings,
    preferences,
    customers,
    cardMoves,
    visits,
    pendingActions,
    once,
    staffFeed,
    marketing,
    broadcasts,
    campaigns,
    stats,
    exports,
    reviews,
    referrals,
    occasions,
  };
}

export type Services = ReturnType<typeof createServices>;
