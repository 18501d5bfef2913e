// Reviews on a clock: the question some time after a confirmed visit (scheduled by the visit itself,
// settings.reviewDelayMinutes later), and passing a review on to the staff when the customer's time to
// add a line has run out. Both are one-off jobs that carry the customer's id, so erasing the customer's
// data cancels them.
import { REVIEW_PUBLISH_JOB, REVIEW_REQUEST_JOB } from '../domain/reviews/service.js';
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

  scheduler.define<{ customerId: string; reviewId: string }>(REVIEW_PUBLISH_JOB, async (data) => {
    const published = await services.reviews.publishDue(data.reviewId);
    if (published.ok) await publishReview({ notifier, services }, published.value);
  });
}
