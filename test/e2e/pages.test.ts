/**
 * The built default site in Chromium: every page of the default language (the history's filtered
 * pages by their representatives), and each template's representative pages in the others, load
 * with no console error, failed request or CSP violation; the status page and product pages show
 * the statuses the content implies at the pinned now; clicking the language switcher keeps the
 * page; and with JavaScript off the status, incident and hours pages still carry every fact.
 * (Narrow screens are narrow-screens.test.ts's.)
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { localize, translator } from '../../src/lib/i18n.ts';
import { displayZone } from '../../src/lib/time.ts';
import {
  MAINTENANCE_NOW,
  PagePool,
  OPEN_INCIDENT,
  TEMPLATES,
  cspViolations,
  defaultContent,
  htmlPages,
  inLocale,
  openingSpans,
  pinnedContext,
  plusDays,
  startSite,
  templatePages,
  shortTimeText,
  timeText,
  wallParts,
  watchPage,
  type Site,
} from './helpers.ts';

const c = defaultContent();
const NOW = c.now;
const DEF = c.site.defaultLocale;
const LOCALES = c.site.locales.map((l) => l.code);
/** The zone a language's pages show times in without JavaScript: its own in site.yaml, else the site's. */
const pageZone = (locale: string) => displayZone(c.site, locale);
const HISTORY_PAGES = Math.max(1, Math.ceil(c.incidents.length / 25));
/** The history's own pages per product, per severity and per pair of them (25 incidents a page). */
const FILTER_PAGES: string[] = [
  ...c.products.map((p) => ({ product: p.id, severity: undefined })),
  ...c.severities.map((s) => ({ product: undefined, severity: s.id })),
  ...c.products.flatMap((p) => c.severities.map((s) => ({ product: p.id, severity: s.id }))),
].flatMap(({ product, severity }) => {
  const kept = c.incidents.filter((i) => (!product || i.affects.some((a) => a.product === product)) && (!severity || i.severity === severity)).length;
  const path = `/incidents/${product ? `product/${product}/` : ''}${severity ? `severity/${severity}/` : ''}`;
  return [path, ...Array.from({ length: Math.ceil(kept / 25) - 1 }, (_, i) => `${path}page/${i + 2}/`)];
});

/** Every page the content implies, in every language, plus the 404 page. */
const PAGES: string[] = [
  ...LOCALES.flatMap((l) =>
    [
      '/',
      '/incidents/',
      ...Array.from({ length: HISTORY_PAGES - 1 }, (_, i) => `/incidents/page/${i + 2}/`),
      ...FILTER_PAGES,
      ...c.incidents.map((i) => `/incidents/${i.id}/`),
      ...c.products.map((p) => `/products/${p.id}/`),
      '/maintenance/',
      ...c.maintenance.map((m) => `/maintenance/${m.id}/`),
      '/support/',
      '/support/severity/',
      '/support/case-types/',
      '/support/hours/',
      '/support/policy-history/',
      '/releases/',
    ].map((p) => inLocale(p, l, DEF)),
  ),
  '/404.html',
];

type Status = 'operational' | 'under_maintenance' | 'degraded_performance' | 'partial_outage' | 'major_outage';
const RANK: Status[] = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'];
const worse = (a: Status, b: Status): Status => (RANK.indexOf(b) > RANK.indexOf(a) ? b : a);

/** Product statuses at `now`, rolled up here from the content (not with src/lib/status.ts). */
function statusesAt(now: string): Map<string, Status> {
  const t = Date.parse(now);
  const out = new Map<string, Status>(c.products.map((p) => [p.id, 'operational']));
  for (const m of c.maintenance) {
    if (m.cancelled === undefined && Date.parse(m.window.start) <= t && t < Date.parse(m.window.end))
      for (const id of m.products) out.set(id, worse(out.get(id)!, 'under_maintenance'));
  }
  for (const i of c.incidents) {
    if (i.resolved !== undefined && Date.parse(i.resolved) <= t) continue;
    for (const a of i.affects) out.set(a.product, worse(out.get(a.product)!, a.impact));
  }
  return out;
}
const STATUSES = statusesAt(NOW);
const OVERALL = [...STATUSES.values()].reduce(worse, 'operational');

