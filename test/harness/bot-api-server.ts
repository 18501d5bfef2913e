// A local Bot API endpoint over HTTP (what BOT_API_ROOT points at): the FakeTelegram answers the
// calls, and updates pushed here are served through getUpdates, so the real bot can run unchanged
// (long polling, file uploads) with no network. Used by process-level tests and the demo.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InputFile } from 'grammy';
import type { Update } from 'grammy/types';
import type { FakeTelegram } from './telegram.js';

export interface LocalBotApi {
  /** The value for BOT_API_ROOT. */
  apiRoot: string;
  server: Server;
  push(update: Omit<Update, 'update_id'>): number;
  /** The parameters of every getUpdates call the bot made. */
  readonly polls: Record<string, unknown>[];
  /** Resolves once the bot has handled every update pushed so far; throws after the timeout. */
  drained(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

interface Part {
  name: string;
  filename?: string;
  data: Buffer;
}

/** A small multipart/form-data reader: grammY writes `filename=card.png` unquoted, which fetch's FormData refuses. */
function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const chunk = body.subarray(start + delimiter.length + 2, next - 2); // skip CRLF after the delimiter and before the next
    const split = chunk.indexOf('\r\n\r\n');
    if (split >= 0) {
      const headers = chunk.subarray(0, split).toString('utf8');
      const name = /name="?([^";\r\n]+)"?/i.exec(headers)?.[1];
      const filename = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1];
      if (name) parts.push({ name, ...(filename ? { filename } : {}), data: chunk.subarray(split + 4) });
    }
    start = next;
  }
  return parts;
}

function revive(value: unknown, files: Map<string, InputFile>): unknown {
  if (typeof value === 'string' && value.startsWith('attach://')) return files.get(value.slice('attach://'.length)) ?? value;
  if (Array.isArray(value)) return value.map((v) => revive(v, files));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v, files)]));
  return value;
}

async function readPayload(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const payload: Record<string, unknown> = Object.fromEntries(url.searchParams);
  if (req.method !== 'POST') return payload;
  const type = req.headers['content-type'] ?? '';
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (type.startsWith('application/json')) return { ...payload, ...(JSON.parse(body.toString('utf8')) as object) };
  const boundary = /boundary=(.+)$/.exec(type)?.[1];
  if (!type.startsWith('multipart/form-data') || !boundary) return payload;
  const parts = parseMultipart(body, boundary);
  const files = new Map(parts.filter((p) => p.filename).map((p) => [p.name, new InputFile(p.data, p.filename)]));
  for (const part of parts) {
    if (part.filename) continue;
    const text = part.data.toString('utf8');
    const parsed: unknown = /^[[{]|^-?\d+$|^(true|false)$/.test(text) ? JSON.parse(text) : text;
    payload[part.name] = revive(parsed, files);
  }
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

  const polls: Record<string, unknown>[] = [];
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
        polls.push(payload);
        const offset = Number(payload.offset ?? 0);
        confirmed = Math.max(confirmed, offset);
        // As Telegram does, an offset confirms every update before it for good: a restarted bot
        // (which starts again from offset 0) does not get them a second time.
        const pending = () => queue.filter((u) => u.update_id >= Math.max(offset, confirmed));
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
    polls,
    push(update) {
      const full = { update_id: nextUpdateId++, ...update };
      queue.push(full);
      wake();
      return full.update_id;
    },
    async drained(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (confirmed < nextUpdateId) {
        if (Date.now() > deadline) throw new Error(`the bot did not take update ${nextUpdateId - 1} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
