/**
 * The hours page's zone picker, for a reader whose browser reports an old zone name (Chromium says
 * Asia/Calcutta for India): the reader's zone is chosen under its current name, the list offers
 * cities grouped by region in the page's language, and no zone appears under a name it no longer has.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { defaultContent, pinnedContext, startSite, type Site } from './helpers.ts';

const c = defaultContent();
let site: Site;
beforeAll(async () => {
  site = await startSite();
}, 600_000);
afterAll(async () => {
  await site?.close();
});

const RENAMED = ['Asia/Calcutta', 'Europe/Kiev', 'Asia/Saigon', 'Asia/Katmandu', 'Asia/Rangoon', 'America/Buenos_Aires'];

test.each([
  ['en', 'Asia/Calcutta', 'Asia/Kolkata', 'Kolkata', 'Europe'],
  ['sv', 'Europe/Kiev', 'Europe/Kyiv', 'Kyiv', 'Europa'],
])('in %s, a browser in %s: %s is chosen, cities are grouped by region, no old names', async (lang, reported, currentName, cityName, europe) => {
  const context = await pinnedContext(site.browser, c.now, { timezoneId: reported, locale: lang === 'sv' ? 'sv-SE' : 'en-GB' });
  const page = await context.newPage();
  await page.goto(new URL(lang === c.site.defaultLocale ? '/support/hours/' : `/${lang}/support/hours/`, site.url).href);
  const select = page.locator('form[data-zone-picker] select');
  await select.focus();
  await page.waitForFunction(() => document.querySelectorAll('form[data-zone-picker] optgroup').length > 5);
  const picker = await select.evaluate((el: HTMLSelectElement) => ({
    value: el.value,
    selectedText: el.selectedOptions[0]?.textContent,
    groups: [...el.querySelectorAll('optgroup')].map((g) => g.label),
    values: [...el.options].map((o) => o.value),
    europe: [...el.querySelectorAll('optgroup')].slice(1).find((g) => [...g.querySelectorAll('option')].some((o) => o.value === 'Europe/Berlin'))?.label,
    berlin: [...el.options].find((o, i) => o.value === 'Europe/Berlin' && i > 10)?.textContent,
  }));
  expect(picker.value).toBe(currentName);
  expect(picker.selectedText).toBe(`${cityName} (${currentName})`);
  expect(picker.groups.length).toBeGreaterThan(6);
  expect(picker.europe).toBe(europe);
  expect(picker.berlin).toBe('Berlin');
  for (const old of RENAMED) expect(picker.values, old).not.toContain(old);
  expect(picker.values).toContain('Asia/Kolkata');
  // The desks' hours follow the chosen zone.
  await expect.poll(() => page.locator('.desk summary').first().textContent()).toContain(currentName);
  await context.close();
});
