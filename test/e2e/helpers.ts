/**
 * End-to-end helpers: the default site built once for a given set of sources, served over HTTP on
 * 127.0.0.1 the way a static host serves it, and a headless Chromium that watches every page for
 * console errors, failed requests and CSP violations.
 */
import { join, sep } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type ConsoleMessage,
  type Page,
  type Request,
  type Response,
} from 'playwright-core';
import { CHROME_FLAGS, findBrowser } from '../helpers/browser.ts';
import { ROOT, listFiles, sharedBuild, loadOrThrow } from '../helpers/fixtures.ts';
import { serveStatic } from '../helpers/static-server.ts';
import type { SiteContent } from '../../src/lib/content/load.ts';

/** The default content folder the e2e tests build and read. */
export const CONTENT = join(ROOT, 'content');

/** The default content, loaded once (the tests derive their expectations from it, not from dist/). */
export function defaultContent(): SiteContent {
  return loadOrThrow(CONTENT);
}

/**
 * The default site's dist/, built once per run: sharedBuild keys the build on the sources, the
 * content and the environment, so the e2e files and the build tests all read the same one (vitest
 * runs each file in its own worker, where a module-level cache could not share it).
 */
export function builtSite(): string {
  const run = sharedBuild(CONTENT);
  if (run.status !== 0) throw new Error(`building the default site failed:\n${run.stdout}\n${run.stderr}`);
  return run.outDir;
}

/** The served default site and the browser the tests drive. */
export interface Site {
  dist: string;
  /** Origin with a trailing slash. */
  url: string;
  /** The worker's Chromium, shared with the other e2e files it runs: open contexts, never close it. */
  browser: Browser;
  close: () => Promise<void>;
}

let workerBrowser: Promise<Browser> | undefined;

/**
 * The test worker's Chromium, launched by the first file that asks and kept for the next files
 * the worker runs (a launch costs about a second of CPU; a worker runs many e2e files one after
 * another). Playwright closes it when the worker exits; one that crashed is launched again.
 */
function sharedBrowser(): Promise<Browser> {
  if (!workerBrowser) {
    workerBrowser = launchBrowser().then((browser) => {
      browser.on('disconnected', () => (workerBrowser = undefined));
      return browser;
    });
    workerBrowser.catch(() => (workerBrowser = undefined));
  }
  return workerBrowser;
}

/**
 * Builds (or reuses) the default site, serves it and gets the worker's Chromium; close() stops the
 * server and closes every browser context the file opened, so the next file starts with none.
 */
export async function startSite(): Promise<Site> {
  const dist = builtSite();
  const server = await serveStatic(dist);
  const browser = await sharedBrowser().catch(async (e: unknown) => {
    await server.close();
    throw e;
  });
  const before = new Set(browser.contexts());
  return {
    dist,
    url: server.url,
    browser,
    close: async () => {
      await Promise.all(
        browser
          .contexts()
          .filter((context) => !before.has(context))
          .map((context) => context.close()),
      );
      await server.close();
    },
  };
}

/**
 * Launches headless Chromium without any network chatter of its own (the machine may be offline):
 * $CHROME_PATH, else one on PATH, else the one the @sparticuz/chromium dev dependency carries
 * (test/helpers/browser.ts); with none, it throws with the three ways to get one.
 */
export async function launchBrowser(): Promise<Browser> {
  const found = await findBrowser();
  return chromium.launch({ executablePath: found.path, env: found.env, headless: true, args: [...CHROME_FLAGS] });
}

