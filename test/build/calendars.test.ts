/**
 * Calendars and the release and maintenance feeds, read from real builds with independent parsers:
 * ical.js for iCalendar, rss-parser (xml2js, strict) for RSS.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT, listFiles, type Run, sharedBuild } from '../helpers/fixtures.ts';
import { editedMinimal } from '../helpers/edited-minimal.ts';

/** One VEVENT as a calendar app reads it. */
interface Ev {
  uid: string;
  summary: string;
  start: string;
  startType: string;
  end: string;
  endType: string;
  stamp: string;
  sequence: number;
  status: string | undefined;
  description: string;
}

/** Reads a built .ics with ical.js (which throws on anything that is not iCalendar). */
function ics(outDir: string, path: string): { raw: string; name: string; events: Ev[] } {
  const raw = readFileSync(join(outDir, path), 'utf8');
  const cal = new ICAL.Component(ICAL.parse(raw));
  const str = (c: ICAL.Component, n: string) => {
    const v = c.getFirstPropertyValue(n);
    return v === null ? undefined : String(v);
  };
  const events = cal.getAllSubcomponents('vevent').map((e) => ({
    uid: str(e, 'uid')!,
    summary: str(e, 'summary')!,
    start: str(e, 'dtstart')!,
    startType: e.getFirstProperty('dtstart')!.type,
    end: str(e, 'dtend')!,
    endType: e.getFirstProperty('dtend')!.type,
    stamp: str(e, 'dtstamp')!,
    sequence: Number(str(e, 'sequence')),
    status: str(e, 'status'),
    description: str(e, 'description') ?? '',
  }));
  return { raw, name: str(cal, 'x-wr-calname')!, events };
}

type Feed = Parser.Output<Record<string, never>> & { language?: string };
const parser = new Parser<Record<string, never>, Record<string, never>>();
async function rss(outDir: string, path: string): Promise<Feed> {
  return (await parser.parseString(readFileSync(join(outDir, path), 'utf8'))) as Feed;
}

const SITE = 'https://status.acme.test/';

