import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeTable, ident, quoteIdent, tablesInDependencyOrder } from '../src/server/cli/backup/tables';
import { readPages } from '../src/server/cli/backup/write-backup';
import { type Database, openDatabase, type Queryable } from '../src/server/db/client';
import { queryRows } from '../src/server/db/sql';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../src/server/demo/seed-demo';
import { MIGRATIONS_DIR } from '../src/server/paths';
import { createAppOn, createTestApp, logIn, type TestContext } from './support/app';
import { tableChecksums, tableColumns } from './support/data-checksums';
import { PDF, type PopulatedData, populateDatabase } from './support/populated-database';
import { databaseUrlFor, POSTGRES_ADMIN_URL, TEST_DB } from './support/test-env';

/**
 * Issue 12 item 7: an upgrade from the previous release keeps a populated database's data. A
 * database is built with the previous release's migrations only, filled with a province's worth of
 * data, then brought forward by the current migrate(), as the first process of a new release does.
 *
 * The last migration of the previous release. At each release, move it to the last migration that
 * release shipped (its tag in migrations/meta/_journal.json), so that the next release's migrations
 * are the ones tested here. 0010 is the state before issue 11 (the monitor, radio, login limits).
 */
const PREVIOUS_RELEASE_LAST_MIGRATION = '0010_issue10_drop_home_made_jobs';

interface Journal {
  entries: Array<{ idx: number; tag: string }>;
}

const readJournal = () =>
  JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as Journal;

function previousEntries(lastTag: string) {
  const journal = readJournal();
  const cut = journal.entries.findIndex((entry) => entry.tag === lastTag);
  if (cut < 0) throw new Error(`${lastTag} is not in the migrations journal`);
  return journal.entries.slice(0, cut + 1);
}

/** drizzle's record of the previous release's migrations: the rows the upgrade must keep as they were. */
const previousMigrations = () => ({
  'drizzle.__drizzle_migrations': sql`id <= ${previousEntries(PREVIOUS_RELEASE_LAST_MIGRATION).length}`,
});

