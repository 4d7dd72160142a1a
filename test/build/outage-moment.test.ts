/**
 * The outage moment (issue 18, points 1 to 5 and 8), read from a real build of the minimal site with
 * three open incidents: the verdict names the affected products by impact, open incidents come by
 * impact then start, every open incident says when its next update is due, every page carries its
 * build time and staleness threshold, product pages list their open incidents, link their customer
 * care and give each supported version its end date, and the components API carries the uptime.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { MINIMAL, buildSite, tempDir, type Run } from '../helpers/fixtures.ts';
import { visibleText } from '../helpers/html.ts';
import { statuspageValidator } from '../helpers/statuspage-schema.ts';

/** The text a reader sees, spaces as a reader would read them (none before a colon in English). */
const text = (html: string) =>
  visibleText(html)
    .replace(/\s+/g, ' ')
    .replace(/ ([:,])/g, '$1')
    .trim();

function incidentFile(fm: Record<string, string>, updates: string[]): string {
  return ['---', ...Object.entries(fm).map(([k, v]) => `${k}: ${v}`), 'updates:', ...updates, '---', ''].join('\n');
}

describe('the outage moment on the minimal site with three open incidents', () => {
  let build: Run & { outDir: string };
  const page = (p: string) => readFileSync(join(build.outDir, p), 'utf8');

  beforeAll(() => {
    const content = join(tempDir('outage'), 'content');
    cpSync(MINIMAL, content, { recursive: true });
    const site = join(content, 'site.yaml');
    writeFileSync(site, `${readFileSync(site, 'utf8')}nextUpdateAfter: 30 minutes\nstaleAfter: 45 minutes\n`);
    // Newer than cloud-down (09:00) but milder: it comes after it.
    writeFileSync(
      join(content, 'incidents/2026-11-22-widget-exports.md'),
      incidentFile(
        {
          title: 'Widget exports fail',
          severity: 'minor',
          scope: 'own',
          affects: '[{ product: widget, impact: partial_outage }]',
          started: '"2026-11-22T09:30:00Z"',
        },
        ['  - { at: "2026-11-22T09:40:00Z", status: investigating, message: Exports fail. }'],
      ),
    );
    // The oldest and mildest, with a next update staff set.
    writeFileSync(
      join(content, 'incidents/2026-11-22-cloud-slow.md'),
      incidentFile(
        {
          title: 'Cloud is slow',
          severity: 'minor',
          scope: 'own',
          affects: '[{ product: cloud, impact: degraded_performance }]',
          started: '"2026-11-22T08:00:00Z"',
        },
        ['  - { at: "2026-11-22T08:10:00Z", status: identified, message: A disk is slow., nextUpdate: "2026-11-22T12:00:00Z" }'],
      ),
    );
    build = buildSite(content);
  });

  test('builds', () => {
    expect(build.status, build.stderr).toBe(0);
  });

  test('the verdict names each affected product with its status, the worst first, since when and when the next update is due', () => {
    const verdict = /<div class="verdict[^"]*" role="status"[^>]*>([\s\S]*?)<\/div>/.exec(page('index.html'))![1]!;
    // Without JavaScript, in the site's zone. Cloud is in major outage since the sign-in failure
    // (09:00 UTC), not since the slowness (08:00), which only degraded it. Each product's next update
    // is the soonest of its open incidents: the sign-in failure's, overdue, so in the past tense.
    // (The comma is for screen readers, the dot for the eye from 700 px: without CSS both show.)
    expect(text(verdict)).toBe(
      'Major outage: some products are unavailable ' +
        'Acme Cloud: Major outage since Nov 22, 10:00 AM GMT+1, · next update was due Nov 22, 10:35 AM GMT+1 ' +
        'Acme Widget: Partial outage since Nov 22, 10:00 AM GMT+1, · next update was due Nov 22, 10:35 AM GMT+1',
    );
    // The times are instants the reader's browser rewrites into its own clock.
    expect([...verdict.matchAll(/<time datetime="([^"]+)" data-local="short"/g)].map((m) => m[1])).toEqual([
      '2026-11-22T09:00:00.000Z',
      '2026-11-22T09:35:00.000Z',
      '2026-11-22T09:00:00.000Z',
      '2026-11-22T09:35:00.000Z',
    ]);
    // Overdue at build time: the warning colour, and nothing for the freshness script to watch.
    expect(verdict).toMatch(/<span class="next-short overdue"(?![^>]*data-changes-at)/);
    expect(text(/<div class="verdict[\s\S]*?<\/div>/.exec(page('sv/index.html'))![0])).toContain(
      'Acme Cloud: Större avbrott sedan 22 nov. 10:00 CET, · uppdatering väntades 22 nov. 10:35 CET',
    );
  });

  test('the product list comes right after the verdict, before the open incidents', () => {
    const html = page('index.html');
    expect(html.indexOf('id="product-widget"')).toBeGreaterThan(html.indexOf('class="verdict'));
    expect(html.indexOf('id="product-widget"')).toBeLessThan(html.indexOf('id="open"'));
  });

  test('open incidents come by impact, the worst first, then by start, the latest first', () => {
    const titles = [...page('index.html').matchAll(/<h3 class="title"[^>]*><a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(titles).toEqual(['Cloud sign-in fails', 'Widget exports fail', 'Cloud is slow']);
  });

  test("an incident card shows its impact on the status scale and its step as a word, each product's impact with its shape", () => {
    const card = /<article class="incident card"[^>]*>[\s\S]*?<\/article>/.exec(page('index.html'))![0];
    expect(card).toMatch(
      /<span class="badge"[^>]*><svg class="status-icon s-major_outage"[^>]*><path d="M0 0h10v10H0z"[^>]*><\/path><\/svg>Major outage<\/span>/,
    );
    expect(card).toMatch(/<span class="step"[^>]*>Identified<\/span>/);
    expect(card).toMatch(/Acme Widget<\/a>: <span class="impact"[^>]*><svg class="status-icon s-partial_outage"/);
  });

  test("every open incident says when its next update is due: site default, overdue shown, or staff's time", () => {
    const home = page('index.html');
    const next = [...home.matchAll(/<p class="next( overdue)?"[^>]*>(.*?)<\/p>/g)].map((m) => [
      Boolean(m[1]),
      text(m[2]!),
      /datetime="([^"]+)"/.exec(m[2]!)![1],
    ]);
    expect(next).toEqual([
      [true, expect.stringMatching(/^Overdue: the next update was due /), '2026-11-22T09:35:00.000Z'],
      [false, expect.stringMatching(/^Next update due /), '2026-11-22T10:10:00.000Z'],
      [false, expect.stringMatching(/^Next update due /), '2026-11-22T12:00:00.000Z'],
    ]);
    // A time still ahead is one the freshness script watches; an overdue one is not.
    expect(home).toMatch(/<p class="next"[^>]*data-changes-at="2026-11-22T10:10:00.000Z"/);
    expect(home).not.toMatch(/<p class="next overdue"[^>]*data-changes-at/);
  });

  test('every page carries its build time as "Updated ..." and the staleness threshold from site.yaml', () => {
    for (const p of ['index.html', 'sv/products/widget/index.html', 'incidents/2026-11-22-cloud-down/index.html', 'support/hours/index.html']) {
      const html = page(p);
      expect(html, p).toMatch(/<div class="freshness"[^>]*data-built="2026-11-22T10:00:00.000Z" data-stale-minutes="45"/);
      expect(html, p).toMatch(/<p class="stale" role="status" hidden/);
    }
    expect(text(/<p class="updated"[^>]*>.*?<\/p>/.exec(page('index.html'))![0])).toBe('Updated November 22, 2026 at 11:00 AM GMT+1');
    expect(text(/<p class="updated"[^>]*>.*?<\/p>/.exec(page('sv/index.html'))![0])).toMatch(/^Uppdaterad 22 november 2026 (kl. )?11:00/);
  });

  test('a maintenance list keeps its built state and marks the moment it changes for the freshness notice', () => {
    const home = page('index.html');
    expect(home).not.toContain('data-maintenance-state');
    expect(home).toMatch(/<p class="state" data-changes-at="2026-11-25T21:00:00.000Z"[^>]*>Upcoming<\/p>/);
  });

  test('a product page lists its open incidents with its past ones, and never says there are none', () => {
    const html = page('products/widget/index.html');
    const recent = text(/<section aria-labelledby="recent"[\s\S]*?<\/section>/.exec(html)![0]);
    // Open ones first, in the status page's order (by impact, then the latest start), then past ones.
    expect(recent).toMatch(/Cloud sign-in fails.*Widget exports fail.*Widget is slow/);
    expect(recent).not.toContain('No incidents on record');
  });

  test('a product page shows the uptime beside the bars, a key and how uptime is counted', () => {
    const t = text(page('products/cloud/index.html'));
    // One hour of major outage in 89 days (one of 25 hours) and 11 hours of today: 1 - 60 / 128,880.
    expect(t).toContain('99.95% uptime');
    expect(t).toMatch(/Key|Operational Degraded performance Partial outage Major outage/);
    expect(t).toContain('Uptime counts each minute of major outage in full and each minute of partial outage as 30 %');
  });

  test("a product page links its customer care (hours and contacts) and gives each supported version's end", () => {
    const html = page('products/widget/index.html');
    expect(html).toMatch(/<a href="\/support\/hours\/#widget"[^>]*>Phone numbers, e-mail and opening hours<\/a>/);
    const t = text(html);
    expect(t).toContain('2026.11 Faster reports November 10, 2026 Supported until January 12, 2027');
    expect(t).toContain('2026.10 October 13, 2026 Supported until December 8, 2026');
  });

  test("components.json carries each product's 90-day uptime as an extra field, and stays a valid Statuspage document", () => {
    const doc = JSON.parse(page('api/v2/components.json')) as { components: { name: string; uptime_90_days?: number; group: boolean }[] };
    expect(statuspageValidator('components.json')(doc)).toBe(true);
    const byName = Object.fromEntries(doc.components.map((c) => [c.name, c.uptime_90_days]));
    expect(byName['Acme Cloud']).toBe(Math.floor((1 - 60 / 128880) * 1e6) / 1e4);
    expect(byName['Acme Widget']).toBeLessThan(100);
  });
});
