import { configDefaults, defineConfig } from 'vitest/config';

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
  },
});
