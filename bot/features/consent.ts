// Consent to processing after the privacy policy changed (settings.privacyPolicyVersion raised): a
// registered customer who has not agreed to the version in force is asked again at their next
// message or press, before anything else is done for them. Erasing their data (/delete, the menu's
// "Delete my data"), /help and /cancel stay open to them. Staff actions (card links, staff buttons)
// are not a customer's interaction and are never held up here, so the stamp path pays nothing.
// The customer document read here also clears a stale "unreachable" mark: they just wrote.
import { Composer } from 'grammy';
import { LOCALES } from '../../domain/locales.js';
import { needsPolicyConsent } from '../../domain/customers/consents.js';
import type { BotContext } from '../context.js';
import { CUSTOMER_BUTTONS, customerData, mainMenu, privacyKeyboard } from '../keyboards/customer.js';
import { REVIEW_BUTTONS, reviewData } from '../keyboards/reviews.js';
import { onPress } from '../callback-data.js';
import { policyText } from '../privacy.js';

export const consentFeature = new Composer<BotContext>();

const privateChat = consentFeature.chatType('private');

/** Buttons open to a customer who has not agreed to the current policy: erasing, the policy itself, an owner's reply. */
const WAYS_OUT = [
  customerData.deleteConfirm,
  customerData.deleteKeep,
  customerData.privacyAgree,
  customerData.privacyDecline,
  customerData.policy,
  reviewData.reply,
  reviewData.replyStop,
];

/** Updates that are the customer's own use of the bot (and not the way out of it). */
function customersOwnInteraction(ctx: BotContext): boolean {
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) return (CUSTOMER_BUTTONS.test(data) || REVIEW_BUTTONS.test(data)) && !WAYS_OUT.some((button) => button.trigger.test(data));
  const text = ctx.message?.text;
  if (text === undefined) return ctx.message !== undefined;
  if (/^\/(delete|help|cancel)(@\w+)?$/.test(text) || /^\/start c_/.test(text)) return false;
  return !LOCALES.some((locale) => ctx.notifier.t(locale, 'menu-delete') === text);
}

// The bot's own policy text (the owner has no link), during onboarding and after a change alike.
onPress(privateChat, customerData.policy, async (ctx) => {
  const settings = await ctx.services.settings.get();
  await ctx.answerCallbackQuery();
  await ctx.reply(policyText(ctx.t, settings, ctx.me.first_name), {
    reply_markup: privacyKeyboard(ctx.t, null, settings.privacyPolicyVersion, false),
  });
});

// Someone without a card is answering the onboarding's question: that is the onboarding's business.
privateChat.callbackQuery([customerData.privacyAgree.trigger, customerData.privacyDecline.trigger], async (ctx, next) => {
  const customer = await ctx.services.customers.findByTelegramId(ctx.from.id);
  if (!customer) return next();
  const [version] = customerData.privacyAgree.decode(ctx.callbackQuery.data) ?? [0];
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  if (!version) return;
  const settings = await ctx.services.settings.get();
  // An old button (of a version no longer in force) asks about the current one instead.
  if (version !== settings.privacyPolicyVersion) return askAgain(ctx);
  await ctx.services.customers.agreeToPolicy(customer._id, version);
  await ctx.reply(ctx.t('consent-renew-thanks'), { reply_markup: mainMenu(ctx.t) });
});

async function askAgain(ctx: BotContext): Promise<void> {
  const settings = await ctx.services.settings.get();
  await ctx.reply(ctx.t('consent-renew-ask', { version: settings.privacyPolicyVersion }), {
    reply_markup: privacyKeyboard(ctx.t, settings.privacyPolicyUrl, settings.privacyPolicyVersion, false),
    link_preview_options: { is_disabled: true },
  });
}

privateChat.use(async (ctx, next) => {
  if (!customersOwnInteraction(ctx)) return next();
  const customer = await ctx.services.customers.findByTelegramId(ctx.from.id);
  if (!customer) return next();
  // They wrote or pressed: they can be reached (a broadcast's 403 marked them; reachability.ts).
  if (customer.unreachable) await ctx.services.customers.setReachable(ctx.from.id, true);
  const settings = await ctx.services.settings.get();
  if (!needsPolicyConsent(customer, settings.privacyPolicyVersion)) return next();
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  await askAgain(ctx);
});
