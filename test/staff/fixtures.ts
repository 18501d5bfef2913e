// Customers for the staff scenarios, registered straight into the database (the onboarding flow has
// its own scenarios), and small readers of what staff see: the card screen, its buttons, the ledger.
import { randomBytes, randomInt } from 'node:crypto';
import type { Types } from 'mongoose';
import type { Update } from 'grammy/types';
import type { Locale } from '../../domain/locales.js';
import { CARD_NUMBER_ALPHABET } from '../../domain/customers/codes.js';
import { customerModel, type CustomerDoc } from '../../domain/customers/model.js';
import { ledgerModel, type LedgerEntry } from '../../domain/ledger/model.js';
import { CardScreenCodec, staffData, type CardAction } from '../../bot/keyboards/staff.js';
import { BOT_INFO, inlineButtons, type Harness, type SentMessage, type TestUser } from '../harness/index.js';

let phoneSuffix = 1000;

export interface CustomerOptions {
  firstName?: string;
  phone?: string;
  locale?: Locale;
  cardNumber?: string;
}

/** A registered customer with a card, tied to this Telegram user. */
export async function registerCustomer(h: Harness, user: TestUser, options: CustomerOptions = {}): Promise<CustomerDoc> {
  const cardNumber =
    options.cardNumber ?? Array.from({ length: 8 }, () => CARD_NUMBER_ALPHABET[randomInt(CARD_NUMBER_ALPHABET.length)]).join('');
  const created = await customerModel(h.app.conn).create({
    telegramId: user.id,
    phone: options.phone ?? `+359888${String(phoneSuffix++).padStart(6, '0')}`,
    firstName: options.firstName ?? user.info.first_name,
    locale: options.locale ?? 'en',
    cardToken: randomBytes(18).toString('base64url'),
    cardNumber,
    referralCode: randomBytes(4).toString('hex'),
    marketingConsent: true,
    registeredAt: h.clock.now(),
  });
  return created.toObject<CustomerDoc>();
}

export async function ledgerOf(h: Harness, customerId: Types.ObjectId): Promise<LedgerEntry[]> {
  return ledgerModel(h.app.conn).find({ customerId }).sort({ seq: 1 }).lean<LedgerEntry[]>();
}

/** The balance as plain arithmetic over the stored entries (independent of the app's own code). */
export async function ledgerSum(h: Harness, customerId: Types.ObjectId): Promise<{ stamps: number; rewards: number }> {
  const entries = await ledgerOf(h, customerId);
  return entries.reduce((sum, e) => ({ stamps: sum.stamps + e.stamps, rewards: sum.rewards + e.rewards }), { stamps: 0, rewards: 0 });
}

export async function customerDoc(h: Harness, customerId: Types.ObjectId): Promise<CustomerDoc> {
  return (await customerModel(h.app.conn).findById(customerId).lean<CustomerDoc>())!;
}

/** The newest card screen (a message with the Cancel/Done button) in a chat. */
export function cardScreen(h: Harness, chatId: number): SentMessage {
  const screen = [...h.telegram.messages(chatId)].reverse().find((m) =>
    inlineButtons(m).some((b) => 'callback_data' in b && /:close$/.test(b.callback_data)),
  );
  if (!screen) throw new Error(`no card screen in chat ${chatId}`);
  return screen;
}

/** The card screen's id, read from its buttons. */
export function screenIdOf(screen: SentMessage): string {
  for (const button of inlineButtons(screen)) {
    const match = 'callback_data' in button ? staffData.cardPattern.exec(button.callback_data) : null;
    if (match?.[1]) return match[1];
  }
  throw new Error('not a card screen');
}

/**
 * The data of a button for `action` on this card screen, signed as the bot signs it: what a client
 * that kept an older button of the same screen would send (the screen's own nonce and expiry).
 */
export function cardData(h: Harness, screen: SentMessage, action: CardAction): string {
  const codec = new CardScreenCodec(h.config.BOT_TOKEN);
  for (const button of inlineButtons(screen)) {
    const press = 'callback_data' in button ? codec.decode(button.callback_data, h.clock.now()) : undefined;
    if (press?.ok) return codec.encode(press.screen, action);
  }
  throw new Error('not a usable card screen');
}

/** Opens the customer's card with /card in a chat (the staff member's private chat by default). */
export async function openCard(h: Harness, staff: TestUser, customer: CustomerDoc, chatId: number = staff.id): Promise<SentMessage> {
  await staff.send(`/card ${customer.cardNumber}`, chatId);
  return cardScreen(h, chatId);
}

/** Numbers on a card screen: "Stamps: 3/8", "Rewards available: 1" (English). */
export function shownBalance(screen: SentMessage): { stamps: number; size: number; rewards: number } {
  const text = screen.text ?? '';
  const stamps = /Stamps: (\d+)\/(\d+)/.exec(text);
  const rewards = /Rewards available: (\d+)/.exec(text);
  if (!stamps || !rewards) throw new Error(`not a card screen: ${text}`);
  return { stamps: Number(stamps[1]), size: Number(stamps[2]), rewards: Number(rewards[1]) };
}

/** The text of the newest callback answer (the toast or alert a presser sees). */
export function lastAnswer(h: Harness): string {
  const text = h.telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text;
  return typeof text === 'string' ? text : '';
}

/** A button press as one update, so a test can deliver the very same update twice (a replay). */
export function pressUpdate(h: Harness, user: TestUser, data: string, message: SentMessage, updateId: number): Update {
  const chat =
    message.chatId > 0
      ? { id: message.chatId, type: 'private' as const, first_name: user.info.first_name }
      : { id: message.chatId, type: 'supergroup' as const, title: 'Staff' };
  return {
    update_id: updateId,
    callback_query: {
      id: `replay-${updateId}`,
      from: user.info,
      chat_instance: String(message.chatId),
      data,
      message: {
        message_id: message.messageId,
        date: Math.floor(h.clock.now().getTime() / 1000),
        chat,
        from: BOT_INFO,
        text: message.text ?? '',
      },
    },
  };
}

/** The data of a button on a message, by its label. */
export function buttonData(message: SentMessage, label: string | RegExp): string {
  const button = inlineButtons(message).find((b) => (typeof label === 'string' ? b.text === label : label.test(b.text)));
  if (!button || !('callback_data' in button)) throw new Error(`no button ${String(label)}`);
  return button.callback_data;
}

/**
 * The Undo button of the newest audit line that `matches`, in the staff chat (in any language): a
 * message of one line has one Undo button; a message of several numbered lines has "↩️ … <n>" for line n.
 */
export function undoButtonOf(h: Harness, matches: (line: string) => boolean): { message: SentMessage; data: string } {
  const undoOf = (message: SentMessage, n?: string) => {
    const button = inlineButtons(message).find(
      (b) => 'callback_data' in b && b.callback_data.startsWith('staff-undo:') && (n === undefined || b.text.endsWith(` ${n}`)),
    );
    if (!button || !('callback_data' in button)) throw new Error(`no Undo button${n ? ` for line ${n}` : ''}`);
    return { message, data: button.callback_data };
  };
  for (const message of [...h.staffChat].reverse()) {
    const text = message.text ?? '';
    const numbered = [...text.matchAll(/^(\d+)\. (.*)$/gm)];
    if (numbered.length === 0) {
      if (matches(text)) return undoOf(message);
      continue;
    }
    for (const [, n, line] of numbered.reverse()) {
      if (matches(line ?? '')) return undoOf(message, n);
    }
  }
  throw new Error('no such audit line in the staff chat');
}
