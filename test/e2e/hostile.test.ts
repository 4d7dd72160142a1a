/**
 * Hostile content (test/fixtures/hostile/make.ts: script tags, event handlers, javascript: and data:
 * URLs, SVG and MathML with script, comment and CDATA breakouts, quotes and "</" in titles, bidi
 * overrides, iCalendar line injection, the longest update message and report the limits allow, and an incident with 2,000 updates)
 * builds into pages, feeds, calendars and JSON that are all well-formed, and in which nothing runs:
 * checked in the files, and in Chromium, which loads every page and every feed and reports any
 * dialog, console error, failed request or CSP violation (the 2,000-update page in the default
 * language only).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import Parser from 'rss-parser';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { API_PATHS } from '../../src/lib/api.ts';
import { buildSite, listFiles, type Run } from '../helpers/fixtures.ts';
import { htmlProblems } from '../helpers/html-validate.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { statuspageValidator } from '../helpers/statuspage-schema.ts';
import {
  HOSTILE_INCIDENT,
  HOSTILE_MAINTENANCE,
  HOSTILE_TITLE_SHOWN,
  MANY_UPDATES,
  MANY_UPDATES_INCIDENT,
  LONGEST_INCIDENT,
  LONGEST_MESSAGE,
  LONGEST_REPORT,
  makeHostileSite,
} from '../fixtures/hostile/make.ts';
import { PagePool, htmlPages, launchBrowser, pinnedContext, watchPage } from './helpers.ts';

const NOW = '2026-11-22T10:00:00Z';
/**
 * The hostile title in plain-text fields (feed titles, calendar summaries), which many readers
 * render as HTML: every word kept, tag-shaped text between angle quotation marks, bidi controls left out.
 */
const FEED_TITLE = 'Widget "down" ‹/title›‹script›alert(1)‹/script› ‹img src=x onerror=alert(1)› ; , \\ evil';
// JSON documents read back from the build: any shape, checked field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

/**
 * The 2,000-update page (0.8 MB) in a language other than the default: checked once, in the
 * default language, since its copies differ only in the site's own words, which every other page
 * here carries in every language.
 */
const longPageCopy = (path: string) => new RegExp(`^/[a-z]{2}/incidents/${MANY_UPDATES_INCIDENT}/(index\\.html)?$`).test(path);

let build: Run & { outDir: string };
let files: string[] = [];
const read = (path: string) => readFileSync(join(build.outDir, path), 'utf8');
beforeAll(() => {
  build = buildSite(makeHostileSite());
  files = build.status === 0 ? listFiles(build.outDir) : [];
});

test('the hostile site builds', () => {
  expect(build.stderr).not.toMatch(/error/i);
  expect(build.status).toBe(0);
});

