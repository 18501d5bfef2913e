// The referral program's settling: right after a referred friend's first visit, or after one of their
// visits was undone, the bonuses are brought in line with the ledger (domain/referrals/service.ts) and
// everyone concerned is told. A job, so that the friend's own visit message comes first.
import { REFERRAL_SETTLE_JOB } from '../domain/referrals/service.js';
import { announceReferral } from '../bot/referral-messages.js';
import type { JobDeps } from './index.js';
import type { JobScheduler } from './scheduler.js';

export function defineReferralJobs(scheduler: JobScheduler, { services, notifier, config, logger }: JobDeps): void {
  scheduler.define<{ customerId: string; trigger: string }>(REFERRAL_SETTLE_JOB, async (data) => {
    const notices = await services.referrals.settle(data.customerId);
    if (notices.length === 0) return;
    const settings = await services.settings.get();
    for (const notice of notices) await announceReferral({ notifier, config, settings }, notice);
    logger.info({ friendId: data.customerId, changes: notices.map((n) => n.kind) }, 'referral settled');
  });
}
