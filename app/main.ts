// The entry point: configuration → database → app → Telegram (polling or webhook) → jobs,
// and a graceful stop on SIGTERM/SIGINT.
import { once } from 'node:events';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';
import { NoMongoServerError, startMongoServer, type MongoServer } from './mongo-server.js';
import { createApp, prepareBot, type App } from './app.js';
import { createHttpServer, WEBHOOK_PATH } from './server.js';

const SHUTDOWN_BUDGET_MS = 10_000;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration problem${error.problems.length > 1 ? 's' : ''}:\n`);
      for (const problem of error.problems) process.stderr.write(`  - ${problem}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.LOG_LEVEL);

  // Whatever has been started so far is stopped in reverse order, however early the signal comes.
  let mongo: MongoServer | undefined;
  let app: App | undefined;
  let server: Server | undefined;
  let polling = false;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_BUDGET_MS);
    deadline.unref();
    try {
      if (polling) await app?.bot.stop();
      await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
      await app?.close();
      await mongo?.stop();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  try {
    mongo = await startMongoServer({
      ...(config.MONGODB_URI ? { uri: config.MONGODB_URI } : {}),
      dataDir: resolve(config.DATA_DIR),
      log: (msg) => logger.info(msg),
    });
  } catch (error) {
    if (error instanceof NoMongoServerError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (stopping) return;

  app = await createApp({ config, logger, mongoUri: mongo.uri });
  const { bot } = app;
  await prepareBot(app);
  logger.info({ bot: bot.botInfo.username, database: mongo.kind }, 'bot ready');
  if (stopping) return;

  if (config.WEBHOOK_URL) {
    server = createHttpServer({ bot, conn: app.conn, webhookSecret: config.WEBHOOK_SECRET });
    server.listen(config.PORT);
    await once(server, 'listening');
    const url = new URL(WEBHOOK_PATH, config.WEBHOOK_URL).toString();
    await bot.api.setWebhook(url, { secret_token: config.WEBHOOK_SECRET, allowed_updates: ['message', 'callback_query', 'my_chat_member', 'chat_member'] });
    logger.info({ port: config.PORT }, 'webhook mode');
  } else {
    server = createHttpServer({ bot, conn: app.conn });
    server.listen(config.PORT);
    await bot.api.deleteWebhook();
    polling = true;
    void bot.start({ onStart: () => logger.info('long polling') }).catch((error: unknown) => {
      logger.fatal({ err: error }, 'polling stopped');
      process.exit(1);
    });
  }
  await app.scheduler.start();
  logger.info('jobs started');
}

main().catch((error: unknown) => {
  process.stderr.write(`Fatal: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
