import type { Clock } from '../../domain/clock.js';

/** A clock the test moves by hand; everything in the app that asks for "now" asks this. */
export class TestClock implements Clock {
  private current: Date;

  constructor(start: Date | string = '2026-03-02T09:00:00+02:00') {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(date: Date | string): void {
    this.current = new Date(date);
  }

  advance({ days = 0, hours = 0, minutes = 0, seconds = 0 }: { days?: number; hours?: number; minutes?: number; seconds?: number }): void {
    this.current = new Date(this.current.getTime() + (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000);
  }
}
