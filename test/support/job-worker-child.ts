/**
 * A worker process for the "worker killed mid-job" tests: opens the database named by the
 * environment (DATABASE_URL, or the PGlite folder PGLITE_DIR), starts a working job engine on the
 * crash-safe queue and prints "started <key>" when its handler begins; the handler then never ends,
 * so the test can SIGKILL the process with the job active.
 */
import { openDatabase } from '../../src/server/db/client';
import { crashSafeQueue, startTestEngine } from './jobs';

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || null,
  dataDir: process.env.PGLITE_DIR || null,
});
const queue = crashSafeQueue(async (key) => {
  process.stdout.write(`started ${key}\n`);
  await new Promise(() => {});
});
await startTestEngine(database, { work: true, queues: [queue] as const });
process.stdout.write('ready\n');
