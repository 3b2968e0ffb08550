import { defineConfig } from 'vitest/config';

// Dates in tests are deterministic only with a fixed zone (the Arquero habit): workers inherit it.
process.env.TZ = 'UTC';

/**
 * Three tiers, one run (`npm test`):
 * - unit + simulator: test/**, node environment, in parallel;
 * - browser: test/browser/**, headless Chromium against a build made once per run by
 *   scripts/build-for-tests.mjs (webpack development build with the workbench, into build/);
 * - build: test/build/**, production builds in temp dirs and the served dist in Chromium.
 * Browser and build files run one at a time: each drives Chromium or webpack on a 2-core machine.
 */
export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/browser/**', 'test/build/**', '**/node_modules/**'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts', 'test/browser/**/*.test.tsx'],
          globalSetup: ['./scripts/build-for-tests.mjs'],
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
