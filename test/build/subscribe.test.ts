/**
 * "Stay informed" on every page of the default site, in every language: each link leads to a file
 * the build wrote, a product's pages offer that product's feeds, and the text to paste into Slack
 * and Teams is the feed's whole address.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_CONTENT, listFiles, loadOrThrow, sharedBuild } from '../helpers/fixtures.ts';
import { subscribeView } from '../../src/lib/views/subscribe.ts';
import type { SiteContent } from '../../src/lib/content/load.ts';

let dist: string;
let content: SiteContent;

beforeAll(() => {
  const run = sharedBuild(DEFAULT_CONTENT);
  expect(run.status, run.stderr).toBe(0);
  dist = run.outDir;
  content = loadOrThrow(DEFAULT_CONTENT);
});

/** The block of a built page: its links and the texts to paste. */
async function block(page: string): Promise<{ hrefs: string[]; pastes: string[] }> {
  const { readFile } = await import('node:fs/promises');
  const html = await readFile(join(dist, page), 'utf8');
  const section = /<section class="stay[^"]*"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1];
  expect(section, `${page} has no "Stay informed" block`).toBeDefined();
  return {
    hrefs: [...section!.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!),
    pastes: [...section!.matchAll(/<code[^>]*>([^<]+)<\/code>/g)].map((m) => m[1]!),
  };
}

describe('Stay informed', () => {
  test('every page has it, and every link in it leads to a file of the site', async () => {
    const pages = listFiles(dist).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    for (const page of pages) {
      const { hrefs } = await block(page);
      // Paths of this site only: never "//host/..." (another site), never a page that is not there.
      for (const href of hrefs.filter((h) => !/^(https?|mailto):/.test(h))) {
        expect(href, page).toMatch(/^\/(?!\/)/);
        expect(existsSync(join(dist, href)), `${page} links to ${href}`).toBe(true);
      }
    }
  });

  test("a product's page offers that product's feeds and release calendar; Slack and Teams get the feed's whole address", async () => {
    const site = content.site.url!;
    for (const { code } of content.site.locales) {
      const root = code === content.site.defaultLocale ? '' : `${code}/`;
      for (const p of content.products) {
        const { hrefs, pastes } = await block(`${root}products/${p.id}/index.html`);
        expect(hrefs).toContain(`/${root}products/${p.id}/rss.xml`);
        expect(hrefs).toContain(`/${root}products/${p.id}/updates.xml`);
        const feed = new URL(`${root}products/${p.id}/rss.xml`, site).href;
        expect(pastes).toEqual([`/feed subscribe ${feed}`, feed]);
      }
      const { hrefs } = await block(`${root}index.html`);
      expect(hrefs).toEqual(
        expect.arrayContaining([`/${root}rss.xml`, `/${root}updates.xml`, '/calendars/maintenance.ics', '/calendars/releases.ics', '/api/v2/summary.json']),
      );
    }
  });
});

test("the updates link says what its feed holds (incident updates), in the words of the feed's own title", async () => {
  const { readFile } = await import('node:fs/promises');
  const same = (s: string) => s.replaceAll('&apos;', "'").replaceAll('\u2019', "'").replaceAll('\u00a0', ' ').toLowerCase();
  for (const { code } of content.site.locales) {
    const root = code === content.site.defaultLocale ? '' : `${code}/`;
    const html = await readFile(join(dist, root, 'index.html'), 'utf8');
    const label = new RegExp(`<a[^>]*href="/${root}updates.xml"[^>]*>([^<]+)</a>`).exec(html)?.[1];
    const title = /<channel>\s*<title>(?:<!\[CDATA\[)?([^<\]]+)/.exec(await readFile(join(dist, root, 'updates.xml'), 'utf8'))?.[1];
    // "Acme: every incident update" -> "every incident update"
    const holds = same(title!).replace(/^.*:\s/, '');
    expect(same(label!), code).toContain(holds);
  }
});

describe('an announcement list customers can join', () => {
  const withList = (join: string, extra: object = {}): SiteContent => ({
    ...content,
    notify: {
      channels: [{ id: 'news', type: 'email', secret: 'PHAROS_SMTP_URL', enabled: true, from: 's@acme.test', to: ['news@acme.test'], join, ...extra }],
    },
  });
  const email = (c: SiteContent, product?: string) => subscribeView(c, { locale: 'en', base: '/', product }).items.filter((i) => i.kind === 'email');

  test('an address to write to, or a sign-up page, is offered on every page', () => {
    expect(email(withList('join-news@acme.test'))).toEqual([
      { kind: 'email', label: expect.stringMatching(/^By e-mail: write to/), href: 'mailto:join-news@acme.test', address: 'join-news@acme.test' },
    ]);
    expect(email(withList('https://acme.test/news'))[0]).toMatchObject({ href: 'https://acme.test/news', label: 'By e-mail: join the announcement list' });
  });

  test("not when the channel is off, has no join, or is about other products than the page's", () => {
    expect(email(withList('a@acme.test', { enabled: false }))).toEqual([]);
    expect(
      email({
        ...content,
        notify: { channels: [{ id: 'n', type: 'email', secret: 'PHAROS_SMTP_URL', enabled: true, from: 's@acme.test', to: ['n@acme.test'] }] },
      }),
    ).toEqual([]);
    const product = content.products[0]!.id;
    const other = content.products[1]!.id;
    expect(email(withList('a@acme.test', { products: [other] }), product)).toEqual([]);
    expect(email(withList('a@acme.test', { products: [product] }), product)).toHaveLength(1);
  });
});

describe('calendars are written in the default language, and pages in another one say so', () => {
  /** Each calendar link on a page (.ics or webcal:) with the text that follows it up to the end of its list item or paragraph. */
  async function calendarLinks(page: string): Promise<string[]> {
    const { readFile } = await import('node:fs/promises');
    const html = await readFile(join(dist, page), 'utf8');
    return [...html.matchAll(/<a href="(?:webcal:[^"]+|[^"]+\.ics)"[^>]*>[\s\S]*?(?=<\/li>|<\/p>)/g)].map((m) =>
      m[0].replace(/<[^>]+>/g, '').replace(/\s+/g, ' '),
    );
  }
  const pages = ['index.html', 'maintenance/index.html', 'releases/index.html', 'products/barometer/index.html'];

  test.each([
    ['sv/', '(på engelska)'],
    ['fr/', '(en anglais)'],
  ])('%s pages: every calendar link says the calendar is %s', async (lang, note) => {
    expect(content.site.defaultLocale).toBe('en');
    for (const page of pages) {
      const links = await calendarLinks(`${lang}${page}`);
      expect(links.length, page).toBeGreaterThan(0);
      for (const link of links) expect(link.replace(/\(\.ics, /, '('), `${lang}${page}`).toContain(note.slice(0, -1));
    }
  });

  test('pages in the default language say nothing of it', async () => {
    for (const page of pages) for (const link of await calendarLinks(page)) expect(link, page).not.toMatch(/\(in English\)|, in English/);
  });
});
