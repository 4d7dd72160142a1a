/** The updates feeds' items, from the minimal site's content: one per posted update, titled with status, incident and impact. */
import { describe, expect, test } from 'vitest';
import type { SiteContent } from '../../src/lib/content/load.ts';
import { updatesFeed } from '../../src/lib/update-feeds.ts';
import { loadOrThrow, MINIMAL } from '../helpers/fixtures.ts';

function site(): SiteContent {
  return loadOrThrow(MINIMAL, { PHAROS_NOW: '2026-11-22T10:00:00Z' });
}
const AT = { site: 'https://status.acme.test/', base: '/' };
const PAGE = 'https://status.acme.test/incidents/';

describe('updates feed', () => {
  test.each([
    [
      'en',
      undefined,
      [
        ['Identified: Cloud sign-in fails (major outage)', `${PAGE}2026-11-22-cloud-down/#update-1`, 'Our identity provider is down.'],
        ['Resolved: Widget is slow (degraded performance)', `${PAGE}2026-11-21-widget-slow/#update-2`, 'Pages are fast again.'],
        ['Investigating: Widget is slow (degraded performance)', `${PAGE}2026-11-21-widget-slow/#update-1`, 'We are looking into slow pages.'],
      ],
    ],
    // A product's feed names that product's impact, not the incident's worst.
    [
      'en',
      'widget',
      [
        ['Identified: Cloud sign-in fails (partial outage)'],
        ['Resolved: Widget is slow (degraded performance)'],
        ['Investigating: Widget is slow (degraded performance)'],
      ],
    ],
    ['en', 'cloud', [['Identified: Cloud sign-in fails (major outage)']]],
    [
      'sv',
      undefined,
      [
        [
          'Orsaken är känd: Inloggning misslyckas (större avbrott)',
          'https://status.acme.test/sv/incidents/2026-11-22-cloud-down/#update-1',
          'Vår identitetsleverantör ligger nere.',
        ],
        ['Löst: Widget är långsam (försämrad prestanda)'],
        ['Felsökning pågår: Widget är långsam (försämrad prestanda)'],
      ],
    ],
  ])('%s, product %s: newest first, title, link and the update as description', (locale, product, expected) => {
    const feed = updatesFeed(site(), { ...AT, locale, product });
    const items = feed.items.map((i, n) => [i.title, i.link, i.description].slice(0, expected[n]!.length));
    expect(items).toEqual(expected);
  });

  test('French writes a no-break space before the colon; channels are named apart from the incident feeds', () => {
    const c = site();
    expect(updatesFeed(c, { ...AT, locale: 'fr' }).items[0]!.title).toBe('Cause identifiée\u00a0: Cloud sign-in fails (panne majeure)');
    expect(updatesFeed(c, { ...AT, locale: 'en' }).title).toBe('Acme Status: every incident update');
    expect(updatesFeed(c, { ...AT, locale: 'en', product: 'widget' }).title).toBe('Acme Status: Acme Widget incident updates');
    expect(updatesFeed(c, { ...AT, locale: 'sv' }).customData).toContain('href="https://status.acme.test/sv/updates.xml"');
  });

  test('the newest 50 updates, however many an incident has', () => {
    const c = site();
    const inc = c.incidents.find((i) => i.id === '2026-11-22-cloud-down')!;
    const updates = Array.from({ length: 70 }, (_, i) => ({
      ...inc.updates[0]!,
      at: new Date(Date.parse('2026-11-22T09:05:00Z') + i * 30_000).toISOString(),
      message: `Update ${i + 1}.`,
    }));
    c.incidents = [{ ...inc, updates }];
    const items = updatesFeed(c, { ...AT, locale: 'en' }).items;
    expect(items).toHaveLength(50);
    expect(items[0]!.description).toBe('Update 70.');
    expect(items[49]!.link).toBe(`${PAGE}2026-11-22-cloud-down/#update-21`);
  });
});
