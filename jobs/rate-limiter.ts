// Paces sends to a steady number per second and pauses everyone when Telegram says "retry after":
// a 429 is about the whole bot, so one lane's flood-wait is every lane's. Telegram's limit is "about
// 30 a second", not a number it publishes, so the pace adapts: it starts at the configured rate, a
// 429 pauses everyone for retry_after and takes the pace a step below the refused one, and after a
// while without a 429 it probes a step back up (never above the configured rate). It keeps the pipe
// full just under the real limit instead of a fixed pace well below it.
import { setTimeout as wait } from 'node:timers/promises';

export interface Timekeeping {
  now(): number;
  /** Resolves true after `ms`, or false as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<boolean>;
}

const realTime: Timekeeping = {
  now: () => performance.now(),
  sleep: (ms, signal) => wait(ms, true, signal ? { signal } : undefined).catch(() => false),
};

/** After a 429 the pace is multiplied by this (never below half the configured rate). */
export const BACK_OFF = 0.97;
/** Without a 429 for this long, the pace goes up by PROBE_STEP of the configured rate. */
export const PROBE_AFTER_MS = 20_000;
export const PROBE_STEP = 0.01;

export class RateLimiter {
  private perSecond: number;
  private nextSlot = 0;
  private pausedUntil = 0;
  private quietSince = 0;

  constructor(
    private readonly configured: number,
    private readonly time: Timekeeping = realTime,
  ) {
    if (!(configured > 0)) throw new Error('the rate must be positive');
    this.perSecond = configured;
  }

  /** The pace right now, in messages per second. */
  get pace(): number {
    return this.perSecond;
  }

  /** Resolves true once no flood-wait is on (without taking a turn); false if `signal` ended the wait. */
  async clear(signal?: AbortSignal): Promise<boolean> {
    for (;;) {
      if (signal?.aborted) return false;
      const now = this.time.now();
      if (this.pausedUntil <= now) return true;
      if (!(await this.time.sleep(this.pausedUntil - now, signal))) return false;
    }
  }

  /** Resolves (true) when the caller may send one message; false if `signal` ended the wait first. */
  async take(signal?: AbortSignal): Promise<boolean> {
    for (;;) {
      if (!(await this.clear(signal))) return false;
      const now = this.time.now();
      this.probe(now);
      const slot = Math.max(now, this.nextSlot);
      this.nextSlot = slot + 1000 / this.perSecond;
      if (slot > now && !(await this.time.sleep(slot - now, signal))) return false;
      // A flood-wait that began while this caller waited for its slot applies to it too.
      if (this.pausedUntil <= this.time.now()) return true;
    }
  }

  /** Nobody sends for `seconds` (Telegram's retry_after), and the pace steps below the refused one. */
  pause(seconds: number): void {
    const now = this.time.now();
    const until = now + seconds * 1000;
    // Several lanes hear the same 429: one flood-wait, one step down.
    if (this.pausedUntil <= now) this.perSecond = Math.max(this.configured / 2, this.perSecond * BACK_OFF);
    this.pausedUntil = Math.max(this.pausedUntil, until);
    this.nextSlot = Math.max(this.nextSlot, this.pausedUntil);
    this.quietSince = this.pausedUntil;
  }

  private probe(now: number): void {
    if (this.quietSince === 0) this.quietSince = now;
    while (this.perSecond < this.configured && now - this.quietSince >= PROBE_AFTER_MS) {
      this.perSecond = Math.min(this.configured, this.perSecond + this.configured * PROBE_STEP);
      this.quietSince += PROBE_AFTER_MS;
    }
  }
}
