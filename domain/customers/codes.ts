// The three identifiers a card carries, all random and unique (a unique index decides; a collision
// is retried with fresh values):
// - the card token, in the QR deep link (`c_<token>`): long, so a card cannot be guessed;
// - the card number, which staff type when no camera is at hand: 8 characters of Crockford base32
//   without 0, O, 1, I, L and U, so it reads aloud and types without mistakes;
// - the referral code, in the personal invite link (`ref_<code>`).
import { randomBytes, randomInt } from 'node:crypto';

/** Crockford's base32 alphabet minus the look-alikes 0/O and 1/I/L (and U, which Crockford drops). */
export const CARD_NUMBER_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CARD_NUMBER_LENGTH = 8;

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export function newCardToken(): string {
  return randomBytes(18).toString('base64url');
}

export function newCardNumber(): string {
  return randomString(CARD_NUMBER_ALPHABET, CARD_NUMBER_LENGTH);
}

export function newReferralCode(): string {
  return randomString(CARD_NUMBER_ALPHABET.toLowerCase(), 8);
}

/** Shown as ABCD-2345: easier to read to a barista. */
export function formatCardNumber(cardNumber: string): string {
  return `${cardNumber.slice(0, 4)}-${cardNumber.slice(4)}`;
}

export const REFERRAL_CODE_PATTERN = /^[a-z2-9]{8}$/;
