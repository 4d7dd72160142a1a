/**
 * Release schedules: the dates a product's cadence (an RFC 5545 rule from a start date, in an IANA
 * zone) yields, from the build's "now" or within a range, and the months of a release calendar.
 *
 * Release dates are all-day local dates, so the rule is expanded on floating dates (each date as
 * UTC midnight, with no zone attached): a daylight-saving change in the cadence's zone can never
 * move a date. The zone matters only once, to turn the build's instant "now" into today's date
 * there. Expansion is the `rrule` package's (RFC 5545 semantics: BYMONTHDAY=31 skips months
 * without a 31st, BYSETPOS, WKST, COUNT, UNTIL); its own time-zone support is not used.
 */
import { DateTime } from 'luxon';
import * as rrulePackage from 'rrule';
import type { SiteContent } from './content/load.ts';
import type { Product } from '../schemas/products.ts';
import type { Release } from '../schemas/releases.ts';
import { memo } from './memo.ts';

// Bundlers load rrule's ES module (named exports); plain Node loads its CommonJS build, whose
// exports all sit under `default`. Accept both so the CLI and the build share this module.
const { RRule } = (rrulePackage as typeof rrulePackage & { default?: typeof rrulePackage }).default ?? rrulePackage;

/** A product's cadence, as parsed from products.yaml. */
export type Cadence = Product['cadence'];
/** A cadence with dates: an RFC 5545 rule, its first date and its zone. */
export type RecurringCadence = Extract<Cadence, { kind: 'recurring' }>;
/** A calendar date, "YYYY-MM-DD", local to the zone it belongs to. */
export type LocalDate = string;

/** Whether a cadence has dates (continuous delivery has none). */
export function isRecurring(cadence: Cadence): cadence is RecurringCadence {
  return cadence.kind === 'recurring';
}

/** The date it is in `zone` at the instant `now`. */
export function localToday(now: string, zone: string): LocalDate {
  return DateTime.fromISO(now, { zone: 'utc' }).setZone(zone).toISODate() as LocalDate;
}

/** The zone a product's dates are in: its cadence's, else (continuous delivery) `fallback`. */
export function cadenceZone(cadence: Cadence, fallback: string): string {
  return isRecurring(cadence) ? cadence.zone : fallback;
}

/** The first `count` release dates on or after today in the cadence's zone; none for continuous delivery. */
export function nextReleaseDates(cadence: Cadence, now: string, count: number): LocalDate[] {
  return [...nextDates(cadence, now, count)];
}

/** nextReleaseDates, kept per cadence, now and count: product pages, feeds and calendars ask in every language. */
const nextDates = memo(
  (cadence: Cadence, now: string, count: number): readonly LocalDate[] => {
    if (!isRecurring(cadence) || count <= 0) return [];
    const rule = ruleOf(cadence);
    const out: LocalDate[] = [];
    let cursor = floating(localToday(now, cadence.zone));
    let inclusive = true;
    while (out.length < count) {
      const next = rule.after(cursor, inclusive);
      // A rule with COUNT or UNTIL runs out.
      if (next === null) break;
      out.push(dateOf(next));
      cursor = next;
      inclusive = false;
    }
    return out;
  },
  (...args) => JSON.stringify(args),
);

/** The release dates from `from` to `to` (both included); none for continuous delivery. */
export function releaseDatesBetween(cadence: Cadence, from: LocalDate, to: LocalDate): LocalDate[] {
  if (!isRecurring(cadence) || to < from) return [];
  return ruleOf(cadence).between(floating(from), floating(to), true).map(dateOf);
}

/** How many months ahead release calendars plan, and within which a recurring schedule must have a date. */
export const RELEASE_HORIZON_MONTHS = 12;

/**
 * The release dates from today (in the cadence's zone) through the day before the same date
 * `months` months later: what a release calendar carries, and what the content check asks to be
 * non-empty, so the two can never disagree on a rule.
 */
export function upcomingReleaseDates(
  cadence: RecurringCadence,
  now: string,
  months = RELEASE_HORIZON_MONTHS,
): { from: LocalDate; to: LocalDate; dates: LocalDate[] } {
  const from = localToday(now, cadence.zone);
  const to = DateTime.fromISO(from, { zone: 'utc' }).plus({ months }).minus({ days: 1 }).toISODate() as LocalDate;
  return { from, to, dates: releaseDatesBetween(cadence, from, to) };
}

