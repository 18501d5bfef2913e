// Posts the staff chat's waiting lines when the pace allows again (bot/staff-feed.ts schedules it).
import { STAFF_FEED_FLUSH_JOB } from '../bot/staff-feed.js';
import type { JobDeps } from './deps.js';
import type { JobScheduler } from './scheduler.js';

export function defineStaffFeedJobs(scheduler: JobScheduler, { notifier }: JobDeps): void {
  scheduler.define<{ chatId: number }>(STAFF_FEED_FLUSH_JOB, async (data) => notifier.staffChat.flush(data.chatId));
}
