// The campaign sweep: every 15 minutes the automated campaigns look for customers they concern and
// write to them in their own language (paced like broadcasts), and after 21:00 business time each
// owner gets the day's digest once.
import { stopOffersKeyboard } from '../bot/keyboards/customer.js';
import type { CustomerCampaign, SweepCounts } from '../domain/campaigns/service.js';
import type { JobDeps } from './deps.js';
import { alertTexts } from './trust.js';
import { RateLimiter } from './rate-limiter.js';
import type { JobScheduler } from './scheduler.js';

export const CAMPAIGN_SWEEP_JOB = 'campaign-sweep';

const MESSAGE_KEYS: Record<CustomerCampaign, string> = {
  rewardReminder: 'campaign-reward-reminder',
  almostThere: 'campaign-almost-there',
  winBack: 'campaign-win-back',
};

type SweepDeps = Pick<JobDeps, 'services' | 'notifier' | 'config' | 'logger'>;

/** Each owner's digest, in that owner's language. */
async function sendDigests({ services, notifier, config, logger }: SweepDeps, now: Date): Promise<number> {
  let sent = 0;
  for (const ownerId of await services.team.owners()) {
    if (!(await services.campaigns.claimDigest(ownerId, now))) continue;
    const day = await services.stats.today();
    const locale = await notifier.localeOf(ownerId);
    const lines = [
      notifier.t(locale, 'campaign-daily-digest', {
        newCustomers: day.newCustomers,
        visits: day.visits,
        rewardsIssued: day.rewardsIssued,
        rewardsRedeemed: day.rewardsRedeemed,
        reviews: day.reviews,
        rating: day.averageRating ?? 0,
      }),
    ];
    const [erased, alerts] = await Promise.all([services.retention.erasedToday(now), services.fraud.alertsOfDay(now)]);
    if (erased > 0) lines.push(notifier.t(locale, 'digest-retention-erased', { count: erased }));
    if (alerts.length > 0) {
      lines.push(notifier.t(locale, 'digest-fraud-alerts', { count: alerts.length }));
      for (const text of await alertTexts({ services, notifier, config, logger }, alerts, locale)) lines.push(`• ${text}`);
    }
    const outcome = await notifier.send(ownerId, locale, 'digest-text', { text: lines.join('\n') });
    if (outcome === 'sent') sent++;
  }
  return sent;
}

/** One sweep at `now`; the job runs it on a clock, tests call it directly after moving theirs. */
export async function sweepCampaigns(deps: SweepDeps, now: Date): Promise<SweepCounts & { digests: number }> {
  const limiter = new RateLimiter(deps.config.BROADCAST_RATE);
  const counts = await deps.services.campaigns.sweepCustomers(now, async (target, message) => {
    await limiter.take();
    // Campaigns are offers: each carries the one-tap way out.
    const optOut = stopOffersKeyboard((key) => deps.notifier.t(target.locale, key));
    return deps.notifier.send(target.telegramId, target.locale, MESSAGE_KEYS[message.campaign], message.vars, { reply_markup: optOut });
  });
  return { ...counts, digests: await sendDigests(deps, now) };
}

export function defineCampaignJobs(scheduler: JobScheduler, deps: JobDeps): void {
  scheduler.define(
    CAMPAIGN_SWEEP_JOB,
    async (_data, { now }) => {
      const counts = await sweepCampaigns(deps, now);
      deps.logger.info(counts, 'campaign sweep');
    },
    { every: '15 minutes', concurrency: 1 },
  );
}