/** Every HTML page of a dist/ folder as a URL path ("/", "/sv/incidents/", "/404.html"), sorted. */
export function htmlPages(dist: string): string[] {
  return listFiles(dist)
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${f.split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

/** Everything a page did wrong while it loaded and ran; stop() detaches the listeners (pages are reused). */
export interface Watch {
  problems: string[];
  stop: () => void;
}

/**
 * Records console errors, uncaught exceptions, failed requests, responses >= 400 (except the
 * document's own status when `allowDocumentStatus` says so) and CSP violations reported by the page.
 */
export function watchPage(page: Page, options: { allowDocumentStatus?: number } = {}): Watch {
  const problems: string[] = [];
  const onConsole = (m: ConsoleMessage) => {
    if (m.type() !== 'error') return;
    const where = m.location().url;
    // The document's own status (the 404 page) is logged as a failed resource too; that one is expected.
    if (options.allowDocumentStatus !== undefined && where === page.url() && m.text().includes(`status of ${options.allowDocumentStatus}`)) return;
    problems.push(`console error: ${m.text()}${where ? ` (${where})` : ''}`);
  };
  const onPageError = (e: Error) => problems.push(`uncaught exception: ${e.message}`);
  const onFailed = (r: Request) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? 'unknown'})`);
  const onResponse = (r: Response) => {
    if (r.status() < 400) return;
    if (r.request().isNavigationRequest() && r.status() === options.allowDocumentStatus) return;
    problems.push(`HTTP ${r.status()}: ${r.url()}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('requestfailed', onFailed);
  page.on('response', onResponse);
  return {
    problems,
    stop: () => {
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
      page.off('requestfailed', onFailed);
      page.off('response', onResponse);
    },
  };
}

/**
 * A few pages of one context lent to concurrent tests one at a time: a new page costs a renderer
 * process (about a quarter of a second on two cores), a navigation in an open one far less.
 */
export class PagePool {
  private readonly free: Page[];
  private readonly waiting: ((page: Page) => void)[] = [];

  private constructor(pages: Page[]) {
    this.free = pages;
  }

  /** Opens `size` pages in the context. */
  static async create(context: BrowserContext, size: number): Promise<PagePool> {
    return new PagePool(await Promise.all(Array.from({ length: size }, () => context.newPage())));
  }

  /** Runs `fn` with a page of its own, then hands the page to the next test. */
  async use<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const page = this.free.pop() ?? (await new Promise<Page>((resolveWait) => this.waiting.push(resolveWait)));
    try {
      return await fn(page);
    } finally {
      const next = this.waiting.shift();
      if (next) next(page);
      else this.free.push(page);
    }
  }
}

/**
 * A page script that reports every CSP violation as a console error (so watchPage records it) and
 * keeps them in window.__csp; init scripts run before the page's own and are not subject to its CSP.
 */
export const CSP_LISTENER = `
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    const text = 'CSP violation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber;
    window.__csp.push(text);
    console.error(text);
  }, true);
`;

/** The CSP violations a page has reported so far. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

/** A browser context at the pinned now (Date.now() fixed, timers running) with the CSP listener installed. */
export async function pinnedContext(browser: Browser, now: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  if (options.javaScriptEnabled !== false) {
    await context.clock.setFixedTime(new Date(now));
    await context.addInitScript(CSP_LISTENER);
  }
  return context;
}

/**
 * One page per set of context options, kept for the visits of tests that run one at a time (a new
 * context per visit cost more than the visit): get() opens the page on first use; close() closes them.
 */
export function reusedPages(browser: Browser, now: string): { get: (options?: BrowserContextOptions) => Promise<Page>; close: () => Promise<void> } {
  const pages = new Map<string, Promise<Page>>();
  return {
    get: (options = {}) => {
      const key = JSON.stringify(options);
      if (!pages.has(key))
        pages.set(
          key,
          pinnedContext(browser, now, options).then((context) => context.newPage()),
        );
      return pages.get(key)!;
    },
    close: async () => {
      for (const page of pages.values()) await (await page).context().close();
    },
  };
}

/** A page path in a locale: "/incidents/" in "sv" is "/sv/incidents/"; the default language is at the root. */
export function inLocale(path: string, locale: string, defaultLocale = 'en'): string {
  return locale === defaultLocale ? path : `/${locale}${path}`;
}

/** One page template, with the representative path(s) the tests visit and the pattern all its pages match. */
export interface Template {
  name: string;
  /** Paths in the default language. */
  paths: string[];
  /** Matches the path (without the language prefix) of every page built from the template. */
  pattern: RegExp;
  /** Whether the page exists once per language (the 404 page speaks all languages at once). */
  perLocale: boolean;
}

