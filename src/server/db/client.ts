import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { MIGRATIONS_DIR as MIGRATIONS_FOLDER } from '../paths';
import { allTables as schema } from './tables';

type Schema = typeof schema;
/** The query layer, the same type for both drivers. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /**
   * The embedded PGlite instance (null on PostgreSQL). The job engine shares it: PGlite is one
   * connection, so pg-boss must run its statements on this instance rather than open its own.
   */
  pglite: PGlite | null;
  /** The PostgreSQL URL (null on PGlite); the job engine opens its own pool on it. */
  databaseUrl: string | null;
  /** Runs the migrations folder; safe to call on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl: string | null;
  /** PGlite folder; null keeps the database in memory (tests). */
  dataDir: string | null;
  /** A dump made by dumpPglite, loaded instead of an empty database (fast test set-up). */
  loadDataDir?: Blob | File;
  /**
   * PGlite only: a small, short-lived database (the tests' own). It gets 16 MB of shared buffers
   * instead of PostgreSQL's 128 MB, whose set-up was a third of the CPU of opening one; created from
   * nothing, it gets 1 MB WAL segments instead of 16 MB, so its dump (what each test loads) is a
   * quarter smaller. With both, opening a migrated test database took 0.5 s of CPU instead of 1.1 s.
   * A real installation keeps the defaults: its buffers are its cache.
   */
  small?: boolean;
}

const SMALL_PGLITE_START = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];
const SMALL_PGLITE_INITDB = ['--wal-segsize=1'];

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir, options.loadDataDir, options.small ?? false);
}

async function openPglite(
  dataDir: string | null,
  loadDataDir: Blob | File | undefined,
  small: boolean,
): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ? path.join(dataDir, 'pglite') : undefined, {
    ...(loadDataDir ? { loadDataDir } : {}),
    ...(small ? { startParams: SMALL_PGLITE_START, initDbStartParams: SMALL_PGLITE_INITDB } : {}),
  });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    databaseUrl: null,
    migrate: () => migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
  };
}

async function openPostgres(databaseUrl: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle connection closed by the server (restart, failover, pg_terminate_backend) is emitted here;
  // unheard, it would crash the process. The pool has already dropped that client and opens a new one.
  pool.on('error', () => {});
  // Fail at start-up, with the URL's host named, rather than on the first request.
  const probe = await pool.connect().catch((error: Error) => {
    void pool.end();
    const host = new URL(databaseUrl).host;
    throw new Error(`Không kết nối được PostgreSQL tại ${host} (DATABASE_URL): ${error.message}`);
  });
  probe.release();
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    pglite: null,
    databaseUrl,
    migrate: () => migratePg(drizzlePg({ client: pool, schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => pool.end(),
  };
}
