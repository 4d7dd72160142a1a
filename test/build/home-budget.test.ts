/**
 * The home page stays small whatever staff post: open incidents with the longest titles and
 * messages the limits allow show their titles and the opening words of their latest update, and
 * the page stays within the bench's budget (14 KB of HTML and CSS, gzip).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { LIMITS } from '../../src/schemas/limits.ts';
import { buildSite, MINIMAL, tempDir } from '../helpers/fixtures.ts';

const OPEN = 6;

test(`${OPEN} open incidents with the longest title and message keep the home page within 14 KB gzip`, () => {
  const content = join(tempDir('budget'), 'content');
  cpSync(MINIMAL, content, { recursive: true });
  // Words that do not repeat much, so gzip cannot hide a page that carries whole messages.
  let seed = 7;
  const word = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), (seed % 1e9).toString(36));
  const text = (max: number) => {
    let out = '';
    while (out.length + 12 < max) out += `${word()} `;
    return out.trim();
  };
  for (let i = 0; i < OPEN; i++) {
    writeFileSync(
      join(content, 'incidents', `2026-11-22-long-${i}.md`),
      [
        '---',
        `title: ${JSON.stringify(text(LIMITS.title.max))}`,
        'severity: critical',
        'scope: own',
        'affects: [{ product: widget, impact: major_outage }]',
        'started: "2026-11-22T09:00:00Z"',
        'updates:',
        `  - { at: "2026-11-22T09:10:00Z", status: investigating, message: ${JSON.stringify(text(LIMITS.message.max))} }`,
        '---',
        '',
      ].join('\n'),
    );
  }
  const run = buildSite(content);
  expect(run.status, run.stderr).toBe(0);
  const html = readFileSync(join(run.outDir, 'index.html'), 'utf8');
  // Every open incident is there, with its title whole and a link to the whole update.
  expect(html.match(/Read the whole update/g)).toHaveLength(OPEN);
  expect(gzipSync(html).length).toBeLessThan(14 * 1024);
});
