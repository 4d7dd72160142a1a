/** Every HTML page in dist/ passes html-validate with zero errors (see test/helpers/html-validate.ts for the rules). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { MINIMAL, ROOT, listFiles, sharedBuild } from '../helpers/fixtures.ts';
import { htmlProblems as problems } from '../helpers/html-validate.ts';

/**
 * The incident history filtered by product, by severity or by both: most of a site's pages (147 of
 * the default site's 250), each the unfiltered history's template with fewer cards (or none). Every
 * page of the unfiltered history is validated; the filtered ones through representatives: in each
 * language and kind of filter, the first page that lists incidents and the first that lists none.
 */
const FILTERED = /^(?:[a-z]{2}\/)?incidents\/(product|severity)\/[^/]+\/(severity\/[^/]+\/)?(?:page\/\d+\/)?index\.html$/;

/** The pages to validate: every page but the filtered history's, of which only the representatives. */
function withRepresentatives(pages: string[], read: (page: string) => string): string[] {
  const seen = new Set<string>();
  return pages.filter((page) => {
    const filter = FILTERED.exec(page);
    if (!filter) return true;
    const key = [/^[a-z]{2}\//.exec(page)?.[0] ?? '', filter[1], filter[2] ? 'both' : 'one', read(page).includes('<article') ? 'cards' : 'none'].join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

describe.each([
  ['the default site', join(ROOT, 'content')],
  ['the minimal fixture', MINIMAL],
])('HTML of %s', (_name, content) => {
  let outDir: string;
  beforeAll(() => {
    const build = sharedBuild(content);
    expect(build.status).toBe(0);
    outDir = build.outDir;
  });

  test('every page validates with zero errors (the filtered incident history through representatives)', async () => {
    const read = (page: string) => readFileSync(join(outDir, page), 'utf8');
    const all = listFiles(outDir).filter((f) => f.endsWith('.html'));
    const pages = withRepresentatives(all, read);
    expect(pages.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const page of pages) found.push(...(await problems(page, read(page))));
    expect(found).toEqual([]);
  });
});

test('the representatives of the filtered history: in each language, each kind of filter with cards and without, once', () => {
  const { outDir } = sharedBuild(join(ROOT, 'content'));
  const filtered = listFiles(outDir).filter((f) => FILTERED.test(f));
  expect(filtered.length).toBeGreaterThan(100);
  const chosen = withRepresentatives(filtered, (page) => readFileSync(join(outDir, page), 'utf8'));
  const kinds = (locale: string) =>
    chosen.filter((p) => (locale ? p.startsWith(`${locale}/`) : !/^[a-z]{2}\//.test(p))).map((p) => p.replace(/^[a-z]{2}\//, ''));
  // Per kind of filter (product, severity, both): one page with cards and, where the content leaves one empty, one without.
  expect(kinds('').length).toBeGreaterThanOrEqual(3);
  expect(kinds('').length).toBeLessThanOrEqual(6);
  expect(kinds('sv')).toEqual(kinds(''));
  expect(kinds('fr')).toEqual(kinds(''));
});

test('the gate fails on a broken page (duplicate id, unclosed element, unlabelled form control)', async () => {
  const broken =
    '<!doctype html><html lang="en"><head><title>x</title></head><body><main><p id="a">one</p><p id="a">two<div></p><select name="s"></select></main></body></html>';
  const found = await problems('broken.html', broken);
  expect(found.some((p) => p.includes('no-dup-id'))).toBe(true);
  expect(found.length).toBeGreaterThanOrEqual(3);
});
