import type { Context } from 'grammy';
import type { ConversationFlavor } from '@grammyjs/conversations';
import type { I18nFlavor } from '@grammyjs/i18n';
import type { Config } from '../app/config.js';
import type { Logger } from '../app/logger.js';
import type { Services } from '../domain/services.js';
import type { Notifier } from './notifier.js';
import type { StaffDirectory } from './staff.js';
import type { CardScreenCodec } from './keyboards/staff.js';

export interface AppDeps {
  services: Services;
  logger: Logger;
  notifier: Notifier;
}

/** What every handler can reach, outside and inside conversations. */
export interface AppFlavor {
  config: Config;
  services: Services;
  /** A child of the app's logger for this update: its lines carry update_id (and the role once known). */
  logger: Logger;
  notifier: Notifier;
  /** Who is staff right now; one per app, so one cache each. */
  staff: StaffDirectory;
  /** Signs and verifies card-screen buttons; its key derives from the bot token. */
  cardScreens: CardScreenCodec;
}

export type AppContext = Context & AppFlavor;
// No session: nothing needs per-user UI state beyond conversations, so no update pays for reading one.
export type BaseContext = AppContext & I18nFlavor;
export type BotContext = ConversationFlavor<BaseContext>;
/** The context inside a conversation: plugins are installed again there, with i18n. */
export type ConversationContext = AppContext & I18nFlavor;
