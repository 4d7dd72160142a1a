/**
 * The Statuspage v2 public API (`/api/v2/*.json`) built from content, so existing Statuspage
 * clients (widgets, chat bots, monitors) can read a Pharos site unchanged. Field names, key
 * order and vocabularies follow Statuspage's documents; values come from content only, so a
 * rebuild of the same content gives the same bytes. As on Statuspage, a maintenance window's
 * start and end add an update of their own ("The scheduled maintenance has begun.", status
 * in_progress; "... has been completed.", completed) unless a notice already said so: the
 * timeline of maintenance-timeline.ts, the one the pages and feeds show.
 *
 * Choices where Pharos and Statuspage differ:
 * - Ids are 12 lower-case base-36 characters hashed from the content ids (Statuspage's ids have
 *   the same form); they never change as long as file names and update order do not.
 * - Text is in the site's default language; update bodies are plain text from the Markdown.
 * - Statuspage has no cancelled maintenance: a cancelled window is left out of the upcoming and
 *   active lists and the summary, and listed in scheduled-maintenances.json as "completed", its
 *   last update (the notice that calls it off) marked completed and resolved_at the time it was
 *   called off, so a client that saw it upcoming learns that it is over.
 * - Incidents never get "postmortem": a resolved incident stays "resolved" (its report is on
 *   its page). Maintenance never gets "verifying".
 * - Pharos records no creation times for products: components carry the earliest time in the
 *   content as created_at, and the last time their status changed as updated_at.
 * - A product's component has one field Statuspage's has not: uptime_90_days.
 */
import { createHash } from 'node:crypto';
import type { SiteContent } from './content/load.ts';
import type { Incident, IncidentStatus } from '../schemas/incident.ts';
import type { Maintenance } from '../schemas/maintenance.ts';
import type { Localized } from '../schemas/common.ts';
import { localize } from './i18n.ts';
import { markdownToText } from './markdown.ts';
import { automaticNoticeText, maintenanceTimeline } from './maintenance-timeline.ts';
import { localeUrl, type RoutePath } from './routes.ts';
import { productDays, uptimeOf } from './uptime-bars.ts';
import {
  impactStretches,
  incidentImpact,
  indicatorOf,
  isOpen,
  maintenanceState,
  overallStatus,
  productStatuses,
  statusesAfter,
  statusesChangedBy,
  worse,
  type ComponentStatus,
  type Indicator,
} from './status.ts';

/** Statuspage's `page` object. */
export interface ApiPage {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  updated_at: string;
}

/** Statuspage's page-wide `status`. */
export interface ApiStatus {
  indicator: Indicator;
  description: StatusDescription;
}

/** The words Statuspage uses for the page-wide status (those it gives a page of one component). */
export type StatusDescription =
  'All Systems Operational' | 'Service Under Maintenance' | 'Partially Degraded Service' | 'Partial System Outage' | 'Major System Outage';

/** A component (a product) or a component group (a product group). */
export interface ApiComponent {
  id: string;
  name: string;
  status: ComponentStatus;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  /** Member component ids; groups only. */
  components?: string[];
  /**
   * Not in Statuspage's API: a product's uptime over the last 90 days as a percentage, cut (not
   * rounded) to 4 decimals, weighted by impact as the pages count it (uptime-bars.ts). Products only.
   */
  uptime_90_days?: number;
}

/** A component's change as listed on an update. */
export interface ApiAffectedComponent {
  code: string;
  name: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
}

/** Statuses of incidents and of scheduled maintenance. */
export type ApiIncidentStatus = IncidentStatus | 'postmortem';
/** Statuses of scheduled maintenance. */
export type ApiMaintenanceStatus = 'scheduled' | 'in_progress' | 'verifying' | 'completed';

/** One entry of `incident_updates`. */
export interface ApiIncidentUpdate {
  id: string;
  status: ApiIncidentStatus | ApiMaintenanceStatus;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: ApiAffectedComponent[] | null;
  deliver_notifications: boolean;
  custom_tweet: string | null;
  tweet_id: string | null;
}

