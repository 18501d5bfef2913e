// Benchmark (not a test): staff confirmations per second end to end — the press of "+1" goes in as an
// update, the ledger is written, the customer's notification and the staff group's audit line go out —
// with 50 staff members pressing at once; and, measured in the same run on the same database server,
// a minimal grammY handler doing one MongoDB insert. Prints both and their ratio. A press's latency
// ends when its update is handled (screen edited, customer told, audit line stored); the throughput's
// clock stops only when every audit line has been posted to the staff chat too.
//
//   npm run bench:stamp            (ROUNDS=6 STAFF=50 to change the load)
import '../app/load-env.js';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { createApp } from '../app/app.js';
import { loadConfig } from '../app/config.js';
import { createLogger } from '../app/logger.js';
import { startMongoServer } from '../app/mongo-server.js';
import { openDatabase } from '../domain/database.js';
import { customerModel } from '../domain/customers/model.js';
import { CARD_NUMBER_ALPHABET } from '../domain/customers/codes.js';
import { BOT_INFO, FakeTelegram, inlineButtons } from '../test/harness/telegram.js';
import { telegramFetch } from '../test/harness/telegram-fetch.js';

const STAFF = Number(process.env.STAFF ?? 50);
const ROUNDS = Number(process.env.ROUNDS ?? 6);
const STAFF_CHAT_ID = -1009000000001;
let updateId = 1;

/** A distinct valid card number per index: the index written in the card-number alphabet. */
function cardNumberFor(index: number): string {
  let n = index;
  let code = '';
  for (let k = 0; k < 8; k++) {
    code = CARD_NUMBER_ALPHABET[n % CARD_NUMBER_ALPHABET.length] + code;
    n = Math.floor(n / CARD_NUMBER_ALPHABET.length);
  }
  return code;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function summary(latencies: number[], wallMs: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { perSecond: (latencies.length / wallMs) * 1000, p50: percentile(sorted, 50), p99: percentile(sorted, 99), count: latencies.length };
}

function press(userId: number, chatId: number, data: string, messageId: number): Update {
  return {
    update_id: updateId++,
    callback_query: {
      id: randomBytes(8).toString('hex'),
      from: { id: userId, is_bot: false, first_name: `Staff${userId}`, language_code: 'en' },
      chat_instance: String(chatId),
      data,
      message: { message_id: messageId, date: 0, chat: { id: chatId, type: 'private', first_name: 'S' }, text: 'card' },
    },
  };
}

function command(userId: number, text: string): Update {
  return {
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: 'private', first_name: 'S' },
      from: { id: userId, is_bot: false, first_name: `Staff${userId}`, language_code: 'en' },
      text,
      entities: [{ type: 'bot_command', offset: 0, length: text.indexOf(' ') > 0 ? text.indexOf(' ') : text.length }],
    },
  };
}

/** Fires `work(i)` for every staff member at once, round after round; returns each call's latency. */
/** `drain`: what must finish before the clock stops (the app's staff-chat lines still being posted). */
async function waves(
  work: (staff: number, round: number) => Promise<void>,
  drain: () => Promise<void> = async () => undefined,
): Promise<{ latencies: number[]; wallMs: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    await Promise.all(
      Array.from({ length: STAFF }, async (_, s) => {
        const t0 = performance.now();
        await work(s, round);
        latencies.push(performance.now() - t0);
      }),
    );
  }
  await drain();
  return { latencies, wallMs: performance.now() - started };
}

