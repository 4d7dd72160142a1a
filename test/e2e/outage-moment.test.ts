/**
 * The outage moment in Chromium (issue 18, points 1, 5 and 8): on a 390 x 844 phone the verdict and
 * every affected product's status, since when and its next update show without scrolling, and the
 * list of every product starts there; every page says how long ago it was updated, and says it may be out of
 * date once it is older than the threshold; the uptime bars draw fewer, taller days on a phone.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { translator } from '../../src/lib/i18n.ts';
import { productStatuses } from '../../src/lib/status.ts';
import { REPORTED_INCIDENT, defaultContent, inLocale, readerShortTimeText, reusedPages, startSite, type Site } from './helpers.ts';

const c = defaultContent();
const NOW = c.now;
const DEF = c.site.defaultLocale;
const LOCALES = c.site.locales.map((l) => l.code);
const PHONE = { width: 390, height: 844 };
const later = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
const statuses = productStatuses(c, NOW);
const affected = c.products.filter((p) => statuses.get(p.id) !== 'operational');

let site: Site;
/** A page per set of browser options; the tests run one at a time and set the reader's clock per visit. */
let browsers: ReturnType<typeof reusedPages>;
beforeAll(async () => {
  site = await startSite();
  browsers = reusedPages(site.browser, NOW);
}, 600_000);
afterAll(async () => {
  await browsers?.close();
  await site?.close();
});

/** Opens a page of the site in a browser with these options, its clock at the given reader's time, and runs `fn`. */
async function at<T>(path: string, now: string, fn: (page: Page) => Promise<T>, options: BrowserContextOptions = {}): Promise<T> {
  const page = await browsers.get(options);
  await page.context().clock.setFixedTime(new Date(now));
  await page.goto(site.url.replace(/\/$/, '') + path);
  return fn(page);
}

/** Whether the element lies wholly inside the first screen. */
async function onFirstScreen(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= PHONE.height;
}

