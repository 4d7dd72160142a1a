/** Adding target durations to instants: calendar time, business days, and pauses that do not count. */
import { DateTime } from 'luxon';
import type { Target } from '../schemas/common.ts';
import type { Day } from '../schemas/support-hours.ts';

/** Which days count as business days, in which zone. */
export interface BusinessCalendar {
  zone: string;
  /** Working weekdays (e.g. mon-fri). */
  workdays: readonly Day[];
  /** Closed days, "YYYY-MM-DD" in `zone`, with an optional last day. */
  closures: readonly { date: string; until?: string | undefined }[];
}

/** A period that does not count towards a target (waiting for the customer). */
export interface Pause {
  from: string;
  to: string;
}

// The schema's DAYS, written again: this module also runs in the browser (the due calculator),
// and importing the schema module would bundle zod into that page's script.
const WEEKDAY: readonly Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Whether a local date "YYYY-MM-DD" falls within a closure (from `date` to `until`, both included). */
export function isClosed(date: string, closures: BusinessCalendar['closures']): boolean {
  return closures.some((c) => date >= c.date && date <= (c.until ?? c.date));
}

/** Whether a local date is a business day of the calendar. */
export function isBusinessDay(date: DateTime, cal: BusinessCalendar): boolean {
  const day = WEEKDAY[date.weekday - 1]!;
  return cal.workdays.includes(day) && !isClosed(date.toISODate()!, cal.closures);
}

/**
 * Adds `n` business days to an instant: the same wall-clock time on the n-th following business
 * day. A start outside business days counts from the start of the next business day. Wall-clock
 * arithmetic in the calendar's zone keeps the result right across DST changes.
 */
export function addBusinessDays(iso: string, n: number, cal: BusinessCalendar): string {
  // Any span of 7k days holds k of each weekday, and closures take at most one day each of their
  // days: so the (n + 1) business days sought (the first, then n more) lie within
  // 7 * (n + 1 + closed days) days. Content always gives a workday (calendarFor falls back to
  // Monday to Friday), so the error below only guards against a calendar built some other way.
  const limit = 7 * (n + 2 + closedDays(cal));
  let guard = 0;
  const step = () => {
    if (++guard > limit) throw new Error(`no ${n} business days after ${iso} in ${cal.zone}: the calendar has no working day (expected at least one weekday)`);
  };
  let t = DateTime.fromISO(iso, { zone: cal.zone });
  while (!isBusinessDay(t, cal)) {
    t = t.plus({ days: 1 }).startOf('day');
    step();
  }
  let counted = 0;
  while (counted < n) {
    t = t.plus({ days: 1 });
    if (isBusinessDay(t, cal)) counted++;
    step();
  }
  return t.toUTC().toISO()!;
}

/** How many days the calendar's closures cover, counting overlaps twice (an upper bound is all addBusinessDays needs). */
function closedDays(cal: BusinessCalendar): number {
  let days = 0;
  for (const c of cal.closures) days += Math.round((Date.parse(`${c.until ?? c.date}T00:00:00Z`) - Date.parse(`${c.date}T00:00:00Z`)) / 86_400_000) + 1;
  return days;
}

/** The instant a duration target falls due from `start`; undefined for targets without an amount. */
export function dueAt(start: string, target: Target, cal: BusinessCalendar, pauses: readonly Pause[] = []): string | undefined {
  if (target.kind !== 'duration') return undefined;
  const base = (from: string) => {
    if (target.unit === 'business-days') return addBusinessDays(from, target.amount, cal);
    // Days are calendar days in the calendar's zone (wall clock); minutes and hours are elapsed time.
    if (target.unit === 'days') return DateTime.fromISO(from, { zone: cal.zone }).plus({ days: target.amount }).toUTC().toISO()!;
    return new Date(Date.parse(from) + target.amount * (target.unit === 'hours' ? 3_600_000 : 60_000)).toISOString();
  };
  let due = base(start);
  if (!target.excludesCustomerWait || pauses.length === 0) return due;
  // Extend by every pause that begins before the (moving) due time, counting only its part after the start.
  const sorted = [...pauses].sort((a, b) => a.from.localeCompare(b.from));
  let waited = 0;
  for (const p of sorted) {
    const from = p.from < start ? start : p.from;
    if (from >= due || p.to <= from) continue;
    waited += Date.parse(p.to) - Date.parse(from);
    due = DateTime.fromISO(base(start), { zone: 'utc' }).plus({ milliseconds: waited }).toISO()!;
  }
  return due;
}
