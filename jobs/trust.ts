// The trust jobs: the fraud sweep (every 10 minutes: the day's signals, each to every owner once, in
// the owner's language) and the daily retention sweep (customers with no visit for
// settings.retentionMonths are erased; conversations nobody touched for a day are dropped, so an
// abandoned onboarding keeps nothing). Neither runs on the stamp path.
import type { Locale } from '../domain/locales.js';
import { customerLabel, cardLabel } from '../bot/review-messages.js';
import { staffNames } from '../bot/staff-names.js';
import { sweepStaleConversations } from '../bot/storage.js';
import type { FraudAlert } from '../domain/fraud/service.js';
import type { JobDeps } from './deps.js';
import type { JobScheduler } from './scheduler.js';

export const FRAUD_SWEEP_JOB = 'fraud-sweep';
export const RETENTION_SWEEP_JOB = 'retention-sweep';
const ABANDONED_CONVERSATION_MS = 24 * 60 * 60 * 1000;

type TrustDeps = Pick<JobDeps, 'services' | 'notifier' | 'config' | 'logger'>;

/** Each alert as an owner reads it, in their language. */
export async function alertTexts(deps: TrustDeps, alerts: FraudAlert[], locale: Locale): Promise<string[]> {
  const { services, notifier } = deps;
  const names = await staffNames(notifier.api, (key, vars) => notifier.t(locale, key, vars), await services.team.staffChatId(), alerts.flatMap((a) => (a.staffId != null ? [a.staffId] : [])));
  const texts: string[] = [];
  for (const alert of alerts) {
    const customer = alert.customerId ? await services.customers.findById(alert.customerId) : null;
    texts.push(
      notifier.t(locale, `fraud-${alert.pattern.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, {
        customer: customerLabel(customer),
        number: cardLabel(customer),
        staff: alert.staffId != null ? (names.get(alert.staffId) ?? String(alert.staffId)) : '—',
        count: alert.count,
        limit: alert.limit,
      }),
    );
  }
  return texts;
}

/** One fraud sweep at `now`: the new signals go to every owner privately. */
export async function sweepFraud(deps: TrustDeps, now: Date): Promise<FraudAlert[]> {
  const alerts = await deps.services.fraud.detect(now);
  if (alerts.length === 0) return alerts;
  deps.logger.warn({ alerts: alerts.map((a) => a._id) }, 'fraud signals');
  for (const ownerId of await deps.services.team.owners()) {
    const locale = await deps.notifier.localeOf(ownerId);
    for (const text of await alertTexts(deps, alerts, locale)) {
      await deps.notifier.send(ownerId, locale, 'fraud-alert', { text });
    }
  }
  return alerts;
}

/** One retention sweep at `now`. */
export async function sweepRetention(deps: TrustDeps, now: Date): Promise<{ erased: number; conversations: number }> {
  const erased = await deps.services.retention.sweep(now);
  // Conversation state is stamped with the machine's time when written (bot/storage.ts), so it is aged by it too.
  const conversations = await sweepStaleConversations(deps.services.conn, new Date(Date.now() - ABANDONED_CONVERSATION_MS));
  return { erased, conversations };
}

export function defineTrustJobs(scheduler: JobScheduler, deps: JobDeps): void {
  scheduler.define(FRAUD_SWEEP_JOB, async (_data, { now }) => void (await sweepFraud(deps, now)), { every: '10 minutes', concurrency: 1 });
  scheduler.define(
    RETENTION_SWEEP_JOB,
    async (_data, { now }) => {
      const counts = await sweepRetention(deps, now);
      deps.logger.info(counts, 'retention sweep');
    },
    { every: '1 day', concurrency: 1 },
  );
}
