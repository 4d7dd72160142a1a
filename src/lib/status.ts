/** Current status of products and the whole site, from unresolved incidents and maintenance in progress. */
import type { SiteContent } from './content/load.ts';
import { memoByObject } from './memo.ts';
import type { Impact, Incident, UpdateImpact } from '../schemas/incident.ts';
import type { Maintenance } from '../schemas/maintenance.ts';

/** A product's status, in the Statuspage component vocabulary. */
export type ComponentStatus = 'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage' | 'under_maintenance';
/** Statuspage's page indicator and incident impact. */
export type Indicator = 'none' | 'minor' | 'major' | 'critical';
/** A maintenance window's state at a given time. */
export type MaintenanceState = 'scheduled' | 'in_progress' | 'completed' | 'cancelled';

const IMPACT_RANK: Record<ComponentStatus, number> = { operational: 0, under_maintenance: 1, degraded_performance: 2, partial_outage: 3, major_outage: 4 };

/** The status scale, mildest first: every list, badge, bar and legend shows these five and no others. */
export const STATUS_SCALE: readonly ComponentStatus[] = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'];

/**
 * Each status's shape, as an SVG path in a 10 by 10 box, so a mark never speaks by colour alone: a
 * circle (operational), two bars like a pause sign (under maintenance), a triangle pointing down
 * (degraded performance), a diamond (partial outage) and a square (major outage). Badges, legends
 * and the uptime bars all draw these paths; their colours are the --s-* variables in global.css.
 */
export const STATUS_SHAPE: Record<ComponentStatus, string> = {
  operational: 'M5 0a5 5 0 1 1 0 10A5 5 0 1 1 5 0z',
  under_maintenance: 'M1 0h3v10H1zM6 0h3v10H6z',
  degraded_performance: 'M0 1h10L5 10z',
  partial_outage: 'M5 0l5 5-5 5-5-5z',
  major_outage: 'M0 0h10v10H0z',
};

/** Order of statuses from the most severe: a major outage first, operational last. */
export function byImpact(a: ComponentStatus, b: ComponentStatus): number {
  return IMPACT_RANK[b] - IMPACT_RANK[a];
}
const INDICATOR_OF: Record<Impact, Indicator> = { degraded_performance: 'minor', partial_outage: 'major', major_outage: 'critical' };

/** The more severe of two statuses (an outage outranks maintenance, which outranks operational). */
export function worse(a: ComponentStatus, b: ComponentStatus): ComponentStatus {
  return IMPACT_RANK[b] > IMPACT_RANK[a] ? b : a;
}

/** Whether an incident is still open at `now` (no resolved time, or one still ahead). */
export function isOpen(incident: Incident, now: string): boolean {
  return incident.resolved === undefined || incident.resolved > now;
}

/** A maintenance window's state at `now`; a cancelled window stays cancelled. */
export function maintenanceState(m: Maintenance, now: string): MaintenanceState {
  return m.cancelled !== undefined ? 'cancelled' : windowState(m.window, now);
}

/** Where `at` falls in a window: before its start, inside it, or at or after its end. */
export function windowState(window: Maintenance['window'], at: string): Exclude<MaintenanceState, 'cancelled'> {
  // As instants, not strings: callers pass times written with other offsets or precision than content's.
  const t = Date.parse(at);
  if (t < Date.parse(window.start)) return 'scheduled';
  if (t < Date.parse(window.end)) return 'in_progress';
  return 'completed';
}

/** One product's impact in an incident. */
export interface ProductImpact {
  product: string;
  impact: UpdateImpact;
}

/**
 * Every product the incident affects, with its impact once the updates up to and including
 * `index` were posted (-1: as the incident began): `affects` at the top, changed by each update's
 * `affects` in turn. A resolution ends every impact, so an update that reopens the incident starts
 * again from `affects` at the top. The one rule the pages, feeds, API, uptime bars and
 * notifications read.
 */
export function impactsThrough(incident: Incident, index: number): ProductImpact[] {
  return index < 0 ? incident.affects.map((a) => ({ product: a.product, impact: a.impact })) : impactsAfterEach(incident)[index]!;
}

/** The impacts after each update, in one pass (an incident may have thousands of updates), once per incident. */
const impactsAfterEach = memoByObject((incident: Incident): ProductImpact[][] => {
  const begun = () => new Map<string, UpdateImpact>(incident.affects.map((a) => [a.product, a.impact]));
  let impacts = begun();
  let current = impactsThrough(incident, -1);
  return incident.updates.map((u, i) => {
    const reopens = i > 0 && incident.updates[i - 1]!.status === 'resolved';
    if (reopens) impacts = begun();
    if (u.affects !== undefined || reopens) {
      for (const a of u.affects ?? []) impacts.set(a.product, a.impact);
      current = [...impacts].map(([product, impact]) => ({ product, impact }));
    }
    return current;
  });
});

/** The updates' times in milliseconds, oldest first (the check keeps them in order), once per incident. */
const updateTimes = memoByObject((incident: Incident): number[] => incident.updates.map((u) => Date.parse(u.at)));

