// The business day is the calendar day in the owner's time zone (settings.timeZone), not in UTC:
// a café in Sofia closing at 23:00 local time must not see its daily cap reset at 02:00.

/** Milliseconds to add to UTC to get the wall clock in `timeZone` at `at`. */
function offsetAt(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The moment the business day containing `at` began (local midnight in `timeZone`). */
export function startOfBusinessDay(at: Date, timeZone: string): Date {
  const local = new Date(at.getTime() + offsetAt(at, timeZone));
  const midnightWall = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  // The offset at midnight can differ from the offset now (a DST change during the night).
  const guess = midnightWall - offsetAt(at, timeZone);
  return new Date(midnightWall - offsetAt(new Date(guess), timeZone));
}
