/** View models of the status page, product pages, the history and maintenance. */
import type { SiteContent } from '../content/load.ts';
import type { Maintenance } from '../../schemas/maintenance.ts';
import type { LocalizedText } from '../i18n.ts';
import { markdownToHtml } from '../markdown.ts';
import { byImpact, isOpen, maintenanceState, overallStatus, productStatuses, type ComponentStatus, type MaintenanceState } from '../status.ts';
import { productDays, uptimeOf, type DayImpact } from '../uptime-bars.ts';
import { memo, memoByObject } from '../memo.ts';
import { automaticNoticeText, maintenanceTimeline } from '../maintenance-timeline.ts';
import { dateTimeFormat, displayZone, formatDate } from '../time.ts';
import { summarise, type Ctx, type IncidentSummary, type Instant } from './incidents.ts';

/** A product with its current status, and its last 90 days. */
export interface ProductLine {
  id: string;
  name: string;
  href: string;
  status: ComponentStatus;
  statusText: string;
  /** The last 90 days, oldest first. */
  days: DayView[];
  /** The 90-day uptime as shown ("99.95 %"). */
  uptime: string;
  /** The 90 days in words: days without incidents and the uptime (the bars' text alternative). */
  summary: string;
  /** An invented sample counts in its 90-day uptime: the figure is marked. */
  sampleDays?: true;
  /** An invented sample gives it its status now (an open incident, a window under way): its page's status is marked. */
  sampleStatus?: true;
}

/** One day of the uptime bars. */
export interface DayView {
  date: string;
  label: string;
  status: ComponentStatus;
  /** The first incident of the day. */
  href?: string;
}

/** A maintenance window in a list or on its page. */
export interface MaintenanceSummary {
  id: string;
  href: string;
  title: LocalizedText;
  state: MaintenanceState;
  stateText: string;
  start: Instant;
  end: Instant;
  /** The words before the start and the end as of the build: "Starts"/"Ends" ahead, "Started"/"Ended" once passed, "Planned start"/"Planned end" for a cancelled window. */
  startLabel: string;
  endLabel: string;
  products: { id: string; name: string; href: string }[];
  /** The timeline, newest first (see maintenanceTimeline). */
  updates: MaintenanceEntry[];
  bodyHtml?: string;
  /** An invented sample window (`sample: true`): lists mark it. */
  sample?: true;
}

/**
 * One entry of a window's timeline on its page: a staff notice (rendered Markdown), or an automatic
 * one (plain words and the label that says no person wrote it). `pending` marks an automatic notice
 * still ahead at build time, which the page shows once the reader's clock reaches it, as it moves the
 * state badge on (scripts/maintenance-state.ts).
 */
export type MaintenanceEntry = { at: Instant; lang: string } & (
  { automatic?: undefined; html: string } | { automatic: string; text: string; pending: boolean }
);

/**
 * A product the verdict names, with what a reader asks next: since when, and when the next news
 * comes. `since` is the start of the earliest open incident that gives the product its status, and
 * `next` the soonest next update due among all its open incidents; a product under maintenance has
 * `until`, the end of the window under way (the latest, when several are). `next` and `until` are
 * moments with their words before and once past, as NextUpdate.astro shows them.
 */
export interface AffectedProduct extends ProductLine {
  since?: Instant;
  next?: NonNullable<IncidentSummary['nextUpdate']>;
  until?: NonNullable<IncidentSummary['nextUpdate']>;
  /** What gives the product its status (its open incidents; under maintenance, the windows under way) is all invented samples: the verdict marks it. */
  sample?: true;
}

/** The status page. */
export interface StatusView {
  overall: ComponentStatus;
  banner: string;
  /** Products not operational, the worst first, each with its status: the verdict names them. */
  affected: AffectedProduct[];
  /** Every affected product's status comes from invented samples: the verdict is marked once, as a whole. */
  sample?: true;
  groups: { name?: LocalizedText; products: ProductLine[] }[];
  open: IncidentSummary[];
  maintenanceNow: MaintenanceSummary[];
  maintenanceSoon: MaintenanceSummary[];
}

