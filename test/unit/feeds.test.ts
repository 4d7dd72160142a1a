import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { SiteContent } from '../../src/lib/content/load.ts';
import { buildFeed, feedItems, maintenanceFeed, maintenanceActivity, plain, FEED_LIMIT, FEED_TIMELINE_LIMIT, type FeedOptions } from '../../src/lib/feeds.ts';
import type { Incident } from '../../src/schemas/incident.ts';
import type { Maintenance } from '../../src/schemas/maintenance.ts';
import { MINIMAL, loadOrThrow, DEFAULT_CONTENT } from '../helpers/fixtures.ts';

const C: SiteContent = loadOrThrow(MINIMAL);
const SITE = 'https://status.acme.test/';
const opts = (o: Partial<FeedOptions> = {}): FeedOptions => ({ locale: 'en', site: SITE, base: '/', ...o });
const byId = (id: string) => C.incidents.find((i) => i.id === id)!;
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '<a href="javascript:alert(1)">y</a>',
  'quote " and </ and \u202Ereversed',
].join('\n\n');

describe('which items, in which order', () => {
  test.each<[string, Partial<FeedOptions>, string[]]>([
    [
      'everything, newest activity first',
      {},
      ['/incidents/2026-11-22-cloud-down/', '/incidents/2026-11-21-widget-slow/', '/maintenance/2026-11-25-db-upgrade/'],
    ],
    [
      'only what affects widget',
      { product: 'widget' },
      ['/incidents/2026-11-22-cloud-down/', '/incidents/2026-11-21-widget-slow/', '/maintenance/2026-11-25-db-upgrade/'],
    ],
    ['only what affects cloud', { product: 'cloud' }, ['/incidents/2026-11-22-cloud-down/']],
    ['an unknown product has nothing', { product: 'nope' }, []],
    ['Swedish links are under /sv/', { locale: 'sv', product: 'cloud' }, ['/sv/incidents/2026-11-22-cloud-down/']],
    ['a base path comes before the locale', { locale: 'sv', product: 'cloud', base: '/status/' }, ['/status/sv/incidents/2026-11-22-cloud-down/']],
  ])('%s', (_name, o, paths) => {
    expect(feedItems(C, opts(o)).map((i) => i.link)).toEqual(paths.map((p) => new URL(p, SITE).href));
  });

  test('pubDate is the latest activity: the last update of an incident, the last notice of a window not yet started', () => {
    expect(feedItems(C, opts()).map((i) => i.pubDate.toISOString())).toEqual([
      '2026-11-22T09:05:00.000Z',
      '2026-11-21T08:30:00.000Z',
      '2026-11-20T12:00:00.000Z',
    ]);
  });

  test(`at most ${FEED_LIMIT} items, the newest ones`, () => {
    const base = byId('2026-11-22-cloud-down');
    // 60 incidents a minute apart, all newer than the fixture's own items.
    const many: Incident[] = Array.from({ length: 60 }, (_, n) => {
      const at = new Date(Date.parse('2026-11-22T09:10:00Z') + n * 60_000).toISOString();
      return { ...base, id: `2026-11-22-clone-${n}`, started: at, updates: [{ ...base.updates[0]!, at }] };
    });
    const items = feedItems({ ...C, incidents: [...many, ...C.incidents] }, opts());
    expect(items).toHaveLength(50);
    expect(items[0]!.link).toBe(`${SITE}incidents/2026-11-22-clone-59/`);
    expect(items.at(-1)!.link).toBe(`${SITE}incidents/2026-11-22-clone-10/`);
    expect(items.map((i) => i.pubDate.getTime())).toEqual(items.map((i) => i.pubDate.getTime()).sort((a, b) => b - a));
  });

  test.each<[string, Partial<Maintenance>, string, string]>([
    ['before its start: the last notice', {}, '2026-11-22T10:00:00Z', '2026-11-20T12:00:00.000Z'],
    ['under way: its start', {}, '2026-11-25T23:00:00Z', '2026-11-25T21:00:00.000Z'],
    ['over: its end', {}, '2026-11-27T00:00:00Z', '2026-11-26T00:00:00.000Z'],
    ['cancelled: the cancellation, even after the planned end', { cancelled: '2026-11-21T09:00:00.000Z' }, '2026-11-27T00:00:00Z', '2026-11-21T09:00:00.000Z'],
    ['no notice and not started: its planned start', { updates: [] }, '2026-11-22T10:00:00Z', '2026-11-25T21:00:00.000Z'],
  ])('maintenance activity %s', (_name, change, now, expected) => {
    expect(maintenanceActivity({ ...C.maintenance[0]!, ...change }, now)).toBe(expected);
  });
});

