// What staff type when no camera is at hand, read the way Crockford's base32 is meant to be read:
// case does not matter, spaces and dashes are ignored, and the look-alikes O (for 0) and I or L
// (for 1) mean the digit. Issued card numbers avoid all of these characters (domain/customers/codes.ts),
// so a barista who reads "0" or "I" off a badly printed card still finds it, and a typed number is
// compared with stored ones in this canonical form.
import { CARD_NUMBER_LENGTH } from '../customers/codes.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LOOK_ALIKES: Record<string, string> = { O: '0', I: '1', L: '1' };

/** The canonical card number for what was typed ("abcd 2345", "ABCD-2345", "abcd-z34s"), or undefined. */
export function canonicalCardNumber(typed: string): string | undefined {
  if (typed.length > 40) return undefined;
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, '')
    .replace(/[OIL]/g, (c) => LOOK_ALIKES[c] ?? c);
  if (cleaned.length !== CARD_NUMBER_LENGTH) return undefined;
  return [...cleaned].every((c) => CROCKFORD.includes(c)) ? cleaned : undefined;
}

/** A message that is nothing but a card number (a barista typing it without /card). */
export function looksLikeCardNumber(text: string): boolean {
  return /^\s*[0-9A-Za-z][0-9A-Za-z\s\-–—_.]{5,14}\s*$/.test(text) && canonicalCardNumber(text) !== undefined;
}
