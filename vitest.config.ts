import { configDefaults, defineConfig } from 'vitest/config';

// Two lanes that run side by side, each one file at a time: the files that build sites or drive
// Chromium (they share the project's .astro/ folder, the shared builds under test/.tmp and the
// browser), and the rest (pure code, the CLI in child processes, the property test, whose few
// builds go to folders of their own). On a 2-core machine this keeps both cores busy without
// two builds of the shared sites racing.
const BUILDS = ['test/build/**/*.test.ts', 'test/e2e/**/*.test.ts'];

export default defineConfig({
  test: {
    // Temporary copies of the project under test/.tmp are not test files.
    exclude: [...configDefaults.exclude, 'test/.tmp/**'],
    globalSetup: ['test/global-setup.ts'],
    // Build tests run `astro build` in a child process; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'builds', include: BUILDS, fileParallelism: false } },
      {
        extends: true,
        test: { name: 'tools', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/.tmp/**', ...BUILDS], fileParallelism: false },
      },
    ],
  },
});
