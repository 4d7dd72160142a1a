/**
 * README's screenshots: the home page of the built site (dist/, from `npm run build`) at 390 and
 * 1280 px wide, light and dark, as a reader sees it a few minutes after the build, written to
 * docs/screenshots/home-<width>-<scheme>.png.
 *
 * Usage: npm run build && npm run screenshots
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, findBrowser } from '../test/helpers/browser.ts';
import { serveStatic } from '../test/helpers/static-server.ts';
import { contentDir } from '../src/lib/site-data.ts';
import { loadContent } from '../src/lib/content/load.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'docs/screenshots');
/** Width and height of each shot: a phone (390 x 844) and a laptop. */
const SHOTS = [
  [390, 844],
  [1280, 900],
] as const;

if (!existsSync(join(DIST, 'index.html'))) {
  process.stderr.write('screenshots: dist/index.html is missing; run npm run build first\n');
  process.exit(1);
}
const loaded = loadContent(contentDir());
if (!loaded.ok) {
  process.stderr.write('screenshots: the content does not load; run npm run check\n');
  process.exit(1);
}
// The reader's clock: five minutes after the build's now, so "Updated 5 min ago" and no stale notice.
const readerNow = new Date(Date.parse(loaded.content.now) + 5 * 60_000);

mkdirSync(OUT, { recursive: true });
const server = await serveStatic(DIST);
const found = await findBrowser();
const browser = await chromium.launch({ executablePath: found.path, env: found.env, headless: true, args: [...CHROME_FLAGS] });
try {
  for (const [width, height] of SHOTS) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, locale: 'en-GB', timezoneId: loaded.content.site.timeZone });
      await context.clock.setFixedTime(readerNow);
      const page = await context.newPage();
      await page.goto(server.url);
      const file = join(OUT, `home-${width}-${scheme}.png`);
      await page.screenshot({ path: file });
      process.stdout.write(`${file.slice(ROOT.length + 1)}\n`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
