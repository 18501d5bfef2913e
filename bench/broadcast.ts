// Benchmark (not a test): one broadcast to a big segment through a local stand-in for the Bot API
// that enforces a message rate the way Telegram does (429 with retry_after when a second holds more
// than the limit). The real app is pointed at it with BOT_API_ROOT, and the real broadcast job sends.
// Prints the achieved rate as a fraction of the enforced one, and the peak memory of the bot's process
// (the endpoint runs in a child process of its own, so its bookkeeping is not counted).
//
//   npm run bench:broadcast                                  (100,000 customers, limit 30/s like Telegram)
//   BENCH_CUSTOMERS=20000 BENCH_LIMIT=60 npm run bench:broadcast
//   MONGODB_URI=mongodb://localhost:27017 npm run bench:broadcast
//
// Knobs: BENCH_CUSTOMERS, BENCH_LIMIT (messages/second the endpoint allows), BENCH_RATE (the bot's
// BROADCAST_RATE, default: the app's default), BENCH_LATENCY_MS (the endpoint's answer time, default 40).
import '../app/load-env.js';
import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp } from '../app/app.js';
import { loadConfig } from '../app/config.js';
import { createLogger } from '../app/logger.js';
import { startMongoServer } from '../app/mongo-server.js';
import { customerModel } from '../domain/customers/model.js';
import type { UserFromGetMe } from 'grammy/types';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 30);
const RATE = process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : undefined;
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 40);
const OWNER_ID = 1;
const FIRST_CUSTOMER_ID = 10_000_000;

const BOT_INFO = {
  id: 42,
  is_bot: true,
  first_name: 'Bench',
  username: 'bench_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
} as UserFromGetMe;

/** The Bot API stand-in: a sliding one-second window per bot, like Telegram's flood control. */
class RateEnforcingEndpoint {
  private readonly window: number[] = [];
  accepted = 0;
  refused = 0;
  firstAt = 0;
  lastAt = 0;
  readonly perChat = new Map<number, number>();

  stats() {
    return {
      accepted: this.accepted,
      refused: this.refused,
      sendingSeconds: (this.lastAt - this.firstAt) / 1000,
      twice: [...this.perChat.values()].filter((n) => n > 1).length,
    };
  }

