// The card screen's buttons and the audit line's Undo button.
//
// A card screen's buttons carry everything a press needs, signed: the screen's nonce (the idempotency
// key of what the screen does: `stamp:<nonce>`, `redeem:<nonce>`), the customer, the expiry, what the
// screen has done already (for the next screen's buttons) and the action, under an HMAC with a key
// derived from the bot token (every instance of one bot has it; nobody else does). So a press needs no
// server-side record of the screen, and data that was forged, altered or is past its time is refused
// before anything is read. The signature proves only that this bot drew the button: who may press is
// still decided at the press (staff role), never by the data.
//
//   staff:<nonce 12>:<customer 16>:<expiry 5><done 1>:<mac 12>:<action>   (at most 64 bytes)
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { InlineKeyboard } from 'grammy';
import type { Translate } from '../translator.js';
import { codec, fields } from '../callback-data.js';

/** `move`: "Move to a new Telegram account" (bot/features/move-card.ts). */
export type CardAction = { kind: 'stamp'; stamps: number } | { kind: 'redeem' } | { kind: 'move' } | { kind: 'close' };

/** One card screen, as its buttons name it. */
export interface CardScreenRef {
  nonce: string;
  /** The customer's id (24 hex digits). */
  customerId: string;
  expiresAt: Date;
  done: { stamped: boolean; redeemed: boolean };
}

export type DecodedPress = { ok: true; screen: CardScreenRef; action: CardAction } | { ok: false };

const MINUTE = 60_000;

export const staffData = {
  /** Every card screen button (valid or not: those are refused with a sentence, not ignored). */
  cardPrefix: /^staff:/,
  /** A well-formed card screen button; [1] is the screen's nonce. */
  cardPattern: /^staff:([A-Za-z0-9_-]{12}):([A-Za-z0-9_-]{16}):([0-9a-z]{5})([0-3]):([A-Za-z0-9_-]{12}):(stamp:(\d{1,2})|redeem|move|close)$/,
  /** A card picked from a search by the phone's last digits: its number, opened afresh by staff. */
  found: codec('staff-found', fields.cardNumber()),
  undo: codec('staff-undo', fields.objectId()),
};

function actionText(action: CardAction): string {
  return action.kind === 'stamp' ? `stamp:${action.stamps}` : action.kind;
}

/** Signs and reads card screen buttons with the bot's key. */
export class CardScreenCodec {
  private readonly key: Buffer;

  constructor(botToken: string) {
    this.key = createHmac('sha256', 'loyalty-card-screen').update(botToken).digest();
  }

  /** A new screen for a customer, usable for `minutes`. */
  open(customerId: string, now: Date, minutes: number): CardScreenRef {
    return {
      nonce: randomBytes(9).toString('base64url'),
      customerId,
      expiresAt: new Date(Math.ceil((now.getTime() + minutes * MINUTE) / MINUTE) * MINUTE),
      done: { stamped: false, redeemed: false },
    };
  }

  encode(screen: CardScreenRef, action: CardAction): string {
    const body = [
      screen.nonce,
      Buffer.from(screen.customerId, 'hex').toString('base64url'),
      Math.round(screen.expiresAt.getTime() / MINUTE).toString(36).padStart(5, '0') +
        String((screen.done.stamped ? 1 : 0) + (screen.done.redeemed ? 2 : 0)),
    ].join(':');
    return `staff:${body}:${this.mac(body, actionText(action))}:${actionText(action)}`;
  }

  /** The press, if the data is this bot's own and the screen has not expired at `now`. */
  decode(data: string, now: Date): DecodedPress {
    const match = staffData.cardPattern.exec(data);
    if (!match) return { ok: false };
    const [, nonce, customer, expiry, done, mac, action, stamps] = match as unknown as string[];
    const body = `${nonce}:${customer}:${expiry}${done}`;
    const expected = Buffer.from(this.mac(body, action!));
    const given = Buffer.from(mac!);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false };
    const expiresAt = new Date(parseInt(expiry!, 36) * MINUTE);
    if (now.getTime() >= expiresAt.getTime()) return { ok: false };
    const flags = Number(done);
    return {
      ok: true,
      screen: {
        nonce: nonce!,
        customerId: Buffer.from(customer!, 'base64url').toString('hex'),
        expiresAt,
        done: { stamped: (flags & 1) !== 0, redeemed: (flags & 2) !== 0 },
      },
      // The pattern admits nothing else.
      action: stamps !== undefined ? { kind: 'stamp', stamps: Number(stamps) } : { kind: action as 'redeem' | 'move' | 'close' },
    };
  }

  private mac(body: string, action: string): string {
    return createHmac('sha256', this.key).update(`${body}:${action}`).digest().subarray(0, 9).toString('base64url');
  }
}

export interface CardButtons {
  /** How many stamps may be offered now (0: none; the screen's text says why). */
  stamps: number;
  redeem: boolean;
  /** After an operation the screen offers Done rather than Cancel. */
  finished: boolean;
}

export function cardScreenKeyboard(t: Translate, codec: CardScreenCodec, screen: CardScreenRef, buttons: CardButtons): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (let stamps = 1; stamps <= buttons.stamps; stamps++) {
    keyboard.text(t('staff-button-stamp', { count: stamps }), codec.encode(screen, { kind: 'stamp', stamps }));
  }
  if (buttons.stamps > 0) keyboard.row();
  if (buttons.redeem) keyboard.text(t('staff-button-redeem'), codec.encode(screen, { kind: 'redeem' })).row();
  keyboard.text(t('staff-button-move'), codec.encode(screen, { kind: 'move' })).row();
  keyboard.text(t(buttons.finished ? 'staff-button-done' : 'staff-button-cancel'), codec.encode(screen, { kind: 'close' }));
  return keyboard;
}

export function undoKeyboard(t: Translate, entryId: string): InlineKeyboard {
  return new InlineKeyboard().text(t('staff-button-undo'), staffData.undo.encode(entryId));
}

/** The Undo buttons of a message that carries several audit lines: "↩️ 3" undoes line 3. */
export function feedUndoKeyboard(t: Translate, undoable: { line: number; entryId: string }[], perRow: number): InlineKeyboard | undefined {
  if (undoable.length === 0) return undefined;
  const keyboard = new InlineKeyboard();
  undoable.forEach(({ line, entryId }, i) => {
    if (i > 0 && i % perRow === 0) keyboard.row();
    keyboard.text(t('staff-button-undo-line', { line }), staffData.undo.encode(entryId));
  });
  return keyboard;
}
