/**
 * The hours page on a 390 px phone in Chromium, at the pinned now (Sunday 22 November 2026, with
 * Thanksgiving on Thursday 26 at the Americas desk): the chooser at the top lands on a product's
 * numbers and state without JavaScript; a holiday week keeps every weekday, the holiday dated and
 * named; a 7-day list never names a weekday twice without its date; one clock style per page.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { translator } from '../../src/lib/i18n.ts';
import { defaultContent, inLocale, pinnedContext, startSite, type Site } from './helpers.ts';

const c = defaultContent();
const NOW = c.now;
const DEF = c.site.defaultLocale;
const PHONE = { width: 390, height: 844 };
let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

/** Runs `fn` on the hours page in a 390 px context. */
async function onHours(options: { js: boolean; lang?: string; locale?: string; zone?: string }, fn: (page: Page) => Promise<void>): Promise<void> {
  const context = await pinnedContext(site.browser, NOW, {
    viewport: PHONE,
    javaScriptEnabled: options.js,
    locale: options.locale ?? 'en-US',
    timezoneId: options.zone ?? 'Europe/Stockholm',
  });
  try {
    const page = await context.newPage();
    await page.goto(new URL(inLocale('/support/hours/', options.lang ?? DEF, DEF), site.url).href);
    await fn(page);
  } finally {
    await context.close();
  }
}

/** Whether an element lies wholly inside the 390 x 844 viewport. */
async function onScreen(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= PHONE.height;
}

describe('hours page at 390 px', () => {
  test("without JavaScript, the chooser comes first, and following a product or region link shows that desk's state and number on screen", async () => {
    await onHours({ js: false }, async (page) => {
      const chooser = page.locator('nav.chooser');
      expect(await onScreen(page, 'nav.chooser h2')).toBe(true);
      // A product: its first desk's state and first number are on screen.
      await chooser.getByRole('link', { name: 'Planview Daptiv', exact: true }).click();
      expect(new URL(page.url()).hash).toBe('#daptiv');
      expect(await onScreen(page, 'section#daptiv article [data-desk-state]')).toBe(true);
      expect(await onScreen(page, 'section#daptiv article a[href^="tel:"]')).toBe(true);
      expect(await page.locator('section#daptiv article [data-desk-state]').first().textContent()).toMatch(
        /^Outside office hours now, opens Monday, 02:00 GMT\+1$/,
      );
      // A product's region: that desk's card.
      await chooser.locator('li', { hasText: 'Planview Projectplace' }).getByRole('link', { name: 'Europe, Middle East and Africa' }).click();
      expect(new URL(page.url()).hash).toBe('#projectplace-emea');
      expect(await onScreen(page, '#projectplace-emea [data-desk-state]')).toBe(true);
      expect(await onScreen(page, '#projectplace-emea a[href="tel:+442035145995"]')).toBe(true);
    });
  });

  test('a week with a holiday: every weekday stays in the regular hours and the chart, and the holiday is listed with its date', async () => {
    for (const js of [false, true]) {
      await onHours({ js }, async (page) => {
        const card = page.locator('#enterprise-one-americas');
        expect(await card.locator('table th').allTextContents()).toEqual(['Monday – Thursday', 'Friday', 'Saturday', 'Sunday']);
        expect(await card.locator('table td').nth(2).textContent()).toBe('Closed');
        expect(await card.textContent()).toContain('Closed on: November 26, 2026 (Thanksgiving Day)');
        const chart = page.locator('section#enterprise-one details.coverage-box');
        await chart.locator('summary').click();
        // Seven dated rows, the holiday's among them (the rows' texts in full: test/build/hours-page.test.ts).
        const rows = await chart.locator('ol.days li').allTextContents();
        expect(rows).toHaveLength(7);
        expect(rows[3]).toBe('Thursday Nov 26');
        // formatRange puts thin spaces around the dash.
        const caption = ((await chart.locator('figcaption').textContent()) ?? '').replace(/\s+/g, ' ');
        expect(caption).toContain('Week shown: November 23 – 29, 2026');
        expect(caption).toContain('Closed that week: Thursday, November 26 (Thanksgiving Day, Americas and Asia-Pacific)');
        expect(await chart.locator('svg').isVisible()).toBe(true);
      });
    }
  });

  test.each([
    ['en', 'en-US', true],
    ['sv', 'en-US', false],
    ['fr', 'fr-FR', false],
  ])('%s page in a %s browser: no weekday twice in a 7-day list without its date, and one clock style in every card', async (lang, locale, twelveHour) => {
    const t = translator(lang);
    await onHours({ js: true, lang, locale }, async (page) => {
      await page.waitForFunction(() => [...document.querySelectorAll('[data-local-hours]')].every((el) => (el.textContent ?? '') !== ''));
      const lists = await page.locator('[data-local-hours]').allTextContents();
      expect(lists.length).toBeGreaterThan(10);
      let dated = 0;
      for (const list of lists) {
        // Each entry is "<day> <time>–<time>" or "<day> Closed (<holiday>)".
        const labels = list.split('; ').map((entry) => entry.replace(new RegExp(`\\s*(\\d{1,2}[:.]\\d\\d|${t('hours.closedDay')})[\\s\\S]*$`), ''));
        const undated = labels.filter((l) => !/\d/.test(l));
        expect(new Set(undated).size, list).toBe(undated.length);
        if (undated.length < labels.length) dated++;
        // A list either names every day by weekday alone or dates every one.
        expect(undated.length === 0 || undated.length === labels.length, list).toBe(true);
      }
      // At this now a shift of the Americas desk runs past midnight into Monday in Stockholm, so some lists repeat Monday.
      expect(dated).toBeGreaterThan(0);
      // Thanksgiving stays in the Americas desk's week, said to be closed, with its date.
      const americas = (await page.locator('#enterprise-one-americas [data-local-hours]').textContent()) ?? '';
      const thursday = new Intl.DateTimeFormat(lang === 'en' ? locale : lang, {
        timeZone: 'Europe/Stockholm',
        weekday: 'long',
        day: 'numeric',
        month: 'short',
      }).format(Date.parse('2026-11-26T13:00:00Z'));
      expect(americas).toContain(`${thursday} ${t('hours.closedDay')} (`);
      for (const card of await page.locator('article.desk', { has: page.locator('table') }).all()) {
        const text = (await card.textContent()) ?? '';
        expect(/\d\s?[AP]M\b/.test(text), text).toBe(twelveHour);
        if (twelveHour) expect(/\b(0\d|1[3-9]|2[0-3]):\d\d\b/.test(text.replace(/\+[\d\s‑-]+/g, '')), text).toBe(false);
      }
      expect(await page.locator('details.local summary').first().textContent()).toBe(t('hours.deskZone', { zone: 'Europe/Stockholm' }));
    });
  });
});
