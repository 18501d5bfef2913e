import { describe, expect, it } from 'vitest';
import { defaultRegionFor, looksLikePhone, normalizePhone } from '../../domain/customers/phone.js';
import {
  CARD_NUMBER_ALPHABET,
  formatCardNumber,
  newCardNumber,
  newCardToken,
  newReferralCode,
  REFERRAL_CODE_PATTERN,
} from '../../domain/customers/codes.js';

describe('phone numbers are stored in E.164', () => {
  it.each([
    // What Telegram's contact button sends: international digits, with or without "+".
    ['359888123456', 'bg', '+359888123456'],
    ['+359888123456', 'en', '+359888123456'],
    ['79161234567', 'ru', '+79161234567'],
    ['79161234567', 'bg', '+79161234567'],
    ['+7 (916) 123-45-67', 'en', '+79161234567'],
    ['447911123456', 'en', '+447911123456'],
    ['+44 7911 123456', 'ru', '+447911123456'],
    ['00359 888 123 456', 'en', '+359888123456'],
    // National formats, read in the region of the customer's language.
    ['0888 123 456', 'bg', '+359888123456'],
    ['8 916 123-45-67', 'ru', '+79161234567'],
    ['07911 123456', 'en', '+447911123456'],
  ] as const)('%s (%s) → %s', (raw, locale, e164) => {
    expect(normalizePhone(raw, defaultRegionFor(locale))).toBe(e164);
  });

  it.each(['', '12', 'not a phone', '+', '1234567890123456789012'])('%j is not a phone number', (raw) => {
    expect(normalizePhone(raw, 'BG')).toBeUndefined();
  });

  it('tells a typed phone number from other text', () => {
    expect(looksLikePhone('+359 888 123 456')).toBe(true);
    expect(looksLikePhone('8 (916) 123-45-67')).toBe(true);
    expect(looksLikePhone('hello')).toBe(false);
    expect(looksLikePhone('2 coffees')).toBe(false);
  });
});

describe('card identifiers', () => {
  it('card numbers are 8 characters without look-alikes (0/O, 1/I/L) or U', () => {
    expect(CARD_NUMBER_ALPHABET).not.toMatch(/[01OILU]/);
    for (let i = 0; i < 500; i++) expect(newCardNumber()).toMatch(/^[2-9A-HJKMNP-TV-Z]{8}$/);
    expect(formatCardNumber('ABCD2345')).toBe('ABCD-2345');
  });

  it('card tokens are long and random; referral codes fit the invite link', () => {
    const tokens = new Set(Array.from({ length: 1000 }, newCardToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    for (let i = 0; i < 200; i++) expect(newReferralCode()).toMatch(REFERRAL_CODE_PATTERN);
    // Telegram's deep-link payload is at most 64 characters of A-Z, a-z, 0-9, _ and -.
    expect(`c_${newCardToken()}`.length).toBeLessThanOrEqual(64);
  });
});
