import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Slow kinds of test first when Vitest has no timings of an earlier run (a fresh clone, CI): its
 * fallback, larger files first, started the 30-second browser and killed-build files, which are
 * short, among the last, and one worker ran alone at the end. With timings, Vitest's own order
 * (longest first) stands.
 */
class SlowKindsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    if (files.every((spec) => this.ctx.cache.getTestSpecificationResult(spec))) return sorted;
    const kind = (spec: TestSpecification) => (/\/test\/(e2e|build|property)\//.test(spec.moduleId) ? 0 : /\/test\/cli\//.test(spec.moduleId) ? 1 : 2);
    return sorted
      .map((spec, i) => ({ spec, i }))
      .sort((a, b) => kind(a.spec) - kind(b.spec) || a.i - b.i)
      .map(({ spec }) => spec);
  }
}

/** Files that need modules of their own: @inquirer/testing replaces the terminal before the CLI is imported. */
const ISOLATED = ['test/cli/interactive.test.ts'];

export default defineConfig({
  test: {
    // Temporary copies of the project under test/.tmp are not test files.
    exclude: [...configDefaults.exclude, 'test/.tmp/**'],
    globalSetup: ['test/global-setup.ts'],
    // Build tests run `astro build` in a child process; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
    // Two files at a time, whatever they do: every test writes only below a temporary folder of
    // its own, shared builds are built in a folder of their own and renamed into place, and the
    // Markdown cache writes each file whole. (Vitest runs projects one after another, so a
    // project per kind of test would not run them side by side.)
    maxWorkers: 2,
    sequence: { sequencer: SlowKindsFirst },
    projects: [
      // A worker runs its files in one module graph: a fresh one per file cost about a tenth of the
      // run's CPU time (Playwright, Astro's and our modules loaded again for each of 80 files).
      // Tests restore what they change (process.env, timers) and keep no state between files.
      { extends: true, test: { name: 'tests', exclude: ISOLATED, isolate: false } },
      // The prompts' test screen must be in place before the CLI is first imported.
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
    ],
  },
});
