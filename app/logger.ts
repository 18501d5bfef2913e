// Logs for a service that holds customers' phone numbers: personal fields are redacted at any
// depth, and free text that slips into a message has anything phone-like masked. JSON lines for
// machines; in a terminal, the same lines made readable by pino-pretty (after the masking).
import { pino, type Logger, type DestinationStream } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

const PHONE_LIKE = /\+?\d[\d\s().-]{6,}\d/g;

export function maskPhones(text: string): string {
  return text.replace(PHONE_LIKE, (match) => (match.replace(/\D/g, '').length >= 7 ? '[phone]' : match));
}

/** Fields that hold personal data or what people wrote, at any depth of a log object. */
const PERSONAL_KEYS = new Set([
  'phone',
  'phone_number',
  'text',
  'caption',
  'contact',
  'first_name',
  'last_name',
  'firstName',
  'lastName',
  'username',
  'vcard',
]);

function sanitize(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPhones(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  // Errors are left to the error serializer, which runs after this and keeps only their own description.
  if (value instanceof Date || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((v) => sanitize(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = PERSONAL_KEYS.has(key) ? '[redacted]' : sanitize(v, depth + 1);
  }
  return out;
}

/**
 * Only the error's own description: errors such as grammY's BotError carry the whole context
 * (the update with its texts, the config with the token), which must never reach the log.
 */
export function serializeError(value: unknown): Record<string, unknown> {
  if (!(value instanceof Error)) return { message: maskPhones(String(value)) };
  const inner = (value as { error?: unknown }).error;
  const code = (value as { code?: unknown }).code;
  return {
    type: value.name,
    message: maskPhones(value.message),
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(value.stack ? { stack: maskPhones(value.stack) } : {}),
    ...(inner instanceof Error ? { cause: serializeError(inner) } : {}),
  };
}

export type LogFormat = 'json' | 'pretty';

/** LOG_FORMAT when set, else pretty in a terminal and JSON everywhere else (files, pipes, containers). */
export function logFormat(forced: LogFormat | undefined, isTTY = process.stdout.isTTY === true): LogFormat {
  return forced ?? (isTTY ? 'pretty' : 'json');
}

export function createLogger(level = 'info', destination?: DestinationStream, format: LogFormat = 'json'): Logger {
  const out =
    format === 'pretty'
      ? pretty({
          sync: true,
          colorize: destination === undefined && process.stdout.isTTY === true,
          translateTime: 'SYS:HH:MM:ss',
          ...(destination ? { destination } : {}),
        })
      : destination;
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => sanitize(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskPhones(a) : a)) as typeof args;
          method.apply(this, masked);
        },
      },
      serializers: { err: serializeError, error: serializeError },
    },
    out,
  );
}
