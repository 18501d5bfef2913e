// What a person sees when starting the real process: `.env` read (the real environment wins),
// readable logs in a terminal, a claim code when nobody owns the bot, one plain line (and exit 1)
// for a refused token or a busy port, a retry line while Telegram cannot be reached, and a webhook
// behind a reverse-proxy path.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '../db.js';
import { startLocalBotApi, type LocalBotApi } from '../harness/bot-api-server.js';
import { FakeTelegram } from '../harness/telegram.js';
import { freePort, startBotProcess, type BotProcess } from '../harness/process.js';

const TOKEN = '123456:STARTUP-TEST-token';

describe('starting the bot', () => {
  const telegram = new FakeTelegram();
  let api: LocalBotApi;
  let mongoUri: string;
  const running: BotProcess[] = [];
  const start = (env: Record<string, string>) => {
    const p = startBotProcess(env);
    running.push(p);
    return p;
  };

  beforeAll(async () => {
    api = await startLocalBotApi(telegram);
    const db = await connectTestDatabase('startup');
    const uri = new URL(db.uri);
    uri.pathname = `/${db.dbName}`;
    mongoUri = uri.toString();
  });
  afterEach(() => {
    for (const p of running.splice(0)) p.kill();
  });
  afterAll(async () => {
    await api.close();
  });

  const base = () => ({ BOT_TOKEN: TOKEN, BOT_API_ROOT: api.apiRoot, MONGODB_URI: mongoUri, PORT: '0', OWNER_IDS: '42' });

  it('reads .env when present, and a variable set in the real environment wins over it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dotenv-'));
    const file = join(dir, '.env');
    writeFileSync(
      file,
      [`BOT_TOKEN=${TOKEN}`, `BOT_API_ROOT=${api.apiRoot}`, `MONGODB_URI=${mongoUri}`, 'PORT=0', 'OWNER_IDS=42', 'LOG_FORMAT=pretty'].join('\n'),
    );
    const bot = start({ ENV_FILE: file, LOG_FORMAT: 'json' });
    await bot.waitFor(/jobs started/);
    const lines = bot.stdout.trim().split('\n');
    for (const line of lines) expect(() => void JSON.parse(line), line).not.toThrow();
    expect(bot.stdout).toContain('read settings from .env');
  });

  it('writes readable lines instead of JSON with LOG_FORMAT=pretty, and stops promptly on SIGTERM', async () => {
    const bot = start({ ...base(), LOG_FORMAT: 'pretty' });
    await bot.waitFor(/bot ready/);
    await bot.waitFor(/jobs started/);
    const ready = bot.stdout.split('\n').find((l) => l.includes('bot ready'))!;
    expect(() => void JSON.parse(ready)).toThrow();
    expect(ready).toMatch(/INFO.*bot ready/);
    bot.child.kill('SIGTERM');
    expect(await bot.exited(10_000)).toBe(0);
  });

  it('prints a one-time claim code when nobody owns the bot, and /claim <code> in a private chat makes an owner', async () => {
    const db = await connectTestDatabase('claim');
    const uri = new URL(db.uri);
    uri.pathname = `/${db.dbName}`;
    const bot = start({ ...base(), OWNER_IDS: '', MONGODB_URI: uri.toString() });
    await bot.waitFor(/jobs started/);
    const code = /claim code ([A-Z]{8})/.exec(bot.stdout)?.[1];
    expect(code, bot.stdout).toBeDefined();
    const message = (userId: number, text: string) => ({
      message: {
        message_id: userId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: userId, type: 'private' as const, first_name: 'Elena' },
        from: { id: userId, is_bot: false, first_name: 'Elena', language_code: 'en' },
        text,
        entities: [{ type: 'bot_command' as const, offset: 0, length: text.split(' ')[0]!.length }],
      },
    });
    api.push(message(4242, '/claim WRONGCDE'));
    api.push(message(4242, `/claim ${code!.toLowerCase()}`));
    api.push(message(4242, '/whoami'));
    // Updates of different users are handled at the same time (the runner): the second person tries
    // the code only once the first has it.
    await api.drained(15_000);
    const first = Date.now() + 10_000;
    while (telegram.messages(4242).length < 3 && Date.now() < first) await new Promise((r) => setTimeout(r, 25));
    api.push(message(4343, `/claim ${code!}`));
    await api.drained(15_000);
    const deadline = Date.now() + 10_000;
    while (telegram.messages(4343).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    const texts = telegram.messages(4242).map((m) => m.text ?? '');
    expect(texts[0]).toMatch(/not right/);
    expect(texts[1]).toMatch(/You are now an owner/);
    expect(texts[2]).toMatch(/Your Telegram ID: 4242\s+Role: owner/);
    // One-time: the second person with the same code does not become an owner.
    expect(telegram.messages(4343).at(-1)?.text).toMatch(/already has an owner/);
    // The new owner got the owners' command menu.
    expect(telegram.callsOf('setMyCommands').some((c) => (c.payload.scope as { chat_id?: number } | undefined)?.chat_id === 4242)).toBe(true);
    await db.drop();
  });

  it('says Telegram refused the token and exits 1 when getMe answers 401', async () => {
    telegram.fail({ method: 'getMe', error_code: 401, description: 'Unauthorized' });
    const bot = start(base());
    expect(await bot.exited()).toBe(1);
    expect(bot.stderr.trim()).toBe('Telegram refused BOT_TOKEN — copy it again from @BotFather');
  });

  it('keeps retrying, saying where and when, while Telegram cannot be reached, and stops at once on SIGTERM', async () => {
    const closed = await freePort();
    const bot = start({ ...base(), BOT_API_ROOT: `http://127.0.0.1:${closed}` });
    await bot.waitFor(new RegExp(`cannot reach Telegram at 127\\.0\\.0\\.1:${closed} \\(ECONNREFUSED\\); retrying in 2 s`));
    await bot.waitFor(/retrying in 4 s/, 10_000);
    const stopped = Date.now();
    bot.child.kill('SIGTERM');
    expect(await bot.exited(5_000)).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(3_000);
  });

  it('names the busy port and how to change it, and exits 1 without a stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const bot = start({ ...base(), PORT: String(port) });
      expect(await bot.exited()).toBe(1);
      expect(bot.stderr.trim()).toBe(`Port ${port} is already in use by another program: stop that program, or set PORT to a free port (for example PORT=8081).`);
    } finally {
      blocker.close();
    }
  });

  it('explains a bad value of every variable on its own line, with an example of a right one, and exits 1', async () => {
    const bad: Record<string, string> = {
      BOT_TOKEN: 'not-a-token',
      MONGODB_URI: 'postgres://db/loyalty',
      OWNER_IDS: '42,abc',
      STAFF_CHAT_ID: 'abc',
      DEFAULT_LOCALE: 'de',
      TZ: 'Mars/Olympus',
      BOT_API_ROOT: 'localhost:8081',
      WEBHOOK_URL: 'bot.example.com',
      WEBHOOK_SECRET: 'short',
      PORT: '70000',
      LOG_LEVEL: 'loud',
      LOG_FORMAT: 'xml',
      BROADCAST_RATE: 'fast',
    };
    const bot = start(bad);
    expect(await bot.exited()).toBe(1);
    const lines = bot.stderr.trim().split('\n').slice(1);
    for (const name of Object.keys(bad)) {
      const line = lines.filter((l) => l.startsWith(`  - ${name} `));
      expect(line, `${name}: ${bot.stderr}`).toHaveLength(1);
      expect(line[0], name).toMatch(new RegExp(`for example ${name}=\\S`));
      expect(line[0], name).not.toMatch(/Invalid input|expected|received|Too big|Too small/);
    }
    expect(lines).toHaveLength(Object.keys(bad).length);
    expect(bot.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('registers the webhook under the path of WEBHOOK_URL and serves it there and at the bare path; malformed JSON gets 400', async () => {
    const port = await freePort();
    const secret = 'a-long-webhook-secret-123';
    const before = telegram.callsOf('setWebhook').length;
    const bot = start({ ...base(), PORT: String(port), WEBHOOK_URL: `http://127.0.0.1:${port}/loyalty/`, WEBHOOK_SECRET: secret });
    await bot.waitFor(/jobs started/);
    const registered = telegram.callsOf('setWebhook').slice(before);
    expect(registered.map((c) => c.payload.url)).toEqual([`http://127.0.0.1:${port}/loyalty/telegram/webhook`]);
    const post = (path: string, body: string) =>
      fetch(`http://127.0.0.1:${port}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        body,
      });
    const update = (userId: number) =>
      JSON.stringify({
        update_id: userId,
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: userId, type: 'private', first_name: 'Ann' },
          from: { id: userId, is_bot: false, first_name: 'Ann', language_code: 'en' },
          text: '/whoami',
          entities: [{ type: 'bot_command', offset: 0, length: 7 }],
        },
      });
    expect((await post('/loyalty/telegram/webhook', update(9101))).status).toBe(200);
    expect(telegram.messages(9101).at(-1)?.text).toContain('9101');
    expect((await post('/telegram/webhook', update(9102))).status).toBe(200);
    expect(telegram.messages(9102).at(-1)?.text).toContain('9102');
    expect((await post('/loyalty/telegram/webhook', '{"update_id": 1, "message": {')).status).toBe(400);
    await bot.waitFor(/not JSON/);
    expect(bot.stdout.split('\n').filter((l) => l.includes('not JSON'))).toHaveLength(1);
    expect(bot.stdout).not.toMatch(/"level":"(error|fatal)"/);
  });
});
