import { defineConfig } from 'vitest/config';

// Browser tier: Debian's Chromium driven by playwright-core against a server the test starts itself.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
