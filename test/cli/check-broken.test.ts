/**
 * The broken-content corpus: every case under test/fixtures/broken/<case>/ is the minimal site with
 * a few files changed (content/ overlay, remove.txt). `pharos check` must print exactly the lines
 * in expected.txt, exit 1, and never show a stack trace. The cases run the CLI in this process
 * (a throw would fail the case); the real process is run for one broken case and the passing one.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, materialise, runCli, runCliHere, type Run } from '../helpers/fixtures.ts';

const BROKEN = join(ROOT, 'test/fixtures/broken');
const cases = readdirSync(BROKEN).sort();

describe('pharos check on broken content', () => {
  test('the corpus has at least 25 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  /** Checks one case's messages, summary and exit status. */
  const expectCase = (name: string, run: Run) => {
    const expected = readFileSync(join(BROKEN, name, 'expected.txt'), 'utf8')
      .trim()
      .split('\n');
    const lines = run.stderr.trim().split('\n');
    const summary = lines.pop();
    expect(lines.filter(Boolean)).toEqual(expected);
    expect(summary).toMatch(/^\d+ problems? found; nothing was built\.$/);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(run.status).toBe(1);
  };

  test.each(cases)('%s', async (name) => {
    expectCase(name, await runCliHere(['check'], {}, dirname(materialise(join(BROKEN, name)))));
  });

  test('the real process prints the same', () => {
    const name = 'unknown-field-typo';
    expectCase(name, runCli(['check'], {}, dirname(materialise(join(BROKEN, name)))));
  });
});

test('pharos check on the minimal fixture passes with exit 0', () => {
  const contentDir = materialise(join(ROOT, 'test/fixtures/sites/empty-overlay'));
  const run = runCli(['check'], {}, dirname(contentDir));
  expect(run.stderr).toBe('');
  expect(run.stdout).toMatch(/^content: no problems \(2 products, 2 incidents, 1 maintenance windows, 2 languages\)/);
  expect(run.status).toBe(0);
});
