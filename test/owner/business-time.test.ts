import { describe, expect, it } from 'vitest';
import { formatLocal, fromLocal, localDateKey, parseLocalDateTime, startOfLocalWeek } from '../../domain/business-time.js';

const now = new Date('2026-03-02T07:00:00Z'); // Monday 09:00 in Sofia

describe('business time (Intl only)', () => {
  it('reads the ways owners write a date and time, in the business time zone', () => {
    const read = (text: string, tz = 'Europe/Sofia') => {
      const parsed = parseLocalDateTime(text, tz, now);
      return parsed.ok ? parsed.at.toISOString() : parsed.reason;
    };
    expect(read('2026-12-24 18:30')).toBe('2026-12-24T16:30:00.000Z');
    expect(read('24.12 18:30')).toBe('2026-12-24T16:30:00.000Z');
    expect(read('24.12.2026 18:30')).toBe('2026-12-24T16:30:00.000Z');
    expect(read(' 5.7  9:05 ')).toBe('2026-07-05T06:05:00.000Z'); // summer time: UTC+3
    expect(read('24.12 18:30', 'Europe/Moscow')).toBe('2026-12-24T15:30:00.000Z');
    expect(read('24/12 18.30')).toBe('2026-12-24T16:30:00.000Z');
    expect(read('tomorrow')).toBe('Unreadable');
    expect(read('18:30')).toBe('Unreadable');
    expect(read('31.02 10:00')).toBe('NoSuchDate');
    expect(read('24.12 24:00')).toBe('NoSuchDate');
    expect(read('2026-13-01 10:00')).toBe('NoSuchDate');
  });

  it('handles the daylight-saving jumps of the zone', () => {
    const at = (day: number, month: number, hour: number, minute = 30) =>
      fromLocal({ year: 2026, month, day, hour, minute }, 'Europe/Sofia').toISOString();
    // 29 March 2026: at 03:00 the clocks jump to 04:00.
    expect(at(29, 3, 2)).toBe('2026-03-29T00:30:00.000Z');
    expect(at(29, 3, 3)).toBe('2026-03-29T01:30:00.000Z'); // does not exist: as far after the jump
    expect(at(29, 3, 4)).toBe('2026-03-29T01:30:00.000Z');
    // 25 October 2026: at 04:00 the clocks go back to 03:00; 03:30 happens twice, the first one counts.
    expect(at(25, 10, 3)).toBe('2026-10-25T00:30:00.000Z');
    expect(at(25, 10, 4)).toBe('2026-10-25T02:30:00.000Z');
    expect(formatLocal(new Date('2026-10-25T01:30:00Z'), 'Europe/Sofia')).toBe('25.10.2026 03:30');
  });

  it('weeks start on Monday at local midnight, days are local dates', () => {
    expect(startOfLocalWeek(new Date('2026-03-08T21:59:00Z'), 'Europe/Sofia').toISOString()).toBe('2026-03-01T22:00:00.000Z');
    expect(startOfLocalWeek(new Date('2026-03-08T22:00:00Z'), 'Europe/Sofia').toISOString()).toBe('2026-03-08T22:00:00.000Z');
    expect(localDateKey(new Date('2026-03-02T22:30:00Z'), 'Europe/Sofia')).toBe('2026-03-03');
  });
});
