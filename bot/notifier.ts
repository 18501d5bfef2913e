// Sends localized messages outside of an update (jobs, notifications to the other side of an action).
import { GrammyError, type Api } from 'grammy';
import type { Locale } from '../domain/locales.js';
import type { Logger } from '../app/logger.js';
import type { TranslationVars, Translator } from './translator.js';

export type SendOutcome = 'sent' | 'blocked' | 'failed';
type MessageOptions = Parameters<Api['sendMessage']>[2];

export class Notifier {
  constructor(
    readonly api: Api,
    readonly t: Translator,
    private readonly logger: Logger,
  ) {}

  /** Sends one message; a user who blocked the bot is an outcome, not an error. */
  async send(
    chatId: number,
    locale: Locale,
    key: string,
    vars?: TranslationVars,
    options?: MessageOptions,
  ): Promise<SendOutcome> {
    try {
      await this.api.sendMessage(chatId, this.t(locale, key, vars), options);
      return 'sent';
    } catch (error) {
      if (error instanceof GrammyError && (error.error_code === 403 || /chat not found/i.test(error.description))) {
        return 'blocked';
      }
      this.logger.warn({ err: error, chatId, key }, 'notification failed');
      return 'failed';
    }
  }
}
