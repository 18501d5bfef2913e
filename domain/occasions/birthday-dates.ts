// A birthday is a day and a month, never a year. Pure date rules, all on the business's calendar:
// which days are valid (29 February is: a leap-day birthday exists), on which day of a given year a
// birthday is celebrated (29 February falls on 28 February in a year without it), and whether a local
// day lies within the window of days around a birthday (the window may cross New Year).

export interface Birthday {
  day: number;
  /** 1-12 */
  month: number;
}

/** Local calendar day in the business time zone. */
export interface LocalDay {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Days per month with February at 29: the days a birthday can be. */
const MAX_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInBirthdayMonth(month: number): number {
  return MAX_DAYS[month - 1] ?? 0;
}

export function isValidBirthday(day: number, month: number): boolean {
  return Number.isInteger(day) && Number.isInteger(month) && month >= 1 && month <= 12 && day >= 1 && day <= daysInBirthdayMonth(month);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The day the birthday is celebrated in `year`: 29 February becomes 28 February outside leap years. */
export function celebratedOn(birthday: Birthday, year: number): LocalDay {
  if (birthday.month === 2 && birthday.day === 29 && !isLeapYear(year)) return { year, month: 2, day: 28 };
  return { year, month: birthday.month, day: birthday.day };
}

/** Whole days from `a` to `b` (calendar days, no clock involved). */
export function daysBetween(a: LocalDay, b: LocalDay): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

export function addDays(day: LocalDay, days: number): LocalDay {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The celebration whose window (`windowDays` before to `windowDays` after) contains `today`, if any:
 * its year names the birthday bonus of that year. With a window over New Year, a visit on 30 December
 * can belong to a birthday on 2 January of the next year.
 */
export function celebrationAround(birthday: Birthday, today: LocalDay, windowDays: number): LocalDay | undefined {
  for (const year of [today.year - 1, today.year, today.year + 1]) {
    const day = celebratedOn(birthday, year);
    if (Math.abs(daysBetween(day, today)) <= windowDays) return day;
  }
  return undefined;
}

/** The birthdays (day, month) celebrated on `today`: on 28 February of a non-leap year, 29 February too. */
export function birthdaysCelebratedOn(today: LocalDay): Birthday[] {
  const days = [{ day: today.day, month: today.month }];
  if (today.month === 2 && today.day === 28 && !isLeapYear(today.year)) days.push({ day: 29, month: 2 });
  return days;
}

export type BirthdayTextError = { code: 'Unreadable' } | { code: 'NoSuchDate' } | { code: 'YearGiven' };

const DAY_MONTH = /^(\d{1,2})\s*[./\-\s]\s*(\d{1,2})$/;
const WITH_YEAR = /^\d{1,2}\s*[./\-\s]\s*\d{1,2}\s*[./\-\s]\s*\d{2,4}$/;

/**
 * A birthday as people type it: day first, then the month ("24.05", "24/5", "3-11", "29 02"). A date
 * with a year is refused (the year is never asked for, nor kept); so is a day the month does not have.
 */
export function parseBirthday(text: string): { ok: true; value: Birthday } | { ok: false; error: BirthdayTextError } {
  const trimmed = text.trim();
  if (WITH_YEAR.test(trimmed)) return { ok: false, error: { code: 'YearGiven' } };
  const match = DAY_MONTH.exec(trimmed);
  if (!match) return { ok: false, error: { code: 'Unreadable' } };
  const day = Number(match[1]);
  const month = Number(match[2]);
  if (!isValidBirthday(day, month)) return { ok: false, error: { code: 'NoSuchDate' } };
  return { ok: true, value: { day, month } };
}