/** Summarises a maintenance window. */
export function summariseMaintenance(x: Ctx, m: Maintenance): MaintenanceSummary {
  const state = maintenanceState(m, x.c.now);
  const out: MaintenanceSummary = {
    id: m.id,
    href: x.url(`/maintenance/${m.id}/`),
    title: x.loc(m.title),
    state,
    stateText: x.t(`maintenanceState.${state}`),
    start: { iso: m.window.start },
    end: { iso: m.window.end },
    startLabel: x.t(state === 'cancelled' ? 'maintenance.plannedStart' : state === 'scheduled' ? 'maintenance.starts' : 'maintenance.started'),
    endLabel: x.t(state === 'cancelled' ? 'maintenance.plannedEnd' : state === 'completed' ? 'maintenance.ended' : 'maintenance.ends'),
    products: m.products.map((id) => ({ id, name: x.productName(id), href: x.url(`/products/${id}/`) })),
    updates: maintenanceEntries(x, m),
  };
  // Details sit right under the window's h1 on its page.
  if (m.body.trim()) out.bodyHtml = markdownToHtml(m.body, 2);
  if (m.sample) out.sample = true;
  return out;
}

/** A window's timeline for its page, newest first, with the automatic notices still ahead at build time (marked pending). */
function maintenanceEntries(x: Ctx, m: Maintenance): MaintenanceEntry[] {
  const now = Date.parse(x.c.now);
  // At its end the timeline holds every automatic notice the window will get: its notices are all in the past.
  const until = Date.parse(m.window.end) > now ? m.window.end : x.c.now;
  return maintenanceTimeline(m, until)
    .reverse()
    .map((n): MaintenanceEntry => {
      if (!n.automatic) {
        const msg = x.loc(n.message);
        return { at: { iso: n.at }, html: markdownToHtml(msg.text), lang: msg.lang };
      }
      const words = automaticNoticeText(n, x.locale);
      return { at: { iso: n.at }, lang: words.lang, text: words.text, automatic: x.t('maintenanceNotice.automatic'), pending: Date.parse(n.at) > now };
    });
}

