/**
 * Badges and the <pharos-status> widget as another site uses them: the default site served on one
 * origin, a vendor's page on another (a second port of 127.0.0.1, so CORS applies) that loads the
 * widget's script and shows the status of the site and of one product, in the page's language.
 * Expectations come from the built API and the translations, not from copies of them.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { STATUS_COLOURS } from '../../src/lib/badges.ts';
import { stableId } from '../../src/lib/api.ts';
import { defaultContent, startSite, type Site } from './helpers.ts';

const PRODUCT = 'projectplace';
let site: Site;
let vendor: Server;
let vendorUrl: string;

/** The vendor's page: the widget twice (the site, one product) in `lang`, served from another origin. */
const vendorPage = (lang: string) =>
  `<!doctype html><html lang="${lang}"><head><title>Vendor app</title></head><body>` +
  `<p>Status: <pharos-status id="site"></pharos-status></p><p><pharos-status id="product" product="${PRODUCT}"></pharos-status></p>` +
  `<script type="module" src="${site.url}embed/pharos-status.js"></script></body></html>`;

beforeAll(async () => {
  site = await startSite();
  vendor = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    // ?csp: a strict policy of the vendor's own, allowing the status site's script and API only.
    const csp = query.has('csp') ? { 'Content-Security-Policy': `default-src 'none'; script-src ${site.url}; connect-src ${site.url}; style-src 'none'` } : {};
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...csp }).end(vendorPage(query.get('lang') ?? 'en'));
  });
  await new Promise<void>((resolve) => vendor.listen(0, '127.0.0.1', resolve));
  vendorUrl = `http://127.0.0.1:${(vendor.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await site?.close();
  await new Promise((resolve) => vendor?.close(resolve));
});

/** The API's components as the widget reads them. */
function components(): { id: string; status: string; group: boolean }[] {
  return (JSON.parse(readFileSync(join(site.dist, 'api/v2/summary.json'), 'utf8')) as { components: { id: string; status: string; group: boolean }[] })
    .components;
}

const SCALE = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'];
const words = (lang: string) => JSON.parse(readFileSync(join(import.meta.dirname, `../../src/i18n/${lang}.json`), 'utf8')) as Record<string, string>;

/** What a widget shows: its link's text and target, and the status it settled on. */
async function widget(page: Page, id: string) {
  await page.waitForSelector(`pharos-status#${id}[data-status]`);
  return page.$eval(`pharos-status#${id}`, (el) => {
    const a = el.shadowRoot!.querySelector('a')!;
    return { text: a.textContent, href: a.href, status: (el as HTMLElement).dataset.status, shape: a.querySelector('path')?.getAttribute('d') ?? null };
  });
}

