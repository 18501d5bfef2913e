// What people read about card operations: the card screen staff see, the reasons for a refusal, the
// customer's notice in their own language and the staff group's audit line (one per operation, with
// an Undo button). Used by the staff features and by the reward expiry job.
import { formatCardNumber } from '../domain/customers/codes.js';
import type { CustomerDoc } from '../domain/customers/model.js';
import type { Settings } from '../domain/settings.js';
import type { StaffActionError } from '../domain/visits/errors.js';
import type {
  CardView,
  OperationUndone,
  RewardRedeemed,
  RewardsExpired,
  VisitConfirmed,
} from '../domain/visits/service.js';
import { UNDO_MINUTES } from '../domain/visits/service.js';
import { startOfLocalDay as startOfBusinessDay } from '../domain/business-time.js';
import type { Translate, TranslationVars } from './translator.js';
import type { Notifier } from './notifier.js';
import type { CardButtons } from './keyboards/staff.js';

/** Only the last four digits: enough to tell two Annas apart at the counter. */
export function maskedPhone(phone: string | null | undefined): string {
  return phone ? `•••• ${phone.slice(-4)}` : '—';
}

/** A time today ("14:05") or a date and time ("2 Mar, 14:05"), on the business's clock. */
export function formatMoment(at: Date, locale: string, timeZone: string, now: Date): string {
  const today = startOfBusinessDay(now, timeZone).getTime() === startOfBusinessDay(at, timeZone).getTime();
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(today ? {} : { day: 'numeric', month: 'short' }),
  }).format(at);
}

function cardLabel(customer: CustomerDoc): string {
  return customer.cardNumber ? formatCardNumber(customer.cardNumber) : '—';
}

function customerLabel(customer: CustomerDoc): string {
  return `${customer.firstName ?? '—'} ${maskedPhone(customer.phone)}`;
}

export interface Moment {
  locale: string;
  timeZone: string;
  now: Date;
}

/** The card screen: who the customer is (first name, masked phone), the balance, what is possible now. */
export function cardScreenText(t: Translate, view: CardView, moment: Moment, headline?: string): string {
  const lines = headline ? [headline, ''] : [];
  lines.push(
    t('staff-card-screen', {
      number: cardLabel(view.customer),
      name: view.customer.firstName ?? '—',
      phone: maskedPhone(view.customer.phone),
      stamps: view.stamps,
      size: view.stampsPerReward,
      rewards: view.rewards,
      lastVisit: view.lastVisitAt ? formatMoment(view.lastVisitAt, moment.locale, moment.timeZone, moment.now) : t('staff-card-never'),
    }),
  );
  if (view.cooldownUntil) {
    lines.push(t('staff-card-cooldown', { time: formatMoment(view.cooldownUntil, moment.locale, moment.timeZone, moment.now) }));
  } else if (view.stampsLeftToday === 0) {
    lines.push(t('staff-card-cap-reached'));
  }
  return lines.join('\n');
}

/** Stamp buttons only for what the limits allow now (a forged press is refused anyway). */
export function cardButtons(view: CardView, done: { stamped: boolean; redeemed: boolean }): CardButtons {
  const stampable = done.stamped || view.cooldownUntil ? 0 : Math.min(view.maxStampsPerVisit, view.stampsLeftToday);
  return { stamps: stampable, redeem: !done.redeemed && view.rewards > 0, finished: done.stamped || done.redeemed };
}

/** The localized reason for a refusal. */
export function refusalText(t: Translate, error: StaffActionError, moment: Moment): string {
  switch (error.code) {
    case 'CooldownActive':
      return t('staff-error-CooldownActive', { time: formatMoment(error.until, moment.locale, moment.timeZone, moment.now) });
    case 'DailyCapReached':
      return t('staff-error-DailyCapReached', { cap: error.cap, left: error.left });
    case 'TooManyStamps':
      return t('staff-error-TooManyStamps', { max: error.max });
    case 'UndoExpired':
      return t('staff-error-UndoExpired', { minutes: UNDO_MINUTES });
    default:
      return t(`staff-error-${error.code}`);
  }
}

export interface NoticeDeps {
  notifier: Notifier;
  settings: Settings;
}

/** Tells the customer, in their language, if they can still be reached. */
async function tellCustomer(deps: NoticeDeps, customer: CustomerDoc, key: string, vars: TranslationVars): Promise<void> {
  if (!customer.telegramId || customer.deletedAt) return;
  const locale = customer.locale;
  await deps.notifier.send(customer.telegramId, locale, key, { reward: deps.settings.rewardName[locale], ...vars });
}

/** One line in the staff group, in its language; operations that can be undone get the Undo button. */
async function audit(deps: NoticeDeps, key: string, vars: TranslationVars, undoEntryId?: string): Promise<void> {
  await deps.notifier.staffChat.post(key, vars, undoEntryId);
}

export async function announceVisit(deps: NoticeDeps, staffName: string, visit: VisitConfirmed): Promise<void> {
  const { customer, balance, stampsPerReward: size } = visit;
  const count = visit.entry.stamps;
  const vars = { count, stamps: balance.stamps, size, left: size - balance.stamps, rewards: balance.rewards };
  await tellCustomer(deps, customer, visit.rewardsEarned > 0 ? 'visit-reward-earned' : 'visit-stamped', vars);
  await audit(
    deps,
    visit.rewardsEarned > 0 ? 'staff-audit-stamp-reward' : 'staff-audit-stamp',
    { ...vars, staff: staffName, customer: customerLabel(customer), number: cardLabel(customer) },
    String(visit.entry._id),
  );
}

export async function announceRedemption(deps: NoticeDeps, staffName: string, redeemed: RewardRedeemed): Promise<void> {
  const { customer, balance } = redeemed;
  await tellCustomer(deps, customer, 'visit-redeemed', { rewards: balance.rewards });
  await audit(
    deps,
    'staff-audit-redeem',
    { staff: staffName, customer: customerLabel(customer), number: cardLabel(customer), rewards: balance.rewards },
    String(redeemed.entry._id),
  );
}

export async function announceUndo(deps: NoticeDeps, staffName: string, undone: OperationUndone): Promise<void> {
  const { customer, balance, stampsPerReward: size } = undone;
  const vars = { stamps: balance.stamps, size, rewards: balance.rewards };
  await tellCustomer(deps, customer, 'visit-undone', vars);
  await audit(deps, 'staff-audit-undo', {
    ...vars,
    staff: staffName,
    customer: customerLabel(customer),
    number: cardLabel(customer),
  });
}

export async function announceExpiry(deps: NoticeDeps, expired: RewardsExpired): Promise<void> {
  const { customer, balance, count } = expired;
  await tellCustomer(deps, customer, 'visit-expired', { count, rewards: balance.rewards });
  await audit(deps, 'staff-audit-expire', {
    count,
    rewards: balance.rewards,
    customer: customerLabel(customer),
    number: cardLabel(customer),
  });
}