/** Uptime with two decimals, cut rather than rounded, so a day with downtime never reads 100 %. */
function formatUptime(uptime: number, locale: string): string {
  return percentFormat(locale).format(Math.floor(uptime * 10000) / 10000);
}
const percentFormat = memo((locale: string) => new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/** A product's last 90 days for its bars, with the day's words and the first incident's page. */
function dayViews(x: Ctx, days: DayImpact[]): DayView[] {
  return days.map((d) => {
    const date = formatDate(d.date, x.locale);
    const label = d.incidents.length === 0 ? x.t('product.dayClear', { date }) : x.t('product.dayImpact', { date, status: x.t(`status.${d.worst}`) });
    return d.incidents[0] ? { date: d.date, label, status: d.worst, href: x.url(`/incidents/${d.incidents[0]}/`) } : { date: d.date, label, status: d.worst };
  });
}

/** A product's status now and its last 90 days, as every list and its page show them. */
function productLine(x: Ctx, id: string, status: ComponentStatus): ProductLine {
  const p = x.c.products.find((q) => q.id === id)!;
  // The bars in the days the page writes its times in; the uptime over the site's days, the same in every language and the API.
  const days = productDays(x.c, id, displayZone(x.c.site, x.locale));
  const counted = productDays(x.c, id, x.c.site.timeZone);
  const uptime = formatUptime(uptimeOf(counted), x.locale);
  return {
    id,
    name: p.name,
    href: x.url(`/products/${id}/`),
    status,
    statusText: x.t(`status.${status}`),
    days: dayViews(x, days),
    uptime,
    summary: x.t('product.last90Summary', { clear: days.filter((d) => d.incidents.length === 0).length, total: days.length, uptime }),
    ...(sampleInDays(x.c, counted) ? { sampleDays: true as const } : {}),
    ...(status !== 'operational' && sampleGivesStatus(x.c, id) ? { sampleStatus: true as const } : {}),
  };
}

/** The ids of the invented sample incidents. */
const sampleIncidents = memoByObject((c: SiteContent) => new Set(c.incidents.flatMap((i) => (i.sample ? [i.id] : []))));

/** Whether an invented sample incident counts in these 90 days. */
function sampleInDays(c: SiteContent, days: DayImpact[]): boolean {
  const samples = sampleIncidents(c);
  return samples.size > 0 && days.some((d) => d.incidents.some((id) => samples.has(id)));
}

/** Whether an invented sample (an open incident, a window under way) bears on a product's status now. */
function sampleGivesStatus(c: SiteContent, id: string): boolean {
  return (
    c.incidents.some((i) => i.sample && isOpen(i, c.now) && i.affects.some((a) => a.product === id)) ||
    c.maintenance.some((m) => m.sample && m.products.includes(id) && maintenanceState(m, c.now) === 'in_progress')
  );
}

/** Products with their status, in content order, grouped by their `group`. */
export function productLines(x: Ctx): { statuses: Map<string, ComponentStatus>; groups: StatusView['groups'] } {
  const statuses = productStatuses(x.c, x.c.now);
  const groups: StatusView['groups'] = [];
  for (const p of x.c.products) {
    const name = p.group ? x.loc(p.group) : undefined;
    let group = groups.find((g) => g.name?.text === name?.text);
    if (!group) {
      group = name ? { name, products: [] } : { products: [] };
      groups.push(group);
    }
    group.products.push(productLine(x, p.id, statuses.get(p.id) ?? 'operational'));
  }
  return { statuses, groups };
}

/** Order of open incidents in every list: by impact, the worst first, then by start, the latest first. */
function openFirst(a: IncidentSummary, b: IncidentSummary): number {
  return byImpact(a.impact, b.impact) || Date.parse(b.started.iso) - Date.parse(a.started.iso);
}

/** An affected product's since, next update or until (see AffectedProduct), from the open incidents and the windows under way. */
function affectedProduct(x: Ctx, p: ProductLine, open: IncidentSummary[], windowsNow: MaintenanceSummary[]): AffectedProduct {
  const out: AffectedProduct = { ...p };
  // The open incidents that still affect it; since when it has had its status (an update may have changed it).
  const mine = open.filter((i) => i.affects.some((a) => a.id === p.id && a.impact !== 'operational'));
  const starts = mine.flatMap((i) => i.affects.filter((a) => a.id === p.id && a.impact === p.status).map((a) => a.since.iso));
  if (starts.length > 0) out.since = { iso: starts.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a)) };
  const next = mine.flatMap((i) => (i.nextUpdate ? [i.nextUpdate] : [])).sort((a, b) => Date.parse(a.at.iso) - Date.parse(b.at.iso))[0];
  // In the verdict's shorter words; one overdue at build time says when it was due, in the warning colour.
  if (next)
    out.next = next.overdue
      ? { text: x.t('home.affectedNextPassed'), overdue: true, at: next.at }
      : { text: x.t('home.affectedNext'), overdue: false, at: next.at, passedText: x.t('home.affectedNextPassed') };
  const windows = windowsNow.filter((m) => m.products.some((q) => q.id === p.id));
  if (p.status === 'under_maintenance') {
    const ends = windows.map((m) => m.end.iso);
    if (ends.length > 0)
      out.until = {
        text: x.t('home.affectedUntil'),
        overdue: false,
        at: { iso: ends.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a)) },
        passedText: x.t('home.affectedUntilPassed'),
      };
  }
  // What decides the status: the open incidents, or under maintenance alone the windows under way.
  const deciding = p.status === 'under_maintenance' ? windows : mine;
  if (deciding.length > 0 && deciding.every((n) => n.sample)) out.sample = true;
  return out;
}