/** Every product's impact at `at`, from the updates posted by then (whether or not the incident is still open). */
export function impactsAt(incident: Incident, at: string): ProductImpact[] {
  const t = Date.parse(at);
  const times = updateTimes(incident);
  // The last update at or before `at`, by halving: notify asks at every instant a status may change.
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return impactsThrough(incident, lo - 1);
}

/** The worst of some products' impacts (operational when there is none). */
export function worstOf(impacts: readonly { impact: ComponentStatus }[]): ComponentStatus {
  return impacts.reduce<ComponentStatus>((acc, a) => worse(acc, a.impact), 'operational');
}

/** Every product's status once update `index` was posted (-1: as the incident began): its impact, or operational from a resolution. */
export function statusesAfter(incident: Incident, index: number): ProductImpact[] {
  const resolved = index >= 0 && incident.updates[index]!.status === 'resolved';
  return impactsThrough(incident, index).map((a) => (resolved ? { product: a.product, impact: 'operational' } : a));
}

/**
 * The products whose status update `index` changed, from their status before it (after the update
 * before, or as the incident began) to their status after it. A restated impact is no change; a
 * resolution changes every product still hit; an update that reopens brings the impacts back.
 */
export function statusesChangedBy(incident: Incident, index: number): { product: string; from: UpdateImpact; to: UpdateImpact }[] {
  const before = new Map(statusesAfter(incident, index - 1).map((a) => [a.product, a.impact]));
  return statusesAfter(incident, index).flatMap((a) => {
    const from = before.get(a.product)!;
    return from === a.impact ? [] : [{ product: a.product, from, to: a.impact }];
  });
}

/**
 * One product's impact over an incident, stretch by stretch, oldest first: each holds from `from`
 * until the next one's `from` (the last until the incident ends). The first is the one it began with.
 */
export function impactStretches(incident: Incident, product: string): { from: string; impact: UpdateImpact }[] {
  const first = incident.affects.find((a) => a.product === product);
  if (!first) return [];
  const out: { from: string; impact: UpdateImpact }[] = [{ from: incident.started, impact: first.impact }];
  incident.updates.forEach((u, i) => {
    const change = statusesChangedBy(incident, i).find((c) => c.product === product);
    if (change) out.push({ from: u.at, impact: change.to });
  });
  return out;
}

/** Each product's worst impact over the whole incident: how a resolved incident hit it. */
export function peakImpacts(incident: Incident): ProductImpact[] {
  const peak = new Map<string, UpdateImpact>(incident.affects.map((a) => [a.product, a.impact]));
  for (const u of incident.updates)
    for (const a of u.affects ?? []) if (peak.has(a.product)) peak.set(a.product, worse(peak.get(a.product)!, a.impact) as UpdateImpact);
  return [...peak].map(([product, impact]) => ({ product, impact }));
}

/** The impacts to show for an incident at `at`: while open, each product's impact then; once resolved, how it was hit at worst. */
export function shownImpacts(incident: Incident, at: string): ProductImpact[] {
  return isOpen(incident, at) ? impactsAt(incident, at) : peakImpacts(incident);
}

/** The impacts an update announces (feeds, notifications): each product as it left it; a resolution, how the incident hit each at worst. */
export function announcedImpacts(incident: Incident, index: number): ProductImpact[] {
  return incident.updates[index]?.status === 'resolved' ? peakImpacts(incident) : impactsThrough(incident, index);
}

/** The worst impact an incident gave any product at any time: Statuspage's incident impact. */
export function incidentImpact(incident: Incident): Indicator {
  return indicatorOf(worstOf(peakImpacts(incident)));
}

/** Status of every product at `now`: worst impact of its open incidents at `now`, else maintenance, else operational. */
export function productStatuses(c: Pick<SiteContent, 'products' | 'incidents' | 'maintenance'>, now: string): Map<string, ComponentStatus> {
  const out = new Map<string, ComponentStatus>(c.products.map((p) => [p.id, 'operational']));
  for (const m of c.maintenance) {
    if (maintenanceState(m, now) !== 'in_progress') continue;
    for (const id of m.products) out.set(id, worse(out.get(id) ?? 'operational', 'under_maintenance'));
  }
  for (const inc of c.incidents) {
    if (!isOpen(inc, now)) continue;
    for (const a of impactsAt(inc, now)) out.set(a.product, worse(out.get(a.product) ?? 'operational', a.impact));
  }
  return out;
}

/** The site-wide status: the worst product status. */
export function overallStatus(statuses: Map<string, ComponentStatus>): ComponentStatus {
  let acc: ComponentStatus = 'operational';
  for (const s of statuses.values()) acc = worse(acc, s);
  return acc;
}

/** Statuspage's page indicator for an overall status (maintenance alone raises none). */
export function indicatorOf(status: ComponentStatus): Indicator {
  return status === 'operational' || status === 'under_maintenance' ? 'none' : INDICATOR_OF[status];
}
