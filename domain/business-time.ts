// Wall-clock time in the business's time zone (settings.timeZone), converted with Intl only: what
// the owner types ("24.12 18:30"), the 21:00 digest, the weeks of the stats chart.

export interface LocalDateTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The wall clock in `timeZone` at this instant (and the ISO weekday, Monday = 1). */
export function toLocal(instant: Date, timeZone: string): LocalDateTime & { second: number; weekday: number } {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? '') + 1,
  };
}

function offsetMs(instant: Date, timeZone: string): number {
  const l = toLocal(instant, timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant when the wall clock in `timeZone` shows this time. A time repeated when the clocks go
 * back takes its first occurrence; a time skipped when they go forward lands as far after the jump.
 */
export function fromLocal(local: LocalDateTime, timeZone: string): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const DAY = 24 * 60 * 60 * 1000;
  // The zone's offsets around that day (two of them on the day the clocks change).
  const offsets = [wall - DAY, wall, wall + DAY].map((t) => offsetMs(new Date(t), timeZone));
  const matching = offsets.map((o) => wall - o).filter((t) => offsetMs(new Date(t), timeZone) === wall - t);
  if (matching.length > 0) return new Date(Math.min(...matching));
  return new Date(wall - Math.min(...offsets));
}

export function isValidLocal(local: LocalDateTime): boolean {
  const probe = new Date(Date.UTC(local.year, local.month - 1, local.day));
  return (
    local.month >= 1 &&
    local.month <= 12 &&
    probe.getUTCFullYear() === local.year &&
    probe.getUTCMonth() === local.month - 1 &&
    probe.getUTCDate() === local.day &&
    local.hour >= 0 &&
    local.hour <= 23 &&
    local.minute >= 0 &&
    local.minute <= 59
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-24" in the business time zone: a key for "once per day". */
export function localDateKey(instant: Date, timeZone: string): string {
  const l = toLocal(instant, timeZone);
  return `${l.year}-${pad(l.month)}-${pad(l.day)}`;
}

/** "24.12.2026 18:30", as the owner reads it. */
export function formatLocal(instant: Date, timeZone: string): string {
  const l = toLocal(instant, timeZone);
  return `${pad(l.day)}.${pad(l.month)}.${l.year} ${pad(l.hour)}:${pad(l.minute)}`;
}

/** "2026-12-24 18:30:05", for spreadsheets. */
export function formatLocalIso(instant: Date, timeZone: string): string {
  const l = toLocal(instant, timeZone);
  return `${l.year}-${pad(l.month)}-${pad(l.day)} ${pad(l.hour)}:${pad(l.minute)}:${pad(l.second)}`;
}

/** Midnight that starts the local day `daysAhead` days after the one containing `instant`. */
export function startOfLocalDay(instant: Date, timeZone: string, daysAhead = 0): Date {
  const l = toLocal(instant, timeZone);
  const day = new Date(Date.UTC(l.year, l.month - 1, l.day + daysAhead));
  return fromLocal(
    { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: 0, minute: 0 },
    timeZone,
  );
}

/** Monday 00:00 of the local week containing `instant`, moved by `weeksAhead` weeks. */
export function startOfLocalWeek(instant: Date, timeZone: string, weeksAhead = 0): Date {
  const weekday = toLocal(instant, timeZone).weekday;
  return startOfLocalDay(instant, timeZone, 7 * weeksAhead - (weekday - 1));
}

export type ParsedMoment = { ok: true; at: Date } | { ok: false; reason: 'Unreadable' | 'NoSuchDate' };

const FULL = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T,]+(\d{1,2})[:.](\d{2})$/;
const DOTTED = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{4}))?[ ,]+(\d{1,2})[:.](\d{2})$/;

/**
 * What an owner types as a date and time, read in the business time zone: `2026-12-24 18:30`,
 * `24.12.2026 18:30` or `24.12 18:30` (this year). Whether it is in the future is the caller's call.
 */
export function parseLocalDateTime(input: string, timeZone: string, now: Date): ParsedMoment {
  const text = input.trim().replace(/\s+/g, ' ');
  let local: LocalDateTime | undefined;
  const full = FULL.exec(text);
  const dotted = DOTTED.exec(text);
  if (full) {
    local = { year: +full[1]!, month: +full[2]!, day: +full[3]!, hour: +full[4]!, minute: +full[5]! };
  } else if (dotted) {
    const year = dotted[3] ? +dotted[3] : toLocal(now, timeZone).year;
    local = { year, month: +dotted[2]!, day: +dotted[1]!, hour: +dotted[4]!, minute: +dotted[5]! };
  }
  if (!local) return { ok: false, reason: 'Unreadable' };
  if (!isValidLocal(local)) return { ok: false, reason: 'NoSuchDate' };
  return { ok: true, at: fromLocal(local, timeZone) };
}
