/** Supported versions from the release history and the policy's support window; the release and maintenance feeds. */
import { describe, expect, test } from 'vitest';
import type { SiteContent } from '../../src/lib/content/load.ts';
import { latestRelease, nextReleaseDate, productReleases, publishedReleases, releaseAnchor, supportWindow, versionStatuses } from '../../src/lib/releases.ts';
import { maintenanceFeed } from '../../src/lib/feeds.ts';
import { releaseFeed, releaseFeedItems } from '../../src/lib/release-feeds.ts';
import type { Release } from '../../src/schemas/releases.ts';
import { MINIMAL, loadOrThrow, DEFAULT_CONTENT } from '../helpers/fixtures.ts';

const DEFAULT = loadOrThrow(DEFAULT_CONTENT);
const MIN = loadOrThrow(MINIMAL);
const SITE = 'https://status.acme.test/';

// Newest first, as content gives them.
const HISTORY: Release[] = [
  { version: '4.0', date: '2026-04-01' },
  { version: '3.0', date: '2026-03-01' },
  { version: '2.0', date: '2026-02-01' },
  { version: '1.0', date: '2026-01-01' },
];
/** [version, supported, support ended, ended by] per release, newest first. */
type Row = [string, boolean, string | undefined, string | undefined];

describe('the supported-versions rule', () => {
  test.each<[string, 'single' | 'multi', number]>([
    ['single-tenant: the policy says 2', 'single', 2],
    ['multi-tenant: the policy says 1', 'multi', 1],
  ])('%s', (_name, tenancy, n) => {
    expect(supportWindow({ tenancy }, DEFAULT.policy)).toBe(n);
  });

  test.each<[string, number, Row[]]>([
    [
      'window 2 (single-tenant): the latest and the previous; an older one ended when the release two places newer came out',
      2,
      [
        ['4.0', true, undefined, undefined],
        ['3.0', true, undefined, undefined],
        ['2.0', false, '2026-04-01', '4.0'],
        ['1.0', false, '2026-03-01', '3.0'],
      ],
    ],
    [
      'window 1 (multi-tenant): the latest only; each older one ended with the next release',
      1,
      [
        ['4.0', true, undefined, undefined],
        ['3.0', false, '2026-04-01', '4.0'],
        ['2.0', false, '2026-03-01', '3.0'],
        ['1.0', false, '2026-02-01', '2.0'],
      ],
    ],
    ['a window wider than the history supports everything', 5, HISTORY.map((r): Row => [r.version, true, undefined, undefined])],
  ])('%s', (_name, window, rows) => {
    const v = versionStatuses('p', HISTORY, window);
    expect(v.map((x): Row => [x.version, x.supported, x.supportEnded, x.endedBy])).toEqual(rows);
    expect(v.map((x) => x.latest)).toEqual([true, false, false, false]);
  });

  test('no releases, no versions', () => {
    expect(versionStatuses('p', [], 2)).toEqual([]);
  });
});

describe("the default content's products at its pinned now", () => {
  test.each<[string, number, Row[], string | undefined]>([
    [
      'enterprise-one',
      2,
      [
        ['2026.11', true, undefined, undefined],
        ['2026.10', true, undefined, undefined],
        ['2026.09', false, '2026-11-14', '2026.11'],
        ['2026.08', false, '2026-10-10', '2026.10'],
      ],
      '2026-12-12',
    ],
    [
      'ppm-pro',
      2,
      [
        ['2026.11', true, undefined, undefined],
        ['2026.10', true, undefined, undefined],
        ['2026.09', false, '2026-11-21', '2026.11'],
        ['2026.08', false, '2026-10-17', '2026.10'],
      ],
      '2026-12-19',
    ],
    [
      'spigit',
      1,
      [
        ['2026.23', true, undefined, undefined],
        ['2026.22', false, '2026-11-10', '2026.23'],
        ['2026.21', false, '2026-10-27', '2026.22'],
        ['2026.20', false, '2026-10-13', '2026.21'],
      ],
      '2026-11-24',
    ],
    ['projectplace', 1, [], undefined],
  ])('%s: window %i, versions newest first, next release %s', (id, window, rows, next) => {
    const r = productReleases(DEFAULT, id)!;
    expect(r.window).toBe(window);
    expect(r.versions.map((x): Row => [x.version, x.supported, x.supportEnded, x.endedBy])).toEqual(rows);
    expect(r.supported.map((x) => x.version)).toEqual(rows.filter((x) => x[1]).map((x) => x[0]));
    expect(r.unsupported.map((x) => x.version)).toEqual(rows.filter((x) => !x[1]).map((x) => x[0]));
    expect(r.latest?.version).toBe(rows[0]?.[0]);
    expect(r.next).toBe(next);
    expect(r.continuous).toBe(next === undefined);
  });

  test('a version keeps its notes link and summary', () => {
    const v = productReleases(DEFAULT, 'barometer')!.latest!;
    expect(v).toMatchObject({
      version: '2026.16',
      date: '2026-11-18',
      notes: 'https://success.planview.com/Planview_Barometer/2Release_Notes',
      summary: { en: 'Security updates.' },
      anchor: 'release-2026.16',
    });
    expect(productReleases(DEFAULT, 'clarizen')!.latest!.notes).toBeUndefined();
  });

  test('an unknown product has nothing', () => {
    expect(productReleases(DEFAULT, 'nope')).toBeUndefined();
    expect(publishedReleases(DEFAULT, 'nope')).toEqual([]);
  });
});