/** Incident open at the pinned now (critical, partial outage), with times in +01:00 in its file. */
export const OPEN_INCIDENT = '2026-11-22-projectplace-file-uploads-failing';
/** Resolved incident with a post-incident report. */
export const REPORTED_INCIDENT = '2026-10-14-enterprise-one-eu-unavailable';
/** Maintenance window in progress at the pinned now. */
export const MAINTENANCE_NOW = '2026-11-22-changepoint-network-upgrade';
/** A cancelled maintenance window. */
export const MAINTENANCE_CANCELLED = '2026-12-06-leankit-database-migration';

/** Every page template of the site, with representative pages (an open and a reported incident, and so on). */
export const TEMPLATES: Template[] = [
  { name: 'status', paths: ['/'], pattern: /^\/$/, perLocale: true },
  {
    name: 'incident history',
    paths: ['/incidents/', '/incidents/product/projectplace/severity/critical/'],
    pattern: /^\/incidents\/(product\/[^/]+\/)?(severity\/[^/]+\/)?(page\/\d+\/)?$/,
    perLocale: true,
  },
  { name: 'incident', paths: [`/incidents/${OPEN_INCIDENT}/`, `/incidents/${REPORTED_INCIDENT}/`], pattern: /^\/incidents\/[^/]+\/$/, perLocale: true },
  { name: 'product', paths: ['/products/projectplace/', '/products/changepoint/'], pattern: /^\/products\/[^/]+\/$/, perLocale: true },
  { name: 'maintenance list', paths: ['/maintenance/'], pattern: /^\/maintenance\/$/, perLocale: true },
  {
    name: 'maintenance window',
    paths: [`/maintenance/${MAINTENANCE_NOW}/`, `/maintenance/${MAINTENANCE_CANCELLED}/`],
    pattern: /^\/maintenance\/[^/]+\/$/,
    perLocale: true,
  },
  { name: 'releases', paths: ['/releases/'], pattern: /^\/releases\/$/, perLocale: true },
  { name: 'support', paths: ['/support/'], pattern: /^\/support\/$/, perLocale: true },
  { name: 'severity', paths: ['/support/severity/'], pattern: /^\/support\/severity\/$/, perLocale: true },
  { name: 'case types', paths: ['/support/case-types/'], pattern: /^\/support\/case-types\/$/, perLocale: true },
  { name: 'hours', paths: ['/support/hours/'], pattern: /^\/support\/hours\/$/, perLocale: true },
  { name: 'policy history', paths: ['/support/policy-history/'], pattern: /^\/support\/policy-history\/$/, perLocale: true },
  { name: 'not found', paths: ['/404.html'], pattern: /^\/404\.html$/, perLocale: false },
];

/** The representative pages of every template in every locale: [template name, locale, URL path]. */
export function templatePages(locales: readonly string[], defaultLocale: string): [string, string, string][] {
  return TEMPLATES.flatMap((t) =>
    (t.perLocale ? locales : [defaultLocale]).flatMap((l) => t.paths.map((p): [string, string, string] => [t.name, l, inLocale(p, l, defaultLocale)])),
  );
}

// ---------------------------------------------------------------------------------------------
// Expectations computed with Intl alone (never with src/lib), so the pages are checked against
// the system's time-zone database rather than against the code that built them.

const partFormats = new Map<string, Intl.DateTimeFormat>();
/** Wall date ("2026-11-22"), minutes after local midnight and UTC offset in minutes of an instant in a zone, by Intl. */
export function wallParts(ms: number, zone: string): { date: string; minutes: number; offset: number } {
  let f = partFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    minutes: Number(p.hour) * 60 + Number(p.minute),
    offset: Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000),
  };
}

/** The instant (ms) at which `zone`'s clocks read `minutes` after midnight of local `date` (minutes may run past 1440). Not for DST gaps. */
export function wallToMs(date: string, minutes: number, zone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d, 0, minutes);
  let t = asUtc - wallParts(asUtc, zone).offset * 60_000;
  t = asUtc - wallParts(t, zone).offset * 60_000;
  return t;
}

/** A local date plus n days. */
export function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** An opening interval in ms, half-open. */
export type Span = [number, number];

