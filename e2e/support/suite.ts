import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { connectBrowser, describePage, newPage, screenshot } from './browser';
import { type PooledServer, takeServer } from './server-pool';

/**
 * One built server with fresh demo data per test file, from the run's server pool (server-pool.ts),
 * and the run's Chromium; a fresh browser context per test, closed after it, with a screenshot when
 * the test failed.
 */
export function registerBrowserSuite(
  options: {
    /** Extra server settings, read when the suite starts (after other beforeAll hooks registered first). */
    env?: () => Record<string, string>;
  } = {},
): {
  openPage(viewport: { width: number; height: number }): Promise<Page>;
  /** The running server's DATA_DIR. */
  serverDataDir(): string;
  /** Stops the server early, keeping its data folder for the caller (who removes it). */
  stopServer(): Promise<void>;
} {
  let server: PooledServer;
  let browser: Browser;
  let context: BrowserContext | null = null;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      takeServer(inject('e2eServerPool'), options.env?.()),
      connectBrowser(),
    ]);
  });

  afterEach(async ({ task }) => {
    // A picture of the moment a test failed says more than a timeout.
    const page = context?.pages()[0];
    if (task.result?.state === 'fail' && page) {
      await screenshot(page, `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`, { always: true }).catch(
        () => undefined,
      );
      // CI keeps only the log: say where the page was and what it showed, so a failure there explains itself.
      console.log(await describePage(page));
      const output = await server.output().catch((error: Error) => `(not read: ${error.message})`);
      console.log(`Server output (last 3,000 characters):\n${output.slice(-3000)}`);
    }
    await context?.close();
    context = null;
  });

  afterAll(async () => {
    // The server stops while the next file runs (the pool waits for it at the end of the run).
    await Promise.all([browser?.close(), server?.stop()]);
  });

  return {
    serverDataDir: () => server.dataDir,
    async stopServer() {
      await server.stop({ keepData: true, wait: true });
    },
    async openPage(viewport) {
      const opened = await newPage(browser, server.url, viewport);
      context = opened.context;
      return opened.page;
    },
  };
}
