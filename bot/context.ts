import type { Context, SessionFlavor } from 'grammy';
import type { ConversationFlavor } from '@grammyjs/conversations';
import type { I18nFlavor } from '@grammyjs/i18n';
import type { Config } from '../app/config.js';
import type { Logger } from '../app/logger.js';
import type { Services } from '../domain/services.js';
import type { Notifier } from './notifier.js';
import type { StaffDirectory } from './staff.js';

/** Short-lived per-user UI state; everything that matters lives in the domain's collections. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SessionData {}

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
}

export type AppContext = Context & AppFlavor;
export type BaseContext = AppContext & SessionFlavor<SessionData> & I18nFlavor;
export type BotContext = ConversationFlavor<BaseContext>;
/** The context inside a conversation: plugins are installed again there, with i18n but no session. */
export type ConversationContext = AppContext & I18nFlavor;
