/** Status, incident, product, history and maintenance pages, read from real builds. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT, MINIMAL, buildSite, listFiles, loadOrThrow, tempDir, type Run, sharedBuild } from '../helpers/fixtures.ts';
import { visibleText } from '../helpers/html.ts';

const text = visibleText;

describe('the default site at its pinned now (2026-11-22T10:00Z)', () => {
  let build: Run & { outDir: string };
  const page = (p: string) => readFileSync(join(build.outDir, p), 'utf8');
  beforeAll(() => {
    build = sharedBuild(join(ROOT, 'content'));
  });

  test('builds', () => {
    expect(build.status).toBe(0);
  });

  test('the banner gives the worst current status in words, in each language', () => {
    expect(text(page('index.html'))).toContain('Some products are partly unavailable');
    expect(text(page('sv/index.html'))).toContain('Vissa produkter är delvis otillgängliga');
    expect(text(page('fr/index.html'))).toContain('Certains produits sont partiellement indisponibles');
  });

  test.each([
    ['projectplace', 'Partial outage'],
    ['spigit', 'Partial outage'],
    ['daptiv', 'Degraded performance'],
    ['changepoint', 'Under maintenance'],
    ['enterprise-one', 'Operational'],
    ['leankit', 'Operational'],
  ])('the status page shows %s as %s', (id, status) => {
    const li = new RegExp(`<li id="product-${id}"[^>]*>([\\s\\S]*?)</li>`).exec(page('index.html'))?.[1] ?? '';
    expect(text(li)).toContain(status);
  });

  test('a product page puts what is happening now first: maintenance under way before past incidents; open incidents at the top', () => {
    const changepoint = text(page('sv/products/changepoint/index.html'));
    expect(changepoint.indexOf('Nätverksuppgradering för Changepoint')).toBeGreaterThan(0);
    expect(changepoint.indexOf('Nätverksuppgradering för Changepoint')).toBeLessThan(changepoint.indexOf('Senaste incidenterna'));
    // With an open incident, the incidents come first: the minimal site's widget has one and a window ahead.
    const widget = readFileSync(join(sharedBuild(MINIMAL).outDir, 'products/widget/index.html'), 'utf8');
    expect(widget.indexOf('id="maint"')).toBeGreaterThan(0);
    expect(widget.indexOf('id="recent"')).toBeLessThan(widget.indexOf('id="maint"'));
  });

  test("a long text written in the default language only says so on the other languages' pages", () => {
    const sv = text(page('sv/maintenance/2026-11-22-changepoint-network-upgrade/index.html'));
    expect(sv).toContain('Finns bara på engelska. What changes');
    expect(text(page('fr/incidents/2026-10-14-enterprise-one-eu-unavailable/index.html'))).toContain('Rédigé uniquement en anglais.');
    expect(text(page('maintenance/2026-11-22-changepoint-network-upgrade/index.html'))).not.toContain('Written in');
  });

  test('open incidents show their latest update and when the next one is due', () => {
    const home = text(page('index.html'));
    expect(home).toContain('File uploads failing in Projectplace');
    expect(home).toContain('Slow page loads in Daptiv');
    expect(home).toContain('Spigit e-mail notifications delayed');
    expect(home).not.toContain('Enterprise One unavailable in the EU region');
    expect(page('index.html')).toMatch(/Next update due <time datetime="2026-11-22T14:00:00.000Z" data-local/);
  });

  test('maintenance in progress and within 7 days are on the status page; a cancelled window is not', () => {
    const home = text(page('index.html'));
    expect(home).toContain('Maintenance in progress');
    expect(home).toMatch(/Upcoming maintenance \(next 7 days\).*Enterprise One/);
    expect(home).not.toMatch(/LeanKit database migration/i);
  });

  test('every time is a <time datetime> in UTC with its text in the site zone, zone named', () => {
    expect(page('incidents/2026-11-22-projectplace-file-uploads-failing/index.html')).toContain(
      '<time datetime="2026-11-22T04:40:00.000Z" data-local title="November 21, 2026 at 10:40 PM CST (America/Chicago)">November 21, 2026 at 10:40 PM CST</time>',
    );
  });

  test('an incident page has status, severity, products, times, the timeline newest first and the SLA clock', () => {
    const html = page('incidents/2026-11-22-projectplace-file-uploads-failing/index.html');
    const t = text(html);
    // The next update first (with the hidden words for once it has passed), then the facts: on a phone both are on the first screen.
    expect(t).toMatch(
      /File uploads failing in Projectplace Sample Next update due November 22, 2026 at 8:00 AM CST The next update was due November 22, 2026 at 8:00 AM CST Status Identified Severity Major Affected software Our software Affected products Planview Projectplace : Partial outage Started/,
    );
    expect(t.indexOf('cluster is rebalancing')).toBeLessThan(t.indexOf('Uploading files and opening documents'));
    expect(t).toMatch(/First response 60 minutes .* Met/);
    expect(t).toMatch(/Functionality restored 2 hours \(provided no code change is needed\) .* Overdue/);
    expect(t).toMatch(/Status updates as soon as there is news — No fixed time/);
    expect(html).toContain('href="/products/projectplace/rss.xml"');
  });

  test('a resolved system-wide incident shows its duration, outcomes and post-incident report', () => {
    const t = text(page('incidents/2026-10-14-enterprise-one-eu-unavailable/index.html'));
    expect(t).toContain('Resolved');
    expect(t).toContain('Post-incident report');
    expect(t).toMatch(/Root-cause report 15 days/);
    expect(t).not.toContain('ongoing');
  });

  test("each update that changed a product's impact says so, and the facts show how each product was hit at worst", () => {
    const t = text(page('incidents/2026-10-14-enterprise-one-eu-unavailable/index.html'));
    // Newest first: back to normal at 13:30, slow at 10:50, PPM Pro back at 09:35.
    const changes = [
      'New impact: Planview Enterprise One Operational',
      'New impact: Planview Enterprise One Degraded performance',
      'New impact: Planview PPM Pro Operational',
    ];
    expect(changes.map((c) => t.indexOf(c))).toEqual(changes.map((c) => t.indexOf(c)).sort((a, b) => a - b));
    expect(changes.every((c) => t.includes(c))).toBe(true);
    expect(t.split('New impact:')).toHaveLength(4);
    expect(t).toContain('Affected products Planview Enterprise One : Major outage Planview PPM Pro : Partial outage');
    expect(text(page('sv/incidents/2026-10-14-enterprise-one-eu-unavailable/index.html'))).toContain(
      'Ny påverkan: Planview Enterprise One Försämrad prestanda',
    );
    expect(text(page('fr/incidents/2026-10-14-enterprise-one-eu-unavailable/index.html'))).toMatch(/Nouvel impact\s: Planview PPM Pro Opérationnel/);
    // The product's 90-day figure counts the outage until the update that lowered it, not until the resolution.
    expect(text(page('products/enterprise-one/index.html'))).toMatch(/99\.80% uptime\./);
  });

  test('a product page has a 90-day bar with a text alternative and its recent incidents', () => {
    const html = page('products/enterprise-one/index.html');
    // 90 days for wide screens and the last 30 for phones, each day a bar in one path per status.
    expect((html.match(/M\d+ 0h6v34h-6z/g) ?? []).length).toBe(120);
    expect(text(html)).toMatch(/\d+ of 90 days without incidents; 99\.\d\d% uptime\./);
    expect(text(html)).toContain('Enterprise One unavailable in the EU region');
    expect(html).toMatch(
      /<a href="\/incidents\/2026-10-14-enterprise-one-eu-unavailable\/" tabindex="-1"[^>]*>\s*<title>October 14, 2026: Major outage<\/title>/,
    );
  });

  test('pages exist for every incident, product and maintenance window in every language', () => {
    const files = listFiles(build.outDir);
    for (const lang of ['', 'sv/', 'fr/']) {
      expect(files).toContain(`${lang}incidents/2026-11-05-leankit-unavailable/index.html`);
      expect(files).toContain(`${lang}products/clarizen/index.html`);
      expect(files).toContain(`${lang}maintenance/2026-12-06-leankit-database-migration/index.html`);
      expect(files).toContain(`${lang}incidents/index.html`);
    }
  });

  test('pages announce their feeds for autodiscovery', () => {
    expect(page('sv/index.html')).toMatch(/<link rel="alternate" type="application\/rss\+xml" title="[^"]+" href="\/sv\/rss.xml">/);
    expect(page('products/leankit/index.html')).toContain('href="/products/leankit/rss.xml"');
  });

  test('with JavaScript off the history lists everything; its filters are links', () => {
    const html = page('incidents/index.html');
    expect(html).not.toMatch(/<form class="filter"/);
    expect(html).toMatch(/<a href="\/incidents\/product\/projectplace\/"/);
    expect((html.match(/<article class="incident card/g) ?? []).length).toBe(12);
  });
});

/** The maintenance cards of a page, each with its link and the sample marker's word ('' for none). */
function maintenanceCards(html: string): { href: string; marker: string }[] {
  return [...html.matchAll(/<li class="card"[^>]*>\s*<h3[^>]*><a href="([^"]+)"[\s\S]*?<p class="state"[^>]*>([\s\S]*?)<\/p>/g)].map((m) => ({
    href: m[1]!,
    marker: /<span class="sample"[^>]*>([^<]*)<\/span>/.exec(m[2]!)?.[1] ?? '',
  }));
}