/** An incident. */
export interface ApiIncident {
  id: string;
  name: string;
  status: ApiIncidentStatus;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  impact: Indicator;
  shortlink: string;
  started_at: string;
  page_id: string;
  incident_updates: ApiIncidentUpdate[];
  components: ApiComponent[];
}

/** A scheduled maintenance: an incident with a window and its own statuses. */
export interface ApiScheduledMaintenance extends Omit<ApiIncident, 'status' | 'impact'> {
  status: ApiMaintenanceStatus;
  impact: 'maintenance';
  scheduled_for: string;
  scheduled_until: string;
}

/** status.json. */
export interface StatusDoc {
  page: ApiPage;
  status: ApiStatus;
}
/** components.json. */
export interface ComponentsDoc {
  page: ApiPage;
  components: ApiComponent[];
}
/** incidents.json and incidents/unresolved.json. */
export interface IncidentsDoc {
  page: ApiPage;
  incidents: ApiIncident[];
}
/** scheduled-maintenances.json and its upcoming and active lists. */
export interface MaintenancesDoc {
  page: ApiPage;
  scheduled_maintenances: ApiScheduledMaintenance[];
}
/** summary.json. */
export interface SummaryDoc {
  page: ApiPage;
  components: ApiComponent[];
  incidents: ApiIncident[];
  scheduled_maintenances: ApiScheduledMaintenance[];
  status: ApiStatus;
}

/** Where the site is deployed: its public URL and base path, for page.url and shortlinks. */
export interface ApiLocation {
  /** Absolute site URL (Astro's `site`; site.yaml's url by default). */
  site: string | URL;
  /** Base path the site is served under (Astro's BASE_URL); default "/". */
  base?: string;
}

/** How many incidents and maintenance windows the full lists keep, as Statuspage does. */
export const LIST_LIMIT = 50;

/** A 12-character lower-case base-36 id hashed from `key`: the same key always gives the same id. */
export function stableId(key: string): string {
  const digest = createHash('sha256').update(key).digest();
  return (digest.readBigUInt64BE(0) % 36n ** 12n).toString(36).padStart(12, '0');
}

const DESCRIPTION: Record<ComponentStatus, StatusDescription> = {
  operational: 'All Systems Operational',
  under_maintenance: 'Service Under Maintenance',
  degraded_performance: 'Partially Degraded Service',
  partial_outage: 'Partial System Outage',
  major_outage: 'Major System Outage',
};

/**
 * Statuspage's words for the overall (worst) status. Statuspage blends several components (one
 * outage among nine reads "Partial System Outage", and its indicator follows the blend); Pharos
 * reports the worst, as its status page does, with the words and indicator Statuspage gives a
 * page whose one component has that status.
 */
export function statusDescription(overall: ComponentStatus): StatusDescription {
  return DESCRIPTION[overall];
}

/** Every document of the API, keyed by its path below /api/v2/. */
export function apiDocuments(c: SiteContent, at: ApiLocation): Record<ApiPath, unknown> {
  const b = new ApiBuilder(c, at);
  return {
    'summary.json': b.summary(),
    'status.json': b.status(),
    'components.json': b.components(),
    'incidents.json': b.incidents(),
    'incidents/unresolved.json': b.unresolvedIncidents(),
    'scheduled-maintenances.json': b.scheduledMaintenances(),
    'scheduled-maintenances/upcoming.json': b.upcomingMaintenances(),
    'scheduled-maintenances/active.json': b.activeMaintenances(),
  };
}

/** The paths of the API's documents below /api/v2/. */
export const API_PATHS = [
  'summary.json',
  'status.json',
  'components.json',
  'incidents.json',
  'incidents/unresolved.json',
  'scheduled-maintenances.json',
  'scheduled-maintenances/upcoming.json',
  'scheduled-maintenances/active.json',
] as const;
/** A document path below /api/v2/. */
export type ApiPath = (typeof API_PATHS)[number];

