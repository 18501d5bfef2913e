// The occasions' jobs (domain/occasions/service.ts):
// - birthday-greetings: every day at 10:00 business time, each customer whose birthday is celebrated
//   today and who agreed to offers gets one greeting a year, in their own language, paced like the
//   campaigns (a 429's retry_after is honoured by the bot's auto-retry). Blocked the bot (403): marked
//   unreachable, like every offer. A send that failed otherwise gives its claim back and the run fails,
//   so the scheduler's retry sends just those. Each run first schedules the next day's, so a failed or
//   given-up run never stops the daily chain.
// - birthday-bonus: right after a visit within the window of a birthday, the bonus of that year is
//   written (once: the ledger's key) and told once (a once-key), after the visit's own message; after
//   that visit is undone, the bonus is taken back and that is told once too.
import { announceBirthdayBonus, sendBirthdayGreeting } from '../bot/occasion-messages.js';
import { BIRTHDAY_BONUS_JOB, BIRTHDAY_GREETINGS_JOB } from '../domain/occasions/service.js';
import type { JobDeps } from './deps.js';
import { RateLimiter } from './rate-limiter.js';
import type { JobScheduler } from './scheduler.js';

export interface GreetingCounts {
  sent: number;
  blocked: number;
  failed: number;
}

type GreetDeps = Pick<JobDeps, 'services' | 'notifier' | 'config'>;

/** One run at `now`: greets everyone due and not greeted this year. */
export async function greetBirthdays({ services, notifier, config }: GreetDeps, now: Date): Promise<GreetingCounts> {
  const counts: GreetingCounts = { sent: 0, blocked: 0, failed: 0 };
  const due = await services.occasions.greetingsDue(now);
  if (due.length === 0) return counts;
  const limiter = new RateLimiter(config.BROADCAST_RATE);
  for (const greeting of due) {
    const { customer, celebration } = greeting;
    if (!(await services.occasions.claimGreeting(customer._id, celebration.year, now))) continue;
    await limiter.take();
    const outcome = await sendBirthdayGreeting(notifier, greeting);
    counts[outcome]++;
    if (outcome === 'blocked') await services.occasions.markUnreachable(customer._id);
    if (outcome === 'failed') await services.occasions.releaseGreeting(customer._id, celebration.year);
  }
  return counts;
}

export function defineOccasionJobs(scheduler: JobScheduler, deps: JobDeps): void {
  const { services, notifier, logger } = deps;
  scheduler.define<{ slot: string }>(
    BIRTHDAY_GREETINGS_JOB,
    async (_data, { now }) => {
      // Tomorrow's run first: a run that fails (and is retried, or given up) never breaks the chain.
      await services.occasions.scheduleGreetings(true);
      const counts = await greetBirthdays(deps, now);
      if (counts.sent + counts.blocked + counts.failed > 0) logger.info(counts, 'birthday greetings');
      // Those not delivered gave their claims back: the scheduler's retry (with its backoff) tries them again.
      if (counts.failed > 0) throw new Error(`${counts.failed} birthday greetings could not be sent`);
    },
    { concurrency: 1 },
  );
  scheduler.atStart(() => services.occasions.scheduleGreetings());

  scheduler.define<{ customerId: string; visitId: string }>(BIRTHDAY_BONUS_JOB, async (data, { now }) => {
    const notice = await services.occasions.settleBirthdayBonus(data.customerId, data.visitId);
    if (!notice) return;
    const key = notice.kind === 'granted' ? `birthday-told:${notice.bonus.entry.key}` : `birthday-told:undo:${String(notice.bonus._id)}`;
    if (!(await services.once.claim(key, now))) return;
    await announceBirthdayBonus({ notifier, settings: await services.settings.get() }, notice);
    logger.info({ customerId: data.customerId, change: notice.kind }, 'birthday bonus');
  });
}
