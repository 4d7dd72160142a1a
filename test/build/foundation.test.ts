/** Builds the minimal fixture site for real and reads dist/ as a visitor's browser would get it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { MINIMAL, listFiles, sharedBuild, type Run } from '../helpers/fixtures.ts';

let build: Run & { outDir: string };
const page = (path: string) => readFileSync(join(build.outDir, path), 'utf8');

beforeAll(() => {
  build = sharedBuild(MINIMAL);
});

describe('a valid site builds in every language', () => {
  test('the build succeeds', () => {
    expect(build.stderr).not.toMatch(/error/i);
    expect(build.status).toBe(0);
  });

  test('the default language is at /, the others under their code, plus a 404 page', () => {
    const html = listFiles(build.outDir).filter((f) => f.endsWith('.html'));
    expect(html).toEqual(expect.arrayContaining(['404.html', 'index.html', 'sv/index.html', 'support/index.html', 'sv/support/index.html']));
    expect(
      html
        .filter((f) => !f.startsWith('sv/') && f !== '404.html')
        .map((f) => `sv/${f}`)
        .filter((f) => !html.includes(f)),
    ).toEqual([]);
  });

  test.each([
    ['index.html', 'en'],
    ['sv/index.html', 'sv'],
  ])('%s declares lang="%s"', (file, lang) => {
    expect(page(file)).toMatch(new RegExp(`<html lang="${lang}"`));
  });

  test('each page lists its language alternates with hreflang, and x-default', () => {
    const html = page('sv/index.html');
    expect(html).toContain('<link rel="alternate" hreflang="en" href="https://status.acme.test/">');
    expect(html).toContain('<link rel="alternate" hreflang="sv" href="https://status.acme.test/sv/">');
    expect(html).toContain('<link rel="alternate" hreflang="x-default" href="https://status.acme.test/">');
    expect(html).toContain('<link rel="canonical" href="https://status.acme.test/sv/">');
  });

  test('the language switcher links the same page in the other language and marks the current one', () => {
    const html = page('sv/index.html');
    expect(html).toMatch(/<a href="\/" hreflang="en" lang="en"[^>]*>English<\/a>/);
    expect(html).toMatch(/<span aria-current="true" lang="sv"[^>]*>Svenska<\/span>/);
    expect(page('index.html')).toMatch(/<a href="\/sv\/" hreflang="sv" lang="sv"[^>]*>Svenska<\/a>/);
    expect(page('sv/incidents/2026-11-21-widget-slow/index.html')).toMatch(
      /<a href="\/incidents\/2026-11-21-widget-slow\/" hreflang="en" lang="en"[^>]*>English<\/a>/,
    );
  });

  test('content text is shown in the page language, and text that fell back is marked with its own lang', () => {
    const sv = page('sv/support/index.html');
    expect(sv).toContain('varje månad');
    expect(sv).toMatch(/<span lang="en"[^>]*>Runs in our cloud, always on the latest version\.<\/span>/);
    expect(page('support/index.html')).not.toContain('<span lang="en"');
    expect(page('sv/incidents/2026-11-21-widget-slow/index.html')).toMatch(/<div lang="en"[^>]*><p>Pages are fast again\.<\/p><\/div>/);
  });

  test('UI strings are translated', () => {
    expect(page('sv/index.html')).toContain('Hoppa till huvudinnehållet');
    expect(page('index.html')).toContain('Skip to main content');
  });

  test('pages have landmarks and a skip link to the main content', () => {
    const html = page('index.html');
    expect(html).toMatch(/<a class="skip"[^>]* href="#main"/);
    expect(html).toMatch(/<main id="main"/);
    expect(html).toMatch(/<header class="site-header"/);
    expect(html).toMatch(/<footer class="site-footer"/);
  });

  test('the footer shows the build time from the pinned clock', () => {
    expect(page('index.html')).toMatch(/<time datetime="2026-11-22T10:00:00.000Z"[^>]*>November 22, 2026 at 11:00 AM GMT\+1<\/time>/);
  });

  test('no page asks for a third-party resource or a web font', () => {
    for (const file of listFiles(build.outDir).filter((f) => f.endsWith('.html'))) {
      const html = page(file);
      expect(html, file).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:\/\/(?!status\.acme\.test)/);
      expect(html, file).not.toMatch(/@font-face|fonts\.googleapis/);
    }
  });

  test('the 404 page speaks every language and links each home page', () => {
    const html = page('404.html');
    expect(html).toContain('Page not found');
    expect(html).toMatch(/<section lang="sv"[^>]*>[\s\S]*Sidan finns inte/);
    expect(html).toMatch(/href="\/sv\/" hreflang="sv"/);
  });
});
