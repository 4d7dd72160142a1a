/**
 * The page scripts only enhance: they rewrite times into the reader's zone, fill the zone picker,
 * mark desks open or closed. None of that may move what a reader on a phone is looking at. Every
 * page template, in every language, is loaded in a phone-sized Chromium with a zone other than
 * the site's, and the layout shifts the browser reports while the scripts run are added up.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { PagePool, defaultContent, pinnedContext, startSite, templatePages, type Site } from './helpers.ts';

const c = defaultContent();
const PAGES = templatePages(
  c.site.locales.map((l) => l.code),
  c.site.defaultLocale,
);
/**
 * Lighthouse calls up to 0.1 good; a page that only enhances should stay far below. Seen failing:
 * the hours page's zone picker, shown by its script, moved the page by 0.09 before it was in the
 * page from the first paint; a maintenance window written "start – end" on one line took one more
 * line once its times were rewritten into Tokyo's zone ("GMT+9" is longer than "CST"), 0.016 to
 * 0.10 depending on when the script ran, before start and end got lines of their own.
 */
const LIMIT = 0.01;

/**
 * Whether the scripts have done what they do after the page loaded: every time rewritten
 * (local-time.ts), and on the hours page every coverage chart drawn and the zone picker's whole
 * list added (hours.ts spreads that work over tasks and idle time). A script that comes to work
 * later than its first run adds its sign of being done here.
 */
function scriptsDone(): boolean {
  return (
    document.querySelectorAll('time[data-local]:not([data-localized])').length === 0 &&
    [...document.querySelectorAll<HTMLElement>('[data-coverage]')].every((fig) => !fig.querySelector('[data-chart]') || fig.dataset.drawn !== undefined) &&
    [...document.querySelectorAll('[data-zone-picker] select')].every((select) => select.querySelectorAll('optgroup').length > 1)
  );
}

let site: Site;
let context: BrowserContext;
let pages: PagePool;
beforeAll(async () => {
  site = await startSite();
  context = await pinnedContext(site.browser, c.now, { viewport: { width: 390, height: 844 }, timezoneId: 'Asia/Tokyo', locale: 'ja-JP' });
  // Collects every layout shift from the first paint on, as the page's own scripts run.
  await context.addInitScript(() => {
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  pages = await PagePool.create(context, 6);
}, 600_000);
afterAll(async () => {
  await context?.close();
  await site?.close();
});

describe('layout stability on a phone', () => {
  test.concurrent.for(PAGES)('%s (%s) %s: the scripts move nothing', async ([, , path], { expect }) => {
    const shift = await pages.use(async (page) => {
      await page.goto(new URL(path, site.url).href, { waitUntil: 'load' });
      await page.waitForFunction(scriptsDone);
      // The shifts of a frame are reported once it is drawn: two frames on, every one is in.
      return page.evaluate(
        () =>
          new Promise<number>((resolve) =>
            requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve((window as unknown as { __shift: number }).__shift)))),
          ),
      );
    });
    expect(shift).toBeLessThan(LIMIT);
  });

  test('the pages were measured', () => {
    expect(PAGES.length).toBeGreaterThan(30);
  });
});
