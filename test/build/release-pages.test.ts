/** Release schedule and product release sections of the default site at its pinned now (2026-11-22). */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { MINIMAL, ROOT, buildSite, loadOrThrow, tempDir, type Run, sharedBuild } from '../helpers/fixtures.ts';
import { visibleText } from '../helpers/html.ts';
import { translator } from '../../src/lib/i18n.ts';

const text = visibleText;

describe('release pages', () => {
  let build: Run & { outDir: string };
  const page = (p: string) => readFileSync(join(build.outDir, p), 'utf8');
  beforeAll(() => {
    build = sharedBuild(join(ROOT, 'content'));
  });

  test('the schedule page exists in every language and is in the navigation', () => {
    expect(build.status).toBe(0);
    for (const l of ['', 'sv/', 'fr/']) expect(page(`${l}releases/index.html`)).toContain(`href="/${l}releases/"`);
  });

  test('it covers this month and the next two, with each planned date and the products on it', () => {
    const t = text(page('releases/index.html'));
    expect(t).toMatch(/November 2026 .* December 2026 .* January 2027/);
    expect(t).toContain('Saturday, December 12 : Planview Enterprise One');
    expect(t).toContain('Saturday, December 26 : Planview Changepoint , Planview Clarizen');
    expect(t).not.toContain('February 2027');
  });

  test('each product shows its cadence in words and its next dates; continuous products say so', () => {
    const t = text(page('sv/releases/index.html'));
    expect(t).toMatch(/Planview Projectplace Takt: [^.]+ Uppdateras löpande: det finns inga versionsdatum\./);
    expect(text(page('releases/index.html'))).toContain(
      'Planview Enterprise One Cadence: Monthly Next releases: Saturday, December 12 ; Saturday, January 9 ; Saturday, February 13',
    );
  });

  test('calendars are offered as webcal: subscriptions and as .ics files', () => {
    const html = page('releases/index.html');
    expect(html).toContain('href="webcal://status.planview.com/calendars/releases.ics"');
    expect(html).toContain('href="webcal://status.planview.com/calendars/releases/spigit.ics"');
    expect(html).not.toContain('calendars/releases/projectplace.ics');
    expect(page('maintenance/index.html')).toContain('href="webcal://status.planview.com/calendars/maintenance.ics"');
  });

  test('a single-tenant product supports its latest two releases; older ones say when support ended', () => {
    const t = text(page('products/enterprise-one/index.html'));
    expect(t).toMatch(/2026\.11 .* November 14, 2026 Supported/);
    expect(t).toMatch(/2026\.10 .* October 10, 2026 Supported/);
    expect(t).toMatch(/2026\.09 .* September 12, 2026 Not supported since November 14, 2026/);
  });

  test('a multi-tenant product supports only its latest release', () => {
    const rows = [...page('products/spigit/index.html').matchAll(/<tr id="release-[^"]+"[\s\S]*?<\/tr>/g)].map((m) => text(m[0]));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[0]).toContain('Supported');
    expect(rows.slice(1).every((r) => r.includes('Not supported since'))).toBe(true);
  });

  test('release feed items link to rows that exist on the product page', () => {
    const feed = page('releases/rss.xml');
    const links = [...feed.matchAll(/<link>(https:\/\/status\.planview\.com\/products\/[^<#]+)#([^<]+)<\/link>/g)];
    expect(links.length).toBeGreaterThan(3);
    for (const [, url, anchor] of links) {
      const file = `${new URL(url!).pathname.slice(1)}index.html`;
      expect(page(file), `${url}#${anchor}`).toContain(`id="${anchor}"`);
    }
  });
});

/** The sample marker's word in each language. */
const SAMPLE: Record<string, string> = { '': 'Sample', 'sv/': 'Exempeldata', 'fr/': 'Fictif' };
const MARKER = /<span class="sample"[^>]*>([^<]*)<\/span>/;
/** The supported-versions lines of one product's card on the schedule page, each with its version and marker word ('' for none). */
function supportedLines(html: string, id: string): { version: string; marker: string }[] {
  const card = new RegExp(`<li class="card" id="${id}"[\\s\\S]*?</li>\\s*(?=<li class="card"|</ul>\\s*</section>)`).exec(html)?.[0] ?? '';
  const list = /<ul class="supported"[^>]*>([\s\S]*?)<\/ul>/.exec(card)?.[1] ?? '';
  return [...list.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => ({
    version: /<a [^>]*>([^<]+)<\/a>/.exec(m[1]!)?.[1] ?? '',
    marker: MARKER.exec(m[1]!)?.[1] ?? '',
  }));
}

describe('the sample marker on the supported versions of the schedule page', () => {
  test.each(['', 'sv/', 'fr/'])('%s: the default site, whose releases are all samples, marks every supported version', (lang) => {
    const c = loadOrThrow(join(ROOT, 'content'));
    expect(Object.values(c.releases).every((rs) => rs.every((r) => r.sample))).toBe(true);
    const html = readFileSync(join(sharedBuild(join(ROOT, 'content')).outDir, `${lang}releases/index.html`), 'utf8');
    const lines = c.products.flatMap((p) => supportedLines(html, p.id));
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(l.marker, l.version).toBe(SAMPLE[lang]);
  });

  test('a site with no sample releases and no sample schedule marks none', () => {
    const build = sharedBuild(MINIMAL);
    expect(build.status, build.stderr).toBe(0);
    for (const lang of ['', 'sv/']) {
      const html = readFileSync(join(build.outDir, `${lang}releases/index.html`), 'utf8');
      expect(supportedLines(html, 'widget').map((l) => l.version)).toEqual(['2026.11', '2026.10']);
      expect(html).not.toMatch(MARKER);
    }
  });

  test('only a sample release is marked, or every version whose end date comes from a sample schedule', () => {
    // One build of two products with the same schedule: widget with one sample release, gizmo (a
    // copy) with a sample schedule instead.
    const dir = join(tempDir('sample-releases'), 'content');
    cpSync(MINIMAL, dir, { recursive: true });
    const releases = readFileSync(join(dir, 'releases/widget.yaml'), 'utf8');
    writeFileSync(join(dir, 'releases/widget.yaml'), releases.replace('{ version: "2026.10"', '{ sample: true, version: "2026.10"'));
    // Gizmo also has a release out of support: its end is a real release's date, not the schedule's.
    writeFileSync(join(dir, 'releases/gizmo.yaml'), releases.replace('releases:\n', 'releases:\n  - { version: "2026.09", date: "2026-09-08" }\n'));
    const products = join(dir, 'products.yaml');
    const widget = / {2}- id: widget\n(?: {4}.*\n)+/.exec(readFileSync(products, 'utf8'))![0];
    const gizmo = widget
      .replace('id: widget', 'id: gizmo')
      .replace('Acme Widget', 'Acme Gizmo')
      .replace('kind: recurring', 'kind: recurring\n      sample: true');
    expect(gizmo).toContain('sample: true');
    writeFileSync(products, readFileSync(products, 'utf8') + gizmo);
    const build = buildSite(dir);
    expect(build.status, build.stderr).toBe(0);
    const lines = (lang: string, product: string) => supportedLines(readFileSync(join(build.outDir, `${lang}releases/index.html`), 'utf8'), product);
    const rows = (lang: string, product: string) =>
      [...readFileSync(join(build.outDir, `${lang}products/${product}/index.html`), 'utf8').matchAll(/<tr id="release-[^"]+"[\s\S]*?<\/tr>/g)].map((m) => ({
        version: /<th scope="row"[^>]*>(?:<a [^>]*>)?([^<]+)/.exec(m[0])?.[1] ?? '',
        marker: MARKER.exec(m[0])?.[1] ?? '',
        until: m[0].includes(translator(lang === '' ? 'en' : lang.slice(0, -1))('releases.supportedUntil').split('{date}')[0]!),
      }));

    // The sample release alone is marked, on the schedule page and the product page's rows.
    expect(lines('', 'widget')).toEqual([
      { version: '2026.11', marker: '' },
      { version: '2026.10', marker: 'Sample' },
    ]);
    expect(lines('sv/', 'widget')[1]).toEqual({ version: '2026.10', marker: 'Exempeldata' });
    expect(rows('', 'widget').filter((r) => r.marker !== '')).toEqual([{ version: '2026.10', marker: 'Sample', until: expect.any(Boolean) }]);

    // Every version whose end date the sample schedule gives is marked, and no other.
    expect(lines('', 'gizmo').map((l) => l.marker)).toEqual(['Sample', 'Sample']);
    const after = rows('sv/', 'gizmo');
    expect(after.filter((r) => r.until).length).toBeGreaterThan(0);
    expect(after.filter((r) => !r.until).length).toBeGreaterThan(0);
    for (const r of after) expect(r, r.version).toEqual({ ...r, marker: r.until ? 'Exempeldata' : '' });
  });
});
