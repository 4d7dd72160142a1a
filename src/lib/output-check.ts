/**
 * The build's self-check: before a new site replaces the live one, every file the content calls
 * for must exist and every feed, calendar and API document must parse. A page that a route
 * silently skipped, or a feed cut short, stops the build instead of reaching customers.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SaxesParser } from 'saxes';
import ICAL from 'ical.js';
import type { SiteContent } from './content/load.ts';
import { API_PATHS } from './api.ts';
import { calendarProducts } from './calendars.ts';
import { pagePaths } from './sitemap.ts';

/** Feeds every language has. */
const LOCALE_FEEDS = ['rss.xml', 'updates.xml', 'maintenance/rss.xml', 'releases/rss.xml'];
/** The Statuspage v2 documents. */
const API_FILES = API_PATHS.map((f) => `api/v2/${f}`);

/** Every file a build of `content` must write, relative to the output folder, with "/" separators. */
export function expectedFiles(c: SiteContent, publicDir?: string): string[] {
  // build.json: the build's resolved "now", which `pharos notify --built` reads (src/pages/build.json.ts).
  const files = ['404.html', 'sitemap.xml', 'robots.txt', 'build.json', ...API_FILES, 'calendars/maintenance.ics', 'calendars/releases.ics'];
  for (const p of calendarProducts(c)) files.push(`calendars/releases/${p.id}.ics`);
  // Badges, shields.io documents and the embeddable widget (src/lib/badges.ts).
  files.push(
    'badge.svg',
    'shields.json',
    'embed/pharos-status.js',
    ...c.products.flatMap((p) => [`products/${p.id}/badge.svg`, `products/${p.id}/shields.json`]),
  );
  const pages = pagePaths(c);
  for (const { code } of c.site.locales) {
    const root = code === c.site.defaultLocale ? '' : `${code}/`;
    files.push(...pages.map((path) => `${root}${path.slice(1)}index.html`), ...LOCALE_FEEDS.map((f) => root + f));
    for (const p of c.products) files.push(`${root}products/${p.id}/rss.xml`, `${root}products/${p.id}/updates.xml`, `${root}products/${p.id}/releases.xml`);
  }
  // What public/ holds is copied as it is.
  if (publicDir && existsSync(publicDir)) files.push(...listFiles(publicDir));
  return files;
}

/** Every file below `dir`, relative, with "/" separators. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Why a written file does not parse, by its kind; undefined when it does (or is of no kind we parse). */
export function fileProblem(path: string, text: string): string | undefined {
  if (path.endsWith('.json')) {
    try {
      JSON.parse(text);
      return undefined;
    } catch (e) {
      return `is not valid JSON (${(e as Error).message})`;
    }
  }
  if (path.endsWith('.xml') || path.endsWith('.svg')) {
    // A strict XML 1.0 parser: one root, defined entities only, closed tags, no duplicate attributes.
    const parser = new SaxesParser();
    let problem: string | undefined;
    parser.on('error', (e) => {
      problem ??= `is not well-formed XML (${e.message})`;
    });
    parser.write(text).close();
    return problem;
  }
  if (path.endsWith('.ics')) {
    try {
      const component = new ICAL.Component(ICAL.parse(text));
      if (component.name !== 'vcalendar') return `is not an iCalendar VCALENDAR (found ${component.name})`;
      // ical.js forgives an END that closes the wrong component; a calendar must end as it began.
      // RFC 5545 ends every content line, the last one included, with CRLF.
      return text.endsWith('END:VCALENDAR\r\n') ? undefined : 'is not valid iCalendar (it does not end with END:VCALENDAR and CRLF)';
    } catch (e) {
      return `is not valid iCalendar (${(e as Error).message})`;
    }
  }
  // Astro may place a page's own module script after </html>: the closing tag need not be last.
  if (path.endsWith('.html') && !/<\/html>/i.test(text)) return 'is cut short (no closing </html>)';
  return undefined;
}

/**
 * What is wrong with a finished build in `outDir`: files the content calls for that are missing
 * or empty, and feeds, calendars, API documents and pages that do not parse. Empty when all is well.
 */
export function outputProblems(outDir: string, c: SiteContent, publicDir?: string): string[] {
  const problems: string[] = [];
  for (const file of expectedFiles(c, publicDir)) {
    const path = join(outDir, file);
    if (!existsSync(path)) problems.push(`${file} is missing`);
    else if (statSync(path).size === 0) problems.push(`${file} is empty`);
  }
  for (const file of listFiles(outDir)) {
    if (!/\.(json|xml|svg|ics|html)$/.test(file)) continue;
    const problem = fileProblem(file, readFileSync(join(outDir, file), 'utf8'));
    if (problem) problems.push(`${file} ${problem}`);
  }
  return problems;
}
