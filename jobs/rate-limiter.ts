// Paces sends to a steady number per second and pauses everyone when Telegram says "retry after":
// a 429 is about the whole bot, so one lane's flood-wait is every lane's. Telegram's limit is "about
// 30 a second", not a number it publishes, so a 429 also teaches the limiter: the pace drops a little
// below the one that was refused and stays under it, and that ceiling creeps back up to the
// configured pace only slowly while Telegram stays quiet. It settles just under the real limit
// instead of paying a flood-wait again and again.
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

/** After a 429 the pace is multiplied by this, and kept under CEILING × the refused pace. */
const BACK_OFF = 0.9;
const CEILING = 0.95;
/** Shares of the configured pace regained per quiet second: the pace quickly, its ceiling slowly. */
const PACE_RECOVERY = 0.02;
const CEILING_RECOVERY = 0.001;

export class RateLimiter {
  private perSecond: number;
  private ceiling: number;
  private nextSlot = 0;
  private pausedUntil = 0;
  private recoveredAt = 0;

  constructor(
    private readonly configured: number,
    private readonly time: Timekeeping = realTime,
  ) {
    if (!(configured > 0)) throw new Error('the rate must be positive');
    this.perSecond = configured;
    this.ceiling = configured;
  }

  /** The pace right now, in messages per second. */
  get pace(): number {
    return this.perSecond;
  }

  /** Resolves (true) when the caller may send one message; false if `signal` ended the wait first. */
  async take(signal?: AbortSignal): Promise<boolean> {
    for (;;) {
      if (signal?.aborted) return false;
      const now = this.time.now();
      if (this.pausedUntil > now) {
        if (!(await this.time.sleep(this.pausedUntil - now, signal))) return false;
        continue;
      }
      this.recover(now);
      const slot = Math.max(now, this.nextSlot);
      this.nextSlot = slot + 1000 / this.perSecond;
      if (slot > now && !(await this.time.sleep(slot - now, signal))) return false;
      // A flood-wait that began while this caller waited for its slot applies to it too.
      if (this.pausedUntil <= this.time.now()) return true;
    }
  }

  /** Nobody sends for `seconds` (Telegram's retry_after), and the pace learns to stay below this one. */
  pause(seconds: number): void {
    const now = this.time.now();
    const floor = this.configured / 2;
    this.pausedUntil = Math.max(this.pausedUntil, now + seconds * 1000);
    this.nextSlot = Math.max(this.nextSlot, this.pausedUntil);
    this.ceiling = Math.max(floor, Math.min(this.ceiling, this.perSecond * CEILING));
    this.perSecond = Math.max(floor, this.perSecond * BACK_OFF);
    this.recoveredAt = this.pausedUntil;
  }

  private recover(now: number): void {
    if (this.perSecond >= this.configured || now <= this.recoveredAt) return;
    const quiet = (now - this.recoveredAt) / 1000;
    this.ceiling = Math.min(this.configured, this.ceiling + this.configured * CEILING_RECOVERY * quiet);
    this.perSecond = Math.min(this.ceiling, this.perSecond + this.configured * PACE_RECOVERY * quiet);
    this.recoveredAt = now;
  }
}
