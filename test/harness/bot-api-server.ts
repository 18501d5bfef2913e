// A local Bot API endpoint over HTTP (what BOT_API_ROOT points at): the FakeTelegram answers the
// calls, and updates pushed here are served through getUpdates, so the real bot can run unchanged
// (long polling, file uploads) with no network. Used by process-level tests and the demo.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { InputFile } from 'grammy';
import type { Update } from 'grammy/types';
import type { FakeTelegram } from './telegram.js';

export interface LocalBotApi {
  /** The value for BOT_API_ROOT. */
  apiRoot: string;
  server: Server;
  push(update: Omit<Update, 'update_id'>): number;
  /** Resolves once the bot has fetched every update pushed so far (or the timeout passes). */
  drained(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

async function readPayload(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const payload: Record<string, unknown> = Object.fromEntries(url.searchParams);
  if (req.method !== 'POST') return payload;
  const type = req.headers['content-type'] ?? '';
  const request = new Request(url, {
    method: 'POST',
    headers: { 'content-type': type },
    body: Readable.toWeb(req) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  if (type.startsWith('application/json')) return { ...payload, ...((await request.json()) as object) };
  if (!type.startsWith('multipart/form-data') && !type.startsWith('application/x-www-form-urlencoded')) return payload;
  const form = await request.formData();
  const files = new Map<string, InputFile>();
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string') files.set(key, new InputFile(Buffer.from(await value.arrayBuffer()), value.name));
  }
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string') continue;
    const parsed = /^[[{]|^-?\d+$|^(true|false)$/.test(value) ? JSON.parse(value) : value;
    payload[key] = typeof parsed === 'string' && parsed.startsWith('attach://') ? files.get(parsed.slice(9)) : parsed;
    // Media objects refer to their files by attach:// too.
    const media = payload[key] as { media?: unknown } | undefined;
    if (media && typeof media === 'object' && typeof media.media === 'string' && media.media.startsWith('attach://')) {
      media.media = files.get(media.media.slice(9));
    }
  }
  for (const [key, file] of files) if (!(key in payload) && !/^[a-z0-9]{16}$/i.test(key)) payload[key] = file;
  return payload;
}

export async function startLocalBotApi(telegram: FakeTelegram, port = 0): Promise<LocalBotApi> {
  const queue: Update[] = [];
  let nextUpdateId = 1;
  let confirmed = 0;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of waiters) w();
    waiters.clear();
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
      if (!match) {
        res.writeHead(404).end();
        return;
      }
      const method = match[2]!;
      const payload = await readPayload(req, url);
      let body: unknown;
      if (method === 'getUpdates') {
        const offset = Number(payload.offset ?? 0);
        confirmed = Math.max(confirmed, offset);
        const pending = () => queue.filter((u) => u.update_id >= offset);
        if (pending().length === 0) {
          const timeout = Math.min(Number(payload.timeout ?? 0), 2) * 1000;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, timeout);
            waiters.add(() => {
              clearTimeout(timer);
              resolve();
            });
          });
          wake();
        }
        body = { ok: true, result: pending().slice(0, Number(payload.limit ?? 100)) };
      } else if (method === 'close' || method === 'logOut') {
        body = { ok: true, result: true };
      } else {
        body = await telegram.transformer(undefined as never, method as never, payload as never, undefined);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error_code: 500, description: String(error) }));
    });
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${address.port}`,
    server,
    push(update) {
      const full = { update_id: nextUpdateId++, ...update } as Update;
      queue.push(full);
      wake();
      return full.update_id;
    },
    async drained(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (confirmed < nextUpdateId && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    },
    async close() {
      wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
