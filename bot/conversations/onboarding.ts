// A new customer's first minute: language → how the program works → consent to processing the phone
// number, with the privacy policy (before the phone is asked for) → phone (request_contact button) →
// the card is issued. The state lives in MongoDB, so any instance can carry it on. The customer record
// is written in one step as soon as the phone is checked, and the conversation ends with it: the phone
// never waits in the stored conversation state. Then comes the separate, optional question about
// offers (bot/features/customer-menu.ts answers it) and, with its answer, the card.
import type { Conversation } from '@grammyjs/conversations';
import type { CallbackQueryContext, InlineKeyboard, Keyboard } from 'grammy';
import { LOCALES, type Locale } from '../../domain/locales.js';
import type { BotContext, ConversationContext } from '../context.js';
import { looksLikePhone } from '../../domain/customers/phone.js';
import { localeFromTelegram } from '../i18n.js';
import { sendCard } from '../card.js';
import { announceCardMoved } from '../move-messages.js';
import { announceWelcome } from '../occasion-messages.js';
import {
  consentKeyboard,
  contactKeyboard,
  continueKeyboard,
  customerData,
  languageKeyboard,
  mainMenu,
  privacyKeyboard,
} from '../keyboards/customer.js';
import type { Translate } from '../translator.js';

export const ONBOARDING = 'onboarding';

type OnboardingConversation = Conversation<BotContext, ConversationContext>;
type CallbackContext = CallbackQueryContext<ConversationContext>;

export async function onboarding(
  conversation: OnboardingConversation,
  ctx: ConversationContext,
  referralCode?: string,
): Promise<void> {
  const user = ctx.from;
  if (!user) return;
  const { services } = ctx;

  const suggested = await conversation.external(
    async () => (await services.preferences.getLocale(user.id)) ?? localeFromTelegram(user.language_code) ?? ctx.config.DEFAULT_LOCALE,
  );
  const tSuggested: Translate = (key, vars) => ctx.notifier.t(suggested, key, vars);
  const languageButtons = () => languageKeyboard(customerData.onboardingLanguage, suggested);
  await ctx.reply(tSuggested('onboarding-welcome', { name: user.first_name }), { reply_markup: languageButtons() });
  const picked = await forThisStep(conversation, user.id).andForCallbackQuery(customerData.onboardingLanguage.trigger, {
    otherwise: (c) => remind(c, tSuggested, languageButtons()),
  });
  const [locale] = customerData.onboardingLanguage.decode(picked.callbackQuery.data) ?? [suggested];
  await conversation.external(() => services.preferences.setLocale(user.id, locale));
  await closeStep(picked);
  const t: Translate = (key, vars) => ctx.notifier.t(locale, key, vars);

  const settings = await conversation.external(() => services.settings.get());
  await ctx.reply(t('onboarding-program', { stamps: settings.stampsPerReward, reward: settings.rewardName[locale] }), {
    reply_markup: continueKeyboard(t),
  });
  const continued = await forThisStep(conversation, user.id).andForCallbackQuery(customerData.onboardingContinue.trigger, {
    otherwise: (c) => remind(c, t, continueKeyboard(t)),
  });
  await closeStep(continued);

  const sendTheCard = (customerId: string) =>
    conversation.external(async (outer) => {
      const customer = await outer.services.customers.findById(customerId);
      if (!customer) throw new Error('the customer just registered is gone');
      await sendCard({ api: outer.api, t: outer.notifier.t, services: outer.services, me: outer.me }, customer, {
        reply_markup: mainMenu(t),
      });
    });


  // Consent to processing, its own step with its own document, before anything personal is taken.
  const privacy = () => privacyKeyboard(t, settings.privacyPolicyUrl, settings.privacyPolicyVersion);
  await ctx.reply(t('onboarding-privacy-ask', { business: settings.businessName ?? ctx.me.first_name }), {
    reply_markup: privacy(),
    link_preview_options: { is_disabled: true },
  });
  // The policy button shows the bot's own text (bot/features/consent.ts) and leaves this step open.
  const agreed = await forThisStep(conversation, user.id).andForCallbackQuery(
    [customerData.privacyAgree.trigger, customerData.privacyDecline.trigger],
    { otherwise: (c) => remind(c, t, privacy()) },
  );
  await closeStep(agreed);
  const [version] = customerData.privacyAgree.decode(agreed.callbackQuery.data) ?? [];
  if (version === undefined) {
    await ctx.reply(t('onboarding-privacy-declined'));
    return;
  }
  const policyConsent = { version, at: new Date(await conversation.external(() => services.clock.now().getTime())) };

  const phone = await askPhone(conversation, ctx, t, locale);
  if (typeof phone !== 'string') {
    // Staff allowed this phone's card to move here: it is this customer's card now.
    await ctx.reply(t('move-card-done'));
    await sendTheCard(phone.movedCustomerId);
    return;
  }
  const registered = await conversation.external(async (outer) => {
    const result = await services.customers.register({
      telegramId: user.id,
      phone,
      firstName: user.first_name,
      lastName: user.last_name,
      username: user.username,
      locale,
      // Offers are asked about separately, next; until the answer, none.
      marketingConsent: false,
      policyConsent,
      referralCode,
    });
    if (!result.ok) return { ok: false as const, refused: result.error.code };
    // Once per phone number ever (domain/occasions): told before the last question.
    const welcome = await outer.services.occasions.grantWelcome(result.value);
    if (welcome && !welcome.duplicate) await announceWelcome({ notifier: outer.notifier, settings: await outer.services.settings.get() }, result.value, welcome);
    await outer.reply(t('onboarding-consent-ask'), { reply_markup: consentKeyboard(t) });
    return { ok: true as const };
  });
  // Someone registered this phone from another account between the contact and now: the onboarding
  // ends here rather than keep the contact in its state; /start begins again.
  if (!registered.ok) await ctx.reply(t(registered.refused === 'PhoneTaken' ? 'onboarding-phone-taken' : 'onboarding-phone-invalid'));
}

