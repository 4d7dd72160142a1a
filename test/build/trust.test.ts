/**
 * What a site says must hold together (issue #16, "Trust"), read from a real build of the minimal
 * site with two more maintenance windows and an incident whose report and message have footnotes:
 * - a window's page, its feed items and the Statuspage API give the same latest notice, automatic
 *   or not, at the same time, in English and Swedish;
 * - footnote links on a page and in a feed lead to their own notes.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { MINIMAL, buildSite, tempDir, type Run } from '../helpers/fixtures.ts';
import { brokenLinks, formatBroken, htmlLinks } from '../helpers/links.ts';
import { htmlProblems } from '../helpers/html-validate.ts';
import { visibleText } from '../helpers/html.ts';

const SITE = 'https://status.acme.test/';
const NOW = '2026-11-22T10:00:00.000Z';

/** Under way at NOW (09:00-12:00 UTC), with no notice since it began. */
const UNDER_WAY = '2026-11-22-cache-swap';
/** Over at NOW (20:00-22:00 UTC the day before), with a notice while it ran and none since. */
const OVER = '2026-11-21-network';
/** An incident whose report and first message each have a note 1. */
const NOTED = '2026-11-20-disk-full';

const FILES: Record<string, string> = {
  [`maintenance/${UNDER_WAY}.md`]: `---
title: { en: Cache swap, sv: Cachebyte }
products: [widget]
window: { start: "2026-11-22T09:00:00Z", end: "2026-11-22T12:00:00Z" }
updates:
  - { at: "2026-11-18T09:00:00Z", message: { en: We will swap the cache servers., sv: Vi byter cacheservrar. } }
---
`,
  [`maintenance/${OVER}.md`]: `---
title: { en: Network work, sv: Nätverksarbete }
products: [cloud]
window: { start: "2026-11-21T20:00:00Z", end: "2026-11-21T22:00:00Z" }
updates:
  - { at: "2026-11-15T09:00:00Z", message: { en: Planned network work., sv: Planerat nätverksarbete. } }
  - { at: "2026-11-21T20:05:00Z", message: { en: The work is under way., sv: Arbetet pågår. } }
---
`,
  [`incidents/${NOTED}.md`]: `---
title: { en: Disk full, sv: Disken full }
severity: minor
scope: own
affects:
  - { product: widget, impact: degraded_performance }
started: "2026-11-20T08:00:00Z"
updates:
  - at: "2026-11-20T08:10:00Z"
    status: investigating
    message:
      en: "Saving fails[^1].\\n\\n[^1]: For files over 1 MB."
      sv: "Det går inte att spara[^1].\\n\\n[^1]: Filer över 1 MB."
  - { at: "2026-11-20T09:00:00Z", status: resolved, message: Fixed. }
resolved: "2026-11-20T09:00:00Z"
---
### Cause

The log volume filled up[^1] after a change[^change].

[^1]: Logs were kept for 90 days.
[^change]: Made on 19 November.
`,
};

let build: Run & { outDir: string };
beforeAll(() => {
  const dir = join(tempDir('trust'), 'content');
  cpSync(MINIMAL, dir, { recursive: true });
  for (const [file, text] of Object.entries(FILES)) writeFileSync(join(dir, file), text);
  build = buildSite(dir, { PHAROS_NOW: NOW });
});

const read = (path: string) => readFileSync(join(build.outDir, path), 'utf8');
// JSON read back from the build: any shape, checked field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;
const api = (path: string): Doc => JSON.parse(read(`api/v2/${path}`));
const parser = new Parser<Record<string, never>, { 'content:encoded'?: string }>();
const feedItem = async (path: string, id: string) => (await parser.parseString(read(path))).items.find((i) => i.link?.endsWith(`/maintenance/${id}/`))!;

test('builds', () => {
  expect(build.status, build.stderr).toBe(0);
});

