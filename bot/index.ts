import { autoRetry } from '@grammyjs/auto-retry';
import { conversations } from '@grammyjs/conversations';
import type { ConversationData, VersionedState } from '@grammyjs/conversations';
import { Bot, session, type ApiClientOptions, type Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Config } from '../app/config.js';
import type { AppDeps, BotContext, ConversationContext, SessionData } from './context.js';
import { conversationRetry } from './conversation-retry.js';
import { createErrorBoundary } from './error-boundary.js';
import { features } from './features/index.js';
import { translator, type createI18n } from './i18n.js';
import { StaffDirectory } from './staff.js';
import { CONVERSATIONS, SESSIONS, mongoStorage } from './storage.js';

export interface CreateBotOptions {
  /** Preset bot identity (tests, or to skip getMe at start). */
  botInfo?: UserFromGetMe;
  client?: ApiClientOptions;
  /** Bounds for retrying Telegram's 429 and 5xx answers. */
  retry?: { maxRetryAttempts: number; maxDelaySeconds: number };
  /** Installed beneath auto-retry, so retries apply to what they answer (tests record calls here). */
  transformers?: Transformer[];
}

export type AppBot = Bot<BotContext>;

export function createBot(
  config: Config,
  deps: AppDeps & { i18n: ReturnType<typeof createI18n> },
  options: CreateBotOptions = {},
): AppBot {
  const bot = new Bot<BotContext>(config.BOT_TOKEN, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: {
      ...(config.BOT_API_ROOT ? { apiRoot: config.BOT_API_ROOT } : {}),
      ...options.client,
    },
  });

  const retry = options.retry ?? { maxRetryAttempts: 3, maxDelaySeconds: 30 };
  for (const transformer of options.transformers ?? []) bot.api.config.use(transformer);
  bot.api.config.use(autoRetry(retry));

  const { services, logger, i18n } = deps;
  const staff = new StaffDirectory(bot.api, services.team, services.clock);
  const provide = async (ctx: ConversationContext | BotContext, next: () => Promise<void>) => {
    ctx.config = config;
    ctx.services = services;
    ctx.notifier = deps.notifier;
    ctx.staff = staff;
    // One request can be followed through the logs by its update_id; no personal data goes here. Owners
    // from OWNER_IDS are known at once; isOwner and staffRole add the role when they find it.
    const owner = ctx.from !== undefined && config.OWNER_IDS.includes(ctx.from.id);
    ctx.logger = logger.child({ update_id: ctx.update.update_id, ...(owner ? { role: 'owner' } : {}) });
    await next();
  };

  const errorBoundary = createErrorBoundary(translator(i18n), config.DEFAULT_LOCALE);
  bot.use(provide);
  // Everything after `provide` is inside the boundary, storage included: when the database is down
  // the user still hears "try again" instead of silence.
  const guarded = bot.errorBoundary(errorBoundary);
  guarded.use(
    session<SessionData, BotContext>({
      initial: () => ({}),
      getSessionKey: (ctx) => ctx.from?.id.toString(),
      storage: mongoStorage<SessionData>(services.conn, SESSIONS),
    }),
  );
  guarded.use(i18n.middleware());
  guarded.use(
    conversations<BotContext, ConversationContext>({
      storage: {
        type: 'key',
        getStorageKey: (ctx) => ctx.from?.id.toString(),
        adapter: mongoStorage<VersionedState<ConversationData>>(services.conn, CONVERSATIONS),
      },
      // Conversations call Telegram through an Api of their own: the same retry bounds there too.
      plugins: [
        async (ctx, next) => {
          ctx.api.config.use(conversationRetry(retry));
          await next();
        },
        provide,
        i18n.middleware(),
      ],
    }),
  );
  guarded.use(features());
  bot.catch(errorBoundary);

  return bot;
}