  constructor(private readonly limit: number) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = (req.url ?? '').split('/').pop() ?? '';
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
    await sleep(LATENCY_MS);
    const reply = (payload: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (method !== 'sendMessage' && method !== 'sendPhoto') return reply({ ok: true, result: method === 'getMe' ? BOT_INFO : true });

    const chatId = Number(body.chat_id);
    const now = performance.now();
    while (this.window.length > 0 && this.window[0]! <= now - 1000) this.window.shift();
    if (this.window.length >= this.limit) {
      this.refused++;
      return reply({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    }
    this.window.push(now);
    if (chatId !== OWNER_ID) {
      this.accepted++;
      if (this.firstAt === 0) this.firstAt = now;
      this.lastAt = now;
      this.perChat.set(chatId, (this.perChat.get(chatId) ?? 0) + 1);
    }
    reply({
      ok: true,
      result: { message_id: this.accepted, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private', first_name: 'C' }, text: body.text },
    });
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const endpoint = await startEndpoint();
  const apiRoot = `http://127.0.0.1:${endpoint.port}`;

  const mongo = await startMongoServer({ uri: process.env.MONGODB_URI, log: (msg) => process.stderr.write(`[bench] ${msg}\n`) });
  const defaults = loadConfig({ BOT_TOKEN: '123456:BENCH-TOKEN-abcdefghij', OWNER_IDS: String(OWNER_ID), BOT_API_ROOT: apiRoot, LOG_LEVEL: 'warn' });
  // The zod schema caps the pace at Telegram's 30/s; the benchmark may go faster against its own endpoint.
  const config = { ...defaults, BROADCAST_RATE: RATE ?? defaults.BROADCAST_RATE };
  const app = await createApp({
    config,
    logger: createLogger('warn'),
    mongoUri: mongo.uri,
    dbName: `bench_${randomBytes(4).toString('hex')}`,
    bot: { botInfo: BOT_INFO },
  });

  try {
    process.stdout.write(`[bench] inserting ${CUSTOMERS.toLocaleString('en')} customers (${mongo.kind})...\n`);
    const customers = customerModel(app.conn);
    for (let start = 0; start < CUSTOMERS; start += 5_000) {
      const batch = Array.from({ length: Math.min(5_000, CUSTOMERS - start) }, (_, k) => {
        const i = start + k;
        return {
          telegramId: FIRST_CUSTOMER_ID + i,
          phone: `+3598${String(10_000_000 + i)}`,
          cardToken: `bench-token-${i}`,
          cardNumber: `B${String(i).padStart(7, '0')}`,
          referralCode: `b${String(i).padStart(7, '0')}`,
          firstName: `Customer ${i}`,
          locale: (['en', 'ru', 'bg'] as const)[i % 3],
          marketingConsent: true,
          registeredAt: new Date(),
        };
      });
      await customers.insertMany(batch, { lean: true });
    }

    let peakRss = 0;
    let peakHeap = 0;
    const sample = () => {
      const { rss, heapUsed } = process.memoryUsage();
      peakRss = Math.max(peakRss, rss);
      peakHeap = Math.max(peakHeap, heapUsed);
    };
    const before = process.memoryUsage();
    const sampler = setInterval(sample, 100);

    const scheduled = await app.services.broadcasts.schedule({
      draftId: 'bench',
      segment: 'all',
      texts: { en: 'Spring menu is here!', ru: 'Весеннее меню уже здесь!', bg: 'Пролетното меню е тук!' },
      photoFileId: null,
      sendAt: null,
      createdBy: OWNER_ID,
    });
    if (!scheduled.ok) throw new Error(scheduled.error.code);
    process.stdout.write(`[bench] broadcasting: endpoint limit ${LIMIT}/s, BROADCAST_RATE ${config.BROADCAST_RATE}/s, answer time ${LATENCY_MS} ms\n`);
    const progress = setInterval(() => {
      void endpoint.stats().then((now) => process.stdout.write(`[bench] ... ${now.accepted.toLocaleString('en')} sent\n`));
    }, 60_000);
    const started = performance.now();
    await app.scheduler.runDue();
    const wallSeconds = (performance.now() - started) / 1000;
    clearInterval(progress);
    clearInterval(sampler);
    sample();

    const broadcast = await app.services.broadcasts.find(String(scheduled.value._id));
    const { accepted, refused, sendingSeconds, twice } = await endpoint.stats();
    const achieved = sendingSeconds > 0 ? (accepted - 1) / sendingSeconds : 0;
    const lines = [
      `customers in the segment:     ${CUSTOMERS.toLocaleString('en')} (database: ${mongo.kind})`,
      `messages delivered:           ${accepted.toLocaleString('en')} (report: ${JSON.stringify(broadcast?.report)})`,
      `customers messaged twice:     ${twice}`,
      `429 answers received:         ${refused}`,
      `enforced rate:                ${LIMIT} msg/s`,
      `achieved rate:                ${achieved.toFixed(1)} msg/s = ${(achieved / LIMIT).toFixed(3)} of the enforced rate`,
      `time:                         ${sendingSeconds.toFixed(1)} s sending, ${wallSeconds.toFixed(1)} s in the job`,
      `memory before the broadcast:  rss ${mb(before.rss)}, heap ${mb(before.heapUsed)}`,
      `peak memory while sending:    rss ${mb(peakRss)}, heap ${mb(peakHeap)}`,
      `machine load (1/5/15 min):    ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`,
    ];
    process.stdout.write(`\n${lines.join('\n')}\n`);
  } finally {
    await app.conn.dropDatabase().catch(() => undefined);
    await app.close();
    await mongo.stop();
    endpoint.stop();
  }
}

interface EndpointStats {
  accepted: number;
  refused: number;
  sendingSeconds: number;
  twice: number;
}

/** Forks this file as the endpoint process; answers its port and, on request, its counts. */
async function startEndpoint() {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--endpoint'], { execArgv: process.execArgv, stdio: 'inherit' });
  const [ready] = (await once(child, 'message')) as [{ port: number }];
  return {
    port: ready.port,
    async stats(): Promise<EndpointStats> {
      child.send('stats');
      const [stats] = (await once(child, 'message')) as [EndpointStats];
      return stats;
    },
    stop: () => child.kill(),
  };
}

async function runEndpoint(): Promise<void> {
  const endpoint = new RateEnforcingEndpoint(LIMIT);
  const server = createServer((req, res) => void endpoint.handle(req, res));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  process.on('message', () => process.send!(endpoint.stats()));
  process.send!({ port: (server.address() as AddressInfo).port });
}

(process.argv.includes('--endpoint') ? runEndpoint() : main()).catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
