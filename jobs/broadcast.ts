// The broadcast sending job: paces messages at up to config.BROADCAST_RATE per second over several
// lanes, waits out Telegram's 429 retry_after for all lanes together (the pace adapts, see
// rate-limiter.ts), and reports to the owner once.
import { setMaxListeners } from 'node:events';
import { GrammyError, type Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Locale } from '../domain/locales.js';
import { stopOffersKeyboard } from '../bot/keyboards/customer.js';
import {
  BROADCAST_JOB,
  type BroadcastMessage,
  type BroadcastReport,
  type BroadcastSender,
  type DeliveryOutcome,
} from '../domain/broadcasts/service.js';
import type { BroadcastDoc } from '../domain/broadcasts/model.js';
import type { Recipient } from '../domain/broadcasts/segments.js';
import type { JobDeps } from './deps.js';
import { RateLimiter } from './rate-limiter.js';
import { LeaseLost, type JobMeta, type JobScheduler } from './scheduler.js';

export const BROADCAST_WATCHDOG_JOB = 'broadcast-watchdog';

export interface BroadcastJobData {
  broadcastId: string;
  /** 0 for the first run; a continuation after a stopped or dead worker has the next number. */
  part?: number;
}

/** A message refused with 429 this often in a row is given up (it was certainly not delivered). */
const MAX_FLOOD_WAITS = 10;
/**
 * The run renews its lease this often; one whose lease has run out (its worker died) is taken over by
 * the next worker to look, so a broadcast resumes within about LEASE_MS + the poll interval.
 */
const HEARTBEAT_MS = 5_000;
/**
 * Lanes at most. Each lane spends a message's whole bookkeeping (three writes) besides the request, so
 * on a busy server one message takes a lane most of a second: a second's worth of lanes keeps the pipe
 * full at Telegram's ~30/s. A worker that dies leaves at most this many claims without an outcome.
 */
const MAX_LANES = 32;
export const BROADCAST_LEASE_MS = 20_000;

function isBlocked(error: GrammyError): boolean {
  return error.error_code === 403 || /chat not found|user is deactivated/i.test(error.description);
}

export class TelegramBroadcastSender implements BroadcastSender {
  readonly concurrency: number;
  private readonly limiter: RateLimiter;
  floodWaits = 0;

  constructor(
    private readonly api: Pick<Api, 'sendMessage' | 'sendPhoto'>,
    perSecond: number,
    limiter = new RateLimiter(perSecond),
    /** The "Stop offers" button under every broadcast, in the recipient's language. */
    private readonly optOut?: (locale: Locale) => InlineKeyboardMarkup,
  ) {
    this.limiter = limiter;
    // Enough lanes to keep the pace with up to a second of bookkeeping and latency each.
    this.concurrency = Math.min(MAX_LANES, Math.max(1, Math.ceil(perSecond)));
  }

  get pace(): number {
    return this.limiter.pace;
  }

  get ceiling(): number {
    return this.limiter.ceiling;
  }

  /** No claim is made during a flood-wait; the turn itself is taken in send(), right before the request. */
  ready(signal?: AbortSignal): Promise<boolean> {
    return this.limiter.clear(signal);
  }

  async send(recipient: Recipient, message: BroadcastMessage): Promise<DeliveryOutcome> {
    for (let attempt = 1; ; attempt++) {
      // Taken here, after the claim's write, so that the spacing Telegram sees is the limiter's.
      await this.limiter.take();
      try {
        const markup = this.optOut ? { reply_markup: this.optOut(recipient.locale) } : {};
        if (message.photoFileId) await this.api.sendPhoto(recipient.telegramId, message.photoFileId, { caption: message.text, ...markup });
        else await this.api.sendMessage(recipient.telegramId, message.text, markup);
        return 'sent';
      } catch (error) {
        if (!(error instanceof GrammyError)) return 'unknown'; // no answer: it may have been delivered
        if (error.error_code === 429) {
          this.floodWaits++;
          if (attempt >= MAX_FLOOD_WAITS) return 'failed';
          this.limiter.pause(error.parameters.retry_after ?? 1);
          continue;
        }
        if (isBlocked(error)) return 'blocked';
        return error.error_code >= 500 ? 'unknown' : 'failed';
      }
    }
  }
}

async function reportToOwner(deps: JobDeps, broadcast: BroadcastDoc, report: BroadcastReport, cancelled: boolean): Promise<void> {
  const { services, notifier } = deps;
  if (!(await services.once.claim(`broadcast-report:${String(broadcast._id)}`, services.clock.now()))) return;
  await notifier.toUser(broadcast.createdBy, cancelled ? 'broadcast-report-cancelled' : 'broadcast-report', {
    sent: report.sent,
    blocked: report.blocked,
    failed: report.failed + report.unknown,
    unknown: report.unknown,
    skipped: report.skipped,
  });
}

/** Sends one broadcast (or the rest of it), then tells the owner how it went. */
export async function runBroadcastJob(deps: JobDeps, data: BroadcastJobData, meta: Pick<JobMeta, 'signal' | 'touch'>): Promise<void> {
  const { services, logger, config, broadcastApi } = deps;
  const t = deps.notifier.t;
  const sender = new TelegramBroadcastSender(broadcastApi, config.BROADCAST_RATE, undefined, (locale) =>
    stopOffersKeyboard((key) => t(locale, key)),
  );
  // Another worker took the run over (this one was presumed dead): stop at once, it carries on.
  const takenOver = new AbortController();
  const alive = setInterval(() => {
    Promise.all([meta.touch(), services.broadcasts.heartbeat(data.broadcastId)]).catch((error: unknown) => {
      if (error instanceof LeaseLost) takenOver.abort();
      logger.warn({ err: error, broadcastId: data.broadcastId }, 'broadcast heartbeat failed');
    });
  }, HEARTBEAT_MS);
  alive.unref();
  try {
    const signal = AbortSignal.any([meta.signal, takenOver.signal]);
    setMaxListeners(4 * MAX_LANES, signal); // each lane waits on it
    const result = await services.broadcasts.run(data.broadcastId, sender, { signal });
    if (takenOver.signal.aborted) return;
    logger.info(
      { broadcastId: data.broadcastId, state: result.state, refusals: sender.floodWaits, pace: sender.pace, ceiling: sender.ceiling },
      'broadcast run ended',
    );
    if (result.state === 'interrupted') {
      if (result.reason === 'troubled') {
        logger.warn({ err: result.problem, broadcastId: data.broadcastId, unhandled: result.unhandled }, 'broadcast recipients left for the next run');
      }
      await services.broadcasts.continueLater(data.broadcastId);
    } else if (result.state === 'finished' || result.state === 'cancelled') {
      logger.info({ broadcastId: data.broadcastId, ...result.report }, 'broadcast report');
      await reportToOwner(deps, result.broadcast, result.report, result.state === 'cancelled');
    }
  } finally {
    clearInterval(alive);
  }
}

export function defineBroadcastJobs(scheduler: JobScheduler, deps: JobDeps): void {
  // One broadcast at a time per worker, so that the pace is the configured one.
  scheduler.define<BroadcastJobData>(BROADCAST_JOB, (data, meta) => runBroadcastJob(deps, data, meta), {
    concurrency: 1,
    leaseMs: BROADCAST_LEASE_MS,
  });
  scheduler.define(
    BROADCAST_WATCHDOG_JOB,
    async () => {
      const resumed = await deps.services.broadcasts.resumeStalled();
      if (resumed > 0) deps.logger.warn({ resumed }, 'stalled broadcasts resumed');
    },
    { every: '1 minute' },
  );
}
