/** The bench times the build a publisher runs: `npm run build`'s Node flags, for Pharos and the floor alike. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildNodeFlags } from '../../bench/run.ts';
import { ROOT } from '../helpers/fixtures.ts';

test('the bench reads the Node flags of npm run build', () => {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { build: string } }).scripts.build;
  // A larger young generation: a 10,000-incident build spends much less time collecting garbage.
  expect(buildNodeFlags(script)).toEqual(['--max-semi-space-size=64']);
  expect(buildNodeFlags('astro build')).toEqual([]);
  expect(buildNodeFlags('node node_modules/astro/bin/astro.mjs build')).toEqual([]);
  expect(buildNodeFlags('node --a=1 --b ./node_modules/astro/bin/astro.mjs build --verbose')).toEqual(['--a=1', '--b']);
});