describe('<pharos-status> on another site', () => {
  test.each(['en', 'sv', 'fr'])('in %s: the worst status of the site and the product, as the API has them, linking to the status pages', async (lang) => {
    const content = defaultContent();
    const page = await site.browser.newPage();
    const failed: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && failed.push(m.text())));
    await page.goto(`${vendorUrl}?lang=${lang}`);
    const all = components();
    const product = all.find((c) => c.id === stableId(`component:${PRODUCT}`))!;
    const worst = SCALE[Math.max(...all.filter((c) => !c.group).map((c) => SCALE.indexOf(c.status)))]!;
    const w = words(lang);
    const name = (v: string | Record<string, string>) => (typeof v === 'string' ? v : (v[lang] ?? v[content.site.defaultLocale]!));
    const prefix = lang === content.site.defaultLocale ? '' : `${lang}/`;

    const own = await widget(page, 'product');
    expect(own.status).toBe(product.status);
    expect(own.text).toBe(`${name(content.products.find((p) => p.id === PRODUCT)!.name)}: ${w[`status.${product.status}`]}`);
    expect(own.href).toBe(`${site.url}${prefix}products/${PRODUCT}/`);
    expect(own.shape).not.toBeNull();

    const whole = await widget(page, 'site');
    expect(whole.status).toBe(worst);
    expect(whole.text).toBe(`${name(content.site.name)}: ${w[`status.${worst}`]}`);
    expect(whole.href).toBe(`${site.url}${prefix}`);
    expect(failed).toEqual([]);
    await page.close();
  });

  test('when the site cannot be reached it still links there, saying the status is not available', async () => {
    const page = await site.browser.newPage();
    await page.route('**/api/v2/summary.json', (route) => route.abort());
    await page.goto(`${vendorUrl}?lang=en`);
    const own = await widget(page, 'product');
    expect(own.status).toBe('unknown');
    expect(own.text).toMatch(new RegExp(`: ${words('en')['widget.unknown']}$`));
    expect(own.shape).toBeNull();
    await page.close();
  });

  test("under a vendor's strict Content-Security-Policy (no inline styles) the mark still has its status colour", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${vendorUrl}?lang=en&csp`);
    const own = await widget(page, 'product');
    const colour = await page.$eval('pharos-status#product', (el) => getComputedStyle(el.shadowRoot!.querySelector('svg')!).color);
    const hex = STATUS_COLOURS.light[own.status as keyof typeof STATUS_COLOURS.light];
    expect(colour).toBe(`rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`);
    await page.close();
  });

  test('the script is at most 3 KB gzip', () => {
    expect(gzipSync(readFileSync(join(site.dist, 'embed/pharos-status.js'))).length).toBeLessThanOrEqual(3 * 1024);
  });
});

describe('badges', () => {
  test('each product badge draws in Chromium with its status word, colour and an accessible title', async () => {
    const content = defaultContent();
    const en = words('en');
    const page = await site.browser.newPage();
    for (const p of content.products) {
      const status = components().find((c) => c.id === stableId(`component:${p.id}`))!.status as keyof typeof STATUS_COLOURS.light;
      const svg = readFileSync(join(site.dist, `products/${p.id}/badge.svg`), 'utf8');
      const name = p.name;
      expect(svg).toContain(`<title>${name.replace(/&/g, '&amp;')}: ${en[`status.${status}`]}</title>`);
      expect(svg).toContain(`fill="${STATUS_COLOURS.light[status]}"`);
      const shields = JSON.parse(readFileSync(join(site.dist, `products/${p.id}/shields.json`), 'utf8')) as Record<string, unknown>;
      expect(shields).toEqual({ schemaVersion: 1, label: name, message: en[`status.${status}`], color: STATUS_COLOURS.light[status].slice(1) });
      // Rendered as an image, the way a README shows it.
      await page.setContent(`<img src="${site.url}products/${p.id}/badge.svg" alt="">`);
      const size = await page.$eval('img', async (img: HTMLImageElement) => (await img.decode(), [img.naturalWidth, img.naturalHeight]));
      expect(size[0]).toBeGreaterThan(100);
      expect(size[1]).toBe(20);
    }
    await page.close();
  });
});

describe('Stay informed: the text to paste into Slack', () => {
  test('Copy puts the whole command on the clipboard, and says so; without JavaScript there is no button that would do nothing', async () => {
    const context = await site.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${site.url}sv/products/${PRODUCT}/`);
    const code = await page.locator('section.stay code').first().textContent();
    expect(code).toMatch(new RegExp(`^/feed subscribe https?://\\S+/sv/products/${PRODUCT}/rss\\.xml$`));
    const button = page.locator('section.stay button.copy').first();
    await button.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    expect(await button.textContent()).toBe(words('sv')['subscribe.copied']);
    await context.close();

    const noScript = await site.browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(`${site.url}sv/products/${PRODUCT}/`);
    expect(await plain.locator('section.stay button.copy').first().isVisible()).toBe(false);
    expect(await plain.locator('section.stay code').first().textContent()).toBe(code);
    await noScript.close();
  });
});
