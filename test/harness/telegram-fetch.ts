// The FakeTelegram at the HTTP level, for API clients that do not carry the bot's transformers.
//
// @grammyjs/conversations (v2) gives every context inside a conversation a fresh `Api` built from the
// bot's token and client options only, and records each call beneath its own transformer, so that
// replays return the recorded answers instead of calling Telegram again. The bot's transformers never
// see those calls; the client's `fetch` does. Answering `fetch` here (decoding JSON and multipart
// requests back into the payload the transformer would have seen) keeps every call, inside or outside
// a conversation, recorded and answered by the same FakeTelegram.
import { InputFile } from 'grammy';
import type { FakeTelegram } from './telegram.js';

/** Fields Telegram takes as integers; multipart sends every field as text. */
const INTEGER_FIELDS = new Set(['chat_id', 'message_id', 'user_id', 'reply_to_message_id', 'from_chat_id']);

function urlOf(input: Parameters<typeof fetch>[0]): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

function revive(value: unknown, files: Map<string, InputFile>): unknown {
  if (typeof value === 'string' && value.startsWith('attach://')) return files.get(value.slice('attach://'.length)) ?? value;
  if (Array.isArray(value)) return value.map((v) => revive(v, files));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v, files)]));
  }
  return value;
}

async function readPayload(init: RequestInit | undefined): Promise<Record<string, unknown>> {
  const contentType = new Headers(init?.headers).get('content-type') ?? '';
  if (!init?.body) return {};
  if (!contentType.startsWith('multipart/form-data')) return JSON.parse(init.body as string) as Record<string, unknown>;

  const form = await new Response(init.body as ConstructorParameters<typeof Response>[0], { headers: { 'content-type': contentType } }).formData();
  const files = new Map<string, InputFile>();
  const fields: Record<string, unknown> = {};
  for (const [name, value] of form) {
    if (typeof value === 'string') {
      if (INTEGER_FIELDS.has(name) && /^-?\d+$/.test(value)) fields[name] = Number(value);
      else if (/^[[{]/.test(value)) fields[name] = JSON.parse(value) as unknown;
      else fields[name] = value;
    } else {
      files.set(name, new InputFile(Buffer.from(await value.arrayBuffer()), value.name));
    }
  }
  return revive(fields, files) as Record<string, unknown>;
}

export function telegramFetch(telegram: FakeTelegram): typeof fetch {
  return (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const url = urlOf(input);
    const method = url.slice(url.lastIndexOf('/') + 1);
    const payload = await readPayload(init);
    const unreachable = () => Promise.reject(new Error('FakeTelegram answers every call itself'));
    const answer = await telegram.transformer(unreachable, method as never, payload as never);
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  });
}
