/**
 * The updates feeds in real builds, read with rss-parser: an update posted to an open incident is a
 * new item (a new guid) that feed readers and chat feed apps announce, while earlier items keep
 * their guids (the first update's text was corrected too: a correction is not announced again); the
 * guid leads to that update on the incident's page; pages advertise both feeds by name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { listFiles, type Run } from '../helpers/fixtures.ts';
import { editedMinimal } from '../helpers/edited-minimal.ts';

const parser = new Parser();
const read = async (outDir: string, path: string) => parser.parseString(readFileSync(join(outDir, path), 'utf8'));

describe('updates feeds', () => {
  let before: Run & { outDir: string };
  let after: Run & { outDir: string };
  beforeAll(() => {
    // The cloud incident gets a "monitoring" update (the same edited site the feed and calendar tests read).
    ({ before, after } = editedMinimal());
  });

  test('builds', () => {
    expect(before.status, before.stderr).toBe(0);
    expect(after.status, after.stderr).toBe(0);
  });

  test('one per language, and one per product and language', () => {
    expect(listFiles(before.outDir).filter((f) => f.endsWith('updates.xml'))).toEqual([
      'products/cloud/updates.xml',
      'products/widget/updates.xml',
      'sv/products/cloud/updates.xml',
      'sv/products/widget/updates.xml',
      'sv/updates.xml',
      'updates.xml',
    ]);
  });

  test.each(['updates.xml', 'sv/updates.xml', 'products/cloud/updates.xml', 'sv/products/widget/updates.xml'])(
    '%s: an update to an open incident is a new item; the others stay as they were',
    async (path) => {
      const [a, b] = [await read(before.outDir, path), await read(after.outDir, path)];
      const guids = (f: typeof a) => f.items.map((i) => i.guid);
      expect(guids(b).slice(1)).toEqual(guids(a));
      expect(guids(b)[0]).toMatch(/\/incidents\/2026-11-22-cloud-down\/#update-2$/);
      expect(new Set(guids(b)).size).toBe(b.items.length);
      expect(b.items[0]!.title).toMatch(
        path.startsWith('sv/')
          ? /^Bevakas: Inloggning misslyckas \((större|delvis) avbrott\)$/
          : /^Monitoring: Cloud sign-in fails \((major|partial) outage\)$/,
      );
    },
  );

  test("each item's link leads to its update on the incident's page", async () => {
    const feed = await read(after.outDir, 'updates.xml');
    const html = readFileSync(join(after.outDir, 'incidents/2026-11-22-cloud-down/index.html'), 'utf8');
    for (const item of feed.items.filter((i) => i.link!.includes('cloud-down'))) expect(html).toContain(`id="${item.link!.split('#')[1]}"`);
    expect(html.indexOf('id="update-2"')).toBeLessThan(html.indexOf('id="update-1"'));
  });

  test('every page advertises the incident feed and the updates feed, each by its name', () => {
    for (const [page, expected] of [
      ['index.html', ['Acme Status: incidents and maintenance" href="/rss.xml"', 'Acme Status: every incident update" href="/updates.xml"']],
      [
        'sv/incidents/index.html',
        ['Acme driftstatus: incidenter och underhåll" href="/sv/rss.xml"', 'Acme driftstatus: varje incidentuppdatering" href="/sv/updates.xml"'],
      ],
    ] as const) {
      const html = readFileSync(join(before.outDir, page), 'utf8');
      for (const e of expected) expect(html).toContain(`<link rel="alternate" type="application/rss+xml" title="${e}>`);
    }
  });
});