describe('the minimal site, before and after a notice is added to its maintenance window', () => {
  let before: Run & { outDir: string };
  let after: Run & { outDir: string };
  beforeAll(() => {
    // The window gets a notice dated 2026-11-21 09:00 (and an incident an update).
    ({ before, after } = editedMinimal());
  });

  test('both builds succeed', () => {
    expect([before.status, after.status], before.stderr + after.stderr).toEqual([0, 0]);
  });

  test('calendars exist for all releases, for each product with dates (not the continuous one), and for maintenance; never per language', () => {
    expect(listFiles(before.outDir).filter((f) => f.endsWith('.ics'))).toEqual([
      'calendars/maintenance.ics',
      'calendars/releases.ics',
      'calendars/releases/widget.ics',
    ]);
  });

  test.each(['calendars/releases.ics', 'calendars/releases/widget.ics'])('%s: the next 12 months of the 2nd Tuesday in Stockholm, as all-day dates', (path) => {
    const { raw, events } = ics(before.outDir, path);
    // RFC 5545 lines end in CRLF.
    expect(raw.split('\r\n').length).toBeGreaterThan(events.length * 5);
    expect(raw.replaceAll('\r\n', '')).not.toContain('\n');
    expect(events.map((e) => e.start)).toEqual([
      '2026-12-08',
      '2027-01-12',
      '2027-02-09',
      '2027-03-09',
      '2027-04-13',
      '2027-05-11',
      '2027-06-08',
      '2027-07-13',
      '2027-08-10',
      '2027-09-14',
      '2027-10-12',
      '2027-11-09',
    ]);
    for (const e of events) {
      expect([e.startType, e.endType, e.summary, e.stamp]).toEqual(['date', 'date', 'Acme Widget release', '2026-11-22T10:00:00Z']);
      expect(e.uid).toBe(`release-widget-${e.start.replaceAll('-', '')}@status.acme.test`);
    }
  });

  test('a notice added to the window changes no release calendar, not even by a byte', () => {
    for (const path of ['calendars/releases.ics', 'calendars/releases/widget.ics']) {
      expect(readFileSync(join(after.outDir, path), 'utf8')).toBe(readFileSync(join(before.outDir, path), 'utf8'));
    }
  });

  test('the window keeps its UID, its SEQUENCE rises and it carries the new notice', () => {
    const [a, b] = [ics(before.outDir, 'calendars/maintenance.ics').events, ics(after.outDir, 'calendars/maintenance.ics').events];
    expect(a).toHaveLength(1);
    expect(b.map((e) => e.uid)).toEqual(a.map((e) => e.uid));
    expect(a[0]).toMatchObject({
      uid: 'maintenance-2026-11-25-db-upgrade@status.acme.test',
      startType: 'date-time',
      start: '2026-11-25T21:00:00Z',
      end: '2026-11-26T00:00:00Z',
      status: 'CONFIRMED',
      summary: 'Maintenance: Database upgrade',
    });
    expect(b[0]!.sequence).toBeGreaterThan(a[0]!.sequence);
    expect(a[0]!.description).toMatch(/^Planned\./);
    expect(b[0]!.description).toMatch(/^The window now starts at 23:00\./);
  });

  test('release feeds exist per language, and per product and language', () => {
    expect(listFiles(before.outDir).filter((f) => /releases(\/rss)?\.xml$/.test(f))).toEqual([
      'products/cloud/releases.xml',
      'products/widget/releases.xml',
      'releases/rss.xml',
      'sv/products/cloud/releases.xml',
      'sv/products/widget/releases.xml',
      'sv/releases/rss.xml',
    ]);
  });

  test.each([
    [
      'releases/rss.xml',
      'en',
      'Acme Status: releases',
      `${SITE}releases/`,
      ['Acme Widget 2026.11', 'Acme Widget 2026.10'],
      ['products/widget/#release-2026.11', 'products/widget/#release-2026.10'],
    ],
    [
      'sv/products/widget/releases.xml',
      'sv',
      undefined,
      `${SITE}sv/products/widget/`,
      ['Acme Widget 2026.11', 'Acme Widget 2026.10'],
      ['sv/products/widget/#release-2026.11', 'sv/products/widget/#release-2026.10'],
    ],
    ['products/cloud/releases.xml', 'en', undefined, `${SITE}products/cloud/`, [], []],
  ])('%s parses: language %s, one item per release, newest first, stable guids', async (path, language, title, link, titles, pages) => {
    const feed = await rss(before.outDir, path);
    expect({ language: feed.language, link: feed.link, self: feed.feedUrl }).toEqual({ language, link, self: `${SITE}${path}` });
    if (title) expect(feed.title).toBe(title);
    expect(feed.items.map((i) => i.title)).toEqual(titles);
    expect(feed.items.map((i) => i.guid)).toEqual(pages.map((p) => `${SITE}${p}`));
    expect(feed.items.map((i) => i.link)).toEqual(pages.map((p) => `${SITE}${p}`));
  });

  test.each(['maintenance/rss.xml', 'sv/maintenance/rss.xml'])('%s parses and has the maintenance window only, no incident', async (path) => {
    const prefix = path.startsWith('sv/') ? 'sv/' : '';
    const feed = await rss(before.outDir, path);
    expect(feed.feedUrl).toBe(`${SITE}${path}`);
    expect(feed.link).toBe(`${SITE}${prefix}maintenance/`);
    expect(feed.items.map((i) => i.guid)).toEqual([`${SITE}${prefix}maintenance/2026-11-25-db-upgrade/`]);
  });
});

