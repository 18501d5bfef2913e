// Benchmark (not a test): onboardings end to end through the bot's updates — /start, the language,
// Continue, the shared contact, the consent answer, the card photo — for many new users at once (each
// user's steps one after the other, as a person taps). Prints the wall time and per-step latencies.
//
//   npm run bench:onboarding            (USERS=300 CONCURRENCY=25 to change the load)
// FerretDB on SQLite answers SQLITE_BUSY when too many users write at once (measured: 300 at once fail
// on main and here alike), hence users start CONCURRENCY at a time.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Update, User } from 'grammy/types';
import { createApp } from '../app/app.js';
import { loadConfig } from '../app/config.js';
import { createLogger } from '../app/logger.js';
import { startMongoServer } from '../app/mongo-server.js';
import { customerModel } from '../domain/customers/model.js';
import { BOT_INFO, FakeTelegram, inlineButtons, type SentMessage } from '../test/harness/telegram.js';
import { telegramFetch } from '../test/harness/telegram-fetch.js';

const USERS = Number(process.env.USERS ?? 300);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 25);
let updateId = 1;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const server = await startMongoServer({ uri: process.env.MONGODB_URI, log: (m) => process.stderr.write(`[bench] ${m}\n`) });
  const dbName = `bench_onboarding_${Date.now()}`;
  const telegram = new FakeTelegram();
  const config = loadConfig({ BOT_TOKEN: '123456:BENCH-token-abcdef', LOG_LEVEL: 'warn' });
  const app = await createApp({
    config,
    logger: createLogger('warn'),
    mongoUri: server.uri,
    dbName,
    bot: { botInfo: BOT_INFO, transformers: [telegram.transformer], client: { fetch: telegramFetch(telegram) } },
  });
  const t = (key: string) => app.t('en', key);
  const steps: number[] = [];

  const deliver = async (update: Omit<Update, 'update_id'>) => {
    const t0 = performance.now();
    await app.bot.handleUpdate({ update_id: updateId++, ...update });
    steps.push(performance.now() - t0);
  };

  const onboard = async (index: number) => {
    const from: User = { id: 3_000_000 + index, is_bot: false, first_name: `Guest${index}`, language_code: 'en' };
    const chat = { id: from.id, type: 'private' as const, first_name: from.first_name };
    const message = (fields: Record<string, unknown>) => ({
      message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat, from, ...fields },
    });
    const press = async (label: string | RegExp) => {
      const target = [...telegram.messages(from.id)]
        .reverse()
        .map((m): [SentMessage, ReturnType<typeof inlineButtons>[number] | undefined] => [
          m,
          inlineButtons(m).find((b) => (typeof label === 'string' ? b.text === label : label.test(b.text))),
        ])
        .find(([, b]) => b !== undefined);
      if (!target || !target[1] || !('callback_data' in target[1])) throw new Error(`no button ${String(label)} for user ${index}`);
      const [sent, button] = target;
      await deliver({
        callback_query: {
          id: randomBytes(8).toString('hex'),
          from,
          chat_instance: String(from.id),
          data: button.callback_data,
          message: { message_id: sent.messageId, date: 0, chat, from: BOT_INFO, text: sent.text ?? '' },
        },
      });
    };
    await deliver(message({ text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] }));
    await press(/English$/);
    await press(t('onboarding-continue'));
    await deliver(message({ contact: { phone_number: `+35988${String(1_000_000 + index).slice(-7)}`, first_name: from.first_name, user_id: from.id } }));
    await press(t('onboarding-consent-yes'));
  };

  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, USERS) }, async () => {
      while (next < USERS) await onboard(next++);
    }),
  );
  const wallMs = performance.now() - started;
  const registered = await customerModel(app.conn).countDocuments({ deletedAt: null });
  if (registered !== USERS) throw new Error(`expected ${USERS} customers, found ${registered}`);
  const photos = telegram.callsOf('sendPhoto').length;

  const sorted = [...steps].sort((a, b) => a - b);
  process.stdout.write(
    [
      `database server: ${server.kind}; ${USERS} new users onboarding, ${CONCURRENCY} at a time (5 updates each)`,
      `all onboarded in ${(wallMs / 1000).toFixed(1)} s (${((USERS / wallMs) * 1000).toFixed(1)} onboardings/s, ${photos} card photos sent)`,
      `per update: p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms (${steps.length} updates)`,
    ].join('\n') + '\n',
  );

  await app.conn.dropDatabase();
  await app.close();
  await server.stop();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
