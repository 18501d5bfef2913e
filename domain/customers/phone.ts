// Phone numbers are stored in E.164 (+359888123456), whatever shape they arrive in.
//
// Telegram's contact button sends the international number, usually as bare digits ("359888123456"),
// so digits are read as an international number first. A number in national form ("0888 123 456",
// "8 916 123-45-67") has no country code; it is read in the default region of the customer's language:
// bg → Bulgaria, ru → Russia, en → the United Kingdom. Those are the markets the program is sold in;
// a café elsewhere still gets correct numbers from the contact button, which is the only way a phone
// is accepted at registration.
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js';
import type { Locale } from '../locales.js';

const REGION_BY_LOCALE: Record<Locale, CountryCode> = { bg: 'BG', ru: 'RU', en: 'GB' };

export function defaultRegionFor(locale: Locale): CountryCode {
  return REGION_BY_LOCALE[locale];
}

/** The number in E.164, or undefined when it cannot be a phone number at all. */
export function normalizePhone(raw: string, defaultRegion: CountryCode): string | undefined {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 5 || digits.length > 17) return undefined;

  const candidates: (PhoneNumber | undefined)[] = [];
  if (trimmed.startsWith('+')) candidates.push(parsePhoneNumberFromString(`+${digits}`));
  else if (digits.startsWith('00')) candidates.push(parsePhoneNumberFromString(`+${digits.slice(2)}`));
  else {
    candidates.push(parsePhoneNumberFromString(`+${digits}`));
    candidates.push(parsePhoneNumberFromString(digits, defaultRegion));
  }
  const found = candidates.find((p) => p?.isValid()) ?? candidates.find((p) => p?.isPossible());
  return found?.number;
}

/** Does a typed text look like someone trying to type a phone number instead of sharing the contact? */
export function looksLikePhone(text: string): boolean {
  return /^[\s+()\-.\d]{7,}$/.test(text.trim()) && text.replace(/\D/g, '').length >= 7;
}