describe('a release listed ahead of now is not published yet', () => {
  // The minimal site's widget ships in Europe/Stockholm; its next planned date is 8 December.
  const withPlanned = (now: string): SiteContent => ({
    ...MIN,
    now,
    releases: { widget: [{ version: '2026.12', date: '2026-12-08' }, ...MIN.releases.widget!] },
  });

  test.each<[string, string, string[], string | undefined]>([
    ['the evening before, in Stockholm', '2026-12-07T22:59:59Z', ['2026.11', '2026.10'], '2026-12-08'],
    ['from midnight in Stockholm (still 7 December in UTC)', '2026-12-07T23:00:00Z', ['2026.12', '2026.11'], '2026-12-08'],
    ['the day after', '2026-12-09T12:00:00Z', ['2026.12', '2026.11'], '2027-01-12'],
  ])('%s', (_name, now, supported, next) => {
    const c = withPlanned(now);
    const r = productReleases(c, 'widget')!;
    expect(r.supported.map((v) => v.version)).toEqual(supported);
    expect(latestRelease(c, 'widget')?.version).toBe(supported[0]);
    expect(r.next).toBe(next);
  });
});

describe('next release date', () => {
  test.each([
    ['widget', '2026-11-22T10:00:00Z', '2026-12-08'],
    // 2nd Tuesday of November 2026 is the 10th: on the day itself, today's release is next.
    ['widget', '2026-11-10T12:00:00Z', '2026-11-10'],
    ['cloud', '2026-11-22T10:00:00Z', undefined],
  ])('%s at %s: %s', (id, now, date) => {
    expect(
      nextReleaseDate(
        MIN.products.find((p) => p.id === id)!,
        now,
      ),
    ).toBe(date);
  });
});

test.each([
  ['2026.11', 'release-2026.11'],
  ['19.4 LTS', 'release-19.4-lts'],
  ['v2/ç', 'release-v2-'],
])('version %s is anchored as #%s', (version, anchor) => {
  expect(releaseAnchor(version)).toBe(anchor);
});

