// The real entry point as a process: long polling against a local Bot API endpoint, JSON logs, and
// a graceful stop on SIGTERM well within 10 seconds.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../app/paths.js';
import { connectTestDatabase } from '../db.js';
import { startLocalBotApi, type LocalBotApi } from '../harness/bot-api-server.js';
import { FakeTelegram } from '../harness/telegram.js';
import { NO_ENV_FILE } from '../harness/process.js';
import { waitFor } from '../harness/wait.js';

describe('the bot process', () => {
  const telegram = new FakeTelegram();
  let api: LocalBotApi;
  let child: ChildProcess;
  let stdout = '';
  let stderr = '';

  beforeAll(async () => {
    api = await startLocalBotApi(telegram);
    const db = await connectTestDatabase('process');
    const uri = new URL(db.uri);
    uri.pathname = `/${db.dbName}`;
    child = spawn(process.execPath, ['--import', 'tsx', 'app/main.ts'], {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        BOT_TOKEN: '123456:PROCESS-TEST-token',
        BOT_API_ROOT: api.apiRoot,
        MONGODB_URI: uri.toString(),
        PORT: '0',
        OWNER_IDS: '42',
        ENV_FILE: NO_ENV_FILE,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    await waitFor(() => stdout.includes('jobs started') || child.exitCode !== null, 30_000, 'the bot to start');
    expect(child.exitCode, stderr).toBeNull();
  });

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await api.close();
  });

  it('answers a user over long polling', async () => {
    api.push({
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 777, type: 'private', first_name: 'Ann' },
        from: { id: 777, is_bot: false, first_name: 'Ann', language_code: 'bg' },
        text: '/start',
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      },
    });
    await waitFor(() => telegram.messages(777).length > 0, 15_000, 'a reply');
    expect(telegram.callsOf('setMyCommands').length).toBeGreaterThan(0);
  });

  it('polls through the runner for exactly the update kinds it handles, membership changes included', () => {
    const asked = api.polls.map((p) => (typeof p.allowed_updates === 'string' ? (JSON.parse(p.allowed_updates) as unknown) : p.allowed_updates));
    expect(asked.length).toBeGreaterThan(0);
    for (const kinds of asked) expect([...(kinds as string[])].sort()).toEqual(['callback_query', 'chat_member', 'message', 'my_chat_member']);
  });

  it('writes JSON logs without message texts', () => {
    const lines = stdout.trim().split('\n');
    for (const line of lines) expect(() => void JSON.parse(line), line).not.toThrow();
    expect(stdout).not.toContain('/start');
  });

  it('stops gracefully on SIGTERM within 10 seconds, finishing the updates in hand', async () => {
    // The answer to this update meets a 429 and waits a second: SIGTERM comes meanwhile.
    telegram.fail({ method: 'sendMessage', chatId: 778, error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
    api.push({
      message: {
        message_id: 2,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 778, type: 'private', first_name: 'Bo' },
        from: { id: 778, is_bot: false, first_name: 'Bo', language_code: 'en' },
        text: '/help',
        entities: [{ type: 'bot_command', offset: 0, length: 5 }],
      },
    });
    await waitFor(() => telegram.calls.some((c) => c.method === 'sendMessage' && c.payload.chat_id === 778), 15_000, 'the first attempt');
    const started = Date.now();
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code, stdout + stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(stdout).toContain('"msg":"stopped"');
    expect(telegram.messages(778)).toHaveLength(1);
  });
});