/** A product's upcoming schedule: the next dates, or the flag that it ships continuously. */
export interface ProductSchedule {
  product: Product;
  /** True for continuous delivery: no dates, the page says so in words (`product.cadence.label`). */
  continuous: boolean;
  /** The zone the dates are in (continuous delivery: the site's zone). */
  zone: string;
  /** Today in that zone. */
  today: LocalDate;
  /** The next release dates from today (included), oldest first; empty for continuous delivery. */
  next: LocalDate[];
}

/** Each product's schedule at the build's "now", in products.yaml order. */
export function productSchedules(c: Pick<SiteContent, 'products' | 'now' | 'site'>, count: number): ProductSchedule[] {
  return c.products.map((product) => {
    const zone = cadenceZone(product.cadence, c.site.timeZone);
    return { product, continuous: !isRecurring(product.cadence), zone, today: localToday(c.now, zone), next: nextReleaseDates(product.cadence, c.now, count) };
  });
}

/** One product's planned release on a calendar day. */
export interface CalendarEntry {
  /** Product id. */
  product: string;
  /** The day is before today in the product's zone. */
  past: boolean;
  /** The release content records on that day, when there is one (for its version and notes link). */
  release?: Release;
}

/** One day of a calendar month, with the releases planned on it (often none). */
export interface CalendarDay {
  date: LocalDate;
  /** ISO weekday: 1 Monday to 7 Sunday. */
  weekday: number;
  /** Planned releases, in products.yaml order. */
  entries: CalendarEntry[];
}

/** A month of the release calendar: every day, so a page can draw a grid or list the busy days. */
export interface CalendarMonth {
  /** "YYYY-MM". */
  month: string;
  first: LocalDate;
  last: LocalDate;
  days: CalendarDay[];
}

/** The release calendar: this month (in the site's zone) and the following ones, every recurring product. */
export interface ReleaseCalendar {
  /** Today in the site's zone. */
  today: LocalDate;
  months: CalendarMonth[];
  /** Products that ship continuously and so have no dates, in products.yaml order. */
  continuous: Product[];
}

/** The calendar of `months` months from the current one (default 3: this month and the next two). */
export function releaseCalendar(c: Pick<SiteContent, 'products' | 'releases' | 'now' | 'site'>, months = 3): ReleaseCalendar {
  const today = localToday(c.now, c.site.timeZone);
  const start = DateTime.fromISO(today, { zone: 'utc' }).startOf('month');
  const first = start.toISODate() as LocalDate;
  const last = start.plus({ months }).minus({ days: 1 }).toISODate() as LocalDate;
  const byDay = new Map<LocalDate, CalendarEntry[]>();
  for (const p of c.products) {
    if (!isRecurring(p.cadence)) continue;
    const productToday = localToday(c.now, p.cadence.zone);
    for (const date of releaseDatesBetween(p.cadence, first, last)) {
      const release = (c.releases[p.id] ?? []).find((r) => r.date === date);
      const entry: CalendarEntry = { product: p.id, past: date < productToday, ...(release ? { release } : {}) };
      byDay.set(date, [...(byDay.get(date) ?? []), entry]);
    }
  }
  const out: CalendarMonth[] = [];
  for (let m = 0; m < months; m++) {
    const month = start.plus({ months: m });
    const days: CalendarDay[] = [];
    for (let d = month; d.month === month.month; d = d.plus({ days: 1 })) {
      const date = d.toISODate() as LocalDate;
      days.push({ date, weekday: d.weekday, entries: byDay.get(date) ?? [] });
    }
    out.push({ month: month.toFormat('yyyy-MM'), first: days[0]!.date, last: days.at(-1)!.date, days });
  }
  return { today, months: out, continuous: c.products.filter((p) => !isRecurring(p.cadence)) };
}

/** The cadence's rule with its start date as DTSTART, on floating dates. */
function ruleOf(cadence: RecurringCadence): InstanceType<typeof RRule> {
  const options = RRule.parseString(cadence.rrule.replace(/^RRULE:/, ''));
  // A date-only UNTIL is parsed as UTC midnight, which on floating dates is that local day: kept.
  return new RRule({ ...options, dtstart: floating(cadence.start) });
}

/** A local date as a floating instant: UTC midnight of that date. */
function floating(date: LocalDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function dateOf(d: Date): LocalDate {
  return d.toISOString().slice(0, 10);
}
