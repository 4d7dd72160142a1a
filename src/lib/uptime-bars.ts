/** Uptime bars: the worst impact each day on a product, for its 90-day bar. */
import { DateTime } from 'luxon';
import type { Incident } from '../schemas/incident.ts';
import { worse, type ComponentStatus } from './status.ts';

/** One day of a product's history. */
export interface DayImpact {
  /** Local date in the site's zone, "YYYY-MM-DD". */
  date: string;
  /** Worst impact of any incident on the product that overlapped the day. */
  worst: ComponentStatus;
  /** Ids of those incidents. */
  incidents: string[];
}

/**
 * The last `days` days up to and including today (in `zone`), oldest first. An incident counts on
 * every day its span [started, resolved or now] touches.
 */
export function dailyImpact(incidents: readonly Incident[], productId: string, now: string, zone: string, days = 90): DayImpact[] {
  const today = DateTime.fromISO(now, { zone }).startOf('day');
  const out: DayImpact[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const start = today.minus({ days: i });
    out.push({ date: start.toISODate()!, worst: 'operational', incidents: [] });
  }
  const first = today.minus({ days: days - 1 });
  // Instants are UTC ISO strings of one shape, so an incident over before the first day is skipped
  // without parsing it: years of history cost a string comparison each.
  const firstIso = first.toUTC().toISO()!;
  for (const inc of incidents) {
    const endIso = inc.resolved !== undefined && inc.resolved < now ? inc.resolved : now;
    if (endIso < firstIso) continue;
    const affected = inc.affects.find((a) => a.product === productId);
    if (!affected) continue;
    const from = DateTime.fromISO(inc.started, { zone }).startOf('day');
    const to = DateTime.fromISO(endIso, { zone }).startOf('day');
    for (let d = from < first ? first : from; d <= to && d <= today; d = d.plus({ days: 1 })) {
      const day = out[Math.round(d.diff(first, 'days').days)];
      if (!day) continue;
      day.worst = worse(day.worst, affected.impact);
      day.incidents.push(inc.id);
    }
  }
  return out;
}
