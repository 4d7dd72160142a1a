/**
 * Accessibility: axe-core (WCAG 2.0 and 2.1, levels A and AA) finds no violation on any page
 * template of the built default site, in every language, with the page's scripts run (the
 * enhanced page is what most readers get). The rules that depend on colours run in the default
 * language, in the light and the dark colour scheme; every other rule runs in every language.
 */
import { afterAll, beforeAll, describe, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext } from 'playwright-core';
import { PagePool, defaultContent, pinnedContext, startSite, templatePages, type Site } from './helpers.ts';

const c = defaultContent();
const LOCALES = c.site.locales.map((l) => l.code);
const SCHEMES = ['light', 'dark'] as const;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/**
 * The rules whose answer depends on colours, about half of axe's time on a page. The colour scheme
 * changes only CSS colours, never the markup, so the dark scheme runs these alone; a language
 * changes the words, never the colours they are drawn in, so they run in the default language.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
/**
 * axe-core's source, given to each context once to run in every page it opens. @axe-core/playwright
 * would otherwise send the 567 KB source over the protocol twice per analysis; it is then given a
 * statement that does nothing in its place (an empty one would make it send its own copy).
 */
const AXE_SOURCE = readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');
const AXE_PRESENT = ';';

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** One readable line per offending element: rule, impact, element, what to fix. */
function readable(violations: Violation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact ?? 'unknown'}): ${v.help} | element ${n.target.join(' ')} | ${(n.failureSummary ?? '').replace(/\s*\n\s*/g, ' ')} | ${v.helpUrl}`,
    ),
  );
}

let site: Site;
const contexts: BrowserContext[] = [];
const pools = {} as Record<(typeof SCHEMES)[number], PagePool>;
beforeAll(async () => {
  site = await startSite();
  for (const scheme of SCHEMES) {
    const context = await pinnedContext(site.browser, c.now, { colorScheme: scheme });
    await context.addInitScript({ content: AXE_SOURCE });
    contexts.push(context);
    pools[scheme] = await PagePool.create(context, 1);
  }
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await site?.close();
});

describe('axe finds no WCAG 2.1 A or AA violation', () => {
  // Light: every rule in the default language, every rule but the colour ones in the others. Dark:
  // the colour rules in the default language.
  const cases = templatePages(LOCALES, c.site.defaultLocale).flatMap(([name, locale, path]) =>
    SCHEMES.filter((scheme) => scheme === 'light' || locale === c.site.defaultLocale).map((scheme) => [name, locale, scheme, path] as const),
  );

  test.concurrent.for(cases)('%s in %s, %s (%s)', async ([, locale, scheme, path], { expect }) => {
    await pools[scheme].use(async (page) => {
      await page.goto(new URL(path, site.url).href);
      // The scheme really is in force: the page's colours follow prefers-color-scheme.
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
      const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number) as [number, number, number];
      const lightness = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      expect(scheme === 'dark' ? lightness < 0.25 : lightness > 0.75, `page background ${background} in ${scheme}`).toBe(true);
      // Legacy mode runs axe.run() in the page instead of finishing in a new blank page (a renderer
      // process per call, three times slower); it only loses cross-origin frames, and there are none.
      expect(await page.locator('iframe, frame').count()).toBe(0);
      expect(await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run), 'axe-core loaded with the page').toBe('function');
      // options() replaces every option, so it comes before withTags(), which adds runOnly to them.
      const axe = new AxeBuilder({ page, axeSource: AXE_PRESENT }).setLegacyMode().options({ resultTypes: ['violations'] });
      const colourOnly = scheme === 'dark';
      const withoutColour = !colourOnly && locale !== c.site.defaultLocale;
      const result = await (
        colourOnly ? axe.withRules(COLOUR_RULES) : withoutColour ? axe.withTags(TAGS).disableRules(COLOUR_RULES) : axe.withTags(TAGS)
      ).analyze();
      expect(result.toolOptions.runOnly).toEqual(colourOnly ? { type: 'rule', values: COLOUR_RULES } : { type: 'tag', values: TAGS });
      // The rules that ran: the colour ones exactly where this case asks for them.
      const ran = [...result.passes, ...result.violations, ...result.incomplete, ...result.inapplicable].map((r) => r.id);
      for (const rule of COLOUR_RULES) expect(ran.includes(rule), `${rule} ran`).toBe(!withoutColour);
      expect(readable(result.violations), `axe violations on ${path} (${scheme}); fix the page, do not relax the rule`).toEqual([]);
    });
  });
});
