/**
 * The release schedule at the default site's pinned now (Sunday 22 November 2026): a marker for
 * today, no planned day before it (a past date is no longer "coming"), and each product's
 * supported versions with what the product page says of their support.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import type { SiteContent } from '../../src/lib/content/load.ts';
import { ROOT, loadOrThrow, sharedBuild } from '../helpers/fixtures.ts';

const CONTENT = join(ROOT, 'content');
let c: SiteContent;
let dist: string;
beforeAll(() => {
  c = loadOrThrow(CONTENT);
  const run = sharedBuild(CONTENT);
  expect(run.status, run.stderr).toBe(0);
  dist = run.outDir;
});

const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
/** The section of one month on the schedule page. */
const month = (html: string, m: string) => new RegExp(`<section aria-labelledby="m-${m}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';

test.each([
  ['releases', 'Today', ':'],
  ['sv/releases', 'I dag', ':'],
  ['fr/releases', "Aujourd'hui", '\u00a0:'],
])('%s: today is marked first in its month, and no planned day before it is listed', (path, word, colon) => {
  const html = page(path);
  const november = month(html, '2026-11');
  expect(november).toMatch(new RegExp(`<p class="today"[^>]*><strong[^>]*>${word.replace("'", "(?:'|&#39;)")}</strong>${colon} <time datetime="2026-11-22"`));
  const days = [...november.matchAll(/<li[^>]*> ?<time datetime="(\d{4}-\d\d-\d\d)"/g)].map((m) => m[1]!);
  expect(
    days.every((d) => d >= '2026-11-22'),
    days.join(', '),
  ).toBe(true);
  // Only November carries the marker.
  expect(html.match(/class="today"/g)).toHaveLength(1);
  // The days listed across the three months are all ahead.
  expect([...html.matchAll(/<li[^>]*> ?<time datetime="(\d{4}-\d\d-\d\d)"/g)].length).toBeGreaterThan(0);
});

test("each product's card lists its supported versions, linked to the product page", () => {
  const html = page('releases');
  for (const p of c.products) {
    const card = new RegExp(`<li class="card" id="${p.id}"[\\s\\S]*?</li>\\s*(?=<li class="card"|</ul>\\s*</section>)`).exec(html)?.[0] ?? '';
    expect(card, p.id).not.toBe('');
    const window = p.tenancy === 'multi' ? c.policy.supportWindow.multiTenant : c.policy.supportWindow.singleTenant;
    const published = (c.releases[p.id] ?? []).filter((r) => r.date <= '2026-11-22');
    const supported = published.slice(0, window).map((r) => r.version);
    if (supported.length === 0) {
      expect(card).not.toContain('Supported versions');
      continue;
    }
    expect(card).toContain('Supported versions');
    for (const v of supported)
      expect(card, `${p.id} ${v}`).toMatch(
        new RegExp(`<a href="/products/${p.id}/#release-${v.replace('.', '\\.')}"[^>]*>${v.replace('.', '\\.')}</a>: Supported`),
      );
  }
});
