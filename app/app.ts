// Wires one running app: database → domain services → bot → jobs. Production (main.ts), the tests
// and the demo all build the app here, so what the tests drive is what ships.
import type { Connection } from 'mongoose';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { openDatabase, ensureIndexes } from '../domain/database.js';
import { systemClock, type Clock } from '../domain/clock.js';
import { createServices, type Services } from '../domain/services.js';
import { backfillSnapshots } from '../domain/ledger/snapshot.js';
import { createBot, type AppBot, type CreateBotOptions } from '../bot/index.js';
import { createI18n, translator } from '../bot/i18n.js';
import type { Translator } from '../bot/translator.js';
import { Notifier } from '../bot/notifier.js';
import { StaffFeed } from '../bot/staff-feed.js';
import { createBroadcastApi } from '../bot/broadcast-api.js';
import { registerCommands } from '../bot/commands.js';
import { JobScheduler } from '../jobs/scheduler.js';
import { defineJobs } from '../jobs/index.js';

export interface AppOptions {
  config: Config;
  logger: Logger;
  mongoUri: string;
  dbName?: string;
  clock?: Clock;
  bot?: CreateBotOptions;
  /** How often the job worker polls; tests run due jobs on demand instead. */
  processEvery?: number | string;
  workerName?: string;
  /** How long a database operation waits for an absent server before failing. */
  databaseTimeoutMs?: number;
  /** Emit the driver's command events on the connection (tests count database round trips). */
  monitorCommands?: boolean;
}

export interface App {
  config: Config;
  conn: Connection;
  services: Services;
  bot: AppBot;
  notifier: Notifier;
  scheduler: JobScheduler;
  t: Translator;
  logger: Logger;
  close(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const conn = await openDatabase(options.mongoUri, options.dbName, options.databaseTimeoutMs, {
    ...(options.monitorCommands ? { monitorCommands: true } : {}),
  });
  try {
    const i18n = createI18n(config.DEFAULT_LOCALE);
    const t = translator(i18n);
    const scheduler = new JobScheduler({
      conn,
      clock,
      logger,
      ...(options.processEvery !== undefined ? { processEvery: options.processEvery } : {}),
      ...(options.workerName ? { name: options.workerName } : {}),
    });
    const services = createServices({
      conn,
      clock,
      config,
      jobs: scheduler,
      settingsDefaults: { timeZone: config.TZ },
      onInvalidSettings: (invalid) =>
        logger.error({ fields: invalid.fields }, 'stored settings failed validation; those fields use their defaults'),
    });
    // The notifier needs the bot's API (with its transformers), the bot needs the notifier: build
    // the bot first with a notifier that reads the API lazily.
    let notifier!: Notifier;
    const bot = createBot(
      config,
      {
        services,
        logger,
        i18n,
        get notifier() {
          return notifier;
        },
      },
      options.bot,
    );
    const broadcastApi = createBroadcastApi(config, options.bot);
    const staffFeed = new StaffFeed({ api: broadcastApi, t, logger, services, chatId: () => services.team.staffChatId() });
    notifier = new Notifier(bot.api, t, logger, services.preferences, staffFeed);
    defineJobs(scheduler, { services, notifier, logger, config, broadcastApi });
    await ensureIndexes(conn);
    // A new owner (claimed in Telegram) gets the owners' command menu at once.
    services.team.onChange(() => publishCommands({ bot, t, config, logger, services }));
    // Cards written before snapshots existed get theirs (domain/ledger/snapshot.ts).
    await backfillSnapshots(conn);

    return {
      config,
      conn,
      services,
      bot,
      notifier,
      scheduler,
      t,
      logger,
      async close() {
        // Lines already stored are posted before the connection goes (what cannot be is left to the flush job).
        await staffFeed.idle();
        await scheduler.stop();
        await conn.close();
      },
    };
  } catch (error) {
    await conn.close();
    throw error;
  }
}

/**
 * What a started app does before it takes updates: learns who it is from Telegram and publishes its
 * command menus, one per language (and the owners' own). Production (main.ts) and the tests run this
 * same step; a menu Telegram refuses is logged, not fatal.
 */
export async function prepareBot(app: App): Promise<void> {
  await app.bot.init();
  await publishCommands(app);
}

/** The menus, the owners' each in that owner's language; also after an owner is claimed or changes language. */
export async function publishCommands(app: Pick<App, 'bot' | 't' | 'config' | 'logger' | 'services'>): Promise<void> {
  const menus = async () => {
    const ownerIds = await app.services.team.owners();
    const owners = await Promise.all(ownerIds.map(async (id) => ({ id, locale: await app.services.preferences.localeOf(id) })));
    await registerCommands(app.bot.api, app.t, app.config.DEFAULT_LOCALE, owners);
  };
  await menus().catch((error: unknown) => app.logger.warn({ err: error }, 'could not register the command menu'));
}
