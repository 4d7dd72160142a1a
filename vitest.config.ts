import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Temporary copies of the project under test/.tmp are not test files.
    exclude: [...configDefaults.exclude, 'test/.tmp/**'],
    globalSetup: ['test/global-setup.ts'],
    // Build tests run `astro build` in a child process; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
    // Builds share the project's .astro/ and Vite cache: run test files one at a time.
    fileParallelism: false,
  },
});