/** summary.json: page, components, unresolved incidents, upcoming and active maintenance, status. */
export function summaryDoc(c: SiteContent, at: ApiLocation): SummaryDoc {
  return new ApiBuilder(c, at).summary();
}
/** status.json: the page and its overall status. */
export function statusDoc(c: SiteContent, at: ApiLocation): StatusDoc {
  return new ApiBuilder(c, at).status();
}
/** components.json: every product (and product group) with its status now. */
export function componentsDoc(c: SiteContent, at: ApiLocation): ComponentsDoc {
  return new ApiBuilder(c, at).components();
}
/** incidents.json: the 50 most recent incidents. */
export function incidentsDoc(c: SiteContent, at: ApiLocation): IncidentsDoc {
  return new ApiBuilder(c, at).incidents();
}
/** incidents/unresolved.json: incidents still open now. */
export function unresolvedIncidentsDoc(c: SiteContent, at: ApiLocation): IncidentsDoc {
  return new ApiBuilder(c, at).unresolvedIncidents();
}
/** scheduled-maintenances.json: the 50 most recent maintenance windows. */
export function scheduledMaintenancesDoc(c: SiteContent, at: ApiLocation): MaintenancesDoc {
  return new ApiBuilder(c, at).scheduledMaintenances();
}
/** scheduled-maintenances/upcoming.json: windows not started yet (cancelled ones left out). */
export function upcomingMaintenancesDoc(c: SiteContent, at: ApiLocation): MaintenancesDoc {
  return new ApiBuilder(c, at).upcomingMaintenances();
}
/** scheduled-maintenances/active.json: windows in progress now. */
export function activeMaintenancesDoc(c: SiteContent, at: ApiLocation): MaintenancesDoc {
  return new ApiBuilder(c, at).activeMaintenances();
}

/** Builds the documents for one content and location; shares the derived pieces between them. */
class ApiBuilder {
  private readonly c: SiteContent;
  private readonly siteUrl: URL;
  private readonly base: string;
  private readonly pageId: string;
  private readonly statuses: Map<string, ComponentStatus>;
  private readonly componentList: ApiComponent[];
  private readonly byProduct: Map<string, ApiComponent>;
  private readonly firstInstant: string;
  private readonly pageObject: ApiPage;

  constructor(c: SiteContent, at: ApiLocation) {
    this.c = c;
    this.siteUrl = new URL(at.site);
    this.base = at.base ?? '/';
    this.pageId = stableId(`page:${this.siteUrl.href}`);
    this.statuses = productStatuses(c, c.now);
    const instants = [...contentInstants(c)].filter((t) => t <= c.now).sort();
    this.firstInstant = instants[0] ?? c.now;
    this.pageObject = { id: this.pageId, name: this.text(c.site.name), url: this.url('/'), time_zone: c.site.timeZone, updated_at: instants.at(-1) ?? c.now };
    this.componentList = this.buildComponents();
    this.byProduct = new Map(c.products.map((p) => [p.id, this.componentList.find((x) => x.id === stableId(`component:${p.id}`))!]));
  }

  private text(value: Localized): string {
    return localize(value, this.c.site.defaultLocale, this.c.site.defaultLocale).text;
  }

  private url(path: RoutePath): string {
    const d = this.c.site.defaultLocale;
    return new URL(localeUrl(path, d, d, this.base), this.siteUrl).href;
  }

  /** The page: its updated_at is the latest time anything in content happened, up to now. */
  page(): ApiPage {
    return this.pageObject;
  }

  status(): StatusDoc {
    return { page: this.page(), status: this.overall() };
  }

  private overall(): ApiStatus {
    const overall = overallStatus(this.statuses);
    return { indicator: indicatorOf(overall), description: statusDescription(overall) };
  }

  components(): ComponentsDoc {
    return { page: this.page(), components: this.componentList };
  }

  incidents(): IncidentsDoc {
    return { page: this.page(), incidents: this.c.incidents.slice(0, LIST_LIMIT).map((i) => this.incident(i)) };
  }

  unresolvedIncidents(): IncidentsDoc {
    return { page: this.page(), incidents: this.openIncidents() };
  }

  private openIncidents(): ApiIncident[] {
    return this.c.incidents.filter((i) => isOpen(i, this.c.now)).map((i) => this.incident(i));
  }

  scheduledMaintenances(): MaintenancesDoc {
    return { page: this.page(), scheduled_maintenances: this.c.maintenance.slice(0, LIST_LIMIT).map((m) => this.maintenance(m)) };
  }

