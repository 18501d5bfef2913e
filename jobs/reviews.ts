// Reviews on a clock: the question some time after a confirmed visit (settings.reviewDelayMinutes
// later, in the minute it falls in: one job asks every visit of that minute), and passing a review on
// to the staff when the customer's time to add a line has run out (a one-off job that carries the
// customer's id, so erasing the customer's data cancels it). A visit undone or a customer erased
// meanwhile is not asked: each request is claimed against the ledger as it is now.
import { REVIEW_PUBLISH_JOB, REVIEW_REQUEST_JOB, REVIEW_REQUESTS_JOB } from '../domain/reviews/service.js';
import { askForRating, publishReview } from '../bot/review-messages.js';
import type { JobDeps } from './deps.js';
import type { JobScheduler } from './scheduler.js';

export function defineReviewJobs(scheduler: JobScheduler, { services, notifier, logger }: JobDeps): void {
  scheduler.define<{ customerId: string; visitId: string }>(REVIEW_REQUEST_JOB, async (data, { now }) => {
    const asked = await services.reviews.claimDueRequest(data.customerId, data.visitId);
    if (!asked.ok) {
      logger.debug({ visitId: data.visitId, reason: asked.error.code }, 'no review request for this visit');
      return;
    }
    const outcome = await askForRating({ notifier, services }, asked.value, now);
    logger.info({ visitId: data.visitId, outcome }, 'review requested');
  });

  // Visits sharing the minute are asked one after the other; a retry after a failure skips those
  // already asked (one request per visit, under a unique index).
  scheduler.define<{ at: string; delayMinutes: number }>(REVIEW_REQUESTS_JOB, async (data, { now }) => {
    const due = await services.reviews.visitsDueIn(new Date(data.at), data.delayMinutes);
    const outcomes: Record<string, number> = {};
    for (const { customerId, visitId } of due) {
      const asked = await services.reviews.claimDueRequest(customerId, visitId);
      const outcome = asked.ok ? await askForRating({ notifier, services }, asked.value, now) : asked.error.code;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    if (due.length > 0) logger.info({ at: data.at, visits: due.length, outcomes }, 'review requests of a minute');
  });

  scheduler.define<{ customerId: string; reviewId: string }>(REVIEW_PUBLISH_JOB, async (data) => {
    const published = await services.reviews.publishDue(data.reviewId);
    if (published.ok) await publishReview({ notifier, services }, published.value);
  });
}
