// Faults: the database goes away and comes back while the bot runs; Telegram answers 5xx and 429;
// a handler fails unexpectedly. Users hear a short localized answer, nothing crashes, nothing is lost.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFerretBinary } from '../../tools/ferretdb/build-lib.mjs';
import { balanceOf } from '../../domain/ledger/balance.js';
import { createHarness, type Harness } from '../harness/index.js';
import { onboard, customerOf } from '../harness/customers.js';
import { buttonData, openCard } from '../staff/fixtures.js';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** A FerretDB server of this test's own, on a fixed port and state directory, so it can be restarted. */
class RestartableServer {
  private child: ChildProcess | undefined;
  readonly stateDir = mkdtempSync(join(tmpdir(), 'fault-db-'));
  constructor(
    private readonly binary: string,
    readonly port: number,
  ) {}

  get uri(): string {
    return `mongodb://127.0.0.1:${this.port}/`;
  }

  async start(): Promise<void> {
    const child = spawn(this.binary, ['-listen', `127.0.0.1:${this.port}`, '-state-dir', this.stateDir, '-parent-pid', String(process.pid)], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    this.child = child;
    const lines = createInterface({ input: child.stdout });
    for await (const line of lines) if (line.startsWith('READY')) break;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.stateDir, { recursive: true, force: true });
  }
}

describe('the database stops and starts again while the bot runs', () => {
  let server: RestartableServer;
  let h: Harness;

  beforeAll(async () => {
    server = new RestartableServer(await ensureFerretBinary(), await freePort());
    await server.start();
    h = await createHarness({ mongoUri: server.uri, databaseTimeoutMs: 1_500, settings: { cooldownMinutes: 0 } });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await server?.dispose();
  });

  it('answers "try again" in the user\'s language while it is down and loses no stamp before or after', async () => {
    const customer = h.user({ language_code: 'bg' });
    const barista = h.staff();
    await onboard(h, customer);
    const doc = (await customerOf(h, customer))!;

    const screen = await openCard(h, barista, doc);
    await barista.pressData(buttonData(screen, '+1'), screen);
    expect(await balanceOf(h.app.conn, doc._id)).toEqual({ stamps: 1, rewards: 0 });

    await server.stop();

    const seenByCustomer = customer.messages.length;
    await customer.send('/start');
    expect(customer.messages.length).toBe(seenByCustomer + 1);
    expect(customer.lastText).toBe(h.app.t('bg', 'error-try-again'));

    const seenByBarista = barista.messages.length;
    await barista.send(`/card ${doc.cardNumber}`);
    expect(barista.messages.length).toBe(seenByBarista + 1);
    expect(barista.lastText).toBe(h.app.t('en', 'error-try-again'));
    expect(h.errorLogs.some((l) => l.includes('database unavailable'))).toBe(true);

    await server.start();
    await expect.poll(async () => h.app.conn.db!.command({ ping: 1 }).then(() => true, () => false), { timeout: 20_000 }).toBe(true);

    h.clock.advance({ hours: 4 });
    const again = await openCard(h, barista, doc);
    await barista.pressData(buttonData(again, '+1'), again);
    expect(await balanceOf(h.app.conn, doc._id)).toEqual({ stamps: 2, rewards: 0 });
    expect(customer.lastText).toMatch(/2/);
  }, 120_000);
});

describe('Telegram and handler faults', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ retry: { maxRetryAttempts: 3, maxDelaySeconds: 2 } });
  });
  afterAll(async () => h.close());

  it('retries 5xx answers and 429 bursts within the configured bounds', async () => {
    const user = h.user();
    h.telegram.fail({ method: 'sendMessage', chatId: user.id, error_code: 502, description: 'Bad Gateway', times: 2 });
    await user.send('/help');
    expect(user.lastText).toBe(h.app.t('en', 'help-text'));

    h.telegram.fail({ method: 'sendMessage', chatId: user.id, error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1, times: 2 });
    const started = Date.now();
    await user.send('/help');
    expect(user.messages.filter((m) => m.text === h.app.t('en', 'help-text'))).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
  });

  it('gives up after the bound: the failure is logged, not retried forever', async () => {
    const strict = await createHarness({ retry: { maxRetryAttempts: 1, maxDelaySeconds: 1 } });
    try {
      const user = strict.user();
      strict.telegram.fail({ method: 'sendMessage', chatId: user.id, error_code: 500, description: 'Internal Server Error', times: 10 });
      await user.send('/help');
      const attempts = strict.telegram.calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === user.id);
      // The answer and its one retry, then the apology and its one retry: four attempts, no more.
      expect(attempts).toHaveLength(4);
      expect(strict.errorLogs.some((l) => l.includes('Internal Server Error'))).toBe(true);
    } finally {
      await strict.close();
    }
  });

  it('an unexpected error reaches the user as a short apology in their language and the log as a structured error', async () => {
    const user = h.user({ language_code: 'ru' });
    const original = h.services.customers.findByTelegramId.bind(h.services.customers);
    h.services.customers.findByTelegramId = async () => {
      throw new TypeError('boom in a handler');
    };
    try {
      await user.send('/cancel');
    } finally {
      h.services.customers.findByTelegramId = original;
    }
    expect(user.lastText).toBe(h.app.t('ru', 'error-unexpected'));
    const line = h.errorLogs.find((l) => l.includes('boom in a handler'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ level: 'error', msg: 'unhandled error while handling update', userId: user.id });
  });

  it("an update's log lines carry its update_id and the sender's role, never their name", async () => {
    const customer = h.user({ first_name: 'Zoya' });
    const owner = h.owner();
    const original = h.services.customers.findByTelegramId.bind(h.services.customers);
    h.services.customers.findByTelegramId = async () => {
      throw new TypeError('boom for the logger');
    };
    try {
      await customer.send('/cancel');
      await owner.send('/cancel');
    } finally {
      h.services.customers.findByTelegramId = original;
    }
    const lines = h.errorLogs.filter((l) => l.includes('boom for the logger')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    const [first, second] = lines as [Record<string, unknown>, Record<string, unknown>];
    expect(typeof first.update_id).toBe('number');
    expect(second.update_id).toBe((first.update_id as number) + 1);
    expect(first.role).toBeUndefined();
    expect(second.role).toBe('owner');
    expect(JSON.stringify(lines)).not.toContain('Zoya');
  });
});
