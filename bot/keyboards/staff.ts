// The card screen's buttons and the audit line's Undo button. Their data names a server-side record
// (the card screen's pending action, the ledger entry to undo) and an intent; who may press is decided
// at the press, never by the data.
import { InlineKeyboard } from 'grammy';
import type { Translate } from '../translator.js';

export type CardAction = { kind: 'stamp'; stamps: number } | { kind: 'redeem' } | { kind: 'close' };

export const staffData = {
  card: (screenId: string, action: CardAction) =>
    `staff:${screenId}:${action.kind === 'stamp' ? `stamp:${action.stamps}` : action.kind}`,
  cardPattern: /^staff:([A-Za-z0-9_-]{12}):(stamp:(\d{1,3})|redeem|close)$/,
  /** "Move to a new Telegram account" on a card screen (bot/features/move-card.ts). */
  move: (screenId: string) => `staff-move:${screenId}`,
  movePattern: /^staff-move:([A-Za-z0-9_-]{12})$/,
  /** A card picked from a search by the phone's last digits: its number, opened afresh by staff. */
  found: (cardNumber: string) => `staff-found:${cardNumber}`,
  foundPattern: /^staff-found:([A-Z0-9]{8})$/,
  undo: (entryId: string) => `staff-undo:${entryId}`,
  undoPattern: /^staff-undo:([0-9a-f]{24})$/,
};

/** The action a card button asks for, from the callback pattern's match. */
export function cardActionOf(match: RegExpMatchArray): CardAction {
  if (match[3] !== undefined) return { kind: 'stamp', stamps: Number(match[3]) };
  return match[2] === 'redeem' ? { kind: 'redeem' } : { kind: 'close' };
}

export interface CardButtons {
  /** How many stamps may be offered now (0: none; the screen's text says why). */
  stamps: number;
  redeem: boolean;
  /** After an operation the screen offers Done rather than Cancel. */
  finished: boolean;
}

export function cardScreenKeyboard(t: Translate, screenId: string, buttons: CardButtons): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (let stamps = 1; stamps <= buttons.stamps; stamps++) {
    keyboard.text(t('staff-button-stamp', { count: stamps }), staffData.card(screenId, { kind: 'stamp', stamps }));
  }
  if (buttons.stamps > 0) keyboard.row();
  if (buttons.redeem) keyboard.text(t('staff-button-redeem'), staffData.card(screenId, { kind: 'redeem' })).row();
  keyboard.text(t('staff-button-move'), staffData.move(screenId)).row();
  keyboard.text(t(buttons.finished ? 'staff-button-done' : 'staff-button-cancel'), staffData.card(screenId, { kind: 'close' }));
  return keyboard;
}

export function undoKeyboard(t: Translate, entryId: string): InlineKeyboard {
  return new InlineKeyboard().text(t('staff-button-undo'), staffData.undo(entryId));
}