/**
 * The minimal site with 60 more incidents (three history pages) and a sample maintenance window the
 * day before its own: one build for the pagination and the sample-marker tests below.
 */
let busy: (Run & { outDir: string }) | undefined;
function busySite(): Run & { outDir: string } {
  if (busy) return busy;
  const dir = join(tempDir('busy'), 'content');
  cpSync(MINIMAL, dir, { recursive: true });
  const window = readFileSync(join(dir, 'maintenance/2026-11-25-db-upgrade.md'), 'utf8');
  writeFileSync(
    join(dir, 'maintenance/2026-11-24-db-upgrade.md'),
    window.replace('---\n', '---\nsample: true\n').replaceAll('2026-11-25', '2026-11-24').replaceAll('2026-11-26', '2026-11-25'),
  );
  const template = readFileSync(join(dir, 'incidents/2026-11-21-widget-slow.md'), 'utf8');
  for (let i = 1; i <= 60; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String(10 - Math.floor(i / 28)).padStart(2, '0');
    writeFileSync(
      join(dir, `incidents/2026-${month}-${day}-bulk-${i}.md`),
      template.replaceAll('2026-11-21', `2026-${month}-${day}`).replace('Widget is slow', `Bulk incident ${i}`),
    );
  }
  return (busy = buildSite(dir));
}

