// Paces sends to a steady number per second and pauses everyone when Telegram says "retry after":
// a 429 is about the whole bot, so one lane's flood-wait is every lane's.
import { setTimeout as wait } from 'node:timers/promises';

export interface Timekeeping {
  now(): number;
  sleep(ms: number): Promise<unknown>;
}

const realTime: Timekeeping = { now: () => performance.now(), sleep: (ms) => wait(ms) };

export class RateLimiter {
  private readonly intervalMs: number;
  private nextSlot = 0;
  private pausedUntil = 0;

  constructor(
    perSecond: number,
    private readonly time: Timekeeping = realTime,
  ) {
    if (!(perSecond > 0)) throw new Error('the rate must be positive');
    this.intervalMs = 1000 / perSecond;
  }

  /** Resolves when the caller may send one message. */
  async take(): Promise<void> {
    for (;;) {
      const now = this.time.now();
      if (this.pausedUntil > now) {
        await this.time.sleep(this.pausedUntil - now);
        continue;
      }
      const slot = Math.max(now, this.nextSlot);
      this.nextSlot = slot + this.intervalMs;
      if (slot > now) await this.time.sleep(slot - now);
      // A flood-wait that began while this caller waited for its slot applies to it too.
      if (this.pausedUntil <= this.time.now()) return;
    }
  }

  /** Nobody sends for `seconds` (Telegram's retry_after). */
  pause(seconds: number): void {
    const until = this.time.now() + seconds * 1000;
    this.pausedUntil = Math.max(this.pausedUntil, until);
    this.nextSlot = Math.max(this.nextSlot, this.pausedUntil);
  }
}
