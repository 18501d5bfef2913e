// The customer's birthday: the "Birthday" menu button (the date told, when it can change, what it
// brings), the optional question after the card is issued, and the date picker (month, then day; never
// the year). A date that does not exist is refused and nothing changes; a change within a year of the
// last one is refused with the date from which it is possible.
import { Composer } from 'grammy';
import { createConversation } from '@grammyjs/conversations';
import type { CustomerDoc } from '../../domain/customers/model.js';
import { birthdayOf } from '../../domain/occasions/service.js';
import { onPress } from '../callback-data.js';
import type { BotContext, ConversationContext } from '../context.js';
import { BIRTHDAY_DATE, birthdayDate } from '../conversations/birthday-date.js';
import { menuButton } from '../filters.js';
import { birthdayChangeKeyboard, birthdayData, dayKeyboard, monthKeyboard } from '../keyboards/birthday.js';
import { toLocal } from '../../domain/business-time.js';
import type { Locale } from '../../domain/locales.js';
import { birthdaySavedText, formatDayMonth, monthName } from '../occasion-messages.js';

/** The day (and month) on the business's calendar from which the date can be changed. */
async function changeDate(ctx: BotContext, locale: Locale, from: Date): Promise<string> {
  const { timeZone } = await ctx.services.settings.get();
  return formatDayMonth(locale, toLocal(from, timeZone));
}

export const birthdayFeature = new Composer<BotContext>();

const privateChat = birthdayFeature.chatType('private');

async function registeredCustomer(ctx: BotContext): Promise<CustomerDoc | null> {
  const customer = ctx.from ? await ctx.services.customers.findByTelegramId(ctx.from.id) : null;
  if (!customer) {
    const text = ctx.t('menu-not-registered');
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    else await ctx.reply(text, { reply_markup: { remove_keyboard: true } });
  }
  return customer;
}

privateChat.filter(menuButton('menu-birthday'), async (ctx) => {
  const customer = await registeredCustomer(ctx);
  if (!customer) return;
  const locale = customer.locale;
  const settings = await ctx.services.settings.get();
  const birthday = birthdayOf(customer);
  const from = ctx.services.occasions.changeableFrom(customer);
  const lines = [birthday ? ctx.t('birthday-current', { date: formatDayMonth(locale, birthday) }) : ctx.t('birthday-none')];
  if (settings.birthdayBonusStamps > 0) {
    const days = settings.birthdayWindowDays;
    lines.push(days > 0 ? ctx.t('birthday-program', { count: settings.birthdayBonusStamps, days }) : ctx.t('birthday-program-day', { count: settings.birthdayBonusStamps }));
  }
  if (from) lines.push(ctx.t('birthday-changeable-from', { from: await changeDate(ctx, locale, from) }));
  else if (birthday) lines.push(ctx.t('birthday-once-a-year'));
  await ctx.reply(lines.join('\n'), from ? {} : { reply_markup: birthdayChangeKeyboard(ctx.t, birthday ? 'birthday-change-button' : 'birthday-choose-button') });
});

// After the menu button (never taken for a typed date), before the picker's buttons.
privateChat.use(createConversation<BotContext, ConversationContext>(birthdayDate, BIRTHDAY_DATE));

onPress(privateChat, birthdayData.skip, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(ctx.t('birthday-skipped'));
});

/** A change too soon is said before the picker is shown, not after the customer picked a date. */
async function tooSoon(ctx: BotContext, customer: CustomerDoc): Promise<boolean> {
  const from = ctx.services.occasions.changeableFrom(customer);
  if (!from) return false;
  const date = await changeDate(ctx, customer.locale, from);
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(ctx.t('birthday-too-soon', { from: date }));
  return true;
}

onPress(privateChat, birthdayData.choose, async (ctx) => {
  const customer = await registeredCustomer(ctx);
  if (!customer || (await tooSoon(ctx, customer))) return;
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(ctx.t('birthday-pick-month'), { reply_markup: monthKeyboard(customer.locale, monthName) });
  // The date may be typed too (bot/conversations/birthday-date.ts).
  try {
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(BIRTHDAY_DATE);
  } catch (error) {
    ctx.logger.warn({ err: error, customerId: String(customer._id) }, 'could not wait for a typed birthday');
  }
});

onPress(privateChat, birthdayData.month, async (ctx, month) => {
  const customer = await registeredCustomer(ctx);
  if (!customer || (await tooSoon(ctx, customer))) return;
  await ctx.answerCallbackQuery();
  await ctx
    .editMessageText(ctx.t('birthday-pick-day', { month: monthName(customer.locale, month) }), { reply_markup: dayKeyboard(month) })
    .catch(() => undefined);
});

onPress(privateChat, birthdayData.day, async (ctx, month, day) => {
  const customer = await registeredCustomer(ctx);
  if (!customer) return;
  await ctx.conversation.exit(BIRTHDAY_DATE);
  const saved = await ctx.services.occasions.setBirthday(customer._id, day, month);
  if (!saved.ok) {
    switch (saved.error.code) {
      case 'BirthdayInvalid':
        await ctx.answerCallbackQuery({ text: ctx.t('birthday-invalid'), show_alert: true });
        return;
      case 'BirthdayChangeTooSoon': {
        await ctx.answerCallbackQuery();
        await ctx.reply(ctx.t('birthday-too-soon', { from: await changeDate(ctx, customer.locale, saved.error.from) }));
        return;
      }
      case 'CustomerNotFound':
        await ctx.answerCallbackQuery({ text: ctx.t('menu-not-registered'), show_alert: true });
        return;
    }
  }
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(birthdaySavedText(ctx.notifier.t, customer.locale, saved.value));
});
