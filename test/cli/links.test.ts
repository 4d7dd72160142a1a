/** The broken-link checker (test/helpers/links.ts) finds what a visitor, feed reader or API client would trip on. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { tempDir } from '../helpers/fixtures.ts';
import { brokenLinks } from '../helpers/links.ts';

/** A small fake build under /status/ with one good and one bad link of each kind. */
function fakeDist(): string {
  const dist = join(tempDir('links'), 'dist');
  const files: Record<string, string> = {
    'index.html': `<!doctype html><html><head>
      <link rel="stylesheet" href="/status/_astro/site.css"><link rel="alternate" hreflang="sv" href="https://status.acme.test/status/sv/">
      <meta property="og:url" content="https://status.acme.test/status/"></head><body>
      <a href="incidents/a/">ok relative</a> <a href="/status/incidents/a/#timeline">ok anchor</a> <a href="#top">ok same-page</a>
      <h1 id="top">x</h1>
      <a href="/incidents/a/">no base</a> <a href="/status/incidents/b/">missing page</a> <a href="/status/incidents/a">no slash</a>
      <a href="/status/incidents/a/#nowhere">missing anchor</a> <a href="#gone">missing same-page anchor</a>
      <img src="/status/logo.svg" srcset="/status/logo.svg 1x, /status/logo@2x.svg 2x">
      <a href="https://example.com/elsewhere">external</a> <a href="mailto:a@b.c">mail</a> <a href="tel:+46">tel</a>
      <!-- <a href="/status/commented-out/">ignored</a> -->
      <script>const html = '<a href="/status/in-a-script/">ignored</a>';</script>
      <a href="/status/search/?q=a&amp;page=2">query kept</a>
    </body></html>`,
    'incidents/a/index.html': '<html><body><section id="timeline"></section><a href="../../">home</a><a href="../../../">above</a></body></html>',
    'search/index.html': '<html></html>',
    '_astro/site.css': 'body{}',
    'logo.svg': '<svg/>',
    'sv/index.html': '<html></html>',
    'rss.xml':
      '<rss><channel><link>https://status.acme.test/status/</link><item><link>https://status.acme.test/status/incidents/gone/</link><content:encoded>&lt;a href=&quot;https://status.acme.test/status/incidents/a/#timeline&quot;&gt;ok&lt;/a&gt;&lt;a href=&quot;https://status.acme.test/status/incidents/a/#lost&quot;&gt;bad&lt;/a&gt;</content:encoded></item></channel></rss>',
    'calendar.ics':
      'BEGIN:VCALENDAR\r\nURL:https://status.acme.test/status/incidents/a\r\n /\r\nDESCRIPTION:See https://status.acme.test/status/maintenance/x/\\nThanks\r\nEND:VCALENDAR\r\n',
    'api/v2/summary.json': JSON.stringify({
      page: { url: 'https://status.acme.test/status/' },
      incidents: [{ shortlink: 'https://status.acme.test/status/incidents/zzz/' }],
    }),
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), text);
  }
  return dist;
}

test('every broken internal link is reported with its source and reason, and nothing else', () => {
  const broken = brokenLinks({ dist: fakeDist(), site: 'https://status.acme.test/', base: '/status/' });
  expect(broken.map((b) => [b.source, b.link, b.reason])).toEqual([
    ['api/v2/summary.json', 'https://status.acme.test/status/incidents/zzz/', 'leads to no page in the build'],
    ['calendar.ics', 'https://status.acme.test/status/maintenance/x/', 'leads to no page in the build'],
    ['incidents/a/index.html', '../../../', 'is outside the base path /status/'],
    ['index.html', '/incidents/a/', 'is outside the base path /status/'],
    ['index.html', '/status/incidents/b/', 'leads to no page in the build'],
    ['index.html', '/status/incidents/a', 'has no trailing slash (the page is /status/incidents/a/)'],
    ['index.html', '/status/incidents/a/#nowhere', 'points at #nowhere, which incidents/a/index.html does not have'],
    ['index.html', '#gone', 'points at #gone, which this page does not have'],
    ['index.html', '/status/logo@2x.svg', 'leads to no file in the build'],
    ['rss.xml', 'https://status.acme.test/status/incidents/a/#lost', 'points at #lost, which incidents/a/index.html does not have'],
    ['rss.xml', 'https://status.acme.test/status/incidents/gone/', 'leads to no page in the build'],
  ]);
});

test("checked as a build for the domain root, the same files' /status/ links lead nowhere", () => {
  const broken = brokenLinks({ dist: fakeDist(), site: 'https://status.acme.test/', base: '/' });
  // Without the base, "/status/..." links name files under a status/ folder the build does not have.
  expect(broken.some((b) => b.link === '/status/incidents/a/#timeline' && b.reason === 'leads to no page in the build')).toBe(true);
});
