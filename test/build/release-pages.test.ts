/** Release schedule and product release sections of the default site at its pinned now (2026-11-22). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT, type Run, sharedBuild } from '../helpers/fixtures.ts';
import { visibleText } from '../helpers/html.ts';

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
    expect(t).toMatch(/Planview Projectplace Takt: [^.]+ Uppdateras löpande, flera gånger om dagen: det finns inga versionsdatum\./);
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
