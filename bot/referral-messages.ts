// What people read when an invitation pays off (or is taken back with an undone visit): a message to
// the friend and to the one who invited them, each in their own language, and a line in the staff group.
import type { CustomerDoc } from '../domain/customers/model.js';
import type { Balance } from '../domain/ledger/balance.js';
import type { ReferralNotice } from '../domain/referrals/service.js';
import type { Settings } from '../domain/settings.js';
import type { TranslationVars } from './translator.js';
import type { Notifier } from './notifier.js';
import { balanceAfterBonus, cardLabel, customerLabel } from './review-messages.js';

export interface ReferralDeps {
  notifier: Notifier;
  settings: Settings;
}

/** Tells the customer, in their language; `card` (the card after the change) fills the message's { $card }. */
async function tell(
  deps: ReferralDeps,
  customer: CustomerDoc,
  key: string,
  vars: TranslationVars,
  card?: { balance: Balance; rewardsEarned: number },
): Promise<void> {
  if (!customer.telegramId || customer.deletedAt) return;
  const locale = customer.locale;
  const all: TranslationVars = { ...vars };
  if (card) all.card = balanceAfterBonus(deps.notifier.t, locale, deps.settings, card.balance, card.rewardsEarned);
  await deps.notifier.send(customer.telegramId, locale, key, all);
}

async function audit(deps: ReferralDeps, key: string, customer: CustomerDoc, vars: TranslationVars): Promise<void> {
  await deps.notifier.staffChat.post(key, { customer: customerLabel(customer), number: cardLabel(customer), ...vars });
}

const nameOf = (customer: CustomerDoc | null) => customer?.firstName ?? '—';

export async function announceReferral(deps: ReferralDeps, notice: ReferralNotice): Promise<void> {
  switch (notice.kind) {
    case 'friendBonus': {
      const { friend, bonus } = notice;
      await tell(deps, friend, 'referral-friend-bonus', { count: bonus.entry.stamps }, bonus);
      await audit(deps, 'referral-staff-friend-bonus', friend, { count: bonus.entry.stamps, referrer: nameOf(notice.referrer) });
      return;
    }
    case 'referrerBonus': {
      const { referrer, friend, bonus } = notice;
      await tell(deps, referrer, 'referral-referrer-bonus', { friend: nameOf(friend), count: bonus.entry.stamps }, bonus);
      await audit(deps, 'referral-staff-referrer-bonus', referrer, { count: bonus.entry.stamps, friend: nameOf(friend) });
      return;
    }
    case 'referrerCapped': {
      const { referrer, friend, cap } = notice;
      await tell(deps, referrer, 'referral-referrer-capped', { friend: nameOf(friend), cap });
      await audit(deps, 'referral-staff-referrer-capped', referrer, { friend: nameOf(friend), cap });
      return;
    }
    case 'friendBonusTakenBack': {
      const { friend, stamps, balance } = notice;
      await tell(deps, friend, 'referral-friend-taken-back', { count: stamps }, { balance, rewardsEarned: 0 });
      await audit(deps, 'referral-staff-taken-back', friend, { count: stamps });
      return;
    }
    case 'referrerBonusTakenBack': {
      const { referrer, friend, stamps, balance } = notice;
      await tell(deps, referrer, 'referral-referrer-taken-back', { friend: nameOf(friend), count: stamps }, { balance, rewardsEarned: 0 });
      await audit(deps, 'referral-staff-taken-back', referrer, { count: stamps });
      return;
    }
  }
}