describe('the status page on a 390 x 844 phone', () => {
  test('the default content has affected products to show', () => {
    expect(affected.length).toBeGreaterThan(1);
  });

  test.for(LOCALES)('%s: the verdict and every affected product, with its status, show without scrolling', async (locale) => {
    const t = translator(locale);
    await at(
      inLocale('/', locale, DEF),
      NOW,
      async (page) => {
        expect(await onFirstScreen(page, '.verdict .banner')).toBe(true);
        const items = page.locator('.verdict .affected li');
        expect(await items.count()).toBe(affected.length);
        for (let i = 0; i < affected.length; i++) {
          const box = await items.nth(i).boundingBox();
          expect(box!.y + box!.height, `item ${i}`).toBeLessThanOrEqual(PHONE.height);
        }
        // The worst first, each with its status in words.
        const first = affected.find((p) => statuses.get(p.id) === 'partial_outage')!;
        expect(await items.first().textContent()).toContain(t(`status.${statuses.get(first.id)!}`));
      },
      { viewport: PHONE },
    );
  });

  test.for(LOCALES)("%s: each affected product says since when and when the next news comes, in the reader's clock, on the first screen", async (locale) => {
    const READER = { viewport: PHONE, timezoneId: 'Europe/Stockholm', locale: 'sv-SE' };
    await at(
      inLocale('/', locale, DEF),
      NOW,
      async (page) => {
        const lines = page.locator('.verdict .affected .when');
        expect(await lines.count()).toBe(affected.length);
        for (let i = 0; i < affected.length; i++) expect(await onFirstScreen(page, `.verdict .affected li:nth-child(${i + 1}) .when`), `line ${i}`).toBe(true);
        // Every time in the reader's zone, with its day, without a zone name (the "Updated" line names it once).
        const times = await page
          .locator('.verdict .when time')
          .evaluateAll((els) => els.filter((e) => e.checkVisibility()).map((e) => [e.getAttribute('datetime')!, e.textContent!] as const));
        expect(times.length).toBeGreaterThanOrEqual(affected.length);
        for (const [iso, shown] of times) expect(shown, iso).toBe(readerShortTimeText(iso, locale, 'Europe/Stockholm', READER.locale));
        // Swedish and French write the hour with two digits, as the long form does ("05:40").
        if (locale !== 'en') expect(times.map(([, shown]) => shown).join(' ')).toMatch(/\b0\d:\d\d\b/);
        // A product under maintenance says until when instead.
        const t = translator(locale);
        const maintained = page.locator('.verdict .affected li', { hasText: t('status.under_maintenance') }).locator('.when');
        expect(await maintained.textContent()).toMatch(new RegExp(`^\\s*${t('home.affectedUntil').split('{time}')[0]}`));
      },
      READER,
    );
  });

  test("once a product's next update is due by the reader's clock, the verdict says it was due, and offers a reload", async () => {
    const ahead = await at('/sv/', NOW, (page) =>
      page.locator('.verdict [data-changes-at]').evaluateAll((els) => els.map((e) => e.getAttribute('data-changes-at')!)),
    );
    const soonest = ahead.filter((iso) => iso > NOW).sort()[0]!;
    expect(soonest, 'the default content has a next update still ahead').toBeDefined();
    await at(
      '/sv/',
      new Date(Date.parse(soonest) + 60_000).toISOString(),
      async (page) => {
        const line = page.locator(`.verdict .next-short[data-changes-at="${soonest}"]`);
        expect(await line.locator('[data-passed]').isVisible()).toBe(true);
        expect(await line.locator('[data-ahead]').isVisible()).toBe(false);
        expect(await line.locator('[data-passed]').textContent()).toMatch(/^uppdatering väntades \d+ nov\. \d\d:\d\d$/);
        expect(await page.locator('.freshness .stale').isVisible()).toBe(true);
      },
      { viewport: PHONE, timezoneId: 'Europe/Stockholm' },
    );
  });

  test("once a window's end has passed by the reader's clock, the verdict gives it as the planned end", async () => {
    const t = translator('sv');
    const until = await at('/sv/', NOW, (page) =>
      page
        .locator('.verdict .affected li', { hasText: t('status.under_maintenance') })
        .locator('[data-changes-at]')
        .getAttribute('data-changes-at'),
    );
    expect(until! > NOW).toBe(true);
    await at(
      '/sv/',
      new Date(Date.parse(until!) + 60_000).toISOString(),
      async (page) => {
        const line = page.locator('.verdict .affected li', { hasText: t('status.under_maintenance') }).locator(`[data-changes-at="${until}"]`);
        expect(await line.locator('[data-ahead]').isVisible()).toBe(false);
        expect(await line.locator('[data-passed]').textContent()).toMatch(/^planerat slut \d+ nov\. \d\d:\d\d$/);
        expect(await page.locator('.freshness .stale').isVisible()).toBe(true);
      },
      { viewport: PHONE, timezoneId: 'Europe/Stockholm' },
    );
  });

  test('in every language the product list starts on the first screen, right under the verdict; the bars only from 700 px', async () => {
    // With four products affected, each with its times, the nine rows no longer all fit: the verdict names the affected ones.
    for (const { code } of c.site.locales)
      await at(
        inLocale('/', code, DEF),
        NOW,
        async (page) => {
          expect(await onFirstScreen(page, `#product-${c.products[0]!.id} .badge`), code).toBe(true);
          expect(await page.locator('#product-projectplace .days').isVisible()).toBe(false);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        },
        { viewport: PHONE },
      );
    await at(
      '/',
      NOW,
      async (page) => {
        expect(await page.locator('#product-projectplace .days svg').isVisible()).toBe(true);
        // The default site's 90 days are sample incidents: the figure says so.
        expect(await page.locator('#product-projectplace .uptime').textContent()).toMatch(/^\d{2,3}\.\d\d% uptimeSample$/);
      },
      { viewport: { width: 1280, height: 900 } },
    );
  });

  test('when the stylesheet does not load, the status shapes stay text-sized and the verdict still shows on the first screen', async () => {
    const context = await site.browser.newContext({ viewport: PHONE });
    try {
      const page = await context.newPage();
      let blocked = 0;
      await page.route('**/*.css', (route) => (blocked++, route.abort()));
      await page.goto(site.url);
      expect(blocked).toBeGreaterThan(0);
      const sizes = await page.locator('svg.status-icon').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(sizes.length).toBeGreaterThan(affected.length);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(16);
      expect(await onFirstScreen(page, '.verdict .banner')).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('fresh or flagged', () => {
  const quiet = `/incidents/${REPORTED_INCIDENT}/`; // a resolved incident: nothing on it is due to change

  test.each([
    ['en', /^Updated 6 min\. ago · /],
    ['sv', /^Uppdaterad för 6 min sen · /],
    ['fr', /^Dernière mise à jour\u00a0: il y a 6\smin · /],
  ])("%s: every page says how long ago it was updated, by the reader's clock", async (locale, words) => {
    await at(inLocale(quiet, locale, DEF), later(6), async (page) => {
      expect(await page.locator('.freshness .updated').textContent()).toMatch(words);
      expect(await page.locator('.freshness .stale').isVisible()).toBe(false);
    });
  });

  test('without JavaScript the line gives the time the page was built', async () => {
    await at(
      quiet,
      later(6),
      async (page) => {
        expect(await page.locator('.freshness .updated').textContent()).toMatch(/^Updated November 22, 2026 at \d+:\d\d [AP]M CST$/);
        expect(await page.locator('.freshness .stale').isVisible()).toBe(false);
      },
      { javaScriptEnabled: false },
    );
  });

  test('past the threshold (twice the 15-minute rebuild interval) the page says it may be out of date', async () => {
    expect(await at(quiet, later(29), (page) => page.locator('.freshness .stale').isVisible())).toBe(false);
    await at(quiet, later(31), async (page) => {
      const notice = page.locator('.freshness .stale');
      expect(await notice.isVisible()).toBe(true);
      expect(await notice.textContent()).toMatch(/^This page may be out of date: it was updated 31 min\. ago · .*\. Reload$/);
    });
  });

  test('the status page stays as built when a next update it shows falls due, and says it may be out of date', async () => {
    // The soonest moment the page shows as ahead: with the default content, a next update due within the threshold.
    const moments = await at('/', NOW, (page) => page.locator('[data-changes-at]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.changesAt!)));
    const soonest = Math.min(...moments.map((m) => Date.parse(m)));
    const minutes = Math.round((soonest - Date.parse(NOW)) / 60_000);
    expect(minutes).toBeLessThan(29);
    const next = (page: Page) => page.locator(`p.next[data-changes-at="${new Date(soonest).toISOString()}"]`).textContent();
    expect(await at('/', later(minutes - 1), (page) => page.locator('.freshness .stale').isVisible())).toBe(false);
    await at('/', later(minutes + 1), async (page) => {
      expect(await page.locator('.freshness .stale').isVisible()).toBe(true);
      // The page's own words stay as built: "Next update due", not turned into "overdue" by the reader's clock.
      expect(await next(page)).toMatch(/^Next update due /);
    });
  });
});

describe('uptime bars on a product page', () => {
  test('a phone gets the last 30 days, taller; a wide screen the 90; both with the uptime and the key', async () => {
    await at(
      '/products/enterprise-one/',
      NOW,
      async (page) => {
        expect(await page.locator('.bars .short svg').isVisible()).toBe(true);
        expect(await page.locator('.bars .long svg').isVisible()).toBe(false);
        const short = await page.locator('.bars .short svg').boundingBox();
        expect(short!.width / 30).toBeGreaterThanOrEqual(10);
        expect(await page.locator('.legend').isVisible()).toBe(true);
        expect(await page.locator('#days ~ .uptime, section:has(#days) .uptime').first().textContent()).toMatch(/^\d{2,3}\.\d\d% uptimeSample$/);
      },
      { viewport: PHONE },
    );
    await at(
      '/products/enterprise-one/',
      NOW,
      async (page) => {
        expect(await page.locator('.bars .long svg').isVisible()).toBe(true);
        expect(await page.locator('.bars .short svg').isVisible()).toBe(false);
      },
      { viewport: { width: 1280, height: 900 } },
    );
  });
});
