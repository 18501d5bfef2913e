// Sends a customer their card as a photo. The picture is drawn only when what it shows changed:
// otherwise the Telegram file of the last one is sent again (keyed by a fingerprint of the card's face).
import { GrammyError, InputFile, type Api } from 'grammy';
import type { Message, UserFromGetMe } from 'grammy/types';
import type { Locale } from '../domain/locales.js';
import { cardFingerprint, renderCard, type CardFace } from '../domain/cards/render.js';
import { formatCardNumber } from '../domain/customers/codes.js';
import type { CustomerDoc } from '../domain/customers/model.js';
import type { Balance } from '../domain/ledger/balance.js';
import type { Settings } from '../domain/settings.js';
import type { Services } from '../domain/services.js';
import type { BotContext } from './context.js';
import { mainMenu } from './keyboards/customer.js';
import type { Translator } from './translator.js';

export interface CardDeps {
  api: Api;
  t: Translator;
  services: Services;
  me: UserFromGetMe;
}

type PhotoOptions = NonNullable<Parameters<Api['sendPhoto']>[2]>;

/** The link in the card's QR: opens the bot for staff with the card (`c_<token>`). */
export function cardLink(botUsername: string, cardToken: string): string {
  return `https://t.me/${botUsername}?start=c_${cardToken}`;
}

export function inviteLink(botUsername: string, referralCode: string): string {
  return `https://t.me/${botUsername}?start=ref_${referralCode}`;
}

/** "Stamps: 3 of 8. 5 more to your reward: free coffee", in the customer's language. */
export function progressLine(t: Translator, locale: Locale, settings: Settings, balance: Balance): string {
  const stamps = Math.max(0, balance.stamps);
  return t(locale, 'card-progress', {
    stamps,
    total: settings.stampsPerReward,
    left: Math.max(0, settings.stampsPerReward - stamps),
    reward: settings.rewardName[locale],
  });
}

export function cardFace(deps: CardDeps, customer: CustomerDoc, settings: Settings, balance: Balance): CardFace {
  const locale = customer.locale;
  const { t } = deps;
  return {
    link: cardLink(deps.me.username, customer.cardToken ?? ''),
    cardNumber: formatCardNumber(customer.cardNumber ?? ''),
    stamps: Math.max(0, balance.stamps),
    stampsPerReward: settings.stampsPerReward,
    rewards: Math.max(0, balance.rewards),
    texts: {
      title: deps.me.first_name,
      subtitle: t(locale, 'card-subtitle'),
      cardNumberLabel: t(locale, 'card-number-label'),
      progress: progressLine(t, locale, settings, balance),
      rewardsReady: t(locale, 'card-rewards-ready', { count: Math.max(0, balance.rewards) }),
      hint: t(locale, 'card-hint'),
    },
  };
}

function caption(deps: CardDeps, customer: CustomerDoc, face: CardFace): string {
  const locale = customer.locale;
  const lines = [deps.t(locale, 'card-caption', { number: face.cardNumber }), face.texts.progress];
  if (face.rewards > 0) lines.push(`🎁 ${face.texts.rewardsReady}`);
  return lines.join('\n');
}

function isStaleFile(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400;
}

/** The customer's card in answer to their update, with the main menu under it. */
export async function showCard(ctx: BotContext, customer: CustomerDoc): Promise<void> {
  await sendCard({ api: ctx.api, t: ctx.notifier.t, services: ctx.services, me: ctx.me }, customer, {
    reply_markup: mainMenu(ctx.t),
  });
}

/** Sends the card to the customer's chat; draws the picture only if the card changed since the last one. */
export async function sendCard(deps: CardDeps, customer: CustomerDoc, options: PhotoOptions = {}): Promise<Message.PhotoMessage> {
  if (!customer.telegramId || !customer.cardToken) throw new Error('this customer has no card');
  const [settings, balance] = await Promise.all([deps.services.settings.get(), deps.services.visits.balanceOf(customer._id)]);
  const face = cardFace(deps, customer, settings, balance);
  const fingerprint = cardFingerprint(face);
  const other = { caption: caption(deps, customer, face), ...options };

  const cached = customer.cardImage;
  if (cached?.fileId && cached.fingerprint === fingerprint) {
    try {
      return await deps.api.sendPhoto(customer.telegramId, cached.fileId, other);
    } catch (error) {
      // Telegram forgot the file (or the bot token changed): draw it again below.
      if (!isStaleFile(error)) throw error;
    }
  }

  const png = await renderCard(face);
  const sent = await deps.api.sendPhoto(customer.telegramId, new InputFile(png, 'card.png'), other);
  const fileId = sent.photo.at(-1)?.file_id;
  if (fileId) await deps.services.customers.rememberCardImage(customer._id, { fileId, fingerprint });
  return sent;
}
