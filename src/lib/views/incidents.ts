/** View models for incidents: the summary used in lists, and the full incident page. */
import { dateTimeFormat, displayZone } from '../time.ts';
import type { SiteContent } from '../content/load.ts';
import type { Incident, IncidentStatus } from '../../schemas/incident.ts';
import { localize, translator, type LocalizedText, type UiKey } from '../i18n.ts';
import { localeUrl } from '../routes.ts';
import { markdownToHtml, markdownToText } from '../markdown.ts';
import { updateAnchor } from '../update-feeds.ts';
import { impactStretches, shownImpacts, statusesChangedBy, worstOf, type ComponentStatus } from '../status.ts';
import { incidentClock, nextUpdateBy, type ClockEntry, type Outcome, type SlaClock } from '../sla.ts';
import { TARGET_KEYS, describeTarget } from '../targets.ts';
import { formatDuration } from '../durations.ts';

/** An instant to render in a <time> element. */
export interface Instant {
  iso: string;
}

/** One incident in a list (status page, product page, history). */
export interface IncidentSummary {
  id: string;
  href: string;
  title: LocalizedText;
  /** The workflow step (investigating ... resolved): shown as a word, never as a status colour. */
  status: IncidentStatus;
  statusText: string;
  /** The worst impact on any affected product, on the status scale. */
  impact: ComponentStatus;
  impactText: string;
  severity: { id: string; name: LocalizedText; rank: number };
  /** Each product with its impact (see shownImpacts) and since when it has had it. */
  affects: { id: string; name: string; href: string; impact: ComponentStatus; impactText: string; since: Instant }[];
  started: Instant;
  resolved?: Instant;
  /** A resolved incident's duration in words: "Resolved in 2 h 10 min". */
  resolvedIn?: string;
  /**
   * The latest update; `html` renders its message when first read (history lists do not show it).
   * `excerpt` is its opening words as plain text when the message is longer than a card should
   * show (EXCERPT_AFTER characters), so a list page stays small whatever staff post.
   */
  latest: { at: Instant; statusText: string; readonly html: string; readonly excerpt: string | undefined; lang: string };
  /**
   * When the next update is due, for every open incident (see nextUpdateBy); `passedText` is what
   * the line says once that time has passed by the reader's clock, while not overdue at build time.
   */
  nextUpdate?: { text: string; overdue: boolean; at: Instant; passedText?: string };
  month: string;
  /** An invented sample incident (`sample: true`): lists mark it. */
  sample?: true;
}

/** Shared helpers for one locale. */
export function context(c: SiteContent, locale: string, base: string) {
  const def = c.site.defaultLocale;
  return {
    c,
    locale,
    t: translator(locale),
    loc: (v: Parameters<typeof localize>[0]) => localize(v, locale, def),
    url: (path: `/${string}`) => localeUrl(path, locale, def, base),
    productName: (id: string) => c.products.find((p) => p.id === id)?.name ?? id,
  };
}
/** The helpers' type. */
export type Ctx = ReturnType<typeof context>;

function monthOf(iso: string, zone: string): string {
  return dateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: zone }).format(new Date(iso)).slice(0, 7);
}

const summaries = new WeakMap<Incident, Map<string, IncidentSummary>>();
const clocks = new WeakMap<Incident, SlaClock>();

/** An incident's SLA clock (sla.ts's rule, as the CLI's): the same in every language, so computed once per incident. */
function clockOf(x: Ctx, inc: Incident): SlaClock {
  let clock = clocks.get(inc);
  // The loader accepts only incidents whose severity exists, so there is always a clock.
  if (!clock) clocks.set(inc, (clock = incidentClock(x.c, inc)!));
  return clock;
}

/** Summarises an incident for lists (once per incident and locale: lists and the incident page share it). */
export function summarise(x: Ctx, inc: Incident): IncidentSummary {
  let byLocale = summaries.get(inc);
  if (!byLocale) summaries.set(inc, (byLocale = new Map()));
  const key = `${x.locale}|${x.url('/')}`;
  let s = byLocale.get(key);
  if (!s) byLocale.set(key, (s = summariseNow(x, inc)));
  return s;
}

/** When the product's impact at `now` began: the incident's start, or the update that last changed it. */
function sinceOf(inc: Incident, product: string, now: string): string {
  const t = Date.parse(now);
  return impactStretches(inc, product).reduce((since, s) => (Date.parse(s.from) <= t ? s.from : since), inc.started);
}

