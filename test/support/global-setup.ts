import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { buildServer } from '../../scripts/build-server.mjs';
import { openDatabase } from '../../src/server/db/client';
import { databaseUrlFor, POSTGRES_ADMIN_URL, TEST_DB } from './test-env';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a dump of a migrated, empty database that each test file loads. */
    pgliteDumpPath: string;
    /** PostgreSQL: a migrated template database each test file copies. */
    postgresTemplate: string;
    /** The server bundled from the sources of this run, for tests that start it as a child process. */
    serverBundle: string;
  }
}

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Bundles src/server/main.ts as `npm run build` does, inside the project (so that its packages resolve
 * from node_modules): the crash, scale-out and zip-bomb tests start it as the product runs, and each
 * start costs about 4 s of CPU less than through tsx (two-core machine, 7 December).
 */
async function bundleServer(project: TestProject): Promise<() => void> {
  const outdir = path.join(PROJECT_ROOT, '.tmp', `test-server-${process.pid}`);
  await buildServer(PROJECT_ROOT, { outdir, entryPoints: { main: 'src/server/main.ts' } });
  project.provide('serverBundle', path.join(outdir, 'main.mjs'));
  return () => fs.rmSync(outdir, { recursive: true, force: true });
}

/** Migrates once per run, so that each test file starts from a fresh, migrated database in well under a second. */
export default async function setup(project: TestProject) {
  const removeBundle = await bundleServer(project);
  if (TEST_DB === 'postgres') {
    const template = `loaso_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const database = await openDatabase({ databaseUrl: databaseUrlFor(template), dataDir: null });
    await database.migrate();
    await database.close();
    project.provide('postgresTemplate', template);
    project.provide('pgliteDumpPath', '');
    return async () => {
      // Test files drop their own databases; the template goes last.
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
      removeBundle();
    };
  }
  const database = await openDatabase({ databaseUrl: null, dataDir: null, small: true });
  await database.migrate();
  const client = (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  await database.close();
  const dumpPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-test-')), 'migrated.tar');
  fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDumpPath', dumpPath);
  project.provide('postgresTemplate', '');
  return () => {
    fs.rmSync(path.dirname(dumpPath), { recursive: true, force: true });
    removeBundle();
  };
}
