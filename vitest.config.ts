import { defineConfig } from 'vitest/config';

// Unit and integration tiers. TEST_DB=postgres runs the same files against a PostgreSQL server.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