describe('the sample marker on maintenance windows', () => {
  const words: Record<string, string> = { '': 'Sample', 'sv/': 'Exempeldata', 'fr/': 'Fictif' };

  test.each(['', 'sv/', 'fr/'])('%s: the default site marks each sample window on the status page and the maintenance list', (lang) => {
    const c = loadOrThrow(join(ROOT, 'content'));
    const build = sharedBuild(join(ROOT, 'content'));
    for (const page of ['index.html', 'maintenance/index.html']) {
      const cards = maintenanceCards(readFileSync(join(build.outDir, lang, page), 'utf8'));
      expect(cards.length, page).toBeGreaterThan(0);
      for (const card of cards) {
        const window = c.maintenance.find((m) => card.href === `/${lang}maintenance/${m.id}/`);
        expect(window, card.href).toBeDefined();
        expect(card.marker, card.href).toBe(window!.sample ? words[lang] : '');
      }
    }
  });

  test('a site whose windows are not samples marks none; a sample window among them is marked alone', () => {
    const plain = sharedBuild(MINIMAL);
    expect(plain.status, plain.stderr).toBe(0);
    for (const lang of ['', 'sv/']) {
      expect(maintenanceCards(readFileSync(join(plain.outDir, lang, 'index.html'), 'utf8'))).toEqual([
        { href: `/${lang}maintenance/2026-11-25-db-upgrade/`, marker: '' },
      ]);
    }
    const build = busySite();
    expect(build.status, build.stderr).toBe(0);
    expect(maintenanceCards(readFileSync(join(build.outDir, 'sv/index.html'), 'utf8'))).toEqual([
      { href: '/sv/maintenance/2026-11-24-db-upgrade/', marker: 'Exempeldata' },
      { href: '/sv/maintenance/2026-11-25-db-upgrade/', marker: '' },
    ]);
  });
});

describe('the sample marker on the verdict', () => {
  test("the default site's samples decide its whole verdict: it is marked once, beside the verdict, in every language; the minimal site's is not", () => {
    const words: Record<string, string> = { '': 'Sample', 'sv/': 'Exempeldata', 'fr/': 'Fictif' };
    const c = loadOrThrow(join(ROOT, 'content'));
    const open = c.incidents.filter((i) => i.resolved === undefined || i.resolved > c.now);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((i) => i.sample)).toBe(true);
    const build = sharedBuild(join(ROOT, 'content'));
    for (const lang of Object.keys(words)) {
      const verdict = /<div class="verdict[\s\S]*?<\/ul>/.exec(readFileSync(join(build.outDir, lang, 'index.html'), 'utf8'))![0];
      const banner = /<p class="banner"[\s\S]*?<\/p>/.exec(verdict)![0];
      expect(banner.match(/<span class="sample"[^>]*>([^<]*)<\/span>/)?.[1], lang).toBe(words[lang]);
      expect(verdict.match(/class="sample"/g), lang).toHaveLength(1);
    }
    const plain = sharedBuild(MINIMAL);
    expect(/<div class="verdict[\s\S]*?<\/ul>/.exec(readFileSync(join(plain.outDir, 'index.html'), 'utf8'))![0]).not.toContain('class="sample"');
  });
});

