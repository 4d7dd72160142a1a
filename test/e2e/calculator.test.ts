/**
 * The severity page's due calculator in Chromium: listed in the page's jump links once it works,
 * its due times on the reader's clock (hour targets read around the clock, business days skipping
 * the weekend in the desk's zone), and its controls in one aligned column on a phone.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { defaultContent, pinnedContext, startSite, type Site } from './helpers.ts';

const c = defaultContent();
let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

test('a reader in Stockholm: linked from the jump links, due times on their clock', async () => {
  const context = await pinnedContext(site.browser, c.now, { timezoneId: 'Europe/Stockholm', locale: 'sv-SE' });
  try {
    const page = await context.newPage();
    await page.goto(new URL('/sv/support/severity/', site.url).href);
    const link = page.locator('nav .toc a[href="#calc"]');
    expect(await link.isVisible()).toBe(true);
    expect(await page.locator('#calc').isVisible()).toBe(true);
    expect(await page.locator('.calc').textContent()).toContain('dygnet runt');
    // Critical, our software, opened Friday 20 November 2026 at 16:00 Stockholm time.
    await page.selectOption('select[name=severity]', 'critical');
    await page.selectOption('select[name=scope]', 'own');
    await page.fill('input[name=opened]', '2026-11-20T16:00');
    await page.click('.calc button[type=submit]');
    const due = await page.locator('[data-result] time').evaluateAll((els) => els.map((e) => (e as HTMLTimeElement).dateTime));
    // 30 minutes and 2 hours elapsed; 48 hours around the clock, through the weekend.
    expect(due.slice(0, 3)).toEqual(['2026-11-20T15:30:00.000Z', '2026-11-20T17:00:00.000Z', '2026-11-22T15:00:00.000Z']);
    const text = await page.locator('[data-result] time').first().textContent();
    expect(text).toContain('16:30');
    expect(text).toMatch(/CET|GMT\+1/);
  } finally {
    await context.close();
  }
});

test('without JavaScript neither the calculator nor its jump link shows', async () => {
  const context = await pinnedContext(site.browser, c.now, { javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(new URL('/support/severity/', site.url).href);
    expect(await page.locator('a[href="#calc"]').isVisible()).toBe(false);
    expect(await page.locator('#calc').isVisible()).toBe(false);
  } finally {
    await context.close();
  }
});

test('on a 390 px phone the controls form one column, each as wide as the form', async () => {
  const context = await pinnedContext(site.browser, c.now, { viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    await page.goto(new URL('/support/severity/', site.url).href);
    const boxes = await page.locator('.calc form').evaluate((form) =>
      [...form.querySelectorAll('select, input, button')].map((e) => {
        const r = e.getBoundingClientRect();
        return { left: Math.round(r.left), width: Math.round(r.width) };
      }),
    );
    expect(boxes.length).toBe(5);
    expect(new Set(boxes.map((b) => b.left)).size).toBe(1);
    expect(new Set(boxes.map((b) => b.width)).size).toBe(1);
  } finally {
    await context.close();
  }
});
