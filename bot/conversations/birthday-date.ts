// Typing the birthday: after "Choose the date" the customer may pick the month below the question or
// type the day and month ("24.05"). A text that is no date (or has a year, or a day the month does
// not have) gets a hint and the question stays open; nothing is saved. A button or a command is the
// customer moving on (the month buttons included: the picker takes it from there). Menu buttons are
// answered by the menu before they reach this conversation.
import type { Conversation } from '@grammyjs/conversations';
import type { BotContext, ConversationContext } from '../context.js';
import { parseBirthday, type Birthday, type BirthdayTextError } from '../../domain/occasions/birthday-dates.js';
import { err } from '../../domain/result.js';
import { toLocal } from '../../domain/business-time.js';
import { birthdaySavedText, formatDayMonth } from '../occasion-messages.js';
import type { Locale } from '../../domain/locales.js';

export const BIRTHDAY_DATE = 'birthday-date';

type NotTheDate = { code: 'PassOn' } | { code: 'MovedOn' } | { code: 'Refused'; error: BirthdayTextError | { code: 'NotText' } };

type Saved = { code: 'Saved'; birthday: Birthday; locale: Locale } | { code: 'TooSoon'; from: string } | { code: 'Gone' };

export async function birthdayDate(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext): Promise<void> {
  const userId = ctx.from?.id;
  if (userId === undefined) return;

  const birthday = await conversation.form.build<Birthday, NotTheDate>({
    validate: (answer) => {
      if (answer.chat?.id !== userId) return err({ code: 'PassOn' });
      if (answer.callbackQuery || answer.message?.text?.startsWith('/')) return err({ code: 'MovedOn' });
      const message = answer.message;
      if (!message) return err({ code: 'PassOn' });
      if (message.text === undefined) return err({ code: 'Refused', error: { code: 'NotText' } });
      const parsed = parseBirthday(message.text);
      return parsed.ok ? parsed : err({ code: 'Refused', error: parsed.error });
    },
    otherwise: async (answer, why) => {
      switch (why.code) {
        case 'PassOn':
          return conversation.skip({ next: true });
        case 'MovedOn':
          return conversation.halt({ next: true });
        case 'Refused':
          await answer.reply(answer.t(why.error.code === 'YearGiven' ? 'birthday-no-year' : 'birthday-invalid-text'));
      }
    },
  });

  const saved = await conversation.external(async (outer): Promise<Saved> => {
    const { services } = outer;
    const customer = await services.customers.findByTelegramId(userId);
    if (!customer) return { code: 'Gone' };
    const result = await services.occasions.setBirthday(customer._id, birthday.day, birthday.month);
    if (result.ok) return { code: 'Saved', birthday: result.value, locale: customer.locale };
    if (result.error.code === 'BirthdayChangeTooSoon') {
      const { timeZone } = await services.settings.get();
      return { code: 'TooSoon', from: formatDayMonth(customer.locale, toLocal(result.error.from, timeZone)) };
    }
    return { code: 'Gone' };
  });
  switch (saved.code) {
    case 'Saved':
      await ctx.reply(birthdaySavedText(ctx.notifier.t, saved.locale, saved.birthday));
      return;
    case 'TooSoon':
      await ctx.reply(ctx.t('birthday-too-soon', { from: saved.from }));
      return;
    case 'Gone':
      await ctx.reply(ctx.t('menu-not-registered'));
  }
}