/**
 * Staffed intervals of weekly rules, as the content describes them (a close at or before the
 * opening is the next day; a closure day cancels the shifts opening on it), for the local dates
 * from `fromDate` on, merged when they overlap or touch. Used only in weeks without a DST change.
 */
export function openingSpans(
  rules: readonly { days: readonly string[]; open: string; close: string }[],
  zone: string,
  closures: readonly { date: string; until?: string | undefined }[],
  fromDate: string,
  days: number,
): Span[] {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const spans: Span[] = [];
  for (let i = 0; i < days; i++) {
    const date = plusDays(fromDate, i);
    if (closures.some((c) => date >= c.date && date <= (c.until ?? c.date))) continue;
    const weekday = WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]!;
    for (const r of rules) {
      if (!r.days.includes(weekday)) continue;
      const open = minutes(r.open);
      const close = minutes(r.close) <= open ? minutes(r.close) + 1440 : minutes(r.close);
      spans.push([wallToMs(date, open, zone), wallToMs(date, close, zone)]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/** The short zone name Intl gives an instant in a language ("GMT+9", "EST", "UTC−5"). */
export function zoneName(ms: number, lang: string, zone: string): string {
  return (
    new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? ''
  );
}

/** An instant as a <time> shows it: long date, short time and the zone's short name (src/scripts/local-time.ts, src/lib/time.ts). */
export function timeText(iso: string, lang: string, zone: string): string {
  const ms = Date.parse(iso);
  return `${new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(ms)} ${zoneName(ms, lang, zone)}`;
}

/** How a short time writes its hour: "05:40" where the language's clock runs to 23, "5:40 AM" where it runs to 12. */
function shortHour(lang: string): 'numeric' | '2-digit' {
  return /1/.test(new Intl.DateTimeFormat(lang, { timeStyle: 'short' }).resolvedOptions().hourCycle!) ? 'numeric' : '2-digit';
}

/** The short form of timeText, where several instants share a small space ("Nov 21, 10:40 PM CST", "22 nov. 05:40 CET"). */
export function shortTimeText(iso: string, lang: string, zone: string): string {
  const ms = Date.parse(iso);
  return `${new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', hour: shortHour(lang), minute: '2-digit', timeZone: zone }).format(ms)} ${zoneName(ms, lang, zone)}`;
}

/** A short instant (`data-local="short"`, the status page's verdict) as local-time.ts shows it: the day and time in the reader's zone, no zone name. */
export function readerShortTimeText(iso: string, pageLang: string, zone: string, browserLocale: string): string {
  const lang = pageLang === 'en' && /^en(-|$)/i.test(browserLocale) ? browserLocale : pageLang;
  return new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', hour: shortHour(lang), minute: '2-digit', timeZone: zone }).format(Date.parse(iso));
}

/**
 * An instant as src/scripts/local-time.ts shows it to a reader whose browser speaks
 * `browserLocale`: an English page in the browser's English, Swedish and French pages in theirs;
 * within a day of `now` the relative time first, then the day and time ("5 hr. ago · Nov 22, 1:40 PM GMT+9"),
 * otherwise as timeText.
 */
export function readerTimeText(iso: string, pageLang: string, zone: string, now: string, browserLocale: string): string {
  const lang = pageLang === 'en' && /^en(-|$)/i.test(browserLocale) ? browserLocale : pageLang;
  const ms = Date.parse(iso);
  const diff = ms - Date.parse(now);
  if (Math.abs(diff) >= 86_400_000) return timeText(iso, lang, zone);
  // Rounded to the nearest minute, then to the nearest hour from 60 minutes on.
  const minutes = Math.sign(diff) * Math.round(Math.abs(diff) / 60_000);
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' });
  const ago = Math.abs(minutes) < 60 ? relative.format(minutes, 'minute') : relative.format(Math.sign(minutes) * Math.round(Math.abs(minutes) / 60), 'hour');
  const day = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', hour: shortHour(lang), minute: '2-digit', timeZone: zone }).format(ms);
  return `${ago} · ${day} ${zoneName(ms, lang, zone)}`;
}
