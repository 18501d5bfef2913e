// The referral program's settling: right after a referred friend's first visit, or after one of their
// visits was undone, the bonuses are brought in line with the ledger (domain/referrals/service.ts) and
// everyone concerned is told. A job, so that the friend's own visit message comes first.
//
// The job may run again (a failed attempt is retried, a dead worker's is taken over): the ledger's
// keys keep each bonus single, and each bonus is announced under a once-key of its own, so a retry
// tells what an earlier attempt granted but never announced, and nothing twice.
import { REFERRAL_RECONCILE_JOB, type ReferralNotice } from '../domain/referrals/service.js';
import { announceReferral } from '../bot/referral-messages.js';
import type { JobDeps } from './deps.js';
import type { JobScheduler } from './scheduler.js';

function noticeKey(notice: ReferralNotice): string | null {
  return notice.kind === 'friendBonus' || notice.kind === 'referrerBonus' ? `referral-told:${notice.bonus.entry.key}` : null;
}

export function defineReferralJobs(scheduler: JobScheduler, { services, notifier, logger }: JobDeps): void {
  scheduler.define<{ customerId: string; trigger: string }>(REFERRAL_RECONCILE_JOB, async (data, { attempt, now }) => {
    const notices = await services.referrals.reconcile(data.customerId, { retrying: attempt > 1 });
    if (notices.length === 0) return;
    const settings = await services.settings.get();
    for (const notice of notices) {
      const key = noticeKey(notice);
      if (key && !(await services.once.claim(key, now))) continue;
      await announceReferral({ notifier, settings }, notice);
    }
    logger.info({ friendId: data.customerId, attempt, changes: notices.map((n) => n.kind) }, 'referral settled');
  });
}