describe('a maintenance window speaks with one voice', () => {
  /** The newest visible notice on a window's page: its time, its words and whether it is marked automatic. */
  const latestOnPage = (html: string) => {
    const item = /<ol class="updates"[^>]*>([\s\S]*?)<\/ol>/
      .exec(html)![1]!
      .split(/<li\b/)
      .slice(1)
      .find((li) => !/^[^>]*\shidden/.test(li))!;
    return { at: /<time datetime="([^"]+)"/.exec(item)![1], text: visibleText(`<li${item}`).trim() };
  };

  test.each([
    ['under way', UNDER_WAY, 'in_progress', '2026-11-22T09:00:00.000Z', 'The scheduled maintenance has begun.', 'Det planerade underhållet har börjat.'],
    ['over', OVER, 'completed', '2026-11-21T22:00:00.000Z', 'The scheduled maintenance has been completed.', 'Det planerade underhållet har avslutats.'],
  ])('%s: the page, the feeds and the API give the same latest notice', async (_name, id, status, at, en, sv) => {
    // The API (default language): the window's status is its latest update's.
    const m = api('scheduled-maintenances.json').scheduled_maintenances.find((x: Doc) => x.shortlink === `${SITE}maintenance/${id}/`);
    expect(m.status).toBe(status);
    expect(m.incident_updates[0]).toMatchObject({ status, body: en, display_at: at, created_at: at });
    if (status === 'in_progress') expect(api('summary.json').scheduled_maintenances.find((x: Doc) => x.id === m.id)).toEqual(m);

    for (const [lang, words, prefix, label, state] of [
      ['en', en, '', 'Automatic notice', status === 'completed' ? 'Completed' : 'In progress'],
      ['sv', sv, 'sv/', 'Automatiskt meddelande', status === 'completed' ? 'Avslutat' : 'Pågår'],
    ] as const) {
      const html = read(`${prefix}maintenance/${id}/index.html`);
      expect(html, lang).toContain(`data-maintenance-state="${status}"`);
      expect(latestOnPage(html), lang).toEqual({ at, text: expect.stringMatching(new RegExp(`${label} ${words.replace('.', '\\.')}$`)) });
      for (const feed of [`${prefix}maintenance/rss.xml`, `${prefix}rss.xml`, `${prefix}products/${status === 'completed' ? 'cloud' : 'widget'}/rss.xml`]) {
        const item = await feedItem(feed, id);
        expect(new Date(item.pubDate!).toISOString(), feed).toBe(at);
        expect(item.contentSnippet?.split('\n')[0], feed).toMatch(new RegExp(`: ${state}, `));
        expect(item.contentSnippet?.split('\n').at(-1), feed).toBe(words);
        expect(item['content:encoded'], feed).toContain(`<em>${label}</em>`);
      }
    }
  });

  test('a window under way carries its completion notice hidden, for the script to show when the reader passes the end', () => {
    const html = read(`maintenance/${UNDER_WAY}/index.html`);
    expect(html).toMatch(/<li hidden data-auto-at="2026-11-22T12:00:00.000Z"[^>]*>.*?The scheduled maintenance has been completed\./);
  });

  test('a staff notice while the window ran says it has begun: no automatic "begun"', () => {
    const m = api('scheduled-maintenances.json').scheduled_maintenances.find((x: Doc) => x.shortlink === `${SITE}maintenance/${OVER}/`);
    expect(m.incident_updates.map((u: Doc) => [u.status, u.body])).toEqual([
      ['completed', 'The scheduled maintenance has been completed.'],
      ['in_progress', 'The work is under way.'],
      ['scheduled', 'Planned network work.'],
    ]);
    expect(visibleText(read(`maintenance/${OVER}/index.html`))).not.toContain('has begun');
  });

  test.each([UNDER_WAY, OVER])('the page of %s is valid HTML', async (id) => {
    expect(await htmlProblems(id, read(`maintenance/${id}/index.html`))).toEqual([]);
  });
});

describe('footnotes lead to their own notes', () => {
  test.each(['', 'sv/'])('on the incident page (%s), every in-page link leads to an id the page has, and no id is there twice', async (prefix) => {
    const html = read(`${prefix}incidents/${NOTED}/index.html`);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    const fragments = htmlLinks(html).filter((l) => l.startsWith('#'));
    // Two references to notes and two back, in the report and in the message.
    expect(fragments.filter((f) => f.includes('fn')).length).toBeGreaterThanOrEqual(6);
    expect(fragments.filter((f) => !ids.includes(f.slice(1)))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(await htmlProblems(`${prefix}incidents/${NOTED}`, html)).toEqual([]);
  });

  test('the report and the message each lead to their own note 1', () => {
    const html = read(`incidents/${NOTED}/index.html`);
    const noteOf = (part: string) => /<a href="#([^"]+)"[^>]*data-footnote-ref/.exec(part)![1]!;
    const [timeline, report] = html.split('id="report"');
    const target = (id: string) => visibleText(new RegExp(`<li id="${id}">([\\s\\S]*?)</li>`).exec(html)![1]!);
    expect(target(noteOf(timeline!))).toContain('For files over 1 MB.');
    expect(target(noteOf(report!))).toContain('Logs were kept for 90 days.');
  });

  test("in the feeds, links to notes lead to them on the item's page, and the ids are in the item too", async () => {
    for (const path of ['rss.xml', 'sv/rss.xml', 'products/widget/rss.xml']) {
      const item = (await parser.parseString(read(path))).items.find((i) => i.link?.endsWith(`/incidents/${NOTED}/`))!;
      const content = item['content:encoded']!;
      const links = htmlLinks(content).filter((l) => l.includes('#'));
      expect(links.length, path).toBeGreaterThanOrEqual(6);
      for (const l of links) {
        expect(l.startsWith(`${item.link}#`), l).toBe(true);
        expect(content, l).toContain(`id="${l.slice(item.link!.length + 1)}"`);
      }
    }
  });

  test('no link anywhere in the build leads nowhere, fragments included', () => {
    const broken = brokenLinks({ dist: build.outDir, site: SITE });
    expect(broken, formatBroken(broken)).toEqual([]);
  });
});
