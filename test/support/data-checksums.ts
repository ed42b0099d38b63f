import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../src/server/db/client';
import { queryRows } from '../../src/server/db/sql';

/**
 * Checksums that say whether two databases (and two file stores) hold the same data, computed from
 * the catalog rather than from the TypeScript schema, so that a table a backup forgets shows up.
 */

export interface TableChecksum {
  rows: number;
  /** md5 over the rows' text forms (TimeZone UTC), sorted, one per line. */
  md5: string;
}

/**
 * The schemas compared: the application's tables and drizzle's record of applied migrations. The
 * `pgboss` schema is left out on purpose: queued jobs are work in flight, not data, and backups do
 * not carry them (ARCHITECTURE.md, "Background jobs"); pg-boss installs its schema at start-up.
 */
export const CHECKED_SCHEMAS = ['public', 'drizzle'] as const;

/** `schema.table` for every table of the checked schemas, in name order. */
export async function listTables(q: Queryable): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    q,
    sql`select schemaname || '.' || tablename as name from pg_tables
        where schemaname in ('public', 'drizzle') order by 1`,
  );
  return rows.map((row) => row.name);
}

function qualified(name: string): SQL {
  const [schema, table] = name.split('.');
  return sql`${sql.identifier(schema!)}.${sql.identifier(table!)}`;
}

/**
 * md5 and row count of each table. `columns` restricts a table to some of its columns (the columns
 * of an older release, say); `where` leaves rows out (a restore's own audit entry).
 */
export async function tableChecksums(
  database: Database,
  options: { columns?: Record<string, string[]>; where?: Record<string, SQL>; tables?: string[] } = {},
): Promise<Record<string, TableChecksum>> {
  return database.db.transaction(async (tx) => {
    // Text forms of timestamps depend on the session's time zone; fix it as the backup does.
    await tx.execute(sql`set local timezone to 'UTC'`);
    await tx.execute(sql`set local datestyle to 'ISO, YMD'`);
    const result: Record<string, TableChecksum> = {};
    for (const name of options.tables ?? (await listTables(tx))) {
      const columns = options.columns?.[name];
      // A row's text form: the whole-row cast, or a row() of the chosen columns.
      const row = columns
        ? sql`row(${sql.join(
            columns.map((column) => sql.identifier(column)),
            sql`, `,
          )})::text`
        : sql`t::text`;
      const where = options.where?.[name] ?? sql`true`;
      const [checksum] = await queryRows<{ rows: number; md5: string }>(
        tx,
        sql`select count(*)::int as rows,
              md5(coalesce(string_agg(r, E'\n' order by r collate "C"), '')) as md5
            from (select ${row} as r from ${qualified(name)} t where ${where}) s`,
      );
      result[name] = checksum!;
    }
    return result;
  });
}

/** The columns of each table, in column order (to checksum an older release's columns later). */
export async function tableColumns(q: Queryable): Promise<Record<string, string[]>> {
  const rows = await queryRows<{ name: string; column: string }>(
    q,
    sql`select c.table_schema || '.' || c.table_name as name, c.column_name as column
        from information_schema.columns c
        join pg_tables t on t.schemaname = c.table_schema and t.tablename = c.table_name
        where c.table_schema in ('public', 'drizzle')
        order by 1, c.ordinal_position`,
  );
  const result: Record<string, string[]> = {};
  for (const row of rows) {
    result[row.name] ??= [];
    result[row.name]!.push(row.column);
  }
  return result;
}

/** SHA-256 of every file under `dir`, by path relative to it. */
export function fileChecksums(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  if (!fs.existsSync(dir)) return result;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    result[path.relative(dir, full)] = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
  }
  return result;
}

export interface SequenceState {
  sequence: string;
  table: string;
  column: string;
  /** The value nextval() will return. */
  next: number;
  /** The highest value in the column (0 for an empty table). */
  max: number;
}

/** Every sequence owned by a column (bigserial and identity columns), with the column's highest value. */
export async function sequenceStates(q: Queryable): Promise<SequenceState[]> {
  const owned = await queryRows<{ sequence: string; table: string; column: string }>(
    q,
    sql`select s.relname as sequence, t.relname as table, a.attname as column
        from pg_class s
        join pg_namespace n on n.oid = s.relnamespace and n.nspname = 'public'
        join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i')
        join pg_class t on t.oid = d.refobjid
        join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
        where s.relkind = 'S'
        order by 1`,
  );
  const states: SequenceState[] = [];
  for (const item of owned) {
    const [state] = await queryRows<{ last: string; called: boolean; max: string }>(
      q,
      sql`select last_value::text as last, is_called as called,
            (select coalesce(max(${sql.identifier(item.column)}), 0)::text from ${sql.identifier(item.table)}) as max
          from ${sql.identifier(item.sequence)}`,
    );
    const last = Number(state!.last);
    states.push({ ...item, next: state!.called ? last + 1 : last, max: Number(state!.max) });
  }
  return states;
}