describe('history is paginated', () => {
  let build: Run & { outDir: string };
  beforeAll(() => {
    build = busySite();
  });

  test('62 incidents make 3 pages of at most 25, linked to each other', () => {
    expect(build.status).toBe(0);
    const files = listFiles(build.outDir);
    expect(files).toEqual(
      expect.arrayContaining(['incidents/index.html', 'incidents/page/2/index.html', 'incidents/page/3/index.html', 'sv/incidents/page/3/index.html']),
    );
    expect(files).not.toContain('incidents/page/4/index.html');
    const first = readFileSync(join(build.outDir, 'incidents/index.html'), 'utf8');
    expect((first.match(/<article class="incident card/g) ?? []).length).toBe(25);
    expect(first).toMatch(/<a href="\/incidents\/page\/2\/" rel="next"/);
    const last = readFileSync(join(build.outDir, 'incidents/page/3/index.html'), 'utf8');
    expect((last.match(/<article class="incident card/g) ?? []).length).toBe(12);
    expect(last).toMatch(/<a href="\/incidents\/page\/2\/" rel="prev"/);
    // A product's and a severity's history are paginated the same way, over all their incidents.
    expect(files).toEqual(expect.arrayContaining(['incidents/product/widget/page/3/index.html', 'sv/incidents/severity/minor/page/2/index.html']));
  });
});

describe('the maintenance list: under way, ahead, past, each with the right words for its times', () => {
  /** Each section's heading and its windows (href, and the words before the start and the end). */
  function sections(html: string): { heading: string; windows: { href: string; labels: string[] }[] }[] {
    return [...html.matchAll(/<section aria-labelledby="[^"]+"[^>]*>\s*<h2[^>]*>([^<]*)<\/h2>([\s\S]*?)<\/section>/g)].map((s) => ({
      heading: s[1]!,
      windows: [...s[2]!.matchAll(/<li class="card"[^>]*>\s*<h3[^>]*><a href="([^"]+)"([\s\S]*?)<\/li>/g)].map((w) => ({
        href: w[1]!,
        labels: [...w[2]!.matchAll(/<dt[^>]*>([^<]*)<\/dt>/g)].map((d) => d[1]!),
      })),
    }));
  }

  test.each([
    ['', 'In progress', 'Upcoming', 'Past', ['Started', 'Ends'], ['Starts', 'Ends'], ['Planned start', 'Planned end'], ['Started', 'Ended']],
    ['sv/', 'Pågår', 'Kommande', 'Tidigare', ['Började', 'Slutar'], ['Börjar', 'Slutar'], ['Planerad start', 'Planerat slut'], ['Började', 'Slutade']],
  ] as const)(
    '%s: a window under way is not "upcoming", nor "starts"; a window cancelled before its start stays ahead',
    (lang, now, ahead, past, running, scheduled, cancelled, done) => {
      const c = loadOrThrow(join(ROOT, 'content'));
      const build = sharedBuild(join(ROOT, 'content'));
      const found = sections(readFileSync(join(build.outDir, lang, 'maintenance/index.html'), 'utf8'));
      expect(found.map((s) => s.heading)).toEqual([now, ahead, past]);
      const where = new Map(found.flatMap((s) => s.windows.map((w) => [w.href, { section: s.heading, labels: w.labels }] as const)));
      const t = Date.parse(c.now);
      const kinds = new Set<string>();
      for (const m of c.maintenance) {
        const start = Date.parse(m.window.start);
        const end = Date.parse(m.window.end);
        const kind = m.cancelled ? (start > t ? 'cancelled ahead' : 'cancelled past') : end <= t ? 'done' : start <= t ? 'running' : 'scheduled';
        kinds.add(kind);
        const expected = {
          running: { section: now, labels: running },
          scheduled: { section: ahead, labels: scheduled },
          'cancelled ahead': { section: ahead, labels: cancelled },
          'cancelled past': { section: past, labels: cancelled },
          done: { section: past, labels: done },
        }[kind]!;
        expect(where.get(`/${lang}maintenance/${m.id}/`), `${m.id} (${kind})`).toEqual({ section: expected.section, labels: [...expected.labels] });
      }
      // The default content has each case the list must place.
      expect([...kinds].sort()).toEqual(expect.arrayContaining(['cancelled ahead', 'done', 'running', 'scheduled']));
    },
  );
});
