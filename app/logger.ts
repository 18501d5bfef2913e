// JSON logs for a service that holds customers' phone numbers: personal fields are redacted by
// path, and free text that slips into a message has anything phone-like masked.
import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

const PHONE_LIKE = /\+?\d[\d\s().-]{6,}\d/g;

export function maskPhones(text: string): string {
  return text.replace(PHONE_LIKE, (match) => (match.replace(/\D/g, '').length >= 7 ? '[phone]' : match));
}

const REDACT = [
  'phone',
  '*.phone',
  '*.*.phone',
  'phone_number',
  '*.phone_number',
  '*.*.phone_number',
  'text',
  '*.text',
  '*.*.text',
  'caption',
  '*.caption',
  'contact',
  '*.contact',
  'first_name',
  '*.first_name',
  'last_name',
  '*.last_name',
  'username',
  '*.username',
];

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

export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskPhones(a) : a)) as typeof args;
          method.apply(this, masked);
        },
      },
      serializers: { err: serializeError, error: serializeError },
    },
    destination,
  );
}
