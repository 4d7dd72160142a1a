/**
 * Uptime bars: for each of a product's last 90 days, the worst impact and the uptime.
 *
 * Uptime is weighted by impact the way hosted status pages count it (Atlassian Statuspage): a
 * minute of major outage counts fully as downtime, a minute of partial outage as 0.3 of a minute,
 * and degraded performance and maintenance not at all. Where incidents overlap, each minute counts
 * once, at the heaviest weight among the incidents open in it. So for a span of time:
 *
 *   uptime = 1 - (major outage minutes + 0.3 × partial outage minutes) / minutes in the span
 *
 * A day is a calendar day in a given zone (23 or 25 hours when the clocks change); today counts
 * up to "now"; an open incident runs up to "now". The 90-day figure is the same formula over the
 * whole span, from the first day's midnight to now.
 */
import { DateTime } from 'luxon';
import type { SiteContent } from './content/load.ts';
import type { Incident } from '../schemas/incident.ts';
import { memoByObject } from './memo.ts';
import { impactStretches, worse, type ComponentStatus } from './status.ts';

/** How much a minute of each status counts as downtime. */
export const DOWNTIME_WEIGHT: Readonly<Record<ComponentStatus, number>> = {
  operational: 0,
  under_maintenance: 0,
  degraded_performance: 0,
  partial_outage: 0.3,
  major_outage: 1,
};

/** One day of a product's history. */
export interface DayImpact {
  /** Local date in the zone the days are counted in, "YYYY-MM-DD". */
  date: string;
  /** Worst impact of any incident on the product that overlapped the day. */
  worst: ComponentStatus;
  /** Ids of those incidents. */
  incidents: string[];
  /** Share of the day (of its elapsed part, today) without weighted downtime, 0 to 1. */
  uptime: number;
  /** Milliseconds of the day counted (its length, or up to now for today). */
  span: number;
  /** Weighted downtime in milliseconds. */
  down: number;
}

/** A stretch of time with a downtime weight, in epoch milliseconds. */
interface Stretch {
  from: number;
  to: number;
  weight: number;
}

/** Weighted downtime within [from, to): each moment at the heaviest weight of the stretches covering it. */
function weightedDowntime(stretches: readonly Stretch[], from: number, to: number): number {
  const inside = stretches
    .filter((s) => s.weight > 0 && s.from < to && s.to > from)
    .map((s) => ({ from: Math.max(s.from, from), to: Math.min(s.to, to), weight: s.weight }));
  const edges = [...new Set(inside.flatMap((s) => [s.from, s.to]))].sort((a, b) => a - b);
  let down = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    const a = edges[i]!;
    const b = edges[i + 1]!;
    const weight = Math.max(0, ...inside.filter((s) => s.from <= a && s.to >= b).map((s) => s.weight));
    down += weight * (b - a);
  }
  return down;
}

/**
 * The last `days` days up to and including today (in `zone`), oldest first. An incident counts on
 * every day its span [started, resolved or now] touches.
 */
export function dailyImpact(incidents: readonly Incident[], productId: string, now: string, zone: string, days = 90): DayImpact[] {
  const today = DateTime.fromISO(now, { zone }).startOf('day');
  const nowMs = Date.parse(now);
  const out: DayImpact[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const start = today.minus({ days: i });
    const span = Math.min(start.plus({ days: 1 }).toMillis(), nowMs) - start.toMillis();
    out.push({ date: start.toISODate()!, worst: 'operational', incidents: [], uptime: 1, span, down: 0 });
  }
  const first = today.minus({ days: days - 1 });
  // Instants are UTC ISO strings of one shape, so an incident over before the first day is skipped
  // without parsing it: years of history cost a string comparison each.
  const firstIso = first.toUTC().toISO()!;
  const stretches: Stretch[] = [];
  /** Calls `fn` for each of the 90 days that [fromIso, toIso] touches. */
  const forDays = (fromIso: string, toIso: string, fn: (day: DayImpact) => void) => {
    const from = DateTime.fromISO(fromIso, { zone }).startOf('day');
    const to = DateTime.fromISO(toIso, { zone }).startOf('day');
    for (let d = from < first ? first : from; d <= to && d <= today; d = d.plus({ days: 1 })) {
      const day = out[Math.round(d.diff(first, 'days').days)];
      if (day) fn(day);
    }
  };
  for (const inc of incidents) {
    const endIso = inc.resolved !== undefined && inc.resolved < now ? inc.resolved : now;
    if (endIso < firstIso) continue;
    const impacts = impactStretches(inc, productId);
    if (impacts.length === 0) continue;
    const end = Date.parse(endIso);
    // The product's impact stretch by stretch, as the updates changed it; each counts on the days it touches.
    impacts.forEach((stretch, k) => {
      const next = impacts[k + 1];
      const stretchEnd = next === undefined ? endIso : Date.parse(next.from) < end ? next.from : endIso;
      if (stretch.impact === 'operational' || Date.parse(stretch.from) >= Date.parse(stretchEnd)) return;
      stretches.push({ from: Date.parse(stretch.from), to: Date.parse(stretchEnd), weight: DOWNTIME_WEIGHT[stretch.impact] });
      forDays(stretch.from, stretchEnd, (day) => (day.worst = worse(day.worst, stretch.impact)));
    });
    forDays(inc.started, endIso, (day) => day.incidents.push(inc.id));
  }
  for (const day of out) {
    if (day.incidents.length === 0 || day.span <= 0) continue;
    const start = DateTime.fromISO(day.date, { zone }).toMillis();
    day.down = weightedDowntime(stretches, start, start + day.span);
    day.uptime = 1 - day.down / day.span;
  }
  return out;
}

/** Uptime over the given days: 1 minus their weighted downtime over their counted time. */
export function uptimeOf(days: readonly DayImpact[]): number {
  const span = days.reduce((n, d) => n + d.span, 0);
  return span > 0 ? 1 - days.reduce((n, d) => n + d.down, 0) / span : 1;
}

/**
 * A product's last 90 days in the content at its "now", as calendar days in `zone` (pages pass
 * their language's, so a bar's day is the day their times are written in), worked out once per zone. The 90-day uptime figure is counted over the site's days: the same on every page
 * and in the API.
 */
export const productDays = memoByObject(
  (c: Pick<SiteContent, 'incidents' | 'now' | 'site'>, id: string, zone: string) =>
    dailyImpact(
      c.incidents.filter((i) => i.affects.some((a) => a.product === id)),
      id,
      c.now,
      zone,
    ),
  (id, zone) => `${id}|${zone}`,
);
