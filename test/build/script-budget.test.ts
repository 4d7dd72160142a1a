/**
 * Every page of the default site sends at most 4 KB (gzip) of JavaScript: its inline scripts and
 * every module it loads, with the modules those import. The severity page's due calculator, which
 * once carried a zone library (22.7 KB gzip), computes with Intl in the browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, expect, test } from 'vitest';
import { ROOT, listFiles, sharedBuild } from '../helpers/fixtures.ts';

const BUDGET = 4 * 1024;
let dist: string;
beforeAll(() => {
  const run = sharedBuild(join(ROOT, 'content'));
  expect(run.status, run.stderr).toBe(0);
  dist = run.outDir;
});

/** A module file and every module it imports statically or dynamically, each once. */
function withImports(file: string, seen: Set<string>): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  const imported = [...code.matchAll(/(?:from|import)\s*\(?\s*["'`]([^"'`]+\.js)["'`]/g)].map((m) => new URL(m[1]!, `http://x/${file}`).pathname.slice(1));
  return [code, ...imported.flatMap((f) => withImports(f, seen))];
}

/** All the JavaScript one HTML page runs: inline scripts (not JSON data) and its modules. */
function pageScripts(html: string): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1]!;
    if (/type="application\/(ld\+)?json"/.test(attrs)) continue;
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (src) parts.push(...withImports(src.replace(/^\//, ''), seen));
    else parts.push(m[2]!);
  }
  return parts.join('\n');
}

test('every page runs at most 4 KB of JavaScript, gzip', () => {
  const pages = listFiles(dist).filter((f) => f.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(50);
  const sizes = pages.map((p) => [p, gzipSync(pageScripts(readFileSync(join(dist, p), 'utf8')), { level: 9 }).length] as const);
  const over = sizes.filter(([, n]) => n > BUDGET).map(([p, n]) => `${p}: ${n} bytes`);
  expect(over, `pages over ${BUDGET} bytes of JavaScript (gzip)`).toEqual([]);
  // The calculator's page really was measured with its module.
  const severity = pageScripts(readFileSync(join(dist, 'support/severity/index.html'), 'utf8'));
  expect(severity).toContain('data-calculator');
  expect(severity).not.toMatch(/luxon|DateTime\.fromISO/);
});
