import { defineConfig } from 'vitest/config';

// Browser tier: Debian's Chromium driven by playwright-core against a server the test starts itself.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    // The demo data is seeded once, and each file's server starts on a copy of it.
    globalSetup: ['e2e/support/global-setup.ts'],
    pool: 'forks',
    // One file at a time. Two at once (each with its own server and Chromium) halved the tier's time
    // on a two-core machine, but the contention made clicks land during animations: CI must be
    // dependable first. One at a time, with the demo data seeded once, the tier took 673 s on
    // 7 December (1,183 s when every file seeded its own).
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
