/**
 * Opening hours as concrete instants: weekly rules in a desk's zone expanded to UTC intervals,
 * and the questions pages ask of them (open now? closes when? opens next when? chart spans).
 *
 * Semantics, shared by every function here:
 * - A rule's shift opens on each of its days at `open` (wall clock in the desk's zone) and closes
 *   at `close` the same day, or on the NEXT day when `close` is at or before `open`: "07:00"-"01:00"
 *   runs to 01:00 the next morning, "17:00"-"00:00" ends at midnight, "00:00"-"24:00" (and
 *   "00:00"-"00:00") is the whole day.
 * - A shift belongs to the day it opens. A closure day (`date`..`until`, inclusive, local dates)
 *   cancels every shift that OPENS on it; a shift that opened the evening before keeps running
 *   past midnight into the closure day, because customers were told it runs until its close.
 * - Wall times are turned into instants with luxon in the desk's zone. A wall time that does not
 *   exist (the spring-forward gap) moves forward by the gap, as luxon does: 02:30 on 2026-03-08 in
 *   America/Chicago is 03:30 CDT. A wall time that happens twice (the fall-back hour) is its FIRST
 *   occurrence: 01:30 on 2026-11-01 in America/Chicago is 01:30 CDT. (luxon by itself picks the
 *   second, standard-time occurrence, so this module chooses explicitly.) A shift can therefore
 *   last an hour less or more in real time on a DST day.
 * - Expansion depends only on its arguments, never on the build's clock.
 */
import { DateTime } from 'luxon';
import { DAYS, type Day, type Desk, type WeeklyRule } from '../schemas/support-hours.ts';
import { isClosed } from './business-time.ts';
import { memo } from './memo.ts';

/** A span of opening time: UTC ISO 8601 instants with milliseconds and "Z", half-open [start, end). */
export interface Interval {
  start: string;
  end: string;
}

/** The part of a closure the hours need: first and (optional) last closed local date. */
type Closure = Pick<Desk['closures'][number], 'date' | 'until'>;

const DAY_MINUTES = 24 * 60;

/** "HH:MM" (up to "24:00") as minutes after midnight. */
function minutesOf(time: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) throw new Error(`found "${time}" (expected a time such as "07:00")`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** A local date "YYYY-MM-DD" as a calendar date (zone-free arithmetic in UTC). */
function calendarDate(date: string): DateTime {
  const d = DateTime.fromISO(date, { zone: 'utc' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !d.isValid) throw new Error(`found "${date}" (expected a date such as "2026-11-23")`);
  return d;
}

/** Milliseconds of an ISO 8601 instant with an offset. */
function millis(iso: string): number {
  const ms = DateTime.fromISO(iso, { setZone: true }).toMillis();
  if (Number.isNaN(ms)) throw new Error(`found "${iso}" (expected an ISO 8601 instant such as "2026-11-23T13:00:00.000Z")`);
  return ms;
}

/**
 * The instant of wall time `minutes` after the start of local `date` in `zone` (minutes may pass
 * 1440 into the next days). Gap times move forward by the gap; repeated times take the earlier
 * instant.
 */
function wallInstant(date: DateTime, minutes: number, zone: string): DateTime {
  const day = date.plus({ days: Math.floor(minutes / DAY_MINUTES) });
  const rest = minutes % DAY_MINUTES;
  const dt = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: Math.floor(rest / 60), minute: rest % 60 }, { zone });
  if (!dt.isValid) throw new Error(`found "${zone}" (expected an IANA time zone such as "America/Chicago")`);
  // luxon resolves a repeated wall time to its later (standard-time) occurrence; take the first.
  return dt.getPossibleOffsets().reduce((a, b) => (b.toMillis() < a.toMillis() ? b : a), dt);
}

