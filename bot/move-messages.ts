// What people read when a card moves to a new Telegram account: the account it left is told in its
// language, and the staff group gets one audit line. Used by onboarding, where the move completes.
import type { Config } from '../app/config.js';
import { formatCardNumber } from '../domain/customers/codes.js';
import type { CardMoved } from '../domain/customers/move-card.js';
import type { Notifier } from './notifier.js';
import { maskedPhone } from './visit-messages.js';

export async function announceCardMoved(
  deps: { notifier: Notifier; config: Pick<Config, 'STAFF_CHAT_ID' | 'DEFAULT_LOCALE'> },
  moved: CardMoved,
): Promise<void> {
  const { customer, previous } = moved;
  if (!previous) return;
  if (previous.telegramId !== null) await deps.notifier.send(previous.telegramId, previous.locale, 'move-card-old-account');
  const chatId = deps.config.STAFF_CHAT_ID;
  if (chatId === undefined) return;
  await deps.notifier.send(chatId, deps.config.DEFAULT_LOCALE, 'staff-audit-card-moved', {
    staff: previous.allowedBy ?? '—',
    number: customer.cardNumber ? formatCardNumber(customer.cardNumber) : '—',
    name: customer.firstName ?? '—',
    phone: maskedPhone(customer.phone),
  });
}
