import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * A data folder the built server seeded with the demo data and then closed: each test file's
     * server starts on a copy of it instead of seeding its own (10–15 s a file on two cores).
     */
    e2eSeededDataDir: string;
  }
}

/** Seeds the demo data once per run, with the same server and settings every test file uses. */
export default async function setup(project: TestProject) {
  const server = await startServer({ seededDataDir: null });
  // SIGTERM: the server closes PGlite cleanly, so the folder is a consistent database to copy.
  await server.stop({ keepData: true });
  project.provide('e2eSeededDataDir', server.dataDir);
  return () => fs.rmSync(server.dataDir, { recursive: true, force: true });
}