/** Builds the status page: open incidents by impact (the worst first), then by start (the latest first). */
export function statusView(x: Ctx): StatusView {
  const { statuses, groups } = productLines(x);
  const overall = overallStatus(statuses);
  const weekAhead = new Date(Date.parse(x.c.now) + 7 * 86400000).toISOString();
  const windows = x.c.maintenance.map((m) => summariseMaintenance(x, m));
  const open = x.c.incidents
    .filter((i) => isOpen(i, x.c.now))
    .map((i) => summarise(x, i))
    .sort(openFirst);
  const maintenanceNow = windows.filter((m) => m.state === 'in_progress');
  const affected = groups
    .flatMap((g) => g.products)
    .filter((p) => p.status !== 'operational')
    .sort((a, b) => byImpact(a.status, b.status))
    .map((p) => affectedProduct(x, p, open, maintenanceNow));
  return {
    overall,
    banner: x.t(`banner.${overall}`),
    affected,
    ...(affected.length > 0 && affected.every((p) => p.sample) ? { sample: true as const } : {}),
    groups,
    open,
    maintenanceNow,
    maintenanceSoon: windows.filter((m) => m.state === 'scheduled' && m.start.iso <= weekAhead).reverse(),
  };
}

/** A product page. */
export interface ProductView {
  line: ProductLine;
  description?: LocalizedText;
  /** Its incidents, open ones first, then the ten latest resolved ones. */
  incidents: IncidentSummary[];
  /** How many of `incidents` are open (they come first and show their latest update). */
  open: number;
  maintenance: MaintenanceSummary[];
  /** Where customers open a case for it, when content names one. */
  caseForm?: string;
}

/** Builds a product page: status, open and recent incidents, 90 days with the uptime, maintenance. */
export function productView(x: Ctx, id: string): ProductView {
  const p = x.c.products.find((q) => q.id === id)!;
  const line = productLine(x, id, productStatuses(x.c, x.c.now).get(id) ?? 'operational');
  const mine = x.c.incidents.filter((i) => i.affects.some((a) => a.product === id));
  const open = mine.filter((i) => isOpen(i, x.c.now));
  const view: ProductView = {
    line,
    incidents: [
      ...open.map((i) => summarise(x, i)).sort(openFirst),
      ...mine
        .filter((i) => !isOpen(i, x.c.now))
        .slice(0, 10)
        .map((i) => summarise(x, i)),
    ],
    open: open.length,
    maintenance: x.c.maintenance
      .filter((m) => m.products.includes(id) && maintenanceState(m, x.c.now) !== 'completed' && maintenanceState(m, x.c.now) !== 'cancelled')
      .map((m) => summariseMaintenance(x, m)),
  };
  if (p.description) view.description = x.loc(p.description);
  if (p.caseForm) view.caseForm = p.caseForm;
  return view;
}

/** Incidents per history page. */
export const HISTORY_PAGE_SIZE = 25;

/**
 * A filter of the incident history: one product, one severity, or both; {} is the whole history.
 * Every filter has its own pages (/incidents/product/<id>/severity/<id>/...), so filtering works
 * with plain links, over the whole history, with or without JavaScript.
 */
export interface HistoryFilter {
  product?: string | undefined;
  severity?: string | undefined;
}

/** One page of the incident history, grouped by month. */
export interface HistoryPage {
  n: number;
  total: number;
  /** How many incidents the filter keeps, on all its pages. */
  count: number;
  months: { month: string; label: string; incidents: IncidentSummary[] }[];
  /** Page links to show (a window around this page, plus the first and last). */
  pages: { n: number; href: string }[];
  prev: string | undefined;
  next: string | undefined;
  /** The filter links: each product and each severity (keeping the other choice), and "all" of each. */
  filters: Record<'products' | 'severities', { label: string; href: string; current: boolean }[]>;
  /** Names of the chosen product and severity, for the title. */
  chosen: string[];
}