describe('release feeds', () => {
  test.each<[string, string | undefined, string, string[]]>([
    ['all products', undefined, 'en', ['products/widget/#release-2026.11', 'products/widget/#release-2026.10']],
    ['one product', 'widget', 'sv', ['sv/products/widget/#release-2026.11', 'sv/products/widget/#release-2026.10']],
    ['a continuous product without releases', 'cloud', 'en', []],
  ])('%s (%s, %s): one item per release, newest first, linked to its version on the product page', (_name, product, locale, links) => {
    const feed = releaseFeed(MIN, { locale, product, site: SITE, base: '/' });
    expect(feed.items.map((i) => i.link)).toEqual(links.map((l) => `${SITE}${l}`));
    expect(feed.site).toBe(`${SITE}${locale === 'en' ? '' : `${locale}/`}${product ? `products/${product}/` : 'releases/'}`);
    expect(feed.customData).toContain(`<language>${locale}</language>`);
    expect(feed.customData).toContain(
      `href="${SITE}${locale === 'en' ? '' : `${locale}/`}${product ? `products/${product}/releases.xml` : 'releases/rss.xml'}"`,
    );
  });

  test('an item: product and version, the release day in the product zone, the summary in the reader language or marked with its own', () => {
    const [en] = releaseFeedItems(MIN, { locale: 'en', site: SITE, base: '/' });
    expect(en).toMatchObject({ title: 'Acme Widget 2026.11', categories: ['Acme Widget'], description: 'Released November 10, 2026.\nFaster reports' });
    // Midnight in Stockholm (CET) is 23:00 UTC the day before.
    expect(en!.pubDate.toISOString()).toBe('2026-11-09T23:00:00.000Z');
    const [sv] = releaseFeedItems(MIN, { locale: 'sv', site: SITE, base: '/' });
    expect(sv!.description).toBe('Släppt 10 november 2026.\nSnabbare rapporter');
    const fr = releaseFeedItems(
      { ...MIN, site: { ...MIN.site, locales: [...MIN.site.locales, { code: 'fr', name: 'Français' }] } },
      { locale: 'fr', site: SITE, base: '/' },
    );
    expect(fr[0]!.content).toContain('<p lang="en">Faster reports</p>');
  });

  test('release notes become a link only when they are a web address', () => {
    const items = (notes: string) =>
      releaseFeedItems({ ...MIN, releases: { widget: [{ version: '1', date: '2026-11-01', notes }] } }, { locale: 'en', site: SITE, base: '/' });
    expect(items('https://acme.test/notes?a=1&b=2')[0]!.content).toContain('<a href="https://acme.test/notes?a=1&amp;b=2">Release notes</a>');
    expect(items('javascript:alert(1)')[0]!.content).not.toMatch(/javascript:|<a /);
  });

  test('same-day releases follow products.yaml; at most the limit', () => {
    const c: SiteContent = {
      ...DEFAULT,
      releases: { ...DEFAULT.releases, clarizen: [{ version: 'x', date: '2026-11-14' }], 'enterprise-one': [{ version: 'y', date: '2026-11-14' }] },
    };
    const items = releaseFeedItems(c, { locale: 'en', site: SITE, base: '/' });
    const onDay = items.filter((i) => i.link.includes('#release-x') || i.link.includes('#release-y')).map((i) => i.title);
    expect(onDay).toEqual(['Planview Enterprise One y', 'Planview Clarizen x']);
    expect(releaseFeedItems(DEFAULT, { locale: 'en', site: SITE, base: '/', limit: 3 }).map((i) => i.title)).toEqual([
      'Planview PPM Pro 2026.11',
      'Planview Barometer 2026.16',
      'Planview Enterprise One 2026.11',
    ]);
  });

  test('more releases than the limit: the newest 50', () => {
    const many: Release[] = Array.from({ length: 60 }, (_, n) => ({
      version: `1.${59 - n}`,
      date: `2026-0${1 + Math.floor((59 - n) / 28)}-${String(1 + ((59 - n) % 28)).padStart(2, '0')}`,
    }));
    const items = releaseFeedItems({ ...MIN, releases: { widget: many } }, { locale: 'en', site: SITE, base: '/' });
    expect(items).toHaveLength(50);
    expect([items[0]!.title, items.at(-1)!.title]).toEqual(['Acme Widget 1.59', 'Acme Widget 1.10']);
  });
});

describe('the maintenance feed', () => {
  test('maintenance windows only, its own channel and self link', () => {
    const feed = maintenanceFeed(DEFAULT, { locale: 'sv', site: 'https://status.planview.com/', base: '/' });
    // Newest activity first: a notice during the window, a cancellation, an advance notice, a finished window.
    const ids = [
      '2026-11-22-changepoint-network-upgrade',
      '2026-12-06-leankit-database-migration',
      '2026-11-26-enterprise-one-database-patching-americas',
      '2026-11-08-enterprise-one-ppm-pro-database-upgrade-eu',
    ];
    expect(feed.items.map((i) => i.link)).toEqual(ids.map((id) => `https://status.planview.com/sv/maintenance/${id}/`));
    expect(feed.title).toBe('Planview driftstatus och Customer Care: underhåll');
    expect(feed.site).toBe('https://status.planview.com/sv/maintenance/');
    expect(feed.customData).toContain('href="https://status.planview.com/sv/maintenance/rss.xml"');
  });
});
