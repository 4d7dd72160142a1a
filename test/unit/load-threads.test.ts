/**
 * Large content folders load incidents and maintenance on two threads. Whatever the split, the
 * result must be the one a single thread gives: the same content, the same errors in the same order.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent, loadEntries } from '../../src/lib/content/load.ts';
import type { EntryPath } from '../../src/lib/content/entries.ts';
import { formatError } from '../../src/lib/content/errors.ts';
import { MINIMAL, ROOT, tempDir } from '../helpers/fixtures.ts';

const BROKEN = join(ROOT, 'test/fixtures/broken');

/** The minimal site plus every broken incident and maintenance file of the corpus, each under its own name. */
function allBrokenEntries(): string {
  const dir = join(tempDir('threads'), 'content');
  cpSync(MINIMAL, dir, { recursive: true });
  for (const name of readdirSync(BROKEN)) {
    for (const folder of ['incidents', 'maintenance']) {
      const from = join(BROKEN, name, 'content', folder);
      if (!existsSync(from)) continue;
      for (const file of readdirSync(from)) {
        if (!file.endsWith('.md') || !/^[a-z0-9-]+\.md$/.test(file)) continue;
        cpSync(join(from, file), join(dir, folder, `${basename(file, '.md')}-${name}.md`));
      }
    }
  }
  return dir;
}

function both(dir: string) {
  const one = loadContent(dir, { env: {}, displayRoot: 'content', threads: 1 });
  const two = loadContent(dir, { env: {}, displayRoot: 'content', threads: 2 });
  return { one, two };
}

describe('loading on two threads', () => {
  test('the second thread does load half of the files', () => {
    const dir = join(ROOT, 'content', 'incidents');
    const paths = readdirSync(dir).map((f): EntryPath => [join(dir, f), 'incident']);
    const two = loadEntries(paths, { dir: join(ROOT, 'content'), displayRoot: 'content', hints: {} }, 2);
    expect(two.threads).toBe(2);
    expect(two.results.map((r) => r.item?.id)).toEqual(paths.map(([p]) => basename(p, '.md')));
    expect(two.results.every((r) => r.errors.length === 0)).toBe(true);
  });

  test('the default content loads to the same site', () => {
    const { one, two } = both(join(ROOT, 'content'));
    expect(one.ok).toBe(true);
    expect(two.ok).toBe(true);
    if (!one.ok || !two.ok) return;
    expect(two.content.incidents.length).toBeGreaterThan(2);
    expect(JSON.stringify(two.content)).toBe(JSON.stringify(one.content));
  });

  test('every broken incident and maintenance file of the corpus gives the same errors, in the same order', () => {
    const dir = allBrokenEntries();
    const { one, two } = both(dir);
    expect(one.ok).toBe(false);
    const lines = one.errors.map(formatError);
    expect(lines.length).toBeGreaterThan(20);
    // Errors from cross-file rules (unknown product, time after now) and from locale rules are among them.
    expect(lines.some((l) => l.includes('unknown product'))).toBe(true);
    expect(lines.some((l) => l.includes('after now'))).toBe(true);
    expect(lines.some((l) => l.includes('is not a language of the site'))).toBe(true);
    expect(two.errors.map(formatError)).toEqual(lines);
  });

  test('with a broken site-wide file, entries are still checked alike on both threads', () => {
    const dir = allBrokenEntries();
    writeFileSync(join(dir, 'products.yaml'), readFileSync(join(dir, 'products.yaml'), 'utf8').replace(/^products:/m, 'produkts:'));
    const { one, two } = both(dir);
    const lines = one.errors.map(formatError);
    expect(lines.some((l) => l.startsWith('content/products.yaml'))).toBe(true);
    expect(lines.some((l) => l.includes('content/incidents/'))).toBe(true);
    expect(two.errors.map(formatError)).toEqual(lines);
  });
});