describe('what an item says', () => {
  const en = (id: string) => feedItems(C, opts()).find((i) => i.link.endsWith(`/${id}/`))!;
  const sv = (id: string) => feedItems(C, opts({ locale: 'sv' })).find((i) => i.link.endsWith(`/${id}/`))!;

  test.each([
    ['en', '2026-11-22-cloud-down', 'Cloud sign-in fails'],
    ['sv', '2026-11-22-cloud-down', 'Inloggning misslyckas'],
    ['en', '2026-11-25-db-upgrade', 'Database upgrade'],
    ['sv', '2026-11-25-db-upgrade', 'Databasuppgradering'],
  ])('the %s title of %s is the plain title "%s", without a status', (locale, id, title) => {
    expect((locale === 'en' ? en : sv)(id).title).toBe(title);
  });

  test.each([
    ['en', '2026-11-21-widget-slow', 'Latest update: Resolved, November 21, 2026 at 9:30 AM GMT+1.\nPages are fast again.'],
    ['sv', '2026-11-21-widget-slow', 'Senaste uppdatering: Löst, 21 november 2026 kl. 09:30 CET.\nPages are fast again.'],
    ['en', '2026-11-22-cloud-down', 'Latest update: Identified, November 22, 2026 at 10:05 AM GMT+1.\nOur identity provider is down.'],
    [
      'sv',
      '2026-11-25-db-upgrade',
      'Senaste uppdatering: Kommande, 20 november 2026 kl. 13:00 CET.\nTidsfönster: 25 november 2026 kl. 22:00 CET till 26 november 2026 kl. 01:00 CET.\nPlanerat.',
    ],
  ])('the %s description of %s is the latest update in the site zone', (locale, id, description) => {
    expect((locale === 'en' ? en : sv)(id).description).toBe(description);
  });

  test('the content has every update, newest first, with status and time, and the products with their impact', () => {
    const { content } = en('2026-11-21-widget-slow');
    const order = [
      'Acme Widget (Degraded performance)',
      'Resolved',
      '9:30',
      'Pages are fast again.',
      'Investigating',
      '8:10',
      'We are looking into slow pages.',
    ].map((s) => content.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(en('2026-11-22-cloud-down').content).toContain('Affects: Acme Cloud (Major outage), Acme Widget (Partial outage)');
  });

  test(`a long timeline keeps its ${FEED_TIMELINE_LIMIT} latest updates and links to the page for the rest`, () => {
    const base = byId('2026-11-21-widget-slow');
    const updates = Array.from({ length: 25 }, (_, n) => ({
      ...base.updates[0]!,
      at: new Date(Date.parse('2026-11-21T07:10:00Z') + n * 60_000).toISOString(),
      message: `Check number ${n + 1}.`,
    }));
    const [item] = feedItems({ ...C, incidents: [{ ...base, updates }], maintenance: [] }, opts({ locale: 'sv' }));
    const shown = [...item!.content.matchAll(/Check number (\d+)\./g)].map((m) => Number(m[1]));
    expect(shown).toEqual(Array.from({ length: FEED_TIMELINE_LIMIT }, (_, n) => 25 - n));
    expect(item!.content).toContain(`<a href="${SITE}sv/incidents/2026-11-21-widget-slow/">Tidigare uppdateringar (5)`);
    expect(en('2026-11-21-widget-slow').content).not.toContain('Earlier updates');
  });

  test('text that fell back to the default language is marked as such in the content', () => {
    expect(sv('2026-11-21-widget-slow').content).toContain('<div lang="en"><p>Pages are fast again.</p></div>');
    expect(sv('2026-11-21-widget-slow').content).toContain('<p>Vi undersöker långsamma sidor.</p>');
  });

  test("footnotes in a report and a message link to their notes on the item's page, whose ids the content carries too", () => {
    const base = byId('2026-11-21-widget-slow');
    const inc: Incident = {
      ...base,
      body: 'The cache was cold[^1].\n\n[^1]: After a restart.',
      updates: [{ ...base.updates[0]!, message: 'Looking[^1].\n\n[^1]: At the cache.' }],
    };
    const { content, link } = feedItems({ ...C, incidents: [inc], maintenance: [] }, opts())[0]!;
    const ids = [...content.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    const hrefs = [...content.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!).filter((h) => h.includes('#'));
    expect(hrefs).toHaveLength(4);
    for (const h of hrefs) {
      expect(h.startsWith(`${link}#`), h).toBe(true);
      expect(ids).toContain(h.slice(link.length + 1));
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('categories are the affected products', () => {
    expect(en('2026-11-22-cloud-down').categories).toEqual(['Acme Cloud', 'Acme Widget']);
    expect(en('2026-11-25-db-upgrade').categories).toEqual(['Acme Widget']);
  });

  test('hostile Markdown and titles never reach the feed as markup', () => {
    const base = byId('2026-11-22-cloud-down');
    // A title is plain text everywhere (a Markdown link in it is shown as written, never a link), so its hostile part is HTML.
    const title = 'Bad <script>alert(1)</script> <img src=x onerror=alert(1)> <a href="javascript:alert(1)">y</a> quote " and </ and \u202Ereversed';
    const bad: Incident = { ...base, id: '2026-11-22-hostile', title, updates: [{ ...base.updates[0]!, message: HOSTILE }] };
    const item = feedItems({ ...C, incidents: [bad] }, opts())[0]!;
    // Nothing a reader rendering HTML takes for a tag: no "<" before a letter, "/", "!" or "?".
    for (const field of [item.title, item.description]) expect(field).not.toMatch(/<[A-Za-z/!?]|\u202E/);
    expect(item.content).not.toMatch(/<script|onerror|javascript:|<img|\u202E/i);
    // The title keeps every word staff wrote, its tag-shaped parts between angle quotation marks.
    expect(item.title).toBe('Bad ‹script›alert(1)‹/script› ‹img src=x onerror=alert(1)› ‹a href="javascript:alert(1)"›y‹/a› quote " and ‹/ and reversed');
    expect(item.description).toContain('quote " and');
    expect(item.content).toContain('<a>x</a>');
  });
});

describe('a maintenance item tells its latest notice, automatic or not, at its own time', () => {
  const WINDOW = 'Window: November 25, 2026 at 10:00 PM GMT+1 to November 26, 2026 at 1:00 AM GMT+1.';
  const FONSTER = 'Tidsfönster: 25 november 2026 kl. 22:00 CET till 26 november 2026 kl. 01:00 CET.';
  const during = { at: '2026-11-25T21:30:00.000Z', message: { en: 'Half the databases are done.', sv: 'Halva databaserna är klara.' } };
  const item = (now: string, locale: string, later: Maintenance['updates'] = []) => {
    const m = { ...C.maintenance[0]!, updates: [...C.maintenance[0]!.updates, ...later] };
    return feedItems({ ...C, incidents: [], maintenance: [m], now }, opts({ locale }))[0]!;
  };
  test.each<[string, string, string, Maintenance['updates'], string, string]>([
    [
      'before the start: the staff notice',
      '2026-11-25T20:00:00.000Z',
      'en',
      [],
      `Latest update: Upcoming, November 20, 2026 at 1:00 PM GMT+1.\n${WINDOW}\nPlanned.`,
      '2026-11-20T12:00:00.000Z',
    ],
    [
      'under way, nothing said since the start: begun, at the start',
      '2026-11-25T23:00:00.000Z',
      'en',
      [],
      `Latest update: In progress, November 25, 2026 at 10:00 PM GMT+1.\n${WINDOW}\nThe scheduled maintenance has begun.`,
      '2026-11-25T21:00:00.000Z',
    ],
    [
      'the same in Swedish',
      '2026-11-25T23:00:00.000Z',
      'sv',
      [],
      `Senaste uppdatering: Pågår, 25 november 2026 kl. 22:00 CET.\n${FONSTER}\nDet planerade underhållet har börjat.`,
      '2026-11-25T21:00:00.000Z',
    ],
    [
      'under way, with a staff notice: that notice',
      '2026-11-25T23:00:00.000Z',
      'sv',
      [during],
      `Senaste uppdatering: Pågår, 25 november 2026 kl. 22:30 CET.\n${FONSTER}\nHalva databaserna är klara.`,
      '2026-11-25T21:30:00.000Z',
    ],
    [
      'over: completed, at the end',
      '2026-11-27T00:00:00.000Z',
      'en',
      [during],
      `Latest update: Completed, November 26, 2026 at 1:00 AM GMT+1.\n${WINDOW}\nThe scheduled maintenance has been completed.`,
      '2026-11-26T00:00:00.000Z',
    ],
    [
      'the same in Swedish',
      '2026-11-27T00:00:00.000Z',
      'sv',
      [],
      `Senaste uppdatering: Avslutat, 26 november 2026 kl. 01:00 CET.\n${FONSTER}\nDet planerade underhållet har avslutats.`,
      '2026-11-26T00:00:00.000Z',
    ],
  ])('%s (%s, %s)', (_name, now, locale, later, description, pubDate) => {
    const it = item(now, locale, later);
    expect(it.description).toBe(description);
    expect(it.pubDate.toISOString()).toBe(pubDate);
  });

  test('a window with no notice that has not started says its state, and no time it was not said at', () => {
    expect(feedItems({ ...C, incidents: [], maintenance: [{ ...C.maintenance[0]!, updates: [] }] }, opts())[0]!.description).toBe(`Upcoming.\n${WINDOW}`);
  });

  test('the timeline in the content has the automatic notices, marked, newest first', () => {
    const { content } = item('2026-11-27T00:00:00.000Z', 'en');
    expect(content).toContain(
      '<h2>Timeline</h2><p>November 26, 2026 at 1:00 AM GMT+1 · <em>Automatic notice</em></p><p>The scheduled maintenance has been completed.</p><p>November 25, 2026 at 10:00 PM GMT+1 · <em>Automatic notice</em></p><p>The scheduled maintenance has begun.</p><p>November 20, 2026 at 1:00 PM GMT+1</p><p>Planned.</p>',
    );
    expect(item('2026-11-25T23:00:00.000Z', 'sv').content).toContain(
      '<p>25 november 2026 kl. 22:00 CET · <em>Automatiskt meddelande</em></p><p>Det planerade underhållet har börjat.</p>',
    );
  });

  test('the maintenance feed and the all-incidents feed carry the same item', () => {
    const c = { ...C, now: '2026-11-27T00:00:00.000Z' };
    const all = feedItems(c, opts()).find((i) => i.link.includes('/maintenance/'))!;
    expect(maintenanceFeed(c, opts()).items).toEqual([all]);
    expect(all.description).toContain('The scheduled maintenance has been completed.');
  });
});

describe('the channel', () => {
  test.each<[string, Partial<FeedOptions>, string, string, string, string]>([
    [
      'all, English',
      {},
      'Acme Status: incidents and maintenance',
      'Every incident and maintenance window on Acme Status, newest first.',
      SITE,
      `${SITE}rss.xml`,
    ],
    [
      'all, Swedish',
      { locale: 'sv' },
      'Acme driftstatus: incidenter och underhåll',
      'Alla incidenter och underhållsfönster på Acme driftstatus, de senaste först.',
      `${SITE}sv/`,
      `${SITE}sv/rss.xml`,
    ],
    [
      'one product, Swedish',
      { locale: 'sv', product: 'widget' },
      'Acme driftstatus: Acme Widget',
      'Incidenter och underhåll som berör Acme Widget.',
      `${SITE}sv/products/widget/`,
      `${SITE}sv/products/widget/rss.xml`,
    ],
  ])('%s', (_name, o, title, description, site, self) => {
    const feed = buildFeed(C, opts(o));
    expect({ title: feed.title, description: feed.description, site: feed.site }).toEqual({ title, description, site });
    expect(feed.customData).toContain(`<language>${o.locale ?? 'en'}</language>`);
    expect(feed.customData).toContain(`<atom:link href="${self}" rel="self" type="application/rss+xml"/>`);
  });
});

describe('plain text for titles and descriptions', () => {
  test.each([
    ['Widget is slow', 'Widget is slow'],
    ['Latency < 5 s & rising', 'Latency < 5 s & rising'],
    ['Widget <Pro> is slow', 'Widget ‹Pro› is slow'],
    ['a <b>bold</b> move', 'a ‹b›bold‹/b› move'],
    ['<img src=x onerror=alert(1)>kept', '‹img src=x onerror=alert(1)›kept'],
    ['half <img src=x onerror=alert(1)', 'half ‹img src=x onerror=alert(1)'],
    ['<!-- note --> <?xml?>', '‹!-- note --› ‹?xml?›'],
    ['<<a>', '<‹a›'],
    ['<a<b>', '‹a‹b›'],
    ['x <a', 'x ‹a'],
    ['a > b, < alone, <@U1> and <3', 'a > b, < alone, <@U1> and <3'],
    ['bell\u0007 and null\u0000', 'bell and null'],
  ])('%j becomes %j', (input, expected) => {
    expect(plain(input)).toBe(expected);
  });

  test('any text: nothing in the result is a tag, and every character staff typed is still there', () => {
    const char = fc.constantFrom('a', 'Z', ' ', '<', '>', '/', '!', '?', '=', '"', '1', '‹');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        const out = plain(text);
        expect(out).not.toMatch(/<[A-Za-z/!?]/);
        // Read back with the quotation marks as brackets, it is what was typed, spaces tidied (a
        // "‹" typed as such reads back as "<": a reader sees the same text either way).
        const back = (s: string) => s.replaceAll('‹', '<').replaceAll('›', '>');
        expect(back(out)).toBe(back(text).replace(/ +/g, ' ').trim());
      }),
      { seed: 20261204, numRuns: 500 },
    );
  });
});

describe('post-incident reports in feeds', () => {
  test('an incident with a report carries it in the content, under a heading, marked with its language', async () => {
    const { feedItems } = await import('../../src/lib/feeds.ts');
    const items = feedItems(loadOrThrow(DEFAULT_CONTENT), { locale: 'sv', site: new URL('https://status.example.com/'), base: '/' });
    const item = items.find((i) => i.link.endsWith('/incidents/2026-10-14-enterprise-one-eu-unavailable/'))!;
    expect(item.content).toContain('<h2>Rapport efter incidenten</h2><div lang="en">');
    expect(items.find((i) => i.link.endsWith('/incidents/2026-11-22-daptiv-slow-page-loads/'))!.content).not.toContain('Rapport efter incidenten');
  });
});

describe('sample content', () => {
  const o: FeedOptions = { locale: 'en', site: 'https://status.example.test/', base: '/' };
  test('an item says it is invented only when its file says `sample: true`', () => {
    const real = feedItems(C, o);
    expect(real.length).toBeGreaterThan(0);
    for (const item of real) {
      expect(item.categories).not.toContain('Sample');
      expect(item.description).not.toContain('Invented sample data');
    }
    const invented = feedItems(
      { ...C, incidents: C.incidents.map((i) => ({ ...i, sample: true })), maintenance: C.maintenance.map((m) => ({ ...m, sample: true })) },
      o,
    );
    for (const item of invented) {
      expect(item.categories).toContain('Sample');
      expect(item.description).toContain('Invented sample data for this demonstration');
      expect(item.content).toContain('Invented sample data for this demonstration');
    }
  });
});
