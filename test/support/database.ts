import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/server/db/client';
import { databaseUrlFor, POSTGRES_ADMIN_URL, TEST_DB } from './test-env';

/**
 * A fresh, migrated database of the kind under test, private to the caller. close() also drops it.
 * Tests build what they need with the factories; nothing is shared between files.
 */
export async function createTestDatabase(): Promise<Database> {
  if (TEST_DB === 'postgres') {
    const name = `loaso_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
    const database = await openDatabase({ databaseUrl: databaseUrlFor(name), dataDir: null });
    return {
      ...database,
      async close() {
        await database.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dump = fs.readFileSync(inject('pgliteDumpPath'));
  return openDatabase({ databaseUrl: null, dataDir: null, loadDataDir: new Blob([dump]), small: true });
}