  upcomingMaintenances(): MaintenancesDoc {
    return { page: this.page(), scheduled_maintenances: this.inState('scheduled') };
  }

  activeMaintenances(): MaintenancesDoc {
    return { page: this.page(), scheduled_maintenances: this.inState('in_progress') };
  }

  private inState(...states: ('scheduled' | 'in_progress')[]): ApiScheduledMaintenance[] {
    // Soonest first reads best for what is ahead; content keeps the latest start first.
    return this.c.maintenance
      .filter((m) => (states as string[]).includes(maintenanceState(m, this.c.now)))
      .map((m) => this.maintenance(m))
      .reverse();
  }

  summary(): SummaryDoc {
    return {
      page: this.page(),
      components: this.componentList,
      incidents: this.openIncidents(),
      scheduled_maintenances: this.inState('in_progress', 'scheduled'),
      status: this.overall(),
    };
  }

  /** Products in content order; a product group becomes a group component placed at its first product. */
  private buildComponents(): ApiComponent[] {
    const { c } = this;
    const changed = new Map<string, string>();
    const note = (product: string, t: string) => {
      if (t > c.now) return;
      const prev = changed.get(product);
      if (prev === undefined || t > prev) changed.set(product, t);
    };
    for (const inc of c.incidents) {
      for (const a of inc.affects) {
        note(a.product, inc.started);
        if (inc.resolved) note(a.product, inc.resolved);
      }
      // And each update that really changed its impact (one restating it changes nothing).
      for (const a of inc.affects) for (const stretch of impactStretches(inc, a.product).slice(1)) note(a.product, stretch.from);
    }
    for (const m of c.maintenance) {
      if (m.cancelled !== undefined) continue;
      for (const p of m.products) {
        note(p, m.window.start);
        note(p, m.window.end);
      }
    }

    const groups = new Map<string, { component: ApiComponent; members: ApiComponent[] }>();
    const out: ApiComponent[] = [];
    let top = 0;
    for (const p of c.products) {
      const groupName = p.group === undefined ? undefined : this.text(p.group);
      const component: ApiComponent = {
        id: stableId(`component:${p.id}`),
        name: p.name,
        status: this.statuses.get(p.id) ?? 'operational',
        created_at: this.firstInstant,
        updated_at: changed.get(p.id) ?? this.firstInstant,
        position: 0,
        description: p.description === undefined ? null : this.text(p.description),
        showcase: false,
        start_date: null,
        group_id: null,
        page_id: this.pageId,
        group: false,
        only_show_if_degraded: false,
        uptime_90_days: Math.floor(uptimeOf(productDays(c, p.id, c.site.timeZone)) * 1e6) / 1e4,
      };
      if (groupName === undefined) {
        component.position = ++top;
        out.push(component);
        continue;
      }
      let group = groups.get(groupName);
      if (!group) {
        group = {
          component: {
            id: stableId(`group:${groupName}`),
            name: groupName,
            status: 'operational',
            created_at: this.firstInstant,
            updated_at: this.firstInstant,
            position: ++top,
            description: null,
            showcase: false,
            start_date: null,
            group_id: null,
            page_id: this.pageId,
            group: true,
            only_show_if_degraded: false,
            components: [],
          },
          members: [],
        };
        groups.set(groupName, group);
        out.push(group.component);
      }
      component.group_id = group.component.id;
      component.position = group.members.length + 1;
      group.members.push(component);
      group.component.components!.push(component.id);
      group.component.status = worse(group.component.status, component.status);
      if (component.updated_at > group.component.updated_at) group.component.updated_at = component.updated_at;
    }
    // Members follow their group, in content order.
    return out.flatMap((x) => (x.group ? [x, ...groups.get(x.name)!.members] : [x]));
  }

  private affected(products: string[]): ApiComponent[] {
    return products.map((id) => this.byProduct.get(id)).filter((x): x is ApiComponent => x !== undefined);
  }

