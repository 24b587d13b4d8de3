import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Real-time tests that wait on the network for minutes (a 100 MiB upload at
 * 300 KiB/s) and use little CPU. On 2 cores vitest runs one test file at a
 * time in its fork pool, so they would add their minutes after everything
 * else; in a pool of their own (worker threads) they run alongside the
 * other files instead.
 */
const WAITING_ON_THE_NETWORK = ['tests/api/slow-uploads.test.ts'];

export default defineConfig({
  test: {
    // API tests render pages into the built site's shells: build it first when stale.
    globalSetup: ['tests/support/build-site.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'tipline',
          include: ['contract/**/*.test.ts', 'server/**/*.test.ts', 'web/**/*.test.ts', 'tests/api/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/build/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...WAITING_ON_THE_NETWORK],
        },
      },
      {
        extends: true,
        test: { name: 'network-bound', include: WAITING_ON_THE_NETWORK, pool: 'threads' },
      },
    ],
  },
});
