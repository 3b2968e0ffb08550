import { defineConfig } from 'vitest/config';

// Dates in tests are deterministic only with a fixed zone (the Arquero habit): workers inherit it.
process.env.TZ = 'UTC';

/**
 * Three tiers, one run (`npm test`):
 * - unit + simulator: test/**, node environment, in parallel;
 * - browser: test/browser/**, headless Chromium against a build made once per run by
 *   scripts/build-for-tests.mjs (webpack development build with the workbench, into build/);
 * - build: test/build/**, production builds in temp dirs and the served dist in Chromium.
 * - warehouse: test/warehouse/**, against a 2-shard ClickHouse cluster on 127.0.0.1 started once by
 *   scripts/clickhouse/global-setup.ts (left out when PIVOTDECK_SKIP_CLICKHOUSE=1; npm test says so).
 * Browser, build and warehouse files run one at a time: each drives Chromium, webpack or servers on a 2-core machine.
 */
const warehouseSkipped = process.env.PIVOTDECK_SKIP_CLICKHOUSE === '1';

export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/browser/**', 'test/build/**', 'test/warehouse/**', '**/node_modules/**'],
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
      ...(warehouseSkipped ? [] : [{
        test: {
          name: 'warehouse',
          include: ['test/warehouse/**/*.test.ts'],
          globalSetup: ['./scripts/clickhouse/global-setup.ts'],
          pool: 'forks' as const,
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      }]),
    ],
  },
});
