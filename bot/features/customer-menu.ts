// The customer's menu (a reply keyboard): My card · Rewards · Invite friends · Leave a review ·
// Language · Notifications · My data · Delete my data. "Leave a review" lives in leave-review.ts.
// Also here: the offers question right after the card is issued, the "Stop offers" button under
// every offer, and /delete, which anyone may use, with a card or without one.
import { Composer, InputFile } from 'grammy';
import type { Locale } from '../../domain/locales.js';
import type { CustomerDoc } from '../../domain/customers/model.js';
import { localDateKey } from '../../domain/business-time.js';
import { inviteLink, progressLine, showCard } from '../card.js';
import { onPress } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { registerOwnerCommands } from '../commands.js';
import { isOwner, menuButton } from '../filters.js';
import { myDataDocument } from '../my-data.js';
import { birthdayQuestion } from '../occasion-messages.js';
import { birthdayOf } from '../../domain/occasions/service.js';
import { forgetChatState } from '../storage.js';
import {
  customerData,
  deleteKeyboard,
  languageKeyboard,
  mainMenu,
  promotionsKeyboard,
} from '../keyboards/customer.js';

export const customerMenuFeature = new Composer<BotContext>();

const privateChat = customerMenuFeature.chatType('private');

/** How long a "Delete my data" confirmation stays valid. */
const DELETE_CONFIRMATION_MINUTES = 10;

async function registeredCustomer(ctx: BotContext): Promise<CustomerDoc | null> {
  const customer = ctx.from ? await ctx.services.customers.findByTelegramId(ctx.from.id) : null;
  if (!customer) {
    const text = ctx.t('menu-not-registered');
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    else await ctx.reply(text, { reply_markup: { remove_keyboard: true } });
  }
  return customer;
}

privateChat.filter(menuButton('menu-card'), async (ctx) => {
  const customer = await registeredCustomer(ctx);
  if (customer) await showCard(ctx, customer);
});

privateChat.filter(menuButton('menu-rewards'), async (ctx) => {
  const customer = await registeredCustomer(ctx);
  if (!customer) return;
  const locale = customer.locale;
  const [settings, balance] = await Promise.all([ctx.services.settings.get(), ctx.services.visits.balanceOf(customer._id)]);
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

// The menu button, and /language for everyone without the menu (owners and staff choose here too).
async function chooseLanguage(ctx: BotContext): Promise<void> {
  const current = (await ctx.i18n.getLocale()) as Locale;
  await ctx.reply(ctx.t('language-choose'), { reply_markup: languageKeyboard(customerData.language, current) });
}
privateChat.filter(menuButton('menu-language'), chooseLanguage);
privateChat.command('language', chooseLanguage);

onPress(privateChat, customerData.language, async (ctx, locale) => {
  await ctx.services.customers.setLocale(ctx.from.id, locale);
  await ctx.i18n.renegotiateLocale();
  if (await isOwner(ctx)) {
    await registerOwnerCommands(ctx.api, ctx.notifier.t, ctx.from.id, locale).catch((error: unknown) =>
      ctx.logger.warn({ err: error }, 'could not update the owner\'s command menu'),
    );
  }
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
onPress(privateChat, customerData.promotions, async (ctx, on) => {
  const customer = await registeredCustomer(ctx);
  if (!customer) return;
  await ctx.services.customers.setMarketingConsent(customer._id, on, 'menu');
  await ctx.answerCallbackQuery();
  await ctx
    .editMessageText(ctx.t(on ? 'notifications-on' : 'notifications-off'), { reply_markup: promotionsKeyboard(ctx.t, on) })
    .catch(() => undefined);
});

// The separate, optional question about offers, right after the card is issued; either answer gives the card.
onPress(privateChat, customerData.onboardingConsent, async (ctx, yes) => {
  const customer = await registeredCustomer(ctx);
  if (!customer) return;
  await ctx.services.customers.setMarketingConsent(customer._id, yes, 'onboarding');
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(ctx.t('onboarding-done'));
  await showCard(ctx, { ...customer, marketingConsent: yes });
  // The optional last step: the birthday (bot/features/birthday.ts answers it).
  const birthday = birthdayQuestion(ctx.t, await ctx.services.settings.get());
  if (birthday && !birthdayOf(customer)) await ctx.reply(birthday.text, { reply_markup: birthday.reply_markup });
});

// Under every offer: works at once, and says how to turn offers back on.
onPress(privateChat, customerData.stopOffers, async (ctx) => {
  const customer = await registeredCustomer(ctx);
  if (!customer) return;
  await ctx.services.customers.setMarketingConsent(customer._id, false, 'stop-offers');
  await ctx.answerCallbackQuery({ text: ctx.t('offers-stopped-short') });
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(ctx.t('offers-stopped'), { reply_markup: promotionsKeyboard(ctx.t, false) });
});

privateChat.filter(menuButton('menu-my-data'), async (ctx) => {
  const customer = await registeredCustomer(ctx);
  if (!customer) return;
  const [copy, { timeZone }] = await Promise.all([ctx.services.customers.dataCopy(customer._id), ctx.services.settings.get()]);
  if (!copy) return;
  const now = ctx.services.clock.now();
  const name = `my-data-${localDateKey(now, timeZone)}.txt`;
  const document = myDataDocument(ctx.notifier.t, customer.locale, copy, timeZone, now);
  await ctx.replyWithDocument(new InputFile(Buffer.from(`\uFEFF${document}`, 'utf8'), name), { caption: ctx.t('my-data-caption') });
  await ctx.services.audit.record({ actorId: ctx.from.id, actorRole: 'customer', action: 'data-copy', what: [name], customerId: customer._id });
});

async function askToDelete(ctx: BotContext): Promise<void> {
  const customer = ctx.from ? await ctx.services.customers.findByTelegramId(ctx.from.id) : null;
  await ctx.reply(ctx.t(customer ? 'delete-confirm' : 'delete-visitor-confirm'), {
    reply_markup: deleteKeyboard(ctx.t, ctx.services.clock.now()),
  });
}

privateChat.filter(menuButton('menu-delete'), askToDelete);
// Always available, also to someone without a card (an onboarding left half-way).
privateChat.command('delete', askToDelete);

onPress(privateChat, customerData.deleteConfirm, async (ctx, askedAt) => {
  const age = ctx.services.clock.now().getTime() - askedAt.getTime();
  if (age < -60_000 || age > DELETE_CONFIRMATION_MINUTES * 60_000) {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('delete-expired')).catch(() => undefined);
    return;
  }
  const customer = await ctx.services.customers.findByTelegramId(ctx.from.id);
  // The language preference goes with the data; this last answer is still in the customer's language.
  const done = ctx.t(customer ? 'delete-done' : 'delete-visitor-done');
  await ctx.conversation.exitAll();
  if (customer) await ctx.services.customers.erase(customer._id);
  else await ctx.services.customers.forgetVisitor(ctx.from.id);
  await forgetChatState(ctx.services.conn, String(ctx.from.id));
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(done, { reply_markup: { remove_keyboard: true } });
});

onPress(privateChat, customerData.deleteKeep, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('delete-kept')).catch(() => undefined);
});