  private incident(inc: Incident): ApiIncident {
    const id = stableId(`incident:${inc.id}`);
    const last = inc.updates.at(-1)!;
    // Each update lists the products whose status it changed, as Statuspage does: the first raises
    // the impacts the incident began with, a later one changes some, the resolved one clears them all.
    const updates = inc.updates.map((u, i): ApiIncidentUpdate => {
      const changes =
        i === 0
          ? statusesAfter(inc, 0).flatMap((a) => (a.impact === 'operational' ? [] : [{ product: a.product, from: 'operational' as const, to: a.impact }]))
          : statusesChangedBy(inc, i);
      const affected =
        changes.length === 0
          ? null
          : changes.map((c): ApiAffectedComponent => ({
              code: stableId(`component:${c.product}`),
              name: this.byProduct.get(c.product)?.name ?? c.product,
              old_status: c.from,
              new_status: c.to,
            }));
      return {
        id: stableId(`incident-update:${inc.id}:${i}`),
        status: u.status,
        body: markdownToText(this.text(u.message)),
        incident_id: id,
        created_at: u.at,
        updated_at: u.at,
        display_at: u.at,
        affected_components: affected,
        deliver_notifications: true,
        custom_tweet: null,
        tweet_id: null,
      };
    });
    return {
      id,
      name: this.text(inc.title),
      status: last.status,
      created_at: inc.updates[0]!.at,
      updated_at: last.at,
      monitoring_at: inc.updates.find((u) => u.status === 'monitoring')?.at ?? null,
      resolved_at: inc.resolved !== undefined && inc.resolved <= this.c.now ? inc.resolved : null,
      impact: incidentImpact(inc),
      shortlink: this.url(`/incidents/${inc.id}/`),
      started_at: inc.started,
      page_id: this.pageId,
      // Statuspage lists updates newest first.
      incident_updates: updates.reverse(),
      components: this.affected(inc.affects.map((a) => a.product)),
    };
  }

  private maintenance(m: Maintenance): ApiScheduledMaintenance {
    const id = stableId(`maintenance:${m.id}`);
    const now = this.c.now;
    const state = maintenanceState(m, now);
    const def = this.c.site.defaultLocale;
    const updates = maintenanceTimeline(m, now).map((n): ApiIncidentUpdate => ({
      // An automatic notice is one per boundary: its id is the window's and the status it announces.
      id: stableId(n.automatic ? `maintenance-update:${m.id}:automatic-${n.status}` : `maintenance-update:${m.id}:${n.index}`),
      status: n.status,
      body: n.automatic ? automaticNoticeText(n, def).text : markdownToText(this.text(n.message)),
      incident_id: id,
      created_at: n.at,
      updated_at: n.at,
      display_at: n.at,
      affected_components: null,
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    }));
    const created = m.updates[0]?.at ?? m.cancelled ?? m.window.start;
    const changes = [...m.updates.map((u) => u.at), ...(m.cancelled !== undefined ? [m.cancelled] : [m.window.start, m.window.end])]
      .filter((t) => t <= now)
      .sort();
    const resolved = state === 'cancelled' ? m.cancelled! : state === 'completed' ? m.window.end : null;
    return {
      id,
      name: this.text(m.title),
      status: state === 'cancelled' ? 'completed' : state,
      created_at: created,
      updated_at: changes.at(-1) ?? created,
      monitoring_at: null,
      resolved_at: resolved,
      impact: 'maintenance',
      shortlink: this.url(`/maintenance/${m.id}/`),
      started_at: created,
      page_id: this.pageId,
      incident_updates: updates.reverse(),
      components: this.affected(m.products),
      scheduled_for: m.window.start,
      scheduled_until: m.window.end,
    };
  }
}

/** Every instant content records: incident starts, updates and resolutions; maintenance notices, windows, cancellations. */
function* contentInstants(c: SiteContent): Generator<string> {
  for (const inc of c.incidents) {
    yield inc.started;
    for (const u of inc.updates) yield u.at;
    if (inc.resolved) yield inc.resolved;
  }
  for (const m of c.maintenance) {
    for (const u of m.updates) yield u.at;
    if (m.cancelled !== undefined) yield m.cancelled;
    else yield* [m.window.start, m.window.end];
  }
}

/** A document as the static file a client fetches: pretty-printed JSON, application/json. */
export function apiResponse(doc: unknown): Response {
  return new Response(`${JSON.stringify(doc, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
