import { defineConfig } from 'vitest/config';

// Unit and integration tiers. TEST_DB=postgres runs the same files against a PostgreSQL server.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    // Files share their worker's modules instead of importing the server afresh each: the tiers took
    // 368 s isolated and 207 s not (PGlite, 2 workers). Every file opens its own database, so what a
    // file may share is process state only (the metrics registry: metrics-endpoint resets it).
    isolate: false,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
