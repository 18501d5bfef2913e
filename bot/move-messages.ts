// What people read when a card moves to a new Telegram account: the account it left is told in its
// language, and the staff group gets one audit line (through its feed, in its language). Used by
// onboarding, where the move completes.
import { formatCardNumber } from '../domain/customers/codes.js';
import type { CardMoved } from '../domain/customers/move-card.js';
import type { Notifier } from './notifier.js';
import { maskedPhone } from './visit-messages.js';

export async function announceCardMoved(
  deps: { notifier: Notifier },
  moved: CardMoved,
): Promise<void> {
  const { customer, previous } = moved;
  if (!previous) return;
  if (previous.telegramId !== null) await deps.notifier.send(previous.telegramId, previous.locale, 'move-card-old-account');
  await deps.notifier.staffChat.post('staff-audit-card-moved', {
    staff: previous.allowedBy ?? '—',
    number: customer.cardNumber ? formatCardNumber(customer.cardNumber) : '—',
    name: customer.firstName ?? '—',
    phone: maskedPhone(customer.phone),
  });
}