function summariseNow(x: Ctx, inc: Incident): IncidentSummary {
  const sev = x.c.severities.find((s) => s.id === inc.severity)!;
  const last = inc.updates[inc.updates.length - 1]!;
  const message = x.loc(last.message);
  // Each product as the updates posted by now leave it; a resolved incident, how it hit each at worst.
  const impacts = shownImpacts(inc, x.c.now);
  const summary: IncidentSummary = {
    id: inc.id,
    href: x.url(`/incidents/${inc.id}/`),
    title: x.loc(inc.title),
    status: last.status,
    statusText: x.t(`incidentStatus.${last.status}`),
    impact: worstOf(impacts),
    impactText: x.t(`status.${worstOf(impacts)}`),
    severity: { id: sev.id, name: x.loc(sev.name), rank: sev.rank },
    affects: impacts.map((a) => ({
      id: a.product,
      name: x.productName(a.product),
      href: x.url(`/products/${a.product}/`),
      impact: a.impact,
      impactText: x.t(`status.${a.impact}`),
      since: { iso: sinceOf(inc, a.product, x.c.now) },
    })),
    started: { iso: inc.started },
    latest: {
      at: { iso: last.at },
      statusText: x.t(`incidentStatus.${last.status}`),
      get html() {
        return markdownToHtml(message.text);
      },
      get excerpt() {
        return excerptOf(message.text);
      },
      lang: message.lang,
    },
    month: monthOf(inc.started, displayZone(x.c.site, x.locale)),
  };
  if (inc.sample) summary.sample = true;
  if (inc.resolved) {
    summary.resolved = { iso: inc.resolved };
    summary.resolvedIn = x.t('history.resolvedIn', { duration: formatDuration(inc.started, inc.resolved, x.locale) });
  }
  const next = nextUpdateBy(x.c, inc, clockOf(x, inc));
  if (next)
    summary.nextUpdate = next.overdue
      ? { text: x.t('incident.nextUpdateOverdue'), overdue: true, at: { iso: next.due } }
      : { text: x.t('incident.nextUpdate'), overdue: false, at: { iso: next.due }, passedText: x.t('incident.nextUpdatePassed') };
  return summary;
}

/** One row of the SLA table. */
export interface ClockRow {
  key: string;
  label: string;
  target: string;
  due?: Instant;
  outcome: Outcome;
  outcomeText: string;
  note?: string;
}

/** The full incident page. */
export interface IncidentPage extends IncidentSummary {
  scopeText: string;
  duration: string;
  /** Newest first; `anchor` is the update's id on the page, which the updates feed links to. */
  timeline: {
    anchor: string;
    at: Instant;
    statusText: string;
    html: string;
    lang: string;
    /** The products whose impact this update changed, and their impact from then on. */
    changes: { id: string; name: string; href: string; impact: ComponentStatus; impactText: string }[];
  }[];
  clock: { intro: string; rows: ClockRow[] };
  reportHtml?: string;
  reportLang: string;
}

/** Builds the incident page's view model. */
export function incidentPage(x: Ctx, inc: Incident): IncidentPage {
  const summary = summarise(x, inc);
  const clock = clockOf(x, inc);
  const rows: ClockRow[] = [];
  for (const key of TARGET_KEYS) {
    const e: ClockEntry | undefined = clock[key];
    if (!e) continue;
    const row: ClockRow = {
      key,
      label: x.t(`sla.${key}` as UiKey),
      target: describeTarget(e.target, key, x.locale, x.c.site.defaultLocale),
      outcome: e.outcome,
      outcomeText: x.t(`outcome.${e.outcome}` as UiKey),
    };
    if (e.due) row.due = { iso: e.due };
    if (e.target.excludesCustomerWait) row.note = x.t('sla.excludesWait');
    rows.push(row);
  }
  const page: IncidentPage = {
    ...summary,
    scopeText: x.t(`scope.${inc.scope}`),
    duration: inc.resolved
      ? formatDuration(inc.started, inc.resolved, x.locale)
      : `${formatDuration(inc.started, x.c.now, x.locale)} (${x.t('incident.ongoing')})`,
    timeline: [...inc.updates].reverse().map((u, i) => {
      const m = x.loc(u.message);
      return {
        anchor: updateAnchor(inc.updates.length - 1 - i),
        at: { iso: u.at },
        statusText: x.t(`incidentStatus.${u.status}`),
        html: markdownToHtml(m.text),
        lang: m.lang,
        // What its `affects` changed, or what a reopening brought back; a resolution's own words say it ended them.
        changes: (u.status === 'resolved' ? [] : statusesChangedBy(inc, inc.updates.length - 1 - i)).map((c) => ({
          id: c.product,
          name: x.productName(c.product),
          href: x.url(`/products/${c.product}/`),
          impact: c.to,
          impactText: x.t(`status.${c.to}`),
        })),
      };
    }),
    clock: {
      intro: x.t(rows.some((r) => r.key === 'rootCauseReport') ? 'sla.introWithReport' : 'sla.intro', {
        severity: summary.severity.name.text,
        scope: x.t(`scope.${inc.scope}`).toLowerCase(),
      }),
      rows,
    },
    reportLang: x.c.site.defaultLocale,
  };
  if (inc.body.trim()) page.reportHtml = markdownToHtml(inc.body);
  return page;
}

/** A message longer than this (as text) is shown in lists by its opening words. */
export const EXCERPT_AFTER = 600;

/** The opening words of a long Markdown message as plain text ending in "…"; undefined for a short one. */
function excerptOf(markdown: string): string | undefined {
  // Line breaks and runs of spaces become one space; no-break spaces (French "40\u00a0%", "rééquilibre\u00a0;") stay.
  const text = markdownToText(markdown).replace(/[ \t\r\n]+/g, ' ');
  if (text.length <= EXCERPT_AFTER) return undefined;
  const cut = text.slice(0, EXCERPT_AFTER - 100);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_AFTER / 2))}…`;
}
