// The entry point: .env and configuration → database → app → Telegram (polling or webhook) → jobs,
// and a graceful stop on SIGTERM/SIGINT. Whatever stops the start (a wrong token, a port in use)
// is one plain line and exit code 1; an unreachable Telegram is retried, saying so, until it answers.
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Api, GrammyError, HttpError } from 'grammy';
import { ConfigError, loadConfig, type Config } from './config.js';
import { loadEnvFile } from './env-file.js';
import { createLogger, logFormat, type Logger } from './logger.js';
import { NoMongoServerError, startMongoServer, type MongoServer } from './mongo-server.js';
import { chooseDatabase } from './database-name.js';
import { createApp, prepareBot, type App } from './app.js';
import { createHttpServer, webhookTarget } from './server.js';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { ALLOWED_UPDATES } from '../bot/index.js';

const SHUTDOWN_BUDGET_MS = 10_000;
const TELEGRAM_ATTEMPT_TIMEOUT_MS = 10_000;
const TELEGRAM_MAX_DELAY_S = 60;
/** Updates handled at the same time in long polling mode (each user's still in order: bot/index.ts). */
const POLLING_CONCURRENCY = 50;

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

/** What went wrong with a request that got no answer from Telegram, in a few words. */
function networkReason(error: unknown): string {
  let cause: unknown = error instanceof HttpError ? error.error : error;
  for (let i = 0; i < 4 && cause instanceof Error; i++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    if (cause.name === 'TimeoutError' || cause.name === 'AbortError') return `no answer in ${TELEGRAM_ATTEMPT_TIMEOUT_MS / 1000} s`;
    cause = (cause as { cause?: unknown }).cause;
  }
  return cause instanceof Error ? cause.message : String(cause);
}

/**
 * Learns who the bot is (getMe), retrying for as long as Telegram cannot be reached. A token Telegram
 * refuses ends the program: retrying would not help.
 */
async function meetTelegram(app: App, logger: Logger, config: Config, stopped: () => boolean): Promise<void> {
  const host = new URL(config.BOT_API_ROOT ?? 'https://api.telegram.org').host;
  // A bare client: the bot's own retries would keep each attempt silent for longer.
  const probe = new Api(config.BOT_TOKEN, config.BOT_API_ROOT ? { apiRoot: config.BOT_API_ROOT } : undefined);
  for (let attempt = 1; !stopped(); attempt++) {
    try {
      const signal = AbortSignal.timeout(TELEGRAM_ATTEMPT_TIMEOUT_MS) as Parameters<Api['getMe']>[0];
      app.bot.botInfo = await probe.getMe(signal);
      if (attempt > 1) logger.info({ host }, 'reached Telegram');
      return;
    } catch (error) {
      if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
        process.stderr.write('Telegram refused BOT_TOKEN — copy it again from @BotFather\n');
        process.exit(1);
      }
      if (error instanceof GrammyError) throw error;
      const delay = Math.min(TELEGRAM_MAX_DELAY_S, 2 ** Math.min(attempt, 6));
      logger.warn(
        { host, attempt, retryInSeconds: delay },
        `cannot reach Telegram at ${host} (${networkReason(error)}); retrying in ${delay} s, until it answers (Ctrl-C to stop)`,
      );
      await sleep(delay * 1000);
    }
  }
}

/** Listens on `port`, or ends the program with one line when the port cannot be had. */
async function listen(server: Server, port: number, fail: (line: string) => Promise<never>): Promise<void> {
  try {
    await new Promise<void>((done, reject) => {
      server.once('error', reject);
      server.listen(port, () => {
        server.off('error', reject);
        done();
      });
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') await fail(`Port ${port} is already in use by another program: stop that program, or set PORT to a free port (for example PORT=8081).`);
    if (code === 'EACCES') await fail(`Port ${port} needs privileges this user does not have: set PORT to a port above 1023 (for example PORT=8080).`);
    throw error;
  }
}

async function main(): Promise<void> {
  const envFile = loadEnvFile();
  const config = readConfig();
  const logger = createLogger(config.LOG_LEVEL, undefined, logFormat(config.LOG_FORMAT));
  if (envFile) logger.info({ file: envFile }, 'read settings from .env (the real environment wins)');

  // Whatever has been started so far is stopped in reverse order, however early the signal comes.
  let mongo: MongoServer | undefined;
  let app: App | undefined;
  let server: Server | undefined;
  let runner: RunnerHandle | undefined;
  let stopping = false;
  const release = async () => {
    // Stops fetching, then waits for the updates in hand to be handled (the runner's stop() ends the
    // fetching loop only; its sink still holds the updates being processed).
    if (runner) {
      await runner.stop();
      while (runner.size() > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise<void>((done) => (server?.listening ? server.close(() => done()) : done()));
    await app?.close();
    await mongo?.stop();
  };
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
      await release();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  const fail = async (line: string): Promise<never> => {
    process.stderr.write(`${line}\n`);
    stopping = true;
    await release().catch(() => undefined);
    process.exit(1);
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

  const database = await chooseDatabase(mongo.uri);
  if (database.legacy) logger.warn({ database: database.dbName }, `keeping the program's data in the database "${database.dbName}" where earlier versions put it`);
  app = await createApp({ config, logger, mongoUri: mongo.uri, dbName: database.dbName });
  const { bot } = app;
  await meetTelegram(app, logger, config, () => stopping);
  if (stopping) return;
  await prepareBot(app);
  // Lines an instance stored but did not live to post (it stopped between the two) go out now.
  await app.notifier.staffChat.flush().catch((error: unknown) => logger.error({ err: error }, 'staff chat lines left from before could not be posted; the flush job will try again'));
  logger.info({ bot: bot.botInfo.username, database: mongo.kind, dbName: database.dbName }, 'bot ready');
  if (stopping) return;

  const claimCode = await app.services.team.openClaim();
  if (claimCode) {
    logger.warn(
      { claimCode },
      `no owner yet: send "/claim ${claimCode}" to @${bot.botInfo.username} in a private chat to become the owner (claim code ${claimCode})`,
    );
  }

  if (config.WEBHOOK_URL) {
    const target = webhookTarget(config.WEBHOOK_URL);
    server = createHttpServer({ bot, conn: app.conn, webhookSecret: config.WEBHOOK_SECRET, webhookPaths: target.paths, logger });
    await listen(server, config.PORT, fail);
    await bot.api.setWebhook(target.url, { secret_token: config.WEBHOOK_SECRET, allowed_updates: [...ALLOWED_UPDATES] });
    logger.info({ port: config.PORT, url: target.url, paths: target.paths }, 'webhook mode');
  } else {
    server = createHttpServer({ bot, conn: app.conn, logger });
    await listen(server, config.PORT, fail);
    await bot.api.deleteWebhook();
    runner = run(bot, {
      runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } },
      sink: { concurrency: POLLING_CONCURRENCY },
    });
    logger.info({ concurrency: POLLING_CONCURRENCY }, 'long polling');
    void runner.task()?.catch((error: unknown) => {
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
