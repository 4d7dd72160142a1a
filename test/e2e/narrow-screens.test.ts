/**
 * Phones: on a 320 and a 390 px screen, every page template in every language keeps its words
 * whole (no word wraps between two of its letters, as "F i r s t r e s p o n s e" did in the
 * targets tables) and the page never scrolls sideways; under 600 px the wide tables (severity
 * targets, an incident's targets, a product's releases) are label-value rows, each value with its
 * column's name.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { translator } from '../../src/lib/i18n.ts';
import { OPEN_INCIDENT, PagePool, defaultContent, inLocale, pinnedContext, startSite, templatePages, type Site } from './helpers.ts';

const c = defaultContent();
const LOCALES = c.site.locales.map((l) => l.code);
const WIDTHS = [320, 390] as const;

let site: Site;
const contexts: BrowserContext[] = [];
const pools = {} as Record<(typeof WIDTHS)[number], PagePool>;
beforeAll(async () => {
  site = await startSite();
  for (const width of WIDTHS) {
    const context = await pinnedContext(site.browser, c.now, { viewport: { width, height: 800 } });
    contexts.push(context);
    pools[width] = await PagePool.create(context, 1);
  }
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await site?.close();
});

/**
 * Every shown word (a run of letters and digits between spaces, hyphens, slashes and dots; not
 * inside an address) whose letters sit on more than one line, with the text around it; how far
 * the page is wider than the screen, and the first elements that make it so.
 */
function broken(page: Page): Promise<{ words: string[]; overflow: number; wide: string[] }> {
  return page.evaluate(() => {
    const words: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const parent = node.parentElement;
      if (!parent || parent.closest('[hidden], .visually-hidden, script, style') || parent.getClientRects().length === 0) continue;
      // An address (a URL, an e-mail, a path) is no word: longer than the line, it has to break somewhere.
      const addresses = [...node.data.matchAll(/\S*(?::\/\/|@|^\/|\s\/)\S*/g)].map((m) => [m.index, m.index + m[0].length]);
      for (const m of node.data.matchAll(/[\p{L}\p{N}]{2,}/gu)) {
        if (addresses.some(([from, to]) => m.index >= from! && m.index < to!)) continue;
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top);
        if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 2) words.push(`"${m[0]}" in "${node.data.trim().slice(0, 80)}"`);
      }
    }
    // What sticks out past the screen's right edge, for the message when the page scrolls sideways.
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 5)
      .map(
        (e) =>
          `<${e.tagName.toLowerCase()}${e.getAttribute('class') ? ` class="${e.getAttribute('class')}"` : ''}> right edge at ${Math.round(e.getBoundingClientRect().right)} px: "${(e.textContent ?? '').trim().slice(0, 60)}"`,
      );
    return { words, overflow: document.documentElement.scrollWidth - window.innerWidth, wide };
  });
}

/**
 * Beside the templates: in each language, the incident page whose impact words are the longest
 * ("Performances dégradées" beside a product's name in the facts' narrow column).
 */
const longestImpact = LOCALES.map((locale): [string, string, string] => {
  const t = translator(locale);
  const longest = (i: (typeof c.incidents)[number]) => Math.max(...i.affects.map((a) => t(`status.${a.impact}`).length));
  const incident = c.incidents.reduce((a, b) => (longest(b) > longest(a) ? b : a));
  return ['incident with the longest impact words', locale, inLocale(`/incidents/${incident.id}/`, locale, c.site.defaultLocale)];
});

describe.each(WIDTHS)('at %i px', (width) => {
  test.concurrent.for([...templatePages(LOCALES, c.site.defaultLocale), ...longestImpact])(
    '%s in %s (%s): words whole, no sideways scroll',
    async ([, , path], { expect }) => {
      await pools[width].use(async (page) => {
        await page.goto(new URL(path, site.url).href);
        const { words, overflow, wide } = await broken(page);
        expect(words, `words broken between letters on ${path} at ${width} px`).toEqual([]);
        expect(overflow, `${path} scrolls sideways at ${width} px:\n${wide.join('\n')}`).toBeLessThanOrEqual(0);
      });
    },
  );
});

describe('wide tables become label-value rows under 600 px', () => {
  const cases = LOCALES.flatMap((locale) =>
    [
      { path: '/support/severity/', labels: ['scope.own', 'scope.third-party'] as const },
      { path: `/incidents/${OPEN_INCIDENT}/`, labels: ['sla.target', 'sla.due', 'sla.outcome'] as const },
      { path: '/products/barometer/', labels: ['releases.date', 'releases.support'] as const },
    ].map((x) => ({ ...x, locale, url: inLocale(x.path, locale, c.site.defaultLocale) })),
  );
  test.concurrent.for(cases)('$url', async ({ url, labels, locale }, { expect }) => {
    const t = translator(locale);
    await pools[390].use(async (page) => {
      await page.goto(new URL(url, site.url).href);
      const table = page.locator('table.stack').first();
      // Each value fills the row's width, its column's name shown above it; the column heads are off screen.
      const cells = await table
        .locator('tbody tr')
        .first()
        .locator('td')
        .evaluateAll((tds) =>
          tds.map((td) => ({
            label: getComputedStyle(td, '::before').content.replace(/^"|"$/g, ''),
            display: getComputedStyle(td).display,
            width: td.getBoundingClientRect().width,
            row: td.parentElement!.getBoundingClientRect().width,
          })),
        );
      expect(cells.map((x) => x.label)).toEqual(labels.map((k) => t(k)));
      for (const cell of cells) {
        expect(cell.display).toBe('block');
        expect(cell.width).toBeGreaterThan(cell.row * 0.9);
      }
      expect(
        await table
          .locator('thead')
          .boundingBox()
          .then((b) => b?.height ?? 0),
      ).toBeLessThanOrEqual(1);
    });
  });

  test('at 1280 px they stay tables with column heads', async () => {
    const context = await pinnedContext(site.browser, c.now, { viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(new URL('/support/severity/', site.url).href);
      expect(
        await page
          .locator('table.stack td')
          .first()
          .evaluate((td) => getComputedStyle(td).display),
      ).toBe('table-cell');
      expect(
        await page
          .locator('table.stack td')
          .first()
          .evaluate((td) => getComputedStyle(td, '::before').content),
      ).toBe('none');
    } finally {
      await context.close();
    }
  });
});
