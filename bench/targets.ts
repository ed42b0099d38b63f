import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../src/server/db/client';
import { onCleanup } from './cleanup';

/**
 * Where a benchmark runs: a migrated bench database, a way to get more empty migrated databases of
 * the same kind (import repetitions start from nothing), and raw access to the driver for the
 * lower-bound queries. close() leaves nothing behind: temp dirs removed, databases dropped.
 */
export interface BenchTarget {
  kind: 'pglite' | 'postgres';
  /** e.g. "PGlite 0.5.16 (temp dir)" or "PostgreSQL 15.20 at 127.0.0.1:5432". */
  label: string;
  database: Database;
  raw: RawSql;
  openEmpty(): Promise<{ database: Database; raw: RawSql; close(): Promise<void> }>;
  close(): Promise<void>;
}

/** One SQL text with $n parameters straight to the driver: no query builder, no mapping. */
export interface RawSql {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
}

/** Both PGlite and pg.Pool answer query(text, params), or query({ text, … }), with { rows }. */
export interface DriverClient {
  query: (...args: unknown[]) => Promise<{ rows: unknown[] }>;
}

/** The driver under drizzle (which keeps it as $client): the app's pg.Pool, or its PGlite instance. */
export function driverClientOf(database: Database): DriverClient {
  return (database.db as unknown as { $client: DriverClient }).$client;
}

export function rawSqlOf(database: Database): RawSql {
  const client = driverClientOf(database);
  return {
    async query<T>(text: string, params: unknown[] = []) {
      const result = await client.query(text, params);
      return result.rows as T[];
    },
  };
}

function pgliteVersion(): string {
  const manifest = path.join(process.cwd(), 'node_modules', '@electric-sql', 'pglite', 'package.json');
  try {
    return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

/** PGlite on disk in a temp dir, like `npm start` with DATA_DIR; every empty copy comes from one migrated dump. */
export async function openPgliteTarget(): Promise<BenchTarget> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-bench-'));
  const removeRoot = async () => fs.rmSync(root, { recursive: true, force: true });
  const unregister = onCleanup(removeRoot);
  let copies = 0;
  try {
    const template = await openDatabase({ databaseUrl: null, dataDir: null });
    await template.migrate();
    const client = (template.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
    const dump = await client.dumpDataDir('none');
    await template.close();

    const openCopy = async () => {
      const dir = path.join(root, `db${copies++}`);
      const database = await openDatabase({ databaseUrl: null, dataDir: dir, loadDataDir: dump });
      return {
        database,
        raw: rawSqlOf(database),
        async close() {
          await database.close();
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    };
    const main = await openCopy();
    return {
      kind: 'pglite',
      label: `PGlite ${pgliteVersion()} (on disk, temp dir)`,
      database: main.database,
      raw: main.raw,
      openEmpty: openCopy,
      async close() {
        await main.close().catch(() => undefined);
        await removeRoot();
        unregister();
      },
    };
  } catch (error) {
    await removeRoot();
    unregister();
    throw error;
  }
}

/**
 * pg.Pool.end() resolves before its connections are closed, so a `drop database … with (force)`
 * right after may terminate one of them; the pool then emits 'error' and, with no listener, the
 * process dies. The bench expects exactly that termination.
 */
async function openPostgresQuietly(url: string): Promise<Database> {
  const database = await openDatabase({ databaseUrl: url, dataDir: null });
  (database.db as unknown as { $client: pg.Pool }).$client.on('error', () => undefined);
  return database;
}

function urlWithDatabase(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** True when a PostgreSQL server answers at the URL within a couple of seconds. */
export async function isPostgresReachable(url: string): Promise<true | string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Databases named loaso_bench_<pid>… on the server at `adminUrl`, created from one migrated template
 * and all dropped by close(), whatever happened in between.
 */
export async function openPostgresTarget(adminUrl: string): Promise<BenchTarget> {
  const prefix = `loaso_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  admin.on('error', () => undefined);
  await admin.connect();
  const created: string[] = [];
  // A connection of its own, so that the drops also work after the admin connection failed.
  const dropAll = async () => {
    if (created.length === 0) return;
    const dropper = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
    dropper.on('error', () => undefined);
    await dropper.connect();
    try {
      for (const name of [...created].reverse())
        await dropper.query(`drop database if exists ${name} with (force)`);
      created.length = 0;
    } finally {
      await dropper.end();
    }
  };
  const unregister = onCleanup(async () => {
    await dropAll();
    await admin.end().catch(() => undefined);
  });
  const createDatabase = async (name: string, template?: string) => {
    created.push(name);
    await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  };
  let copies = 0;
  try {
    const [version] = (await admin.query<{ server_version: string }>('show server_version')).rows;
    const templateName = `${prefix}_empty`;
    await createDatabase(templateName);
    const template = await openPostgresQuietly(urlWithDatabase(adminUrl, templateName));
    await template.migrate();
    await template.close();

    const openCopy = async (name: string) => {
      await createDatabase(name, templateName);
      const database = await openPostgresQuietly(urlWithDatabase(adminUrl, name));
      return {
        database,
        raw: rawSqlOf(database),
        async close() {
          await database.close();
          await admin.query(`drop database if exists ${name} with (force)`);
        },
      };
    };
    const main = await openCopy(prefix);
    const host = new URL(adminUrl).host;
    return {
      kind: 'postgres',
      label: `PostgreSQL ${version?.server_version ?? '?'} at ${host}`,
      database: main.database,
      raw: main.raw,
      openEmpty: () => openCopy(`${prefix}_i${copies++}`),
      async close() {
        await main.database.close().catch(() => undefined);
        await dropAll();
        await admin.end();
        unregister();
      },
    };
  } catch (error) {
    await dropAll().catch(() => undefined);
    await admin.end().catch(() => undefined);
    unregister();
    throw error;
  }
}