describe('the default site (content/)', () => {
  let build: Run & { outDir: string };
  const RECURRING = ['barometer', 'changepoint', 'clarizen', 'daptiv', 'enterprise-one', 'ppm-pro', 'spigit'];
  beforeAll(() => {
    build = sharedBuild(join(ROOT, 'content'));
  });

  test('builds, with a calendar per product that has release dates', () => {
    expect(build.status, build.stderr).toBe(0);
    expect(listFiles(build.outDir).filter((f) => f.endsWith('.ics'))).toEqual(
      ['calendars/maintenance.ics', 'calendars/releases.ics', ...RECURRING.map((p) => `calendars/releases/${p}.ics`)].sort(),
    );
  });

  // Worked out with python-dateutil from products.yaml's rules, at now 2026-11-22T10:00:00Z (Chicago: 22 November).
  test.each([
    ['enterprise-one', 'Planview Enterprise One', ['2026-12-12', '2027-01-09', '2027-02-13'], 12],
    ['ppm-pro', 'Planview PPM Pro', ['2026-12-19', '2027-01-16', '2027-02-20'], 12],
    ['spigit', 'Planview Spigit', ['2026-11-24', '2026-12-08', '2026-12-22'], 26],
    ['daptiv', 'Planview Daptiv', ['2026-11-26', '2026-12-10', '2026-12-24'], 26],
    ['barometer', 'Planview Barometer', ['2026-12-09', '2026-12-30', '2027-01-20'], 17],
    ['changepoint', 'Planview Changepoint', ['2026-11-28', '2026-12-26', '2027-01-23'], 12],
    ['clarizen', 'Planview Clarizen', ['2026-12-05', '2026-12-26', '2027-01-16'], 17],
  ])('calendars/releases/%s.ics: %s, first dates and a year of them', (id, name, first, count) => {
    const { name: calName, events } = ics(build.outDir, `calendars/releases/${id}.ics`);
    expect(calName).toBe(`${name} releases`);
    expect(events.slice(0, 3).map((e) => e.start)).toEqual(first);
    expect(events).toHaveLength(count);
    expect(events.every((e) => e.startType === 'date' && e.summary === `${name} release`)).toBe(true);
  });

  test('the combined calendar holds exactly the events of the product calendars, same UIDs', () => {
    const all = ics(build.outDir, 'calendars/releases.ics').events;
    const each = RECURRING.flatMap((p) => ics(build.outDir, `calendars/releases/${p}.ics`).events);
    expect(new Set(all.map((e) => e.uid)).size).toBe(all.length);
    expect(all.map((e) => e.uid).sort()).toEqual(each.map((e) => e.uid).sort());
    expect(all.some((e) => /Projectplace|LeanKit/.test(e.summary))).toBe(false);
  });

  test('the maintenance calendar: four windows in UTC, the LeanKit one cancelled', () => {
    const { events } = ics(build.outDir, 'calendars/maintenance.ics');
    expect(events.map((e) => [e.uid.replace(/@.*/, ''), e.startType, e.start, e.end, e.status])).toEqual([
      ['maintenance-2026-11-08-enterprise-one-ppm-pro-database-upgrade-eu', 'date-time', '2026-11-08T05:00:00Z', '2026-11-08T09:00:00Z', 'CONFIRMED'],
      ['maintenance-2026-11-22-changepoint-network-upgrade', 'date-time', '2026-11-22T09:00:00Z', '2026-11-22T12:00:00Z', 'CONFIRMED'],
      ['maintenance-2026-11-26-enterprise-one-database-patching-americas', 'date-time', '2026-11-27T03:00:00Z', '2026-11-27T07:00:00Z', 'CONFIRMED'],
      ['maintenance-2026-12-06-leankit-database-migration', 'date-time', '2026-12-06T08:00:00Z', '2026-12-06T10:00:00Z', 'CANCELLED'],
    ]);
    const leankit = events.at(-1)!;
    expect(leankit.summary).toBe('Cancelled maintenance: Database migration for LeanKit');
    expect(leankit.description).toMatch(/^Sample: invented for this demonstration, not the vendor's own\.\n\nThis maintenance is cancelled\./);
  });

  test.each([
    ['releases/rss.xml', 'en'],
    ['sv/releases/rss.xml', 'sv'],
    ['fr/releases/rss.xml', 'fr'],
  ])('%s parses in %s: every published release, newest first, each once', async (path, language) => {
    const feed = await rss(build.outDir, path);
    expect(feed.language).toBe(language);
    // Seven products with a release file of four releases each, all published by now.
    expect(feed.items).toHaveLength(28);
    expect(feed.items[0]!.title).toBe('Planview PPM Pro 2026.11');
    const dates = feed.items.map((i) => Date.parse(i.isoDate!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(new Set(feed.items.map((i) => i.guid)).size).toBe(28);
    const prefix = language === 'en' ? 'https://status.planview.com/' : `https://status.planview.com/${language}/`;
    for (const item of feed.items) expect(item.guid).toMatch(new RegExp(`^${prefix}products/[a-z0-9-]+/#release-[0-9.]+$`));
  });

  test.each([
    [
      'products/enterprise-one/releases.xml',
      ['Planview Enterprise One 2026.11', 'Planview Enterprise One 2026.10', 'Planview Enterprise One 2026.09', 'Planview Enterprise One 2026.08'],
    ],
    ['fr/products/projectplace/releases.xml', []],
  ])('%s has that product only', async (path, titles) => {
    expect((await rss(build.outDir, path)).items.map((i) => i.title)).toEqual(titles);
  });

  test.each(['maintenance/rss.xml', 'sv/maintenance/rss.xml', 'fr/maintenance/rss.xml'])('%s: the four windows and nothing else', async (path) => {
    const feed = await rss(build.outDir, path);
    expect(feed.items).toHaveLength(4);
    for (const item of feed.items) expect(item.link).toMatch(/\/maintenance\/2026-[0-9a-z-]+\/$/);
  });
});