let site: Site;
let contexts: BrowserContext[] = [];
/** Pages at the pinned now, with JavaScript. */
let pages: PagePool;
/** Pages with JavaScript off. */
let noScript: PagePool;
beforeAll(async () => {
  site = await startSite();
  contexts = await Promise.all([pinnedContext(site.browser, NOW), pinnedContext(site.browser, NOW, { javaScriptEnabled: false })]);
  [pages, noScript] = await Promise.all([PagePool.create(contexts[0]!, 2), PagePool.create(contexts[1]!, 1)]);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await site?.close();
});

/** The absolute URL of a site path. */
const at = (path: string) => new URL(path, site.url).href;

/** Loads a path in a pooled page and runs `fn` on it, with what the page did wrong and the document's status. */
function visit<T>(
  pool: PagePool,
  path: string,
  fn: (page: Page, problems: string[], status: number | undefined) => Promise<T>,
  allowDocumentStatus?: number,
): Promise<T> {
  return pool.use(async (page) => {
    const watch = watchPage(page, allowDocumentStatus === undefined ? {} : { allowDocumentStatus });
    try {
      const response = await page.goto(at(path));
      return await fn(page, watch.problems, response?.status());
    } finally {
      watch.stop();
    }
  });
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
// The site icon is checked once, in its own test below; elsewhere a navigation may abort its request.
const notFavicon = (p: string) => !/\/favicon\.(ico|svg)\b/.test(p);

describe('every page loads cleanly', () => {
  test('every built page comes from a template these tests visit, and is one the content implies', () => {
    const strip = (p: string) => p.replace(new RegExp(`^/(${LOCALES.filter((l) => l !== DEF).join('|')})(?=/)`), '');
    const orphans = htmlPages(site.dist).filter((p) => !TEMPLATES.some((t) => t.pattern.test(strip(p))));
    expect(orphans, 'pages of a template unknown to TEMPLATES in test/e2e/helpers.ts: add it there').toEqual([]);
    expect(htmlPages(site.dist)).toEqual([...PAGES].sort());
  });

  // Every page of the default language, and in the others the representative pages of each
  // template (a language changes the words, not the scripts, requests or policy a page carries).
  // The history's filtered pages (per product, severity or both: most of the default language's
  // pages) list a subset of the cards of the unfiltered history, every page of which is loaded;
  // they are loaded as the template's representatives only.
  const TEMPLATE_PATHS = new Set(templatePages(LOCALES, DEF).map(([, , path]) => path));
  const FILTERED = new Set(LOCALES.flatMap((l) => FILTER_PAGES.map((p) => inLocale(p, l, DEF))));
  const VISITED = PAGES.filter((p) => TEMPLATE_PATHS.has(p) || (!LOCALES.some((l) => l !== DEF && p.startsWith(`/${l}/`)) && !FILTERED.has(p)));

  test.concurrent.for(VISITED)('%s: status 200, no console error, failed request or CSP violation; scripts ran', async (path, { expect }) => {
    await visit(pages, path, async (page, problems, status) => {
      expect(status).toBe(200);
      expect(problems.filter(notFavicon)).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
      // local-time.ts marks each <time> it rewrote: proof that the page's scripts ran under its CSP.
      expect(await page.locator('time[data-local]:not([data-localized])').count(), 'times the local-time script did not convert').toBe(0);
    });
  });

  test('an unknown address gets the 404 page with status 404 and nothing else failing', async () => {
    await visit(
      pages,
      '/no-such-page/',
      async (page, problems, status) => {
        expect(status).toBe(404);
        expect(await text(page, 'h1')).toBe(translator(DEF)('notFound.title'));
        expect(problems.filter(notFavicon)).toEqual([]);
        expect(await cspViolations(page)).toEqual([]);
      },
      404,
    );
  });

  // Without an icon every browser's first visit logs "Failed to load resource: 404" for /favicon.ico.
  test('browsers find the site icon (no 404 for /favicon.ico on a first visit)', async () => {
    const context = await pinnedContext(site.browser, NOW);
    try {
      const page = await context.newPage();
      const watch = watchPage(page);
      await page.goto(site.url);
      const icon = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel~="icon"]')?.href ?? new URL('/favicon.ico', location.href).href);
      const response = await page.request.get(icon);
      expect(response.status(), `the icon ${icon}`).toBe(200);
      expect(watch.problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('status at the pinned now', () => {
  test('the content rolls up to what its files describe (guards the expectations below)', () => {
    expect(Object.fromEntries(STATUSES)).toMatchObject({
      projectplace: 'partial_outage',
      spigit: 'partial_outage',
      daptiv: 'degraded_performance',
      changepoint: 'under_maintenance',
      'enterprise-one': 'operational',
    });
    expect(OVERALL).toBe('partial_outage');
  });

  test.concurrent.for(LOCALES)('%s: the banner and every product status on the status page', async (locale, { expect }) => {
    const t = translator(locale);
    await visit(pages, inLocale('/', locale, DEF), async (page) => {
      expect(await text(page, 'p.banner .badge')).toBe(t(`banner.${OVERALL}`));
      // The default content's open incidents and windows are all samples, and the verdict says so.
      expect(await text(page, 'p.banner .sample')).toBe(t('sample.marker'));
      for (const [id, status] of STATUSES) expect(await text(page, `#product-${id} .badge`), id).toBe(t(`status.${status}`));
    });
  });

  test.concurrent.for(LOCALES)('%s: every product page shows the same status', async (locale, { expect }) => {
    const t = translator(locale);
    for (const [id, status] of STATUSES) {
      await visit(pages, inLocale(`/products/${id}/`, locale, DEF), async (page) => {
        const line = page.locator('main > p', { hasText: t('product.status') });
        expect(await line.locator('.badge').textContent(), id).toBe(t(`status.${status}`));
      });
    }
  });

  test('a reader after the window ends sees the status page as built, under "in progress", and told it may be out of date', async () => {
    const m = c.maintenance.find((x) => x.id === MAINTENANCE_NOW)!;
    expect(Date.parse(m.window.start) <= Date.parse(NOW) && Date.parse(NOW) < Date.parse(m.window.end)).toBe(true);
    const t = translator(DEF);
    const seen = async (now: string) => {
      const context = await pinnedContext(site.browser, now);
      try {
        const page = await context.newPage();
        await page.goto(site.url);
        return {
          state: await page
            .locator('section:has(#mnow) li', { has: page.locator(`a[href$="/maintenance/${MAINTENANCE_NOW}/"]`) })
            .locator('.state')
            // The state's own words, without the "Sample" marker a sample window carries beside them.
            .evaluate((el) =>
              [...el.childNodes]
                .filter((n) => !(n instanceof Element && n.classList.contains('sample')))
                .map((n) => n.textContent)
                .join(''),
            ),
          stale: await page.locator('.freshness .stale').isVisible(),
        };
      } finally {
        await context.close();
      }
    };
    expect(await seen(NOW)).toEqual({ state: t('maintenanceState.in_progress'), stale: false });
    // Under its heading "Maintenance in progress" the window still says "In progress", as the products' statuses do; the notice says why.
    expect(await seen(new Date(Date.parse(m.window.end) + 5 * 60_000).toISOString())).toEqual({ state: t('maintenanceState.in_progress'), stale: true });
  });

  test.for(LOCALES)("%s: on the window's own page, the completion notice appears with the badge, by the reader's clock", async (locale) => {
    const m = c.maintenance.find((x) => x.id === MAINTENANCE_NOW)!;
    const t = translator(locale);
    const seen = async (now: string) => {
      const context = await pinnedContext(site.browser, now);
      try {
        const page = await context.newPage();
        await page.goto(at(inLocale(`/maintenance/${MAINTENANCE_NOW}/`, locale, DEF)));
        const latest = page.locator('ol.updates > li:visible').first();
        return {
          badge: await page.locator('[data-maintenance-state]').textContent(),
          latest: await latest.locator('p').last().textContent(),
          at: await latest.locator('time').getAttribute('datetime'),
        };
      } finally {
        await context.close();
      }
    };
    const during = await seen(NOW);
    expect(during.badge).toBe(t('maintenanceState.in_progress'));
    expect(during.latest).not.toBe(t('maintenanceNotice.completed'));
    expect(await seen(new Date(Date.parse(m.window.end) + 60_000).toISOString())).toEqual({
      badge: t('maintenanceState.completed'),
      latest: t('maintenanceNotice.completed'),
      at: m.window.end,
    });
  });
});

describe('the language switcher keeps the page', () => {
  // Its links on every page are read from the built HTML (test/build/default-site.test.ts); here a
  // reader clicks through them.
  test('clicking Svenska, then Français, then English on an incident page stays on that incident', async () => {
    const incident = c.incidents.find((i) => i.id === OPEN_INCIDENT)!;
    await visit(pages, `/incidents/${OPEN_INCIDENT}/`, async (page) => {
      for (const locale of ['sv', 'fr', 'en']) {
        const name = c.site.locales.find((l) => l.code === locale)!.name;
        const path = inLocale(`/incidents/${OPEN_INCIDENT}/`, locale, DEF);
        await Promise.all([page.waitForURL(at(path)), page.locator('nav.langs').getByRole('link', { name, exact: true }).click()]);
        expect(new URL(page.url()).pathname).toBe(path);
        expect(await text(page, 'h1')).toBe(localize(incident.title, locale, DEF).text);
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
      }
    });
  });
});

describe('without JavaScript every fact is still there', () => {
  const visibleText = (page: Page) =>
    page
      .locator('main')
      .innerText()
      .then((s) => s.replace(/\s+/g, ' '));

  test.concurrent.for(LOCALES)(
    "%s: status page: banner, statuses, open incidents and maintenance with times in the page's zone",
    async (locale, { expect }) => {
      const t = translator(locale);
      await visit(noScript, inLocale('/', locale, DEF), async (page, problems) => {
        expect(await text(page, 'p.banner .badge')).toBe(t(`banner.${OVERALL}`));
        // The default content's open incidents and windows are all samples, and the verdict says so.
        expect(await text(page, 'p.banner .sample')).toBe(t('sample.marker'));
        for (const [id, status] of STATUSES) expect(await text(page, `#product-${id} .badge`), id).toBe(t(`status.${status}`));
        const main = await visibleText(page);
        for (const i of c.incidents.filter((x) => x.resolved === undefined || Date.parse(x.resolved) > Date.parse(NOW))) {
          expect(main).toContain(localize(i.title, locale, DEF).text);
          expect(main).toContain(timeText(i.started, locale, pageZone(locale)));
        }
        for (const el of await page.locator('time[datetime]').all()) {
          const iso = (await el.getAttribute('datetime'))!;
          const short = (await el.getAttribute('data-local')) === 'short';
          expect(await el.textContent(), iso).toBe((short ? shortTimeText : timeText)(iso, locale, pageZone(locale)));
        }
        // Hand-read anchor: the Projectplace incident started at 05:40 +01:00, 22:40 CST the evening before;
        // the verdict says so in short.
        if (locale === 'en') expect(main).toContain('November 21, 2026 at 10:40 PM CST');
        if (locale === 'en') expect(main).toContain('Planview Projectplace: Partial outage since Nov 21, 10:40 PM CST');
        // Swedish and French pages show them in their readers' zones, named in site.yaml: 05:40 in Stockholm and Paris.
        if (locale === 'sv') expect(main).toContain('22 november 2026 kl. 05:40 CET');
        if (locale === 'fr') expect(main).toContain('22 novembre 2026 à 05:40 UTC+1');
        expect(problems.filter(notFavicon)).toEqual([]);
      });
    },
  );

  test.concurrent.for(LOCALES)('%s: incident page: status, severity, products, times, every update, targets', async (locale, { expect }) => {
    const t = translator(locale);
    const incident = c.incidents.find((i) => i.id === OPEN_INCIDENT)!;
    await visit(noScript, inLocale(`/incidents/${OPEN_INCIDENT}/`, locale, DEF), async (page) => {
      expect(await text(page, 'h1')).toBe(localize(incident.title, locale, DEF).text);
      const main = await visibleText(page);
      expect(main).toContain(t(`incidentStatus.${incident.updates.at(-1)!.status}`));
      expect(main).toContain(localize(c.severities.find((s) => s.id === incident.severity)!.name, locale, DEF).text);
      for (const a of incident.affects)
        expect(main).toContain(`${c.products.find((p) => p.id === a.product)!.name}${t('ui.colon')} ${t(`status.${a.impact}`)}`.replace(/\s+/g, ' '));
      expect(main).toContain(timeText(incident.started, locale, pageZone(locale)));
      for (const u of incident.updates) {
        expect(main).toContain(timeText(u.at, locale, pageZone(locale)));
        expect(main).toContain(localize(u.message, locale, DEF).text.replace(/\s+/g, ' ').slice(0, 60));
      }
      for (const key of ['response', 'restoration', 'statusUpdates'] as const) expect(main).toContain(t(`sla.${key}`));
      expect(await page.locator('section[aria-labelledby="sla"] time').count()).toBeGreaterThan(0);
    });
  });

  test.concurrent.for(LOCALES)('%s: hours page: every phone, e-mail, hours table and open/closed state, as of the build', async (locale, { expect }) => {
    const t = translator(locale);
    await visit(noScript, inLocale('/support/hours/', locale, DEF), async (page) => {
      for (const desk of c.support.desks) {
        const name = localize(desk.name, locale, DEF).text;
        const when = new Intl.DateTimeFormat(locale, {
          weekday: 'long',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
          timeZone: desk.zone,
          timeZoneName: 'short',
        });
        const from = plusDays(wallParts(Date.parse(NOW), desk.zone).date, -1);
        for (const entry of desk.products) {
          const card = page.locator(`section#${entry.product} article`, { has: page.locator('h3', { hasText: name }) });
          expect(await card.count(), `${desk.id}/${entry.product} card`).toBe(1);
          for (const p of entry.phones)
            expect(
              await card.locator('a[href^="tel:"]', { hasText: p.number.replace(/ /g, '\u00a0').replace(/-/g, '\u2011') }).isVisible(),
              `${entry.product} ${p.number}`,
            ).toBe(true);
          for (const e of entry.emails) expect(await card.locator(`a[href="mailto:${e}"]`).isVisible(), e).toBe(true);
          // The regular week, Monday first: every weekday in a row, runs of days with the same hours together, closed days said so.
          const rows = await card.locator('table tr td').allTextContents();
          const dayHours = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map(
            (d) =>
              entry.hours
                .filter((h) => h.days.includes(d))
                .map((h) => `${h.open}–${h.close}${h.close <= h.open && h.close !== '00:00' ? ' (+1)' : ''}`)
                .join(', ') || t('hours.closedDay'),
          );
          expect(rows, `${desk.id}/${entry.product} hours`).toEqual(
            entry.hours.length === 0 ? [] : dayHours.filter((h, i) => i === 0 || h !== dayHours[i - 1]),
          );
          if (entry.hours.length > 0) expect(await card.locator('table caption').textContent()).toContain(desk.zone);
          const spans = openingSpans(entry.hours, desk.zone, desk.closures, from, 10);
          const now = Date.parse(NOW);
          const current = spans.find(([s, e]) => s <= now && now < e);
          const next = spans.find(([s]) => s > now);
          const expected =
            entry.hours.length === 0
              ? t('hours.noHours')
              : current
                ? `${t('hours.openNow')}, ${t('hours.closesAt', { time: when.format(current[1]) })}`
                : `${t('hours.closedNow')}, ${t('hours.opensAt', { time: when.format(next![0]) })}`;
          expect(await card.locator('[data-desk-state]').textContent(), `${desk.id}/${entry.product} state`).toBe(expected);
        }
      }
      // The build's "as of" time is in the site's zone; the enhancements stay out of the way.
      const main = await visibleText(page);
      expect(main).toContain(timeText(NOW, locale, pageZone(locale)));
      expect(await page.locator('form[data-zone-picker]').isVisible()).toBe(false);
      expect(await page.locator('[data-local-hours]:visible').count()).toBe(0);
      expect(await page.locator('figure.coverage svg rect').count()).toBeGreaterThan(0);
      // Hand-read anchor: Sunday 04:00 in Chicago, so the Americas desk opens at 17:00 today.
      if (locale === 'en') expect(main).toContain('Outside office hours now, opens Sunday, 17:00 CST');
    });
  });
});
