import { defineConfig } from 'vitest/config';

// Browser tier: Debian's Chromium driven by playwright-core against a server the test starts itself.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    // The demo data is seeded once, and each file's server starts on a copy of it.
    globalSetup: ['e2e/support/global-setup.ts'],
    pool: 'forks',
    // The files share one worker process and its imported modules (playwright-core, the support
    // files) instead of a fresh process each; each file's state is its own server, browser
    // connection and contexts (support/suite.ts).
    isolate: false,
    // One file at a time. Two at once (each with its own server and Chromium) took 786 s against 985 s
    // on this two-core machine (7 December, both with animations off), but a poll ran out of time:
    // CI must be dependable first.
    maxWorkers: 1,
    fileParallelism: false,
    // A page's answer under a busy machine can take longer than expect.poll's 1 s default.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
