/** Every HTML page in dist/ passes html-validate with zero errors (see test/helpers/html-validate.ts for the rules). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { MINIMAL, ROOT, listFiles, sharedBuild } from '../helpers/fixtures.ts';
import { htmlProblems as problems } from '../helpers/html-validate.ts';

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

  test('every page validates with zero errors', async () => {
    const pages = listFiles(outDir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const page of pages) found.push(...(await problems(page, readFileSync(join(outDir, page), 'utf8'))));
    expect(found).toEqual([]);
  });
});

test('the gate fails on a broken page (duplicate id, unclosed element, unlabelled form control)', async () => {
  const broken =
    '<!doctype html><html lang="en"><head><title>x</title></head><body><main><p id="a">one</p><p id="a">two<div></p><select name="s"></select></main></body></html>';
  const found = await problems('broken.html', broken);
  expect(found.some((p) => p.includes('no-dup-id'))).toBe(true);
  expect(found.length).toBeGreaterThanOrEqual(3);
});
