/**
 * Component events: a product's status changing, for webhooks in Statuspage's `component_update`
 * shape. The status comes from the one rule the pages, badges and API use (productStatuses in
 * src/lib/status.ts), applied to the content as it stood at each instant where a status can change:
 * an incident starting, an update changing a product's impact, an incident being resolved, a
 * maintenance window beginning or ending. Only the incidents started by then count, as the status
 * page at that moment showed them.
 */
import type { SiteContent } from '../../../src/lib/content/load.ts';
import { productStatuses, type ComponentStatus } from '../../../src/lib/status.ts';

/** One product's status change. */
export interface StatusChange {
  product: string;
  /** The instant of the change, ISO 8601 UTC. */
  at: string;
  from: ComponentStatus;
  to: ComponentStatus;
}

/** Every product's status at `at` (ISO 8601 UTC), from the incidents started by then. */
function statusesAt(c: SiteContent, at: string): Map<string, ComponentStatus> {
  const t = Date.parse(at);
  return productStatuses({ products: c.products, maintenance: c.maintenance, incidents: c.incidents.filter((i) => Date.parse(i.started) <= t) }, at);
}

/** Every product's status changes from `since` to `c.now` (both ISO 8601), oldest first; one per product per instant. */
export function statusChanges(c: SiteContent, since: string): StatusChange[] {
  const from = Date.parse(since);
  const now = Date.parse(c.now);
  const instants = new Set<number>();
  for (const inc of c.incidents) {
    instants.add(Date.parse(inc.started));
    if (inc.resolved !== undefined) instants.add(Date.parse(inc.resolved));
    for (const u of inc.updates) if (u.affects !== undefined) instants.add(Date.parse(u.at));
  }
  for (const m of c.maintenance)
    if (m.cancelled === undefined) {
      instants.add(Date.parse(m.window.start));
      instants.add(Date.parse(m.window.end));
    }
  const times = [...instants].filter((t) => t > from && t <= now).sort((a, b) => a - b);
  const out: StatusChange[] = [];
  let before = statusesAt(c, new Date(from).toISOString());
  for (const t of times) {
    const at = new Date(t).toISOString();
    const after = statusesAt(c, at);
    for (const p of c.products) {
      const was = before.get(p.id)!;
      const is = after.get(p.id)!;
      if (was !== is) out.push({ product: p.id, at, from: was, to: is });
    }
    before = after;
  }
  return out;
}
