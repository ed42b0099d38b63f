import { defineConfig } from 'vitest/config';

// Browser tier: Debian's Chromium driven by playwright-core against a server the test starts itself.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    pool: 'forks',
    // Two files at a time, each with its own server and Chromium: on a two-core machine this halves
    // the tier's time (about 6 minutes → 3), and each test waits for what it needs, not for time.
    maxWorkers: 2,
    fileParallelism: true,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
