// The environment, read once and validated: a bad value stops the program with one line per problem.
import { z } from 'zod';
import { LOCALES } from '../domain/locales.js';

/** Unset and empty are the same: "not configured". */
const unsetIfEmpty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const idList = z
  .string()
  .trim()
  .transform((raw, ctx) => {
    if (raw === '') return [];
    const ids: number[] = [];
    for (const part of raw.split(',')) {
      const id = Number(part.trim());
      if (!/^\d+$/.test(part.trim()) || !Number.isSafeInteger(id) || id <= 0) {
        ctx.addIssue({
          code: 'custom',
          message: `"${part.trim()}" is not a Telegram user id: use numbers separated by commas, for example OWNER_IDS=111111111,222222222 (/whoami tells each person theirs)`,
        });
        return z.NEVER;
      }
      ids.push(id);
    }
    return ids;
  });

/** A whole number within bounds, or the default when unset; the message says what a right value looks like. */
function wholeNumber(name: string, min: number, max: number, fallback: number, example: string) {
  return z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined) return fallback;
        const n = Number(raw.trim());
        if (!/^-?\d+$/.test(raw.trim()) || n < min || n > max) {
          ctx.addIssue({ code: 'custom', message: `is "${raw}": use a whole number from ${min} to ${max}, for example ${name}=${example}` });
          return z.NEVER;
        }
        return n;
      }),
  );
}

function url(name: string, example: string) {
  return z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .optional()
      .refine((raw) => {
        if (raw === undefined) return true;
        try {
          return /^https?:$/.test(new URL(raw).protocol);
        } catch {
          return false;
        }
      }, `is not a web address: use a full URL starting with http:// or https://, for example ${name}=${example}`),
  );
}

function oneOf<const T extends readonly [string, ...string[]]>(name: string, values: T, example: T[number]) {
  return z.enum(values, { error: (issue) => `is "${String(issue.input)}": use one of ${values.join(', ')}, for example ${name}=${example}` });
}

const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not a time zone: use an IANA name, for example TZ=Europe/Sofia' },
);

export const configSchema = z
  .object({
    BOT_TOKEN: z
      .string({ error: 'is required: create a bot with @BotFather and set its token, for example BOT_TOKEN=123456789:AAE...' })
      .trim()
      .regex(/^\d+:[\w-]{10,}$/, 'does not look like a token from @BotFather: copy it whole, for example BOT_TOKEN=123456789:AAExampleTokenFromBotFather'),
    MONGODB_URI: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'is not a MongoDB connection string: it starts with mongodb:// or mongodb+srv://, for example MONGODB_URI=mongodb://localhost:27017/loyalty')
        .optional(),
    ),
    OWNER_IDS: idList.default([]),
    STAFF_CHAT_ID: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .optional()
        .transform((raw, ctx) => {
          if (raw === undefined) return undefined;
          const n = Number(raw.trim());
          if (!/^-\d+$/.test(raw.trim()) || !Number.isSafeInteger(n)) {
            ctx.addIssue({
              code: 'custom',
              message: `is "${raw}": a group chat id is a negative whole number, for example STAFF_CHAT_ID=-1001234567890 (or leave it unset and send /staffchat in the group)`,
            });
            return z.NEVER;
          }
          return n;
        }),
    ),
    DEFAULT_LOCALE: z.preprocess(unsetIfEmpty, oneOf('DEFAULT_LOCALE', LOCALES, 'bg').default('en')),
    TZ: z.preprocess(unsetIfEmpty, timeZone.default('Europe/Sofia')),
    BOT_API_ROOT: url('BOT_API_ROOT', 'http://localhost:8081'),
    WEBHOOK_URL: url('WEBHOOK_URL', 'https://bot.example.com'),
    WEBHOOK_SECRET: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16 to 256 characters of A-Z, a-z, 0-9, _ and -, for example WEBHOOK_SECRET=k3T9-long-random_secret')
        .optional(),
    ),
    PORT: wholeNumber('PORT', 0, 65535, 8080, '8080'),
    DATA_DIR: z.preprocess(unsetIfEmpty, z.string().default('./data')),
    LOG_LEVEL: z.preprocess(unsetIfEmpty, oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info').default('info')),
    LOG_FORMAT: z.preprocess(unsetIfEmpty, oneOf('LOG_FORMAT', ['json', 'pretty'], 'pretty').optional()),
    BROADCAST_RATE: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .optional()
        .transform((raw, ctx) => {
          if (raw === undefined) return 30;
          const n = Number(raw.trim());
          if (raw.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 30) {
            ctx.addIssue({ code: 'custom', message: `is "${raw}": use messages per second above 0 and at most 30 (Telegram's limit), for example BROADCAST_RATE=30` });
            return z.NEVER;
          }
          return n;
        }),
    ),
    PHONE_HASH_SECRET: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .min(16, 'must be at least 16 characters: a long random string, for example PHONE_HASH_SECRET=9f2c7e1a5b8d4c3e6f0a1b2c3d4e5f60')
        .max(256, 'must be at most 256 characters, for example PHONE_HASH_SECRET=9f2c7e1a5b8d4c3e6f0a1b2c3d4e5f60')
        .optional(),
    ),
  })
  .superRefine((c, ctx) => {
    if (c.WEBHOOK_URL && !c.WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEBHOOK_SECRET'],
        message: 'is required when WEBHOOK_URL is set: 16 to 256 characters of A-Z, a-z, 0-9, _ and -, for example WEBHOOK_SECRET=k3T9-long-random_secret',
      });
    }
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.path.join('.') || 'environment';
    return `${key} ${issue.message}`;
  });
  throw new ConfigError(problems);
}