/** Spans sorted, with overlapping or touching ones joined: [1, 3], [5, 6], [2, 5] become [1, 6]. */
function mergeSpans(spans: readonly (readonly [number, number])[]): [number, number][] {
  const merged: [number, number][] = [];
  for (const span of [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/**
 * Weekly rules -> concrete intervals for the shifts that OPEN on the local dates from `fromDate`
 * (YYYY-MM-DD in `zone`) for `days` days, sorted, with overlapping or adjacent ones merged. The
 * last shifts may end after the window (an overnight shift runs to its close). Shifts opening on
 * a closure day are cancelled; see the module comment for the midnight and DST rules.
 */
export function expandHours(rules: readonly WeeklyRule[], zone: string, closures: readonly Closure[], fromDate: string, days: number): Interval[] {
  return [...expanded(rules, zone, closures, fromDate, days)];
}

/** expandHours, kept per rules and window: each language's page and each product asks again. */
const expanded = memo(
  (rules: readonly WeeklyRule[], zone: string, closures: readonly Closure[], fromDate: string, days: number): readonly Interval[] => {
    if (!Number.isInteger(days) || days < 0) throw new Error(`found ${days} (expected a whole number of days, 0 or more)`);
    const first = calendarDate(fromDate);
    const spans: [number, number][] = [];
    for (let i = 0; i < days; i++) {
      const date = first.plus({ days: i });
      if (isClosed(date.toISODate()!, closures)) continue;
      const day = DAYS[date.weekday - 1]!;
      for (const rule of rules) {
        if (!rule.days.includes(day)) continue;
        const open = minutesOf(rule.open);
        let close = minutesOf(rule.close);
        if (close <= open) close += DAY_MINUTES;
        const start = wallInstant(date, open, zone).toMillis();
        const end = wallInstant(date, close, zone).toMillis();
        // Only a shift lying wholly inside a spring-forward gap can come out empty; it never happens.
        if (end > start) spans.push([start, end]);
      }
    }
    const iso = (ms: number) => DateTime.fromMillis(ms, { zone: 'utc' }).toISO()!;
    return mergeSpans(spans).map(([start, end]) => ({ start: iso(start), end: iso(end) }));
  },
  (...args) => JSON.stringify(args),
);

/** The interval containing `at` (start <= at < end), if any; `at` is an ISO 8601 instant with an offset. */
export function openAt(intervals: readonly Interval[], at: string): Interval | undefined {
  const t = millis(at);
  return intervals.find((i) => millis(i.start) <= t && t < millis(i.end));
}

/** Start of the first interval starting strictly after `at` (or undefined when none does). */
export function nextOpening(intervals: readonly Interval[], at: string): string | undefined {
  const t = millis(at);
  let best: Interval | undefined;
  for (const i of intervals) if (millis(i.start) > t && (!best || millis(i.start) < millis(best.start))) best = i;
  return best?.start;
}

/**
 * Status of a desk at `at`: open (with the end of the merged interval as `closes`), or closed
 * (with the next opening as `opens`, undefined when the intervals hold none), computed from intervals.
 */
export function deskState(intervals: readonly Interval[], at: string): { open: true; closes: string } | { open: false; opens?: string } {
  const current = openAt(intervals, at);
  if (current) return { open: true, closes: current.end };
  const opens = nextOpening(intervals, at);
  return opens === undefined ? { open: false } : { open: false, opens };
}

/** Wall-clock minutes of instant `ms` counted from the start of local `date` (seen with `offset` minutes when given). */
function wallMinutes(ms: number, date: DateTime, zone: string, offset?: number): number {
  const local = offset === undefined ? DateTime.fromMillis(ms, { zone }) : DateTime.fromMillis(ms + offset * 60_000, { zone: 'utc' });
  const dayDiff = Math.round(DateTime.fromObject({ year: local.year, month: local.month, day: local.day }, { zone: 'utc' }).diff(date, 'days').days);
  return dayDiff * DAY_MINUTES + local.hour * 60 + local.minute + local.second / 60 + local.millisecond / 60_000;
}

/**
 * For a chart: per weekday (mon..sun, in `zone`) the local [startMinute, endMinute) spans
 * (0..1440) covered during the week that starts on local Monday `weekStart`, split at midnight
 * (a Mon 07:00-Tue 01:00 shift is Monday [420, 1440) and Tuesday [0, 60)). Minutes are
 * wall-clock minutes, so a span across the spring-forward gap runs straight through the missing
 * hour, and on a fall-back day a wall time covered in either occurrence counts as covered. Spans
 * are sorted and merged; starts round down and ends up to whole minutes.
 */
export function weeklyCoverage(intervals: readonly Interval[], zone: string, weekStart: string): Record<Day, [number, number][]> {
  const monday = calendarDate(weekStart);
  if (monday.weekday !== 1) throw new Error(`found "${weekStart}" (expected a Monday)`);
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
  const ranges = intervals.map((i) => [millis(i.start), millis(i.end)] as const);
  const out = {} as Record<Day, [number, number][]>;
  DAYS.forEach((day, index) => {
    const date = monday.plus({ days: index });
    const dayStart = wallInstant(date, 0, zone).toMillis();
    const dayEnd = wallInstant(date, DAY_MINUTES, zone).toMillis();
    const spans: [number, number][] = [];
    const push = (s: number, e: number) => {
      const a = Math.max(0, Math.floor(s));
      const b = Math.min(DAY_MINUTES, Math.ceil(e));
      if (b > a) spans.push([a, b]);
    };
    for (const [s0, e0] of ranges) {
      const a = Math.max(s0, dayStart);
      const b = Math.min(e0, dayEnd);
      if (b <= a) continue;
      const s = wallMinutes(a, date, zone);
      const e = wallMinutes(b, date, zone);
      const before = offsetAt(a);
      const after = offsetAt(b - 1);
      if (e > s || after >= before) {
        push(s, e);
        continue;
      }
      // The wall clock went back inside this span (fall-back): find the switch, then chart both runs.
      let lo = a;
      let hi = b - 1;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(mid) === before) lo = mid;
        else hi = mid;
      }
      push(s, wallMinutes(hi, date, zone, before));
      push(wallMinutes(hi, date, zone), e);
    }
    out[day] = mergeSpans(spans);
  });
  return out;
}

/**
 * The expansion window a build uses: from the local date in `zone` before the one `now` falls
 * on (so last evening's overnight shift is still known after midnight), for `days` (default 35) days.
 */
export function hoursWindow(now: string, zone: string, days = 35): { fromDate: string; days: number } {
  const local = DateTime.fromMillis(millis(now), { zone });
  if (!local.isValid) throw new Error(`found "${zone}" (expected an IANA time zone such as "America/Chicago")`);
  return { fromDate: local.minus({ days: 1 }).toISODate()!, days };
}
