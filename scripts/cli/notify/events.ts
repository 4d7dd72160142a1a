/**
 * What there is to announce, derived from content and "now" alone: every update of an incident,
 * its report, and a maintenance window's notices, start, end and cancellation. Each event has a
 * key that never changes between runs, which the delivery record keeps per channel: built from the
 * file name and, for an incident's update or a window's notice, its time (and status), never its
 * position in the list (an update deleted or written in earlier would shift every later one).
 */
import type { SiteContent } from '../../../src/lib/content/load.ts';
import type { Incident } from '../../../src/schemas/incident.ts';
import type { Maintenance } from '../../../src/schemas/maintenance.ts';
import { COMPONENT_EVENT, type Channel, type EventKind } from '../../../src/schemas/notify.ts';
import { statusChanges, type StatusChange } from './components.ts';
import { cancellationNotice } from '../../../src/lib/maintenance-timeline.ts';

/**
 * What a channel takes: its event kinds and products, when it lists them, and whether it takes
 * component events at all (webhook channels) and a window's later notices. A record written
 * before either existed says no, so the status changes and notices of its past are not sent as news.
 */
export type Filter = Pick<Channel, 'events' | 'products'> & { components?: boolean; notices?: boolean };

/** A channel's filter now. */
export function filterOf(ch: Channel): Filter {
  return {
    ...(ch.events && { events: ch.events }),
    ...(ch.products && { products: ch.products }),
    ...(ch.type === 'webhook' && { components: true }),
    notices: true,
  };
}

/** Events older than this are not announced (stale news), and the record forgets them. */
export const MAX_AGE_DAYS = 30;

/** Something to announce. */
export type NotifyEvent = {
  /**
   * Stable across runs: "incident/<id>/update/<time>/<status>", "maintenance/<id>/started",
   * "maintenance/<id>/notice/<time>",
   * "component/<product>/<instant>/<new status>".
   */
  key: string;
  /** An update's key in delivery records of version 1 ("incident/<id>/update/<position>"), read once to carry them over. */
  legacyKey?: string;
  kind: EventKind;
  /** When it happened (an update's time, a window's start), ISO 8601. */
  at: string;
  /** The products it is about. */
  products: string[];
} & ({ incident: Incident; update?: number } | { maintenance: Maintenance; notice?: number } | { change: StatusChange });

/** Every event that has happened by `c.now` within the last MAX_AGE_DAYS, oldest first. */
export function eventsOf(c: SiteContent): NotifyEvent[] {
  const now = Date.parse(c.now);
  const from = now - MAX_AGE_DAYS * 86_400_000;
  const out: NotifyEvent[] = [];
  for (const inc of c.incidents) {
    const products = inc.affects.map((a) => a.product);
    // An incident posted already resolved is still news that it happened: its first update opens it.
    const seen = new Map<string, number>();
    inc.updates.forEach((u, i) => {
      const kind = i === 0 ? 'incident.opened' : u.status === 'resolved' ? 'incident.resolved' : 'incident.updated';
      // The time as an instant (rewriting "+01:00" as "Z" is the same update); a second update at the same time and status counts on.
      let key = `incident/${inc.id}/update/${new Date(u.at).toISOString()}/${u.status}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      if (n > 1) key += `/${n}`;
      out.push({ key, legacyKey: `incident/${inc.id}/update/${i}`, kind, at: u.at, products, incident: inc, update: i });
    });
    // A report has no time of its own: it counts from the resolution (or the latest update).
    if (inc.body.trim() !== '')
      out.push({ key: `incident/${inc.id}/report`, kind: 'incident.report', at: inc.resolved ?? inc.updates.at(-1)!.at, products, incident: inc });
  }
  for (const m of c.maintenance) {
    const base = { products: m.products, maintenance: m };
    const first = m.updates[0]?.at;
    // Announced ahead of time only: a window written down once it had begun was never "scheduled".
    const scheduled = first !== undefined && Date.parse(first) < Date.parse(m.window.start);
    if (scheduled) out.push({ ...base, key: `maintenance/${m.id}/scheduled`, kind: 'maintenance.scheduled', at: first });
    // Every other notice is news of its own (moved, running late, done early), but the one that
    // calls the window off, and the first of a window written once it had begun, which its start carries.
    const calledOff = cancellationNotice(m);
    const seen = new Map<string, number>();
    m.updates.forEach((u, notice) => {
      if (notice === 0 || notice === calledOff) return;
      let key = `maintenance/${m.id}/notice/${new Date(u.at).toISOString()}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      if (n > 1) key += `/${n}`;
      out.push({ ...base, key, kind: 'maintenance.updated', at: u.at, notice });
    });
    if (m.cancelled !== undefined) out.push({ ...base, key: `maintenance/${m.id}/cancelled`, kind: 'maintenance.cancelled', at: m.cancelled });
    else {
      // The clock starts and ends a window, as on its page; the 15-minute rebuild sends these.
      out.push({ ...base, key: `maintenance/${m.id}/started`, kind: 'maintenance.started', at: m.window.start });
      out.push({ ...base, key: `maintenance/${m.id}/completed`, kind: 'maintenance.completed', at: m.window.end });
    }
  }
  // A product's status changing: the instant and the new status make the key, so a change is one event however often it is seen.
  for (const change of statusChanges(c, new Date(from - 1).toISOString()))
    out.push({ key: `component/${change.product}/${change.at}/${change.to}`, kind: COMPONENT_EVENT, at: change.at, products: [change.product], change });
  return out
    .filter((e) => Date.parse(e.at) <= now && Date.parse(e.at) >= from)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.key.localeCompare(b.key));
}

/** Whether a channel's filter (now, or in the last run) wants an event: its event kinds and products, when it lists them; component events only on webhooks. */
export function wants(ch: Filter, e: NotifyEvent): boolean {
  if (e.kind === COMPONENT_EVENT && ch.components !== true) return false;
  if (e.kind === 'maintenance.updated' && ch.notices !== true) return false;
  if (ch.events && !ch.events.includes(e.kind)) return false;
  return !ch.products || e.products.some((p) => ch.products!.includes(p));
}
