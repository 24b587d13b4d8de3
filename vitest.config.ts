import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'web/**/*.test.ts', 'tests/api/**/*.test.ts', 'tests/cli/**/*.test.ts', 'bench/**/*.test.ts'],
    // API tests render pages into the built site's shells: build it first when stale.
    globalSetup: ['tests/support/build-site.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
