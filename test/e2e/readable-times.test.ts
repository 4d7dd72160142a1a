/**
 * Readable times in Chromium: a recent event reads relative first ("5 hr ago · 22 Nov, 05:40 CET"), older
 * ones by date; one clock style per page (24-hour on Swedish and French pages whatever the browser
 * says; an English page follows the browser's English: 12-hour for en-US, 24-hour for en-GB); and
 * the footer names the zone the reader sees.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { translator } from '../../src/lib/i18n.ts';
import { OPEN_INCIDENT, REPORTED_INCIDENT, defaultContent, inLocale, pinnedContext, readerTimeText, reusedPages, startSite, type Site } from './helpers.ts';

const c = defaultContent();
const NOW = c.now;
let site: Site;
/** A page per browser language and zone. */
let browsers: ReturnType<typeof reusedPages>;
beforeAll(async () => {
  site = await startSite();
  browsers = reusedPages(site.browser, NOW);
});
afterAll(async () => {
  await browsers?.close();
  await site?.close();
});

/** Every converted time on a page: its instant and its text. */
async function timesOn(path: string, browserLocale: string, zone: string): Promise<{ times: [string, string][]; footer: string }> {
  const page = await browsers.get({ locale: browserLocale, timezoneId: zone });
  await page.goto(new URL(path, site.url).href);
  const times = await page
    .locator('time[data-localized]')
    .evaluateAll((els) => els.map((e): [string, string] => [(e as HTMLTimeElement).dateTime, e.textContent ?? '']));
  return { times, footer: (await page.locator('[data-zone-note]').textContent()) ?? '' };
}

const TWELVE_HOUR = /\d\s?[AP]M\b/;

describe.each([
  ['en', 'en-US', 'America/New_York', true],
  ['en', 'en-GB', 'Europe/London', false],
  ['sv', 'en-US', 'America/New_York', false],
  ['fr', 'en-US', 'Europe/Paris', false],
  ['sv', 'sv-SE', 'Europe/Stockholm', false],
])('a %s page read in a %s browser in %s', (lang, browserLocale, zone, twelveHour) => {
  test('recent times read relative first, then day and time; older ones by full date; one clock style', async () => {
    for (const id of [OPEN_INCIDENT, REPORTED_INCIDENT]) {
      const { times } = await timesOn(inLocale(`/incidents/${id}/`, lang, c.site.defaultLocale), browserLocale, zone);
      expect(times.length).toBeGreaterThan(2);
      for (const [iso, text] of times) {
        expect(text, iso).toBe(readerTimeText(iso, lang, zone, NOW, browserLocale));
        expect(TWELVE_HOUR.test(text), `${text}: ${twelveHour ? '12' : '24'}-hour clock expected`).toBe(twelveHour);
      }
    }
    const open = c.incidents.find((i) => i.id === OPEN_INCIDENT)!;
    const { times } = await timesOn(inLocale(`/incidents/${OPEN_INCIDENT}/`, lang, c.site.defaultLocale), browserLocale, zone);
    const started = times.find(([iso]) => Date.parse(iso) === Date.parse(open.started))![1];
    // 5 h 20 min before the pinned now: hours ago, and " · " before the day and time.
    expect(started).toMatch(lang === 'en' ? /^5 hr\.? ago · / : lang === 'sv' ? /^för 5 tim (sedan|sen) · / : /^il y a 5\sh · /);
  });

  test("the footer names the reader's zone", async () => {
    const { footer } = await timesOn(inLocale('/', lang, c.site.defaultLocale), browserLocale, zone);
    const words = translator(lang)('site.timesInYours');
    expect(footer.startsWith(words.slice(0, words.indexOf('{zone}')))).toBe(true);
    expect(footer).toContain(`(${zone})`);
  });
});

test('an English page in a browser that reports a POSIX locale (Chromium under LANG=C.UTF-8: "en-US@posix") still writes its times', async () => {
  const zone = 'America/New_York';
  const page = await browsers.get({ locale: 'en-US@posix', timezoneId: zone });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  expect(await page.evaluate(() => navigator.language)).toBe('en-US@posix');
  const { times } = await timesOn(`/incidents/${OPEN_INCIDENT}/`, 'en-US@posix', zone);
  expect(errors).toEqual([]);
  expect(times.length).toBeGreaterThan(2);
  for (const [iso, text] of times) expect(text, iso).toBe(readerTimeText(iso, 'en', zone, NOW, 'en-US'));
});

test('relative times are rounded, not cut: a next update 1 h 45 min away reads "in 2 hr", a start 7 h 35 min ago "8 hr ago", lasting "7 hr, 35 min"', async () => {
  const context = await pinnedContext(site.browser, '2026-11-22T12:15:00Z', { locale: 'en-US', timezoneId: 'Europe/Berlin' });
  try {
    const page = await context.newPage();
    await page.goto(new URL(`/incidents/${OPEN_INCIDENT}/`, site.url).href);
    const text = (iso: string) => page.locator(`p.next time[datetime="${iso}"]`).first().textContent();
    expect(await text('2026-11-22T14:00:00.000Z')).toMatch(/^in 2 hr\.? · /);
    expect(await page.locator('.facts time[datetime="2026-11-22T04:40:00.000Z"]').textContent()).toMatch(/^8 hr\.? ago · /);
    // The duration counts on with the reader's clock too (built at 10:00 as 5 hr, 20 min).
    expect(await page.locator('.facts dd[data-since]').textContent()).toBe('7 hr, 35 min (ongoing)');
  } finally {
    await context.close();
  }
});

test('once the next update is due by the reader\'s clock, the line says it was due (not "due 2 hr ago"), and the page offers a reload', async () => {
  const context = await pinnedContext(site.browser, '2026-11-22T16:00:00Z', { locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  try {
    const page = await context.newPage();
    await page.goto(new URL(`/sv/incidents/${OPEN_INCIDENT}/`, site.url).href);
    const t = translator('sv');
    const [before] = t('incident.nextUpdatePassed').split('{time}');
    await expect.poll(() => page.locator('p.next').innerText()).toMatch(new RegExp(`^${before}för 2 tim sedan · `));
    expect(await page.locator('p.next [data-ahead]').isVisible()).toBe(false);
    expect(await page.locator('.freshness .stale').isVisible()).toBe(true);
  } finally {
    await context.close();
  }
});
