import { defineConfig } from 'vitest/config';

// Browser tier: Debian's Chromium driven by playwright-core against a server the test starts itself.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    // The demo data is seeded once, and each file's server starts on a copy of it.
    globalSetup: ['e2e/support/global-setup.ts'],
    pool: 'forks',
    // Two files at once, each with its own server and Chromium: 640 s one at a time on a two-core
    // machine (7 December). Two at once had made clicks land on dialogs still moving; the pages now
    // ask for reduced motion, which turns the app's animations off (e2e/support/browser.ts).
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
