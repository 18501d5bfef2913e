import { autoRetry } from '@grammyjs/auto-retry';
import { conversations } from '@grammyjs/conversations';
import type { ConversationData, VersionedState } from '@grammyjs/conversations';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type ApiClientOptions, type Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Config } from '../app/config.js';
import type { AppDeps, BotContext, ConversationContext } from './context.js';
import { conversationRetry } from './conversation-retry.js';
import { createErrorBoundary } from './error-boundary.js';
import { features } from './features/index.js';
import { staffVisitsFeature } from './features/staff-visits.js';
import { forgetNegotiatedLocale, translator, type createI18n } from './i18n.js';
import { StaffDirectory } from './staff.js';
import { CardScreenCodec } from './keyboards/staff.js';
import { CONVERSATIONS, mongoStorage } from './storage.js';

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

/**
 * The update kinds the bot asks Telegram for, in long polling and webhook mode alike: the ones it
 * handles (messages, button presses) and the membership changes (the bot blocked or unblocked by a
 * customer, added to or removed from a group; members joining or leaving the staff group).
 * edited_message is left out: an edited text is not a new request.
 */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member', 'chat_member'] as const;

/**
 * Updates are handled concurrently (the runner in long polling mode, concurrent requests in webhook
 * mode); the updates of one user wait for each other, in the order they came. Conversations and card
 * screens are per user, so a user's steps never overtake each other, while different users (and
 * different staff members in the staff group) go at the same time. An update without a sender (a
 * channel post) is ordered by its chat.
 */
export function orderingKey(ctx: { from?: { id: number } | undefined; chat?: { id: number } | undefined }): string | undefined {
  if (ctx.from) return `user:${ctx.from.id}`;
  return ctx.chat ? `chat:${ctx.chat.id}` : undefined;
}

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
  const cardScreens = new CardScreenCodec(config.BOT_TOKEN);
  const provide = async (ctx: ConversationContext | BotContext, next: () => Promise<void>) => {
    ctx.config = config;
    ctx.services = services;
    ctx.notifier = deps.notifier;
    ctx.staff = staff;
    ctx.cardScreens = cardScreens;
    // One request can be followed through the logs by its update_id; no personal data goes here. Owners
    // from OWNER_IDS are known at once; isOwner and staffRole add the role when they find it.
    const owner = ctx.from !== undefined && config.OWNER_IDS.includes(ctx.from.id);
    ctx.logger = logger.child({ update_id: ctx.update.update_id, ...(owner ? { role: 'owner' } : {}) });
    await next();
  };

  // The locale is negotiated once per update (one read of the preference); a handler that has just
  // changed it asks again with renegotiateLocale().
  const renegotiateAfterChange = async (ctx: ConversationContext | BotContext, next: () => Promise<void>) => {
    const renegotiate = ctx.i18n.renegotiateLocale.bind(ctx.i18n);
    ctx.i18n.renegotiateLocale = async () => {
      forgetNegotiatedLocale(ctx);
      await renegotiate();
    };
    await next();
  };

  const errorBoundary = createErrorBoundary(translator(i18n), config.DEFAULT_LOCALE);
  bot.use(sequentialize(orderingKey));
  bot.use(provide);
  // Everything after `provide` is inside the boundary, storage included: when the database is down
  // the user still hears "try again" instead of silence. There is no session: it was empty, and reading
  // it cost every update a round trip.
  const guarded = bot.errorBoundary(errorBoundary);
  guarded.use(i18n.middleware());
  guarded.use(renegotiateAfterChange);
  // Card screen presses and Undo belong to their screen, never to a conversation in progress, so they
  // are handled before the conversations plugin reads the user's conversation state (the hot path).
  guarded.use(staffVisitsFeature);
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
        renegotiateAfterChange,
      ],
    }),
  );
  guarded.use(features());
  bot.catch(errorBoundary);

  return bot;
}
