import { defineConfig } from 'vitest/config';

/**
 * Two tiers: `unit` (pure pipeline stages, no database) and `integration` (real Neo4j started by
 * tests/setup/global.ts, bundled corpus ingested once, API over real HTTP). `npm test` runs both;
 * `npx vitest run --project unit` is the quick loop.
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/setup/summary-reporter.ts'],
    projects: [
      // jieba's dictionaries load in ~1 s, several times that on a loaded 2-core machine
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/api/**/*.test.ts'],
          globalSetup: ['tests/setup/global.ts'],
          // Files share one Neo4j; one at a time so their cleanups never race.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
