// Sends localized messages outside of an update (jobs, notices to the other side of an action), each
// in its recipient's language: a customer's is on their record, anyone else's (owners, staff) comes
// from domain/preferences (their choice, else their Telegram's). The staff chat is reached through
// its feed (bot/staff-feed.ts), which keeps to Telegram's pace for groups.
import { GrammyError, type Api } from 'grammy';
import type { Locale } from '../domain/locales.js';
import type { Logger } from '../app/logger.js';
import type { Translator } from './translator.js';
import type { StaffFeed, VarsFor } from './staff-feed.js';

export type SendOutcome = 'sent' | 'blocked' | 'failed';
type MessageOptions = Parameters<Api['sendMessage']>[2];
export type { VarsFor };

/** What the notifier asks about people: their language, and who the owners are. */
export interface Audience {
  localeOf(telegramId: number): Promise<Locale>;
  owners(): Promise<readonly number[]>;
}

export class Notifier {
  constructor(
    readonly api: Api,
    readonly t: Translator,
    private readonly logger: Logger,
    private readonly audience: Audience,
    /** Audit lines and review posts for the staff chat. */
    readonly staffChat: StaffFeed,
  ) {}

  /** Sends one message; a user who blocked the bot is an outcome, not an error. */
  async send(
    chatId: number,
    locale: Locale,
    key: string,
    vars?: VarsFor,
    options?: MessageOptions,
  ): Promise<SendOutcome> {
    try {
      await this.api.sendMessage(chatId, this.t(locale, key, typeof vars === 'function' ? vars(locale) : vars), options);
      return 'sent';
    } catch (error) {
      if (error instanceof GrammyError && (error.error_code === 403 || /chat not found/i.test(error.description))) {
        return 'blocked';
      }
      this.logger.warn({ err: error, chatId, key }, 'notification failed');
      return 'failed';
    }
  }

  /** The language to write to this person in (owners and staff included). */
  localeOf(telegramId: number): Promise<Locale> {
    return this.audience.localeOf(telegramId);
  }

  /** One message to a person in their own language; `vars` may depend on it (dates, reward names). */
  async toUser(telegramId: number, key: string, vars?: VarsFor, options?: MessageOptions): Promise<SendOutcome> {
    return this.send(telegramId, await this.localeOf(telegramId), key, vars, options);
  }

  /** The same message to every owner, each in their own language. */
  async toOwners(key: string, vars?: VarsFor, options?: MessageOptions): Promise<Map<number, SendOutcome>> {
    const outcomes = new Map<number, SendOutcome>();
    for (const ownerId of await this.audience.owners()) outcomes.set(ownerId, await this.toUser(ownerId, key, vars, options));
    return outcomes;
  }
}
