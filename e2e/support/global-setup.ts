import fs from 'node:fs';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, chromiumPath } from './browser';
import { startServer } from './server';
import { ServerPool } from './server-pool';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * A data folder the built server seeded with the demo data and then closed: each test file's
     * server starts on a copy of it instead of seeding its own (10–15 s a file on two cores).
     */
    e2eSeededDataDir: string;
    /** The server pool's control interface (server-pool.ts): each file takes its server there. */
    e2eServerPool: string;
    /** One Chromium for the run, which each file connects to (a launch was about a second a file). */
    e2eBrowserEndpoint: string;
  }
}

/**
 * Seeds the demo data once per run, with the same server and settings every test file uses, then
 * keeps the servers (server-pool.ts) and one Chromium for the files. Teardown stops them all.
 */
export default async function setup(project: TestProject) {
  const [seed, browser] = await Promise.all([
    startServer({ seededDataDir: null }).then(async (server) => {
      // SIGTERM: the server closes PGlite cleanly, so the folder is a consistent database to copy.
      await server.stop({ keepData: true });
      return server;
    }),
    chromium.launchServer({ executablePath: chromiumPath(), args: CHROMIUM_ARGS }),
  ]);
  const pool = new ServerPool(seed.dataDir);
  project.provide('e2eSeededDataDir', seed.dataDir);
  project.provide('e2eServerPool', await pool.open());
  project.provide('e2eBrowserEndpoint', browser.wsEndpoint());
  return async () => {
    await Promise.allSettled([pool.close(), browser.close()]);
    fs.rmSync(seed.dataDir, { recursive: true, force: true });
  };
}