/** Every filter that has pages: none, each product, each severity, and each product with each severity. */
export function historyFilters(c: SiteContent): HistoryFilter[] {
  const products = c.products.map((p) => p.id);
  const severities = c.severities.map((s) => s.id);
  return [
    {},
    ...products.map((product) => ({ product })),
    ...severities.map((severity) => ({ severity })),
    ...products.flatMap((product) => severities.map((severity) => ({ product, severity }))),
  ];
}

/** The incidents a filter keeps, in content order (newest first). */
function filtered(c: SiteContent, f: HistoryFilter): readonly SiteContent['incidents'][number][] {
  return filteredBy(c, f.product ?? '', f.severity ?? '');
}

/** filtered, kept per content and filter: every page of every filter in every language asks, and at 10,000 incidents asking anew made the build quadratic. */
const filteredBy = memoByObject((c: SiteContent, product: string, severity: string) =>
  !product && !severity
    ? c.incidents
    : c.incidents.filter((i) => (!product || i.affects.some((a) => a.product === product)) && (!severity || i.severity === severity)),
);

/** Number of pages of a filter's history (at least one). */
export function historyPageCount(c: SiteContent, f: HistoryFilter = {}): number {
  return Math.max(1, Math.ceil(filtered(c, f).length / HISTORY_PAGE_SIZE));
}

/** The URL path of page n of a filter's history (page 1 of the whole history is /incidents/). */
export function historyPath(n: number, f: HistoryFilter = {}): `/${string}` {
  return `/incidents/${f.product ? `product/${f.product}/` : ''}${f.severity ? `severity/${f.severity}/` : ''}${n === 1 ? '' : `page/${n}/`}`;
}

/** Builds page n (1-based) of a filter's history. */
export function historyPage(x: Ctx, n: number, f: HistoryFilter = {}): HistoryPage {
  const kept = filtered(x.c, f);
  const total = historyPageCount(x.c, f);
  const slice = kept.slice((n - 1) * HISTORY_PAGE_SIZE, n * HISTORY_PAGE_SIZE).map((i) => summarise(x, i));
  const months: HistoryPage['months'] = [];
  for (const s of slice) {
    let m = months[months.length - 1];
    if (!m || m.month !== s.month) {
      const label = dateTimeFormat(x.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${s.month}-15T00:00:00Z`));
      m = { month: s.month, label, incidents: [] };
      months.push(m);
    }
    m.incidents.push(s);
  }
  // A bounded pager: the first and last pages and two either side of this one, gaps elided.
  const shown = [...new Set([1, total, ...[-2, -1, 0, 1, 2].map((d) => n + d)])].filter((p) => p >= 1 && p <= total).sort((a, b) => a - b);
  const link = (label: string, to: HistoryFilter) => ({
    label,
    href: x.url(historyPath(1, to)),
    current: to.product === f.product && to.severity === f.severity,
  });
  const severityName = (id: string) => x.loc(x.c.severities.find((s) => s.id === id)!.name).text;
  return {
    n,
    total,
    count: kept.length,
    months,
    pages: shown.map((p) => ({ n: p, href: x.url(historyPath(p, f)) })),
    prev: n > 1 ? x.url(historyPath(n - 1, f)) : undefined,
    next: n < total ? x.url(historyPath(n + 1, f)) : undefined,
    filters: {
      products: [link(x.t('history.allProducts'), { severity: f.severity }), ...x.c.products.map((p) => link(p.name, { product: p.id, severity: f.severity }))],
      severities: [
        link(x.t('history.allSeverities'), { product: f.product }),
        ...x.c.severities.map((s) => link(severityName(s.id), { product: f.product, severity: s.id })),
      ],
    },
    chosen: [...(f.product ? [x.productName(f.product)] : []), ...(f.severity ? [severityName(f.severity)] : [])],
  };
}
