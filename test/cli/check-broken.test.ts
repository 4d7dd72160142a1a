/**
 * The broken-content corpus: every case under test/fixtures/broken/<case>/ is the minimal site with
 * a few files changed (content/ overlay, remove.txt). `pharos check` must print exactly the lines
 * in expected.txt, exit 1, and never show a stack trace.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, materialise, runCli } from '../helpers/fixtures.ts';

const BROKEN = join(ROOT, 'test/fixtures/broken');
const cases = readdirSync(BROKEN).sort();

describe('pharos check on broken content', () => {
  test('the corpus has at least 25 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  test.each(cases)('%s', (name) => {
    const contentDir = materialise(join(BROKEN, name));
    const expected = readFileSync(join(BROKEN, name, 'expected.txt'), 'utf8')
      .trim()
      .split('\n');
    const run = runCli(['check'], {}, dirname(contentDir));
    const lines = run.stderr.trim().split('\n');
    const summary = lines.pop();
    expect(lines.filter(Boolean)).toEqual(expected);
    expect(summary).toMatch(/^\d+ problems? found; nothing was built\.$/);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(run.status).toBe(1);
  });
});

test('pharos check on the minimal fixture passes with exit 0', () => {
  const contentDir = materialise(join(ROOT, 'test/fixtures/sites/empty-overlay'));
  const run = runCli(['check'], {}, dirname(contentDir));
  expect(run.stderr).toBe('');
  expect(run.stdout).toMatch(/^content: no problems \(2 products, 2 incidents, 1 maintenance windows, 2 languages\)/);
  expect(run.status).toBe(0);
});