async function main(): Promise<void> {
  const server = await startMongoServer({ uri: process.env.MONGODB_URI, log: (m) => process.stderr.write(`[bench] ${m}\n`) });
  const dbName = `bench_stamp_${Date.now()}`;
  const staffIds = Array.from({ length: STAFF }, (_, i) => 800_000 + i);

  // The real app, as in production, with Telegram answered in-process.
  const telegram = new FakeTelegram();
  for (const id of staffIds) telegram.setMember(STAFF_CHAT_ID, id, 'member');
  const config = loadConfig({ BOT_TOKEN: '123456:BENCH-token-abcdef', STAFF_CHAT_ID: String(STAFF_CHAT_ID), LOG_LEVEL: 'warn' });
  const app = await createApp({
    config,
    logger: createLogger('warn'),
    mongoUri: server.uri,
    dbName,
    bot: { botInfo: BOT_INFO, transformers: [telegram.transformer], client: { fetch: telegramFetch(telegram) } },
  });
  await app.services.settings.update({ cooldownMinutes: 0, dailyCap: 50, stampsPerReward: 30 }, null);

  // One customer per staff member and round, so the limits never refuse a press.
  const customers = await customerModel(app.conn).insertMany(
    Array.from({ length: STAFF * ROUNDS }, (_, i) => ({
      telegramId: 900_000 + i,
      phone: `+35989${String(1_000_000 + i).slice(-7)}`,
      firstName: `Guest${i}`,
      locale: 'en',
      cardToken: randomBytes(18).toString('base64url'),
      cardNumber: cardNumberFor(i),
      referralCode: randomBytes(4).toString('hex'),
      marketingConsent: true,
      registeredAt: new Date(),
    })),
  );

  // Every card screen is opened before the clock starts: the benchmark measures the confirmation.
  const screens: { data: string; messageId: number }[][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    screens.push([]);
    for (let s = 0; s < STAFF; s++) {
      const customer = customers[round * STAFF + s]!;
      await app.bot.handleUpdate(command(staffIds[s]!, `/card ${customer.cardNumber}`));
      const screen = telegram.messages(staffIds[s]!).at(-1)!;
      const plusOne = inlineButtons(screen).find((b) => 'callback_data' in b && /stamp:1$/.test(b.callback_data));
      if (!plusOne || !('callback_data' in plusOne)) throw new Error('no +1 button on the card screen');
      screens[round]!.push({ data: plusOne.callback_data, messageId: screen.messageId });
    }
  }
  const notificationsBefore = telegram.callsOf('sendMessage').length;
  const app_ = await waves(async (s, round) => {
    const screen = screens[round]![s]!;
    await app.bot.handleUpdate(press(staffIds[s]!, staffIds[s]!, screen.data, screen.messageId));
  }, () => app.notifier.staffChat.idle());
  const ledgerEntries = await app.conn.collection('ledgerentries').countDocuments({ type: 'stamp' });
  const notifications = telegram.callsOf('sendMessage').length - notificationsBefore;
  if (ledgerEntries !== STAFF * ROUNDS) throw new Error(`expected ${STAFF * ROUNDS} stamps, the ledger has ${ledgerEntries}`);

  // The baseline: a minimal grammY bot whose handler does one MongoDB insert and answers the press.
  const baselineConn = await openDatabase(server.uri, `${dbName}_baseline`);
  const collection = baselineConn.collection('presses');
  const baseline = new Bot('123456:BENCH-token-abcdef', { botInfo: BOT_INFO });
  baseline.api.config.use(telegram.transformer);
  baseline.on('callback_query:data', async (ctx) => {
    await collection.insertOne({ data: ctx.callbackQuery.data, from: ctx.from.id, at: new Date() });
    await ctx.answerCallbackQuery();
  });
  const base = await waves(async (s) => {
    await baseline.handleUpdate(press(staffIds[s]!, staffIds[s]!, `staff:${randomBytes(9).toString('base64url')}:stamp:1`, 1));
  });

  const a = summary(app_.latencies, app_.wallMs);
  const b = summary(base.latencies, base.wallMs);
  const fmt = (n: number) => n.toFixed(1);
  process.stdout.write(
    [
      `database server: ${server.kind}; ${STAFF} concurrent staff × ${ROUNDS} rounds`,
      `stamp confirmation (update → ledger → customer notice + audit line): ${fmt(a.perSecond)}/s, p50 ${fmt(a.p50)} ms, p99 ${fmt(a.p99)} ms (${a.count} presses, ${notifications} messages sent)`,
      `minimal grammY handler with one insert:                        ${fmt(b.perSecond)}/s, p50 ${fmt(b.p50)} ms, p99 ${fmt(b.p99)} ms (${b.count} presses)`,
      `ratio (confirmation / minimal): throughput ${(a.perSecond / b.perSecond).toFixed(3)}, p50 latency ${(a.p50 / b.p50).toFixed(1)}×, p99 latency ${(a.p99 / b.p99).toFixed(1)}×`,
    ].join('\n') + '\n',
  );

  await app.conn.dropDatabase();
  await baselineConn.dropDatabase();
  await baselineConn.close();
  await app.close();
  await server.stop();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
