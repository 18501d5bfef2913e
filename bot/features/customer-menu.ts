// The customer's menu (a reply keyboard): My card · Rewards · Invite friends · Leave a review ·
// Language · Notifications · Delete my data. "Leave a review" lives in leave-review.ts.
import { Composer } from 'grammy';
import { LOCALES, type Locale } from '../../app/config.js';
import type { CustomerDoc } from '../../domain/customers/model.js';
import { balanceOf } from '../../domain/ledger/balance.js';
import { inviteLink, progressLine, sendCard } from '../card.js';
import type { BotContext } from '../context.js';
import {
  customerData,
  deleteKeyboard,
  languageKeyboard,
  mainMenu,
  promotionsKeyboard,
  type MenuKey,
} from '../keyboards/customer.js';

export const customerMenuFeature = new Composer<BotContext>();

const privateChat = customerMenuFeature.chatType('private');

/** How long a "Delete my data" confirmation stays valid. */
const DELETE_CONFIRMATION_MINUTES = 10;

/** Matches a menu button in any language: a keyboard sent before a language change still works. */
export function menuButton(key: MenuKey) {
  return (ctx: BotContext): boolean => {
    const text = ctx.message?.text;
    return text !== undefined && LOCALES.some((locale) => ctx.notifier.t(locale, key) === text);
  };
}

async function registeredCustomer(ctx: BotContext): Promise<CustomerDoc | null> {
  const customer = ctx.from ? await ctx.services.customers.findByTelegramId(ctx.from.id) : null;
  if (!customer) {
    const text = ctx.t('menu-not-registered');
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    else await ctx.reply(text, { reply_markup: { remove_keyboard: true } });
  }
  return customer;
}

export async function showCard(ctx: BotContext, customer: CustomerDoc): Promise<void> {
  await sendCard({ api: ctx.api, t: ctx.notifier.t, services: ctx.services, me: ctx.me }, customer, {
    reply_markup: mainMenu(ctx.t),
  });
}

privateChat.filter(menuButton('menu-card'), async (ctx) => {
  const customer = await registeredCustomer(ctx);
  if (customer) await showCard(ctx, customer);
});

privateChat.filter(menuButton('menu-rewards'), async (ctx) => {
  const customer = await registeredCustomer(ctx);
  if (!customer) return;
  const locale = customer.locale as Locale;
  const [settings, balance] = await Promise.all([ctx.services.settings.get(), balanceOf(ctx.services.conn, customer._id)]);
  const rewards =
    balance.rewards > 0
      ? ctx.t('rewards-available', { count: balance.rewards, reward: settings.rewardName[locale] })
      : ctx.t('rewards-none');
  await ctx.reply(`${rewards}\n${progressLine(ctx.notifier.t, locale, settings, balance)}`);
});

privateChat.filter(menuButton('menu-invite'), async (ctx) => {
  const customer = await registeredCustomer(ctx);
  if (!customer?.referralCode) return;
  const [settings, friends] = await Promise.all([
    ctx.services.settings.get(),
    ctx.services.customers.invitedFriends(customer._id),
  ]);
  const lines = [ctx.t('invite-link', { link: inviteLink(ctx.me.username, customer.referralCode) })];
  const bonuses: string[] = [];
  if (settings.referralBonusReferrer > 0 && settings.referralMonthlyCap > 0) {
    bonuses.push(ctx.t('invite-bonus', { count: settings.referralBonusReferrer }));
  }
  if (settings.referralBonusFriend > 0) bonuses.push(ctx.t('invite-friend-bonus', { count: settings.referralBonusFriend }));
  if (bonuses.length > 0) lines.push(bonuses.join(' '));
  const joined = ctx.t('invite-joined', { count: friends.joined });
  lines.push(friends.joined > 0 ? `${joined} ${ctx.t('invite-came', { count: friends.came })}` : joined);
  await ctx.reply(lines.join('\n\n'), { link_preview_options: { is_disabled: true } });
});

privateChat.filter(menuButton('menu-language'), async (ctx) => {
  const current = (await ctx.i18n.getLocale()) as Locale;
  await ctx.reply(ctx.t('language-choose'), { reply_markup: languageKeyboard(customerData.language, current) });
});

privateChat.callbackQuery(customerData.languagePattern, async (ctx) => {
  const locale = ctx.match[1] as Locale;
  await ctx.services.customers.setLocale(ctx.from.id, locale);
  await ctx.i18n.renegotiateLocale();
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  const customer = await ctx.services.customers.findByTelegramId(ctx.from.id);
  await ctx.reply(ctx.t('language-changed'), customer ? { reply_markup: mainMenu(ctx.t) } : {});
});

privateChat.filter(menuButton('menu-notifications'), async (ctx) => {
  const customer = await registeredCustomer(ctx);
  if (!customer) return;
  const on = customer.marketingConsent;
  await ctx.reply(ctx.t(on ? 'notifications-on' : 'notifications-off'), { reply_markup: promotionsKeyboard(ctx.t, on) });
});

// The button says what to do ("on"/"off"), not "toggle": a double tap cannot undo itself.
privateChat.callbackQuery(customerData.promotionsPattern, async (ctx) => {
  const customer = await registeredCustomer(ctx);
  if (!customer) return;
  const on = ctx.match[1] === 'on';
  await ctx.services.customers.setMarketingConsent(customer._id, on);
  await ctx.answerCallbackQuery();
  await ctx
    .editMessageText(ctx.t(on ? 'notifications-on' : 'notifications-off'), { reply_markup: promotionsKeyboard(ctx.t, on) })
    .catch(() => undefined);
});

privateChat.filter(menuButton('menu-delete'), async (ctx) => {
  const customer = await registeredCustomer(ctx);
  if (!customer) return;
  await ctx.reply(ctx.t('delete-confirm'), { reply_markup: deleteKeyboard(ctx.t, ctx.services.clock.now()) });
});

privateChat.callbackQuery(customerData.deleteConfirmPattern, async (ctx) => {
  const askedAt = Number(ctx.match[1]) * 1000;
  const age = ctx.services.clock.now().getTime() - askedAt;
  if (age < -60_000 || age > DELETE_CONFIRMATION_MINUTES * 60_000) {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('delete-expired')).catch(() => undefined);
    return;
  }
  const customer = await registeredCustomer(ctx);
  if (!customer) return;
  // The language preference goes with the data; this last answer is still in the customer's language.
  await ctx.services.customers.erase(customer._id);
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(ctx.t('delete-done'), { reply_markup: { remove_keyboard: true } });
});

privateChat.callbackQuery(customerData.deleteKeep, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('delete-kept')).catch(() => undefined);
});
