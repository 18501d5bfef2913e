// "My data" as a document the customer can keep: everything stored about them, in their language.
import type { Locale } from '../domain/locales.js';
import { formatLocal } from '../domain/business-time.js';
import { formatCardNumber } from '../domain/customers/codes.js';
import type { DataCopy } from '../domain/customers/data-copy.js';
import { LANGUAGE_NAMES } from './keyboards/customer.js';
import type { Translator } from './translator.js';
import { stars } from './review-messages.js';
import { formatDayMonth } from './occasion-messages.js';
import { birthdayOf } from '../domain/occasions/service.js';

export function myDataDocument(t: Translator, locale: Locale, copy: DataCopy, timeZone: string, now: Date): string {
  const tr = (key: string, vars?: Record<string, string | number>) => t(locale, key, vars);
  const time = (at: Date | null | undefined) => (at ? formatLocal(at, timeZone) : tr('my-data-none'));
  const text = (value: string | null | undefined) => (value ? value : tr('my-data-none'));
  const { customer } = copy;
  const lines: string[] = [tr('my-data-title'), tr('my-data-as-of', { time: time(now), timeZone }), ''];

  lines.push(`== ${tr('my-data-section-profile')} ==`);
  const profile: [string, string][] = [
    ['first-name', text(customer.firstName)],
    ['last-name', text(customer.lastName)],
    ['username', customer.username ? `@${customer.username}` : tr('my-data-none')],
    ['phone', text(customer.phone)],
    ['telegram-id', String(customer.telegramId ?? '')],
    ['language', LANGUAGE_NAMES[customer.locale] ?? customer.locale],
    ['card-number', customer.cardNumber ? formatCardNumber(customer.cardNumber) : tr('my-data-none')],
    ['registered', time(customer.registeredAt)],
    ['last-visit', time(customer.lastVisitAt)],
    ['offers', tr(customer.marketingConsent ? 'my-data-yes' : 'my-data-no')],
    ['policy-version', String(customer.policyVersion ?? tr('my-data-none'))],
    ['invited-by-friend', tr(customer.referredBy ? 'my-data-yes' : 'my-data-no')],
    ['invited-friends', String(copy.invitedFriends)],
  ];
  const birthday = birthdayOf(customer);
  profile.push(['birthday', birthday ? formatDayMonth(customer.locale, birthday) : tr('my-data-none')]);
  for (const [field, value] of profile) lines.push(`${tr(`my-data-field-${field}`)}: ${value}`);

  lines.push('', `== ${tr('my-data-section-consents')} ==`);
  if (copy.consents.length === 0) lines.push(tr('my-data-none'));
  for (const c of copy.consents) {
    lines.push(tr('my-data-consent-line', { time: time(c.at), kind: c.kind, granted: c.granted ? 'yes' : 'no', version: c.policyVersion }));
  }

  lines.push('', `== ${tr('my-data-section-ledger')} ==`);
  if (copy.ledger.length === 0) lines.push(tr('my-data-none'));
  for (const e of copy.ledger) {
    lines.push(tr('my-data-ledger-line', { time: time(e.at), type: e.type, stamps: e.stamps, rewards: e.rewards }));
  }

  lines.push('', `== ${tr('my-data-section-reviews')} ==`);
  if (copy.reviews.length === 0) lines.push(tr('my-data-none'));
  for (const r of copy.reviews) {
    lines.push(tr('my-data-review-line', { time: time(r.at), stars: stars(r.rating), rating: r.rating, hasComment: r.comment ? 'yes' : 'no', comment: r.comment ?? '' }));
    for (const reply of r.replies ?? []) lines.push(`  ${tr('my-data-review-reply', { time: time(reply.at), text: reply.text })}`);
  }
  // Windows Notepad and phones both read UTF-8 with CRLF line ends.
  return lines.join('\r\n') + '\r\n';
}
