import { defineConfig } from 'vitest/config';
import { slowFirstSequencer } from './test/support/slow-first-sequencer';

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
    // The files of a minute or more first (seconds on PostgreSQL, 7 December): scale-out 155,
    // crash-sigkill 57–110, then cli, restore-exact and jobs (8–35).
    sequence: {
      sequencer: slowFirstSequencer([
        'scale-out.test.ts',
        'crash-sigkill.test.ts',
        'cli.test.ts',
        'restore-exact.test.ts',
        'jobs.test.ts',
      ]),
    },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