/** A copy of the migrations folder that ends at `lastTag`, for drizzle's own migrator. */
function migrationsUpTo(lastTag: string, into: string): string {
  const journal = readJournal();
  const entries = previousEntries(lastTag);
  fs.mkdirSync(path.join(into, 'meta'), { recursive: true });
  fs.writeFileSync(path.join(into, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const entry of entries) {
    fs.copyFileSync(path.join(MIGRATIONS_DIR, `${entry.tag}.sql`), path.join(into, `${entry.tag}.sql`));
  }
  return into;
}

/** An empty database (no migrations at all) of the kind under test, dropped on close. */
async function openEmptyDatabase(): Promise<Database> {
  if (TEST_DB !== 'postgres') return openDatabase({ databaseUrl: null, dataDir: null });
  const name = `loaso_up_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
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

async function migrateWith(database: Database, migrationsFolder: string) {
  // Database.db is the driver's own drizzle instance; the migrator wants its driver-specific type.
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
  }
}

/**
 * Copies the rows of `source` (current schema) into `target` (the previous release's schema): each
 * table the target has, restricted to the columns it has, every value cast from its text form by the
 * target itself. The statements are therefore plain SQL of the old schema: data a province could
 * have entered with the previous release, not shaped by the new code.
 */
async function copyIntoOldSchema(source: Queryable, target: Queryable, columns: Record<string, string[]>) {
  const oldTables = tablesInDependencyOrder().filter((name) => columns[`public.${name}`]);
  // The old migrations inserted the national topics and languages; the copy brings the same rows.
  await target.execute(sql`truncate table ${sql.join(oldTables.map(ident), sql`, `)} restart identity`);
  for (const name of oldTables) {
    const old = await describeTable(target, name);
    // The old table's columns read from the new table: the columns the previous release knew.
    for await (const page of readPages(source, old, 500)) {
      const list = sql.join(
        old.columns.map((column) => ident(column.name)),
        sql`, `,
      );
      const values = sql.join(
        old.columns.map((column, i) => sql`(r.value ->> ${sql.raw(String(i))})::${sql.raw(column.type)}`),
        sql`, `,
      );
      await target.execute(
        sql`insert into ${ident(name)} (${list}) overriding system value
            select ${values} from json_array_elements(${JSON.stringify(page)}::json) as r`,
      );
    }
    for (const column of old.sequenceColumns) {
      await target.execute(
        sql`select setval(pg_get_serial_sequence(${quoteIdent(name)}, ${column}),
          (select coalesce(max(${ident(column)}), 0) + 1 from ${ident(name)}), false)`,
      );
    }
  }
}

/** Columns the current migrations add to a table the previous release already had, with their defaults. */
async function addedColumns(q: Queryable, oldColumns: Record<string, string[]>) {
  const rows = await queryRows<{ table: string; column: string; default: string | null }>(
    q,
    sql`select c.table_name as table, c.column_name as column, c.column_default as default
        from information_schema.columns c
        where c.table_schema = 'public' order by 1, c.ordinal_position`,
  );
  return rows.filter(
    (row) => oldColumns[`public.${row.table}`] && !oldColumns[`public.${row.table}`]!.includes(row.column),
  );
}

describe(`upgrade from the previous release (migrations up to ${PREVIOUS_RELEASE_LAST_MIGRATION})`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-upgrade-'));
  let source: TestContext;
  let data: PopulatedData;
  let old: Database;
  let oldColumns: Record<string, string[]>;
  let before: Awaited<ReturnType<typeof tableChecksums>>;

  beforeAll(async () => {
    source = await createTestApp({ dataDir: path.join(dir, 'data') });
    data = await populateDatabase(source.app, source.database.db, source.dataDir);
    old = await openEmptyDatabase();
    await migrateWith(old, migrationsUpTo(PREVIOUS_RELEASE_LAST_MIGRATION, path.join(dir, 'migrations')));
    oldColumns = await tableColumns(old.db);
    await old.db.transaction(async (tx) => {
      await tx.execute(sql`set local timezone to 'UTC'`);
      await copyIntoOldSchema(source.database.db, tx, oldColumns);
    });
    before = await tableChecksums(old, { columns: oldColumns, where: previousMigrations() });
  }, 180_000);
  afterAll(async () => {
    await old?.close();
    await source?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts from a populated database of the previous release', () => {
    expect(Object.keys(oldColumns)).not.toContain('public.monitor_snapshots');
    expect(oldColumns['public.activities']).not.toContain('snapshot_id');
    for (const table of ['units', 'users', 'role_grants', 'channels', 'activities', 'evidence', 'reports']) {
      expect(before[`public.${table}`]!.rows, table).toBeGreaterThan(0);
    }
  });

  it('keeps every row and every old column through the current migrate(), new columns at their defaults', async () => {
    const started = performance.now();
    await old.migrate();
    const migrateMs = Math.round(performance.now() - started);
    const after = await tableChecksums(old, {
      columns: oldColumns,
      tables: Object.keys(before),
      where: previousMigrations(),
    });
    for (const name of Object.keys(before)) expect(after[name], name).toEqual(before[name]);
    const [applied] = await queryRows<{ count: number }>(
      old.db,
      sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
    );
    expect(applied!.count).toBe(readJournal().entries.length);

    const added = await addedColumns(old.db, oldColumns);
    expect(added.map((column) => `${column.table}.${column.column}`)).toEqual(
      expect.arrayContaining(['activities.snapshot_id', 'evidence.snapshot_id']),
    );
    for (const column of added) {
      // A constant default (or none: null) is what every existing row must hold; a default computed
      // per row (now(), a random id) can only be checked for presence.
      const computed = column.default !== null && /\(/.test(column.default.replace(/::\w+/g, ''));
      const expected = column.default === null ? sql`null` : sql.raw(column.default);
      const [row] = await queryRows<{ count: number }>(
        old.db,
        computed
          ? sql`select count(*)::int as count from ${ident(column.table)} where ${ident(column.column)} is null`
          : sql`select count(*)::int as count from ${ident(column.table)}
                where ${ident(column.column)} is distinct from ${expected}`,
      );
      expect(row!.count, `${column.table}.${column.column}`).toBe(0);
    }
    const rows = Object.values(before).reduce((sum, checksum) => sum + checksum.rows, 0);
    console.info(
      `migrations-upgrade (${TEST_DB}): ${JSON.stringify({ tables: Object.keys(before).length, rows, added: added.length, migrateMs })}`,
    );
  }, 120_000);

  it('serves the upgraded data through the API as the current release serves the same data', async () => {
    const app = await createAppOn(old, { dataDir: source.dataDir });
    try {
      const demo = DEMO_LOGINS.find((login) => login.role === 'dx_office') ?? DEMO_LOGINS[0]!;
      for (const [label, server] of [
        ['upgraded', app],
        ['current', source.app],
      ] as const) {
        const officer = await logIn(server, data.officerUsername);
        const download = await officer.get(
          (await officer.get(`/api/evidence/${data.evidenceIds[0]}`)).json<{
            file: { downloadUrl: string };
          }>().file.downloadUrl,
        );
        expect(download.statusCode, label).toBe(200);
        expect(download.rawPayload).toEqual(PDF);
      }
      const answers = async (server: typeof app) => {
        const office = await logIn(server, demo.username, DEMO_PASSWORD);
        const list = await office.get('/api/activities?limit=500');
        expect(list.statusCode, list.body).toBe(200);
        const home = await office.get('/api/home');
        expect(home.statusCode, home.body).toBe(200);
        const evidence = await (await logIn(server, data.officerUsername)).get(
          `/api/activities/${data.activityId}/evidence`,
        );
        expect(evidence.statusCode, evidence.body).toBe(200);
        return { list: list.json<unknown>(), evidence: evidence.json<unknown>() };
      };
      const upgraded = await answers(app);
      const current = await answers(source.app);
      expect((upgraded.list as { total: number }).total).toBeGreaterThan(0);
      expect(upgraded).toEqual(current);
    } finally {
      await app.close();
    }
  }, 120_000);
});