/**
 * Asks for the phone until the user shares their own, usable contact; returns it in E.164, or the card
 * that moved to this account because staff allowed that phone's card to move.
 */
async function askPhone(
  conversation: OnboardingConversation,
  ctx: ConversationContext,
  t: Translate,
  locale: Locale,
): Promise<string | { movedCustomerId: string }> {
  const user = ctx.from!;
  const userId = user.id;
  await ctx.reply(t('onboarding-phone-ask'), { reply_markup: contactKeyboard(t) });
  const shared = await forThisStep(conversation, userId).andFor('message:contact', {
    otherwise: (c) => {
      if (c.callbackQuery) return c.answerCallbackQuery({ text: t('unhandled-button') });
      const typed = c.message?.text !== undefined && looksLikePhone(c.message.text);
      return c.reply(t(typed ? 'onboarding-phone-typed' : 'onboarding-phone-use-button'), { reply_markup: contactKeyboard(t) });
    },
  });
  const contact = shared.message.contact;
  if (contact.user_id !== userId) {
    await shared.reply(t('onboarding-phone-not-yours'), { reply_markup: contactKeyboard(t) });
    return conversation.skip();
  }
  const checked = await conversation.external(() => ctx.services.customers.checkPhone(contact.phone_number, userId, locale));
  if (!checked.ok && checked.error.code === 'PhoneTaken') {
    const moved = await conversation.external(async (outer) => {
      const result = await outer.services.cardMoves.moveCardToAccount({
        telegramId: userId,
        phone: contact.phone_number,
        firstName: user.first_name,
        lastName: user.last_name,
        username: user.username,
        locale,
      });
      if (!result.ok) return null;
      await announceCardMoved({ notifier: outer.notifier }, result.value);
      return String(result.value.customer._id);
    });
    if (moved) {
      await shared.reply(t('onboarding-phone-received'), { reply_markup: { remove_keyboard: true } });
      return { movedCustomerId: moved };
    }
  }
  if (!checked.ok) {
    const key = checked.error.code === 'PhoneTaken' ? 'onboarding-phone-taken' : 'onboarding-phone-invalid';
    await shared.reply(t(key), { reply_markup: contactKeyboard(t) });
    return conversation.skip();
  }
  await shared.reply(t('onboarding-phone-received'), { reply_markup: { remove_keyboard: true } });
  return checked.value;
}

/**
 * The next update about this step (grammY's filtered wait; the step's own filter is chained on it).
 * Updates that are not about this private chat (the staff group, a staff card link, commands) go on to
 * the rest of the bot; one the step's filter refuses gets the step's reminder (`otherwise`) and is
 * forgotten, so a flood of stray messages neither moves the onboarding nor grows its stored state.
 */
function forThisStep(conversation: OnboardingConversation, userId: number) {
  return conversation.waitUntil((c) => concernsOnboarding(c, userId), { next: true });
}

function concernsOnboarding(c: ConversationContext, userId: number): boolean {
  if (c.chat?.id !== userId) return false;
  // Erasing what the bot holds (the menu's "Delete my data" and its confirmation) is open at every step.
  const data = c.callbackQuery?.data;
  if (data !== undefined && [customerData.deleteConfirm, customerData.deleteKeep, customerData.policy].some((b) => b.trigger.test(data))) return false;
  if (c.message?.text !== undefined && LOCALES.some((l) => c.notifier.t(l, 'menu-delete') === c.message?.text)) return false;
  const command = /^\/(\w+)(?:@\w+)?(?:\s+(\S+))?/.exec(c.message?.text ?? '');
  if (!command) return true;
  // A plain /start (or an invitation) repeats the current step; other commands and staff card
  // links are for the features after this conversation.
  return command[1] === 'start' && !command[2]?.startsWith('c_');
}

async function remind(c: ConversationContext, t: Translate, keyboard: InlineKeyboard | Keyboard): Promise<unknown> {
  if (c.callbackQuery) return c.answerCallbackQuery({ text: t('unhandled-button') });
  return c.reply(t('onboarding-use-buttons'), { reply_markup: keyboard });
}

/** Stops the button's spinner and takes the buttons away, so the same step cannot be answered twice. */
async function closeStep(c: CallbackContext): Promise<void> {
  await c.answerCallbackQuery();
  await c.editMessageReplyMarkup().catch(() => undefined);
}
