/** RSS feeds read from real builds with an independent parser (rss-parser, on xml2js in strict mode). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { MINIMAL, ROOT, listFiles, type Run, sharedBuild, loadOrThrow } from '../helpers/fixtures.ts';
import { editedMinimal } from '../helpers/edited-minimal.ts';

type Item = { 'content:encoded'?: string };
type Feed = Parser.Output<Item> & { language?: string };
const parser = new Parser<Record<string, never>, Item>();

/** Parses a built feed; rejects anything that is not well-formed RSS. */
async function parse(outDir: string, path: string): Promise<Feed> {
  return (await parser.parseString(readFileSync(join(outDir, path), 'utf8'))) as Feed;
}

const SITE = 'https://status.acme.test/';
// Hostile titles and messages in every feed: test/e2e/hostile.test.ts, on its hostile site.

describe('feeds of the minimal site', () => {
  let build: Run & { outDir: string };
  beforeAll(() => {
    build = sharedBuild(MINIMAL);
  });

  test('builds', () => {
    expect(build.status, build.stderr).toBe(0);
  });

  test('there is one feed per locale, and one per product and locale', () => {
    expect(listFiles(build.outDir).filter((f) => f.endsWith('rss.xml'))).toEqual([
      'maintenance/rss.xml',
      'products/cloud/rss.xml',
      'products/widget/rss.xml',
      'releases/rss.xml',
      'rss.xml',
      'sv/maintenance/rss.xml',
      'sv/products/cloud/rss.xml',
      'sv/products/widget/rss.xml',
      'sv/releases/rss.xml',
      'sv/rss.xml',
    ]);
  });

  test.each([
    [
      'rss.xml',
      'en',
      'Acme Status: incidents and maintenance',
      SITE,
      ['Cloud sign-in fails', 'Widget is slow', 'Database upgrade'],
      ['incidents/2026-11-22-cloud-down/', 'incidents/2026-11-21-widget-slow/', 'maintenance/2026-11-25-db-upgrade/'],
    ],
    [
      'sv/rss.xml',
      'sv',
      'Acme driftstatus: incidenter och underhåll',
      `${SITE}sv/`,
      ['Inloggning misslyckas', 'Widget är långsam', 'Databasuppgradering'],
      ['sv/incidents/2026-11-22-cloud-down/', 'sv/incidents/2026-11-21-widget-slow/', 'sv/maintenance/2026-11-25-db-upgrade/'],
    ],
    [
      'products/widget/rss.xml',
      'en',
      'Acme Status: Acme Widget',
      `${SITE}products/widget/`,
      ['Cloud sign-in fails', 'Widget is slow', 'Database upgrade'],
      ['incidents/2026-11-22-cloud-down/', 'incidents/2026-11-21-widget-slow/', 'maintenance/2026-11-25-db-upgrade/'],
    ],
    ['products/cloud/rss.xml', 'en', 'Acme Status: Acme Cloud', `${SITE}products/cloud/`, ['Cloud sign-in fails'], ['incidents/2026-11-22-cloud-down/']],
    [
      'sv/products/cloud/rss.xml',
      'sv',
      'Acme driftstatus: Acme Cloud',
      `${SITE}sv/products/cloud/`,
      ['Inloggning misslyckas'],
      ['sv/incidents/2026-11-22-cloud-down/'],
    ],
    [
      'sv/products/widget/rss.xml',
      'sv',
      'Acme driftstatus: Acme Widget',
      `${SITE}sv/products/widget/`,
      ['Inloggning misslyckas', 'Widget är långsam', 'Databasuppgradering'],
      ['sv/incidents/2026-11-22-cloud-down/', 'sv/incidents/2026-11-21-widget-slow/', 'sv/maintenance/2026-11-25-db-upgrade/'],
    ],
  ])('%s parses: language %s, "%s", its items newest first', async (path, language, title, link, titles, pages) => {
    const feed = await parse(build.outDir, path);
    expect({ language: feed.language, title: feed.title, link: feed.link, self: feed.feedUrl }).toEqual({ language, title, link, self: `${SITE}${path}` });
    expect(feed.items.map((i) => i.title)).toEqual(titles);
    expect(feed.items.map((i) => i.link)).toEqual(pages.map((p) => `${SITE}${p}`));
    expect(feed.items.map((i) => i.guid)).toEqual(pages.map((p) => `${SITE}${p}`));
  });

  test.each([
    [
      'rss.xml',
      'Latest update: Resolved, November 21, 2026 at 9:30 AM GMT+1.',
      ['Resolved', 'Pages are fast again.', 'Investigating', 'We are looking into slow pages.'],
    ],
    [
      'sv/rss.xml',
      'Senaste uppdatering: Löst, 21 november 2026 kl. 09:30 CET.',
      ['Löst', 'Pages are fast again.', 'Felsökning pågår', 'Vi undersöker långsamma sidor.'],
    ],
  ])('in %s the description has the latest update and the content every update, newest first', async (path, latest, timeline) => {
    const item = (await parse(build.outDir, path)).items[1]!;
    expect(item.content).toBe(`${latest}\nPages are fast again.`);
    expect(item.isoDate).toBe('2026-11-21T08:30:00.000Z');
    const positions = timeline.map((s) => item['content:encoded']!.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(item.categories).toEqual(['Acme Widget']);
  });
});

describe('an update changes the item, never adds one', () => {
  let before: Run & { outDir: string };
  let after: Run & { outDir: string };
  beforeAll(() => {
    // The cloud incident gets a "monitoring" update and its first message a correction.
    ({ before, after } = editedMinimal());
  });

  test('both builds succeed', () => {
    expect([before.status, after.status], before.stderr + after.stderr).toEqual([0, 0]);
  });

  test.each(['rss.xml', 'sv/rss.xml', 'products/cloud/rss.xml', 'sv/products/widget/rss.xml'])(
    '%s keeps the same guids; the edited item says what is new',
    async (path) => {
      const [a, b] = [await parse(before.outDir, path), await parse(after.outDir, path)];
      expect(b.items.map((i) => i.guid).sort()).toEqual(a.items.map((i) => i.guid).sort());
      const was = a.items.find((i) => i.guid?.includes('/incidents/2026-11-22-cloud-down/'))!;
      const now = b.items.find((i) => i.guid?.includes('/incidents/2026-11-22-cloud-down/'))!;
      expect(now.content).not.toBe(was.content);
      expect(now.content).toMatch(/^(Latest update: Monitoring|Senaste uppdatering: Bevakas)/);
      expect(now.content).toMatch(/The provider has restored sign-in|Leverantören har åtgärdat felet/);
      expect(now.isoDate).toBe('2026-11-22T09:40:00.000Z');
      expect(now['content:encoded']).toMatch(/Our identity provider is down in the EU\.|Vår identitetsleverantör ligger nere\./);
    },
  );
});

describe('feeds of the default site (content/)', () => {
  let build: Run & { outDir: string };
  const locales = ['', 'fr/', 'sv/'];
  beforeAll(() => {
    build = sharedBuild(join(ROOT, 'content'));
  });

  test('every locale has the site feed and a feed per product', () => {
    expect(build.status, build.stderr).toBe(0);
    const feeds = listFiles(build.outDir).filter((f) => f.endsWith('rss.xml'));
    const products = [...readFileSync(join(ROOT, 'content/products.yaml'), 'utf8').matchAll(/^ {2}- id: ([a-z0-9-]+)$/gm)].map((m) => m[1]!);
    expect(products.length).toBeGreaterThan(1);
    expect(feeds).toEqual(
      locales.flatMap((l) => [...products.map((p) => `${l}products/${p}/rss.xml`), `${l}maintenance/rss.xml`, `${l}releases/rss.xml`, `${l}rss.xml`]).sort(),
    );
  });

  test.each([
    ['rss.xml', 'en', /incidents and maintenance$/],
    ['sv/rss.xml', 'sv', /incidenter och underhåll$/],
    ['fr/rss.xml', 'fr', /incidents et maintenance$/],
  ])('%s parses in %s, newest first, each item once, links in its language', async (path, language, title) => {
    const feed = await parse(build.outDir, path);
    expect(feed.language).toBe(language);
    expect(feed.title).toMatch(title);
    expect(feed.items.length).toBeGreaterThan(3);
    expect(feed.items.length).toBeLessThanOrEqual(50);
    const dates = feed.items.map((i) => Date.parse(i.isoDate!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(new Set(feed.items.map((i) => i.guid)).size).toBe(feed.items.length);
    const prefix = new URL(language === 'en' ? '/' : `/${language}/`, feed.link).href;
    for (const item of feed.items) {
      expect(item.guid).toBe(item.link);
      expect(item.link).toMatch(new RegExp(`^${prefix}(incidents|maintenance)/[a-z0-9-]+/$`));
    }
  });

  test.each([
    ['rss.xml', 'America/Chicago', / (CST|CDT)\b/],
    ['sv/rss.xml', 'Europe/Stockholm', / (CET|CEST)\b/],
    ['fr/rss.xml', 'Europe/Paris', / UTC\+[12]\b/],
  ])('%s writes its times in %s, the zone its language names in site.yaml (a feed reader converts nothing)', async (path, zone, name) => {
    const c = loadOrThrow(join(ROOT, 'content'));
    const open = c.incidents.find((i) => i.resolved === undefined)!;
    const lang = path.startsWith('sv/') ? 'sv' : path.startsWith('fr/') ? 'fr' : 'en';
    const item = (await parse(build.outDir, path)).items.find((i) => i.link!.endsWith(`/incidents/${open.id}/`))!;
    const latest = open.updates.at(-1)!.at;
    const expected = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(new Date(latest));
    expect(item.content).toContain(expected);
    expect(item.content).toMatch(name);
  });

  test.each([
    ['rss.xml', 'Sample', 'Invented sample data for this demonstration'],
    ['sv/updates.xml', 'Exempeldata', 'Påhittade exempeluppgifter'],
    ['fr/releases/rss.xml', 'Fictif', "Données d'exemple inventées"],
  ])('%s marks the invented sample items as the pages do (category %s)', async (path, marker, words) => {
    const feed = await parse(build.outDir, path);
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) {
      expect(item.categories, item.title).toContain(marker);
      expect(item.contentSnippet ?? item.content, item.title).toContain(words);
    }
  });
});
