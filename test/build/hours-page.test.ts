/** The hours-and-contacts page of the default site at its pinned now (Sunday 2026-11-22 10:00 UTC), read without JavaScript. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT, type Run, sharedBuild } from '../helpers/fixtures.ts';
import { visibleText } from '../helpers/html.ts';
import { telHref } from '../../src/lib/views/hours.ts';
import { readSpans } from '../../src/lib/spans-text.ts';

const text = visibleText;

describe('hours and contacts', () => {
  let build: Run & { outDir: string };
  let html: string;
  const section = (id: string) => new RegExp(`<section id="${id}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
  beforeAll(() => {
    build = sharedBuild(join(ROOT, 'content'));
    html = readFileSync(join(build.outDir, 'support/hours/index.html'), 'utf8');
  });

  test('builds in every language', () => {
    expect(build.status).toBe(0);
    for (const lang of ['sv/', 'fr/']) expect(readFileSync(join(build.outDir, `${lang}support/hours/index.html`), 'utf8')).toContain('tel:+15123468460');
  });

  test.each([
    ['+1 512-346-8460', 'tel:+15123468460'],
    ['+33 (0) 4 89 73 73 02', 'tel:+33489737302'],
    ['+61 2 80149318', 'tel:+61280149318'],
    ['49-721-95-97-262', 'tel:+497219597262'],
  ])('%s dials as %s', (printed, href) => {
    expect(telHref(printed)).toBe(href);
  });

  test('phones are tel: links with their country, e-mail addresses are mailto: links', () => {
    // Numbers are printed with non-breaking spaces and hyphens so they never wrap mid-number.
    const e1 = section('enterprise-one')
      .replace(/\u00a0/g, ' ')
      .replace(/\u2011/g, '-');
    expect(e1).toMatch(/Phone \(United States\): <a href="tel:\+15123468460"[^>]*>\+1 512-346-8460<\/a>/);
    expect(e1).toMatch(/<a href="mailto:customercare@planview.eu"/);
    expect(section('enterprise-one')).toContain('>+1\u00a0512\u2011346\u20118460</a>');
    expect(
      section('daptiv')
        .replace(/\u00a0/g, ' ')
        .replace(/\u2011/g, '-'),
    ).toMatch(/<a href="tel:\+18883419117"[^>]*>\+1 888-341-9117<\/a> \(toll-free\)/);
  });

  test('each desk shows its regular week in its zone, Monday first, every weekday present (closed ones said closed), hours past midnight marked', () => {
    const t = text(section('enterprise-one'));
    expect(t).toContain('Regular hours in America/Chicago Monday – Thursday 07:00–01:00 (+1) Friday 07:00–19:00 Saturday Closed Sunday 17:00–01:00 (+1)');
    expect(t).toContain('Regular hours in Europe/Berlin Monday – Friday 08:00–18:00 Saturday, Sunday Closed');
    const sv = readFileSync(join(build.outDir, 'sv/support/hours/index.html'), 'utf8');
    expect(text(/<section id="daptiv"[\s\S]*?<\/section>/.exec(sv)?.[0] ?? '')).toContain('måndag – fredag 02:00–19:30 lördag, söndag Stängt');
  });

  test('at the top, a chooser: every product links to its section, and each region of a product with several to its desk card', () => {
    const nav = /<nav class="chooser"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    expect(html.indexOf('<nav class="chooser"')).toBeLessThan(html.indexOf('<section id="enterprise-one"'));
    expect(text(nav).replace(/ :/g, ':')).toMatch(
      /^ Your product and region Planview Enterprise One: Americas and Asia-Pacific · Europe, Middle East and Africa /,
    );
    const targets = [...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets).toContain('daptiv');
    expect(targets).toContain('projectplace-emea');
    for (const id of targets) expect(html, id).toContain(` id="${id}"`);
    // The card a region link lands on opens with the desk's state, then its numbers.
    const card = /<article[^>]* id="projectplace-emea"[\s\S]*?<\/article>/.exec(html)?.[0] ?? '';
    expect(text(card).replace(/\u00a0/g, ' ')).toMatch(
      /^ Europe, Middle East and Africa Outside office hours now, opens Monday, \d\d:\d\d GMT\+1 Phone \(United Kingdom\): \+44/,
    );
  });

  test('the build-time state is explained once, not on every card', () => {
    expect(html.match(/data-as-of/g)).toHaveLength(1);
  });

  test('the state at build time is right for each desk: Sunday 04:00 in Chicago, 11:00 in Berlin', () => {
    const t = text(section('enterprise-one'));
    expect(t).toContain('Outside office hours now, opens Sunday, 17:00 CST');
    expect(t).toContain('Outside office hours now, opens Monday, 08:00 GMT+1');
    expect(text(section('daptiv'))).toContain('Outside office hours now, opens Monday, 02:00 GMT+1');
  });

  test('upcoming closures are listed with their names, each marked as sample data', () => {
    expect(text(section('enterprise-one'))).toContain('Closed on: November 26, 2026 (Thanksgiving Day) Sample ; December 25, 2026 (Christmas Day) Sample');
  });

  test.each(['en', 'sv', 'fr'] as const)('%s: a product the desk keeps no hours for (Clarizen, e-mail only) lists none of its closures', (lang) => {
    const strings = JSON.parse(readFileSync(join(ROOT, `src/i18n/${lang}.json`), 'utf8')) as Record<string, string>;
    const plain = (s: string) => text(s).replace(/[\s\u00a0\u202f]+/g, ' ');
    const label = plain(`${strings['hours.closures']}${strings['ui.colon']}`);
    const page = readFileSync(join(build.outDir, `${lang === 'en' ? '' : `${lang}/`}support/hours/index.html`), 'utf8');
    const card = (id: string) => new RegExp(`<article[^>]*id="${id}"[\\s\\S]*?</article>`).exec(page)?.[0] ?? '';
    for (const desk of ['americas', 'emea']) {
      const clarizen = card(`clarizen-${desk}`);
      expect(plain(clarizen), desk).toContain('support@clarizen.com');
      expect(plain(clarizen), desk).not.toContain(label);
      expect(clarizen, desk).not.toContain('class="sample"');
      expect(plain(card(`enterprise-one-${desk}`)), desk).toContain(label);
    }
  });

  test('chat, the 24/7 tier line, and the products without a phone line; no routing between regions (the 2020 edition had it, the 2021 one not)', () => {
    expect(section('projectplace')).toContain('href="https://lc.chat/now/8700631/"');
    expect(text(section('spigit'))).toContain('Chat: Chat from within the product');
    const t = text(html);
    expect(t).toContain('Around the clock for Critical cases: Elite / Platinum / Medallion');
    expect(t).toMatch(/No phone line .*Europe, Middle East and Africa: [^.]*Planview PPM Pro[^.]*Planview LeanKit/);
    expect(t).not.toContain('Between regions');
  });

  test.each(['', 'sv/', 'fr/'])("%s: a region's zone label is one token a line cannot end inside (UTC\u20116, as phone numbers)", (lang) => {
    const zones =
      /<section aria-labelledby="zones"[\s\S]*?<\/section>/.exec(readFileSync(join(build.outDir, `${lang}support/hours/index.html`), 'utf8'))?.[0] ?? '';
    expect(zones).toContain('UTC\u20116');
    expect(zones).not.toMatch(/UTC-\d/);
  });

  test("the coverage chart is drawn at build time in the page's zone, and carries the UTC intervals for the script", () => {
    const chart = /<figure class="coverage"[\s\S]*?<\/figure>/.exec(section('enterprise-one'))?.[0] ?? '';
    const spans = readSpans(/data-coverage="([^"]*)"/.exec(chart)?.[1] ?? '');
    expect(spans.length).toBeGreaterThan(10);
    expect(new Date(spans[0]![0]).toISOString()).toMatch(/^2026-11-2\dT/);
    expect(chart).toContain('Hours per weekday in America/Chicago, across all desks.');
    expect((chart.match(/<rect /g) ?? []).length).toBeGreaterThan(5);
    // The Swedish page's in Stockholm, the zone site.yaml names for Swedish; the same intervals.
    const sv = readFileSync(join(build.outDir, 'sv/support/hours/index.html'), 'utf8');
    const svChart = /<section id="enterprise-one"[\s\S]*?<figure class="coverage"[\s\S]*?<\/figure>/.exec(sv)?.[0] ?? '';
    expect(svChart).toContain('Öppettider per veckodag i Europe/Stockholm, för alla team.');
    expect(readSpans(/data-coverage="([^"]*)"/.exec(svChart)?.[1] ?? '')).toEqual(spans);
  });

  test('each chart says which week it shows, dates its weekdays, and names the holiday that empties a day', () => {
    // Built Sunday 22 November: the chart shows the next week, with Thanksgiving (Thursday 26) at the Americas desk.
    const box = /<details class="coverage-box"[\s\S]*?<\/details>/.exec(section('enterprise-one'))?.[0] ?? '';
    expect(text(box)).toContain('Weekly coverage across all desks (November 23 – 29, 2026)');
    expect(text(box)).toContain('Week shown: November 23 – 29, 2026');
    expect(text(box)).toContain('Closed that week: Thursday, November 26 (Thanksgiving Day, Americas and Asia-Pacific) Sample');
    const days = [...box.matchAll(/<li[^>]*>([^<]*)<\/li>/g)].map((m) => m[1]);
    expect(days.slice(0, 7)).toEqual([
      'Monday Nov 23',
      'Tuesday Nov 24',
      'Wednesday Nov 25',
      'Thursday Nov 26',
      'Friday Nov 27',
      'Saturday Nov 28',
      'Sunday Nov 29',
    ]);
    expect(box).toContain('data-week="2026-11-23"');
  });

  test('without JavaScript the zone picker stays hidden and nothing is missing', () => {
    // Hidden by CSS where scripts cannot run (Chromium without JavaScript: test/e2e/pages.test.ts),
    // and in the page from the first paint where they can, so it never pushes the page down.
    expect(html).toMatch(/<form class="zone" data-zone-picker/);
    expect(html).toMatch(/@media \(scripting:\s*none\)\s*\{\s*\.zone\[data-astro-cid-\w+\]\s*\{\s*display:\s*none/);
    expect(html).toMatch(/<details class="local"[^>]*hidden/);
  });
});
