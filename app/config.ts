// The environment, read once and validated: a bad value stops the program with one line per problem.
import { z } from 'zod';

export const LOCALES = ['en', 'ru', 'bg'] as const;
export type Locale = (typeof LOCALES)[number];

const idList = z
  .string()
  .trim()
  .transform((raw, ctx) => {
    if (raw === '') return [];
    const ids: number[] = [];
    for (const part of raw.split(',')) {
      const id = Number(part.trim());
      if (!Number.isSafeInteger(id) || id <= 0) {
        ctx.addIssue({ code: 'custom', message: `"${part.trim()}" is not a Telegram user id` });
        return z.NEVER;
      }
      ids.push(id);
    }
    return ids;
  });

const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());

const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not an IANA time zone such as Europe/Sofia' },
);

export const configSchema = z
  .object({
    BOT_TOKEN: z
      .string({ error: 'is required: create a bot with @BotFather and set its token' })
      .regex(/^\d+:[\w-]{10,}$/, 'does not look like a token from @BotFather (123456:ABC...)'),
    MONGODB_URI: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
        .optional(),
    ),
    OWNER_IDS: idList.default([]),
    STAFF_CHAT_ID: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.coerce
        .number()
        .int('must be a whole number such as -1001234567890')
        .refine((n) => n < 0, 'must be a group chat id (negative, such as -1001234567890)')
        .optional(),
    ),
    DEFAULT_LOCALE: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }).default('en'),
    TZ: timeZone.default('Europe/Sofia'),
    BOT_API_ROOT: optionalUrl,
    WEBHOOK_URL: optionalUrl,
    WEBHOOK_SECRET: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 characters of A-Z, a-z, 0-9, _ and -')
        .optional(),
    ),
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    DATA_DIR: z.string().default('./data'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BROADCAST_RATE: z.coerce.number().positive().max(30).default(30),
  })
  .superRefine((c, ctx) => {
    if (c.WEBHOOK_URL && !c.WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'is required when WEBHOOK_URL is set' });
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
