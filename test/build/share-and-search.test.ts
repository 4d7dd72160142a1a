/**
 * Shared links and search engines: every page carries Open Graph and Twitter card tags (an
 * incident's preview gives its title, status and latest update), a canonical URL; sitemap.xml lists
 * every page of every language once with its hreflang alternates; robots.txt names the sitemap.
 * A site served under a sub-path writes all of them below it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { SaxesParser } from 'saxes';
import type { SiteContent } from '../../src/lib/content/load.ts';
import { markdownToText } from '../../src/lib/markdown.ts';
import { ROOT, MINIMAL, listFiles, sharedBuild, loadOrThrow } from '../helpers/fixtures.ts';

const CONTENT = join(ROOT, 'content');
let c: SiteContent;
let dist: string;
beforeAll(() => {
  c = loadOrThrow(CONTENT);
  const run = sharedBuild(CONTENT);
  expect(run.status, run.stderr).toBe(0);
  dist = run.outDir;
});

/** The value of a <meta property|name> tag, or undefined. */
function meta(html: string, key: string): string | undefined {
  const m = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html);
  return m?.[1]
    ?.replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** The <loc> entries of a sitemap and, per entry, its hreflang alternates; throws when it is not well-formed XML. */
function readSitemap(xml: string): Map<string, Record<string, string>> {
  const parser = new SaxesParser({ xmlns: true });
  const out = new Map<string, Record<string, string>>();
  let loc = '';
  let links: Record<string, string> = {};
  let inLoc = false;
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => {
    if (t.local === 'url') links = {};
    if (t.local === 'loc') inLoc = true;
    if (t.local === 'link' && t.uri === 'http://www.w3.org/1999/xhtml') links[String(t.attributes['hreflang']?.value)] = String(t.attributes['href']?.value);
  });
  parser.on('text', (text) => {
    if (inLoc) loc += text;
  });
  parser.on('closetag', (t) => {
    if (t.local === 'loc') inLoc = false;
    if (t.local === 'url') {
      expect(out.has(loc), `${loc} listed twice`).toBe(false);
      out.set(loc, links);
      loc = '';
    }
  });
  parser.write(xml).close();
  return out;
}

describe('the default site', () => {
  test('every page has a title, description, URL and language for previews, equal to its canonical URL', () => {
    const pages = listFiles(dist).filter((f) => f.endsWith('.html') && f !== '404.html');
    expect(pages.length).toBeGreaterThan(50);
    for (const page of pages) {
      const html = readFileSync(join(dist, page), 'utf8');
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      expect(canonical, page).toBe(new URL(page.replace(/index\.html$/, ''), c.site.url).href);
      expect(meta(html, 'og:url'), page).toBe(canonical);
      for (const key of ['og:title', 'og:description', 'og:site_name', 'og:locale', 'twitter:title', 'twitter:description'])
        expect(meta(html, key), `${key} on ${page}`).toBeTruthy();
      expect(meta(html, 'twitter:card')).toBe('summary');
      expect(meta(html, 'og:type'), page).toBe(/^(\w\w\/)?incidents\/(?!page\/)[^/]+\/index\.html$/.test(page) ? 'article' : 'website');
    }
  });

  test.each([
    ['en', '', 'en_US', 'Status: '],
    ['sv', 'sv/', 'sv_SE', 'Status: '],
    ['fr', 'fr/', 'fr_FR', 'Statut\u00a0: '],
  ])("in %s an incident's preview: its title, then its status and the opening of its latest update", (lang, prefix, ogLocale, statusWord) => {
    const open = c.incidents.find((i) => i.resolved === undefined)!;
    const html = readFileSync(join(dist, `${prefix}incidents/${open.id}/index.html`), 'utf8');
    const title = typeof open.title === 'string' ? open.title : (open.title[lang] ?? open.title.en!);
    expect(meta(html, 'og:title')).toBe(title);
    expect(meta(html, 'og:locale')).toBe(ogLocale);
    const last = open.updates.at(-1)!;
    const message = typeof last.message === 'string' ? last.message : (last.message[lang] ?? last.message.en!);
    const description = meta(html, 'og:description')!;
    expect(description.startsWith(statusWord)).toBe(true);
    expect(description).toContain(markdownToText(message).replace(/\s+/g, ' ').trim().slice(0, 60));
    expect(description.length).toBeLessThanOrEqual(200);
  });

  test('sitemap.xml: every page in every language once, each with all its languages and x-default', () => {
    const entries = readSitemap(readFileSync(join(dist, 'sitemap.xml'), 'utf8'));
    const pages = listFiles(dist)
      .filter((f) => f.endsWith('index.html'))
      .map((f) => new URL(f.replace(/index\.html$/, ''), c.site.url).href)
      .sort();
    expect([...entries.keys()].sort()).toEqual(pages);
    const hours = entries.get(new URL('sv/support/hours/', c.site.url).href)!;
    expect(hours).toEqual({
      en: new URL('support/hours/', c.site.url).href,
      sv: new URL('sv/support/hours/', c.site.url).href,
      fr: new URL('fr/support/hours/', c.site.url).href,
      'x-default': new URL('support/hours/', c.site.url).href,
    });
    for (const [loc, links] of entries) expect(Object.values(links), loc).toContain(loc);
  });

  test('robots.txt allows crawling and names the sitemap', () => {
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('sitemap.xml', c.site.url).href}\n`);
  });
});

test('a site served under /status/ lists its pages and sitemap there', () => {
  // The minimal site (url https://status.acme.test/) built with PHAROS_BASE, as api.test.ts reads it.
  const run = sharedBuild(MINIMAL, { PHAROS_BASE: '/status/' });
  expect(run.status, run.stderr).toBe(0);
  expect(readFileSync(join(run.outDir, 'robots.txt'), 'utf8')).toContain('Sitemap: https://status.acme.test/status/sitemap.xml\n');
  const locs = [...readSitemap(readFileSync(join(run.outDir, 'sitemap.xml'), 'utf8')).keys()];
  expect(locs).toContain('https://status.acme.test/status/');
  expect(locs.every((l) => l.startsWith('https://status.acme.test/status/'))).toBe(true);
  const home = readFileSync(join(run.outDir, 'index.html'), 'utf8');
  expect(meta(home, 'og:url')).toBe('https://status.acme.test/status/');
});
