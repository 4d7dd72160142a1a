/**
 * Adding target durations to instants: calendar time, business days, and pauses that do not count.
 * Intl alone (zone-slots.ts) reads a zone's clock here, with no zone library: this module also runs
 * in the browser, in the severity page's due calculator, whose script must stay a few kilobytes.
 */
import type { Target } from '../schemas/common.ts';
import type { Day } from '../schemas/support-hours.ts';
import { offsetAt } from './zone-slots.ts';

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

// The schema's DAYS, written again: importing the schema module would bundle zod into the
// calculator's script. Day 0 (1 January 1970) was a Thursday.
const WEEKDAY: readonly Day[] = ['thu', 'fri', 'sat', 'sun', 'mon', 'tue', 'wed'];
const DAY = 86_400_000;

/** Whether a local date "YYYY-MM-DD" falls within a closure (from `date` to `until`, both included). */
export function isClosed(date: string, closures: BusinessCalendar['closures']): boolean {
  return closures.some((c) => date >= c.date && date <= (c.until ?? c.date));
}

/** Whether local day number `day` (days since 1970-01-01) is a business day of the calendar. */
function isBusinessDay(day: number, cal: BusinessCalendar): boolean {
  return cal.workdays.includes(WEEKDAY[((day % 7) + 7) % 7]!) && !isClosed(new Date(day * DAY).toISOString().slice(0, 10), cal.closures);
}

/** An instant as its local day number and the milliseconds since that day's midnight in `zone`. */
function wallOf(zone: string, t: number): { day: number; ms: number } {
  const local = t + offsetAt(zone, t) * 60_000;
  const day = Math.floor(local / DAY);
  return { day, ms: local - day * DAY };
}

/**
 * The instant at which `zone`'s clocks read `ms` after midnight of local day `day`: a wall time
 * that occurs twice is its first occurrence, one in a spring-forward gap moves on by the gap (as
 * the opening hours read them).
 */
function atWall(zone: string, day: number, ms: number): number {
  const wall = day * DAY + ms;
  const before = offsetAt(zone, wall - DAY);
  let first: number | undefined;
  for (const offset of [before, offsetAt(zone, wall + DAY)]) {
    const t = wall - offset * 60_000;
    if (offsetAt(zone, t) === offset && (first === undefined || t < first)) first = t;
  }
  return first ?? wall - before * 60_000;
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
  let { day, ms } = wallOf(cal.zone, Date.parse(iso));
  while (!isBusinessDay(day, cal)) {
    day++;
    ms = 0;
    step();
  }
  let counted = 0;
  while (counted < n) {
    day++;
    if (isBusinessDay(day, cal)) counted++;
    step();
  }
  return new Date(atWall(cal.zone, day, ms)).toISOString();
}

/** How many days the calendar's closures cover, counting overlaps twice (an upper bound is all addBusinessDays needs). */
function closedDays(cal: BusinessCalendar): number {
  let days = 0;
  for (const c of cal.closures) days += Math.round((Date.parse(`${c.until ?? c.date}T00:00:00Z`) - Date.parse(`${c.date}T00:00:00Z`)) / DAY) + 1;
  return days;
}

/** The instant a duration target falls due from `start`; undefined for targets without an amount. */
export function dueAt(start: string, target: Target, cal: BusinessCalendar, pauses: readonly Pause[] = []): string | undefined {
  if (target.kind !== 'duration') return undefined;
  const base = (from: string) => {
    if (target.unit === 'business-days') return addBusinessDays(from, target.amount, cal);
    // Days are calendar days in the calendar's zone (wall clock); minutes and hours are elapsed time.
    if (target.unit === 'days') {
      const { day, ms } = wallOf(cal.zone, Date.parse(from));
      return new Date(atWall(cal.zone, day + target.amount, ms)).toISOString();
    }
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
    due = new Date(Date.parse(base(start)) + waited).toISOString();
  }
  return due;
}
