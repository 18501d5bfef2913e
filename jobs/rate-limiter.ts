// Paces sends to a steady number per second and pauses everyone when Telegram says "retry after":
// a 429 is about the whole bot, so one lane's flood-wait is every lane's, and it lasts exactly as
// long as retry_after says.
//
// Telegram counts messages in a sliding second, and "about 30 a second" is not a number it publishes,
// so the pace adapts the way a congestion window does:
// - Turns are spaced evenly (1000 / pace ms apart), and no more than the pace (rounded down) may go
//   out within any one second, however the turns were bunched by a busy event loop: a worker that
//   stalled does not make up for it with a burst.
// - It starts one message a second below the configured rate: a sliding window exactly at the limit
//   has no room for the jitter between our clock and Telegram's.
// - A 429 remembers the pace that was refused as the ceiling and cuts the pace by BACK_OFF. While
//   Telegram stays quiet, the pace climbs back quickly at first (half the way to just below the
//   ceiling each PROBE_EVERY_MS) and then stays just below the ceiling, so the pipe is full without
//   knocking on the limit again and again.
// - Only after CEILING_QUIET_MS without a 429 does the ceiling itself move up a step (never above the
//   configured rate): a limit that was lower for a while is probed again, slowly.
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

/** After a 429 the pace is the refused one times this (never below a quarter of the configured rate). */
export const BACK_OFF = 0.85;
/** While Telegram stays quiet, the pace climbs this often. */
export const PROBE_EVERY_MS = 1_000;
/** After this long without a 429 at the top of its range, the ceiling goes one step up. */
export const CEILING_QUIET_MS = 60_000;
/** The window Telegram counts messages in. */
const WINDOW_MS = 1_000;

export class RateLimiter {
  /** One step: a thirtieth of the configured rate (one message a second at Telegram's 30). */
  private readonly step: number;
  private readonly floor: number;
  private perSecond: number;
  private top: number;
  private nextSlot = 0;
  private pausedUntil = 0;
  private lastProbe = Number.NaN;
  private quietAtTopSince = Number.NaN;
  /** When the last turns were handed out, oldest first (at most as many as the pace allows per window). */
  private readonly recent: number[] = [];
  /** How many flood-waits (429s heard first) it has been through. */
  floodWaits = 0;

  constructor(
    private readonly configured: number,
    private readonly time: Timekeeping = realTime,
  ) {
    if (!(configured > 0)) throw new Error('the rate must be positive');
    this.step = configured / 30;
    this.floor = configured / 4;
    this.top = configured;
    this.perSecond = this.cap;
  }

  /** The pace right now, in messages per second. */
  get pace(): number {
    return this.perSecond;
  }

  /** The lowest pace refused so far (the configured rate until the first 429). */
  get ceiling(): number {
    return this.top;
  }

  /** The highest pace it climbs to: a step below the ceiling. */
  private get cap(): number {
    return Math.max(this.floor, this.top - this.step);
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
      // Every waiting lane looks at the same next turn; the first to wake takes it, the others wait for
      // the one after. Turns a busy event loop made late are caught up at most one at a time (no burst),
      // and never more than the pace allows within any one second.
      const turn = Math.max(this.nextSlot, this.windowOpensAt());
      if (turn <= now) {
        const interval = 1000 / this.perSecond;
        this.nextSlot = Math.max(turn, now - interval) + interval;
        this.recent.push(now);
        while (this.recent.length > this.allowedPerWindow) this.recent.shift();
        return true;
      }
      if (!(await this.time.sleep(turn - now, signal))) return false;
    }
  }

  /** Nobody sends for `seconds` (Telegram's retry_after); the refused pace becomes the ceiling. */
  pause(seconds: number): void {
    const now = this.time.now();
    const until = now + seconds * 1000;
    // Several lanes hear the same 429: one flood-wait, one step down.
    if (this.pausedUntil <= now) {
      this.floodWaits++;
      this.top = Math.max(this.floor + this.step, Math.min(this.top, this.perSecond));
      this.perSecond = Math.max(this.floor, this.perSecond * BACK_OFF);
      this.quietAtTopSince = Number.NaN;
    }
    this.pausedUntil = Math.max(this.pausedUntil, until);
    this.nextSlot = Math.max(this.nextSlot, this.pausedUntil);
    this.lastProbe = this.pausedUntil;
  }

  private get allowedPerWindow(): number {
    return Math.max(1, Math.floor(this.perSecond + 1e-9));
  }

  /** When the oldest turn of a full window leaves it (or now, if the window has room). */
  private windowOpensAt(): number {
    const allowed = this.allowedPerWindow;
    if (this.recent.length < allowed) return 0;
    return this.recent[this.recent.length - allowed]! + WINDOW_MS;
  }

  private probe(now: number): void {
    if (Number.isNaN(this.lastProbe)) this.lastProbe = now;
    while (now - this.lastProbe >= PROBE_EVERY_MS) {
      this.lastProbe += PROBE_EVERY_MS;
      const cap = this.cap;
      if (this.perSecond < cap) {
        this.perSecond = Math.min(cap, this.perSecond + Math.max(this.step / 4, (cap - this.perSecond) / 2));
        if (this.perSecond >= cap) this.quietAtTopSince = this.lastProbe;
      } else if (this.top < this.configured) {
        if (Number.isNaN(this.quietAtTopSince)) this.quietAtTopSince = this.lastProbe;
        if (this.lastProbe - this.quietAtTopSince >= CEILING_QUIET_MS) {
          this.top = Math.min(this.configured, this.top + this.step);
          this.quietAtTopSince = this.lastProbe;
        }
      }
    }
  }
}