describe('every file stays well-formed', () => {
  test('every HTML page passes html-validate with zero errors', async () => {
    const pages = files.filter((f) => f.endsWith('.html') && !longPageCopy(`/${f}`));
    expect(pages).toContain(`incidents/${MANY_UPDATES_INCIDENT}/index.html`);
    const found: string[] = [];
    for (const page of pages) found.push(...(await htmlProblems(page, read(page))));
    expect(found).toEqual([]);
  });

  test('every RSS feed parses with rss-parser (xml2js, strict), and its items are whole', async () => {
    const feeds = files.filter((f) => f.endsWith('.xml') && f !== 'sitemap.xml');
    expect(feeds.length).toBeGreaterThanOrEqual(8);
    const parser = new Parser();
    const carrying = new Set<string>();
    const hostileLink = new RegExp(`/(incidents/${HOSTILE_INCIDENT}|maintenance/${HOSTILE_MAINTENANCE})/(#update-\\d+)?$`);
    for (const feed of feeds) {
      const parsed = await parser.parseString(read(feed));
      for (const item of parsed.items) expect(item.link, feed).toMatch(/^https:\/\/status\.acme\.test\//);
      // Many readers render a title as HTML: there, every word shows and nothing in it is shaped like a tag.
      for (const item of parsed.items.filter((i) => hostileLink.test(i.link ?? ''))) {
        carrying.add(feed);
        expect(item.title, feed).toContain(FEED_TITLE);
        expect(item.title, feed).not.toMatch(/<[A-Za-z/!?]/);
      }
    }
    // The site's feeds and the affected product's in both languages: incidents and maintenance,
    // every update ("Identified: <title> (...)"), and maintenance alone.
    expect([...carrying]).toEqual(
      expect.arrayContaining([
        'rss.xml',
        'sv/rss.xml',
        'products/widget/rss.xml',
        'sv/products/widget/rss.xml',
        'updates.xml',
        'sv/updates.xml',
        'products/widget/updates.xml',
        'maintenance/rss.xml',
      ]),
    );
    const all = await parser.parseString(read('rss.xml'));
    expect(all.items.find((i) => i.link?.endsWith(`/incidents/${HOSTILE_INCIDENT}/`))?.title).toBe(FEED_TITLE);
    const many = all.items.find((i) => i.link?.endsWith(`/incidents/${MANY_UPDATES_INCIDENT}/`));
    expect(many?.['content:encoded']).toContain(`Check ${MANY_UPDATES}:`);
    expect(many?.['content:encoded']).toContain(`Earlier updates (${MANY_UPDATES - 20})`);
    // A feed is fetched every few minutes: it carries an incident's latest updates, not the whole
    // page of them (every update would make it larger than that page).
    expect(Buffer.byteLength(read('rss.xml'))).toBeLessThan(Buffer.byteLength(read(`incidents/${MANY_UPDATES_INCIDENT}/index.html`)) / 3);
  });

  test('every calendar parses with ical.js; the hostile window is one event titled as written, and no line of its text became an event', () => {
    const calendars = files.filter((f) => f.endsWith('.ics'));
    expect(calendars.length).toBeGreaterThanOrEqual(2);
    for (const path of calendars) {
      const events = new ICAL.Component(ICAL.parse(read(path))).getAllSubcomponents('vevent');
      const uids = events.map((e) => String(e.getFirstPropertyValue('uid')));
      expect(new Set(uids).size, path).toBe(uids.length);
      expect(
        uids.some((u) => u.includes('evil')),
        path,
      ).toBe(false);
      for (const e of events) expect(String(e.getFirstPropertyValue('summary')), path).not.toBe('Injected');
    }
    const maintenance = calendars.filter((f) => f.includes('maintenance'));
    expect(maintenance.length).toBeGreaterThan(0);
    for (const path of maintenance) {
      const events = new ICAL.Component(ICAL.parse(read(path))).getAllSubcomponents('vevent');
      const hostile = events.filter((e) => String(e.getFirstPropertyValue('summary')).includes(FEED_TITLE));
      expect(hostile, path).toHaveLength(1);
      expect(String(hostile[0]!.getFirstPropertyValue('url')), path).toMatch(new RegExp(`/maintenance/${HOSTILE_MAINTENANCE}/$`));
      expect(String(hostile[0]!.getFirstPropertyValue('description')), path).toContain('BEGIN:VEVENT');
    }
  });

  test('every JSON file parses, and every API document matches the Statuspage schema', () => {
    for (const path of files.filter((f) => f.endsWith('.json') || f.endsWith('.webmanifest'))) expect(() => JSON.parse(read(path)), path).not.toThrow();
    for (const path of API_PATHS) {
      const validate = statuspageValidator(path);
      validate(JSON.parse(read(`api/v2/${path}`)));
      expect(validate.errors ?? [], path).toEqual([]);
    }
  });

  test('nothing is dropped: all 2,000 updates, and the longest message and report the limits allow, reach the page and the API', () => {
    const incidents = JSON.parse(read('api/v2/incidents.json')).incidents as Doc[];
    expect(incidents.find((i) => i.shortlink.endsWith(`/${MANY_UPDATES_INCIDENT}/`))?.incident_updates).toHaveLength(MANY_UPDATES);
    const long = incidents.find((i) => i.shortlink.endsWith(`/${LONGEST_INCIDENT}/`))!.incident_updates[0].body as string;
    expect(long.length).toBeGreaterThan(LONGEST_MESSAGE * 0.95);
    const page = read(`incidents/${MANY_UPDATES_INCIDENT}/index.html`);
    expect(page).toContain(`Check 1:`);
    expect(page).toContain(`Check ${MANY_UPDATES}:`);
    expect(read(`incidents/${LONGEST_INCIDENT}/index.html`).length).toBeGreaterThan(LONGEST_REPORT);
  });
});

describe('nothing from the content is code', () => {
  /**
   * Tags and attributes that run script or navigate, found in markup. Tags are read whole, quoted
   * attribute values included, so text inside a value (a page title in og:title that says
   * "<img onerror=...>") is not taken for a tag, and escaped text never matches. A tag name ends at
   * a space, "/" or ">": the site's own minified scripts may compare with `i<Math.min(...)`, which
   * is not a <math> element.
   */
  const TAG = /<([a-zA-Z][^\s/>]*)((?:\s+[^\s"'>=/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?)*)\s*\/?>/g;
  const ATTRIBUTE = /([^\s"'>=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/g;
  function executable(markup: string): string | undefined {
    for (const [tag, name, attributes] of markup.matchAll(TAG)) {
      if (/^(?:iframe|object|embed|base|math)$/i.test(name!)) return tag;
      for (const [, attr, ...values] of attributes!.matchAll(ATTRIBUTE)) {
        const value = (values.find((v) => v !== undefined) ?? '').replaceAll('&amp;', '&').trim();
        if (/^on[a-z]+$/i.test(attr!)) return tag;
        if (/^(?:href|src|action|data|formaction)$/i.test(attr!) && /^(?:javascript|data|vbscript):/i.test(value)) return tag;
        if (/^http-equiv$/i.test(attr!) && /^refresh$/i.test(value)) return tag;
      }
    }
    return undefined;
  }

  test('the scanner finds what runs and only that', () => {
    expect(executable('<p>a</p><img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(executable('<a href="javascript:alert(1)">x</a>')).toBeDefined();
    expect(executable('<a href=" JavaScript:alert(1)">x</a>')).toBeDefined();
    expect(executable('<iframe src="/x"></iframe>')).toBeDefined();
    expect(executable('<meta http-equiv="refresh" content="0;url=/x">')).toBeDefined();
    expect(executable('<meta property="og:title" content="<img src=x onerror=alert(1)> &lt;script&gt;">')).toBeUndefined();
    expect(executable('<p title=\'<a href="javascript:x">\'>&lt;img onerror=x&gt;</p>')).toBeUndefined();
    const scripts = (html: string) => [...html.matchAll(TAG)].filter(([, name]) => name === 'script').map(([tag]) => tag);
    expect(scripts('<meta content="<script>alert(1)</script>"><script type="module">x</script>')).toEqual(['<script type="module">']);
  });

  test('no page, feed or calendar holds an event handler, a script URL, a frame or a script the site did not write', () => {
    for (const path of files.filter((f) => /\.(html|xml|ics)$/.test(f))) {
      const raw = read(path);
      // Feeds carry item HTML as escaped text: decode it once to look at the markup a reader renders.
      const markup = path.endsWith('.xml')
        ? raw
            .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
            .replaceAll('&lt;', '<')
            .replaceAll('&gt;', '>')
            .replaceAll('&quot;', '"')
            .replaceAll('&amp;', '&')
        : raw;
      expect(executable(markup), path).toBeUndefined();
      // Script tags, read as tags (text inside an attribute value is not one): only the site's own.
      for (const [tag] of [...markup.matchAll(TAG)].filter(([, name]) => /^script$/i.test(name!)))
        expect(tag, path).toMatch(/^<script type="module"( src="\/_astro\/[^"]+\.js")?>$|^<script type="application\/json"[^>]*>$/);
      expect(raw, path).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    }
  });
});

describe('in Chromium, nothing runs', () => {
  let server: StaticServer;
  let context: BrowserContext;
  let pool: PagePool;
  let close: () => Promise<void> = async () => {};
  const dialogs: string[] = [];
  beforeAll(async () => {
    server = await serveStatic(build.outDir);
    const browser = await launchBrowser();
    context = await pinnedContext(browser, NOW);
    context.on('page', (p: Page) =>
      p.on('dialog', (d) => {
        dialogs.push(`${d.type()} "${d.message()}" on ${p.url()}`);
        void d.dismiss();
      }),
    );
    pool = await PagePool.create(context, 2);
    close = async () => {
      await context.close();
      await browser.close();
      await server.close();
    };
  });
  afterAll(() => close());

  test('every page and every feed loads with no dialog, console error, failed request or CSP violation', async () => {
    const paths = [...htmlPages(build.outDir).filter((p) => !longPageCopy(p)), ...files.filter((f) => f.endsWith('.xml')).map((f) => `/${f}`)];
    expect(paths).toContain(`/incidents/${MANY_UPDATES_INCIDENT}/`);
    const problems: string[] = [];
    await Promise.all(
      paths.map((path) =>
        pool.use(async (page) => {
          const watch = watchPage(page, path === '/404.html' ? { allowDocumentStatus: 404 } : {});
          await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
          // Let deferred handlers (onload, ontoggle, timers) fire if any had slipped through.
          await page.waitForTimeout(50);
          // Hovering the overlay link would fire its onmouseover if it had kept it.
          if (path.includes(HOSTILE_INCIDENT)) await page.mouse.move(10, 10);
          watch.stop();
          // The icon is checked in pages.test.ts: a browser showing a feed asks for /favicon.ico on its
          // own, and a quick navigation may abort the previous page's icon request.
          const own = watch.problems.filter((p) => !/\/favicon\.(ico|svg)\b/.test(p));
          problems.push(...own.map((p) => `${path}: ${p}`));
        }),
      ),
    );
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  test('the hostile title shows as written, in the tab and the heading', async () => {
    await pool.use(async (page) => {
      await page.goto(new URL(`/incidents/${HOSTILE_INCIDENT}/`, server.url).href);
      expect(await page.title()).toContain(HOSTILE_TITLE_SHOWN);
      expect(await page.locator('h1').first().textContent()).toContain(HOSTILE_TITLE_SHOWN);
      expect(await page.locator(`a[href^="javascript:" i], [src^="javascript:" i], [onerror], [onload], [onmouseover], [ontoggle]`).count()).toBe(0);
    });
  });
});
