import { type SQL, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { queryRows } from '../../db/sql';
import { allTables as schema } from '../../db/tables';

/** A table as the database describes it: the backup relies on the catalog, not on the TypeScript schema. */
export interface ColumnInfo {
  name: string;
  /** The SQL type as format_type() writes it, e.g. "timestamp with time zone". */
  type: string;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Columns fed by a sequence (bigserial ids), reset to max(id) after a restore. */
  sequenceColumns: string[];
}

/**
 * Login sessions are left out of backups: they are bearer credentials tied to cookies in browsers
 * (only their hashes are stored, but a restore would revive them on another server) and they expire
 * within hours anyway. After a restore everyone simply logs in again.
 */
export const SKIPPED_TABLES: ReadonlySet<string> = new Set(['sessions']);

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function ident(name: string): SQL {
  return sql.raw(quoteIdent(name));
}

/**
 * Every table of the schema, each after the tables its foreign keys point to, so that rows can be
 * inserted table by table. Ties keep the order of the schema export, which keeps backups stable.
 */
export function tablesInDependencyOrder(tables: readonly PgTable[] = Object.values(schema)): string[] {
  const dependencies = new Map<string, Set<string>>();
  for (const table of tables) {
    const config = getTableConfig(table);
    const targets = new Set(config.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name));
    if (targets.has(config.name)) {
      // Rows are restored in primary-key order, which cannot honour a row pointing at a later row.
      throw new Error(
        `Bảng ${config.name} có khóa ngoại trỏ vào chính nó; sao lưu chưa hỗ trợ trường hợp này.`,
      );
    }
    dependencies.set(config.name, targets);
  }
  const ordered: string[] = [];
  const pending = [...dependencies.keys()];
  while (pending.length) {
    const index = pending.findIndex((name) =>
      [...dependencies.get(name)!].every((dep) => ordered.includes(dep) || !dependencies.has(dep)),
    );
    if (index < 0) throw new Error(`Khóa ngoại giữa các bảng ${pending.join(', ')} tạo thành vòng lặp.`);
    ordered.push(pending.splice(index, 1)[0]!);
  }
  return ordered;
}

export async function describeTable(q: Queryable, name: string): Promise<TableInfo> {
  const relation = quoteIdent(name);
  const columns = await queryRows<{ name: string; type: string; sequence: string | null }>(
    q,
    sql`select a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
          pg_get_serial_sequence(${relation}, a.attname) as sequence
        from pg_attribute a
        where a.attrelid = ${relation}::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
        order by a.attnum`,
  );
  const primaryKey = await queryRows<{ name: string }>(
    q,
    sql`select a.attname as name
        from pg_index i
        cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, position)
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = ${relation}::regclass and i.indisprimary
        order by k.position`,
  );
  if (columns.length === 0) throw new Error(`Cơ sở dữ liệu không có bảng ${name}; hãy chạy migrate.`);
  if (primaryKey.length === 0)
    throw new Error(`Bảng ${name} không có khóa chính; không thể sao lưu theo trang.`);
  return {
    name,
    columns: columns.map((column) => ({ name: column.name, type: column.type })),
    primaryKey: primaryKey.map((column) => column.name),
    sequenceColumns: columns.filter((column) => column.sequence !== null).map((column) => column.name),
  };
}

/** The hashes of the migrations applied to the database, oldest first. */
export async function readAppliedMigrations(q: Queryable): Promise<string[]> {
  const rows = await queryRows<{ hash: string }>(
    q,
    sql`select hash from drizzle.__drizzle_migrations order by id`,
  );
  return rows.map((row) => row.hash);
}

/** The tables holding at least one row, with their row counts. */
/**
 * Rows the migrations themselves insert (the national topics and languages) are in every new
 * database: they do not make it "hold data". Only a province's own rows count.
 */
const USER_ROWS: Record<string, SQL> = {
  topics: sql`province_id is not null`,
  languages: sql`province_id is not null`,
};

/** Tables holding data someone entered (rows written by the migrations do not count). */
export async function countNonEmptyTables(
  q: Queryable,
  names: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const name of names) {
    const [row] = await queryRows<{ count: number }>(
      q,
      sql`select count(*)::int as count from ${ident(name)} where ${USER_ROWS[name] ?? sql`true`}`,
    );
    if (row && row.count > 0) counts.set(name, row.count);
  }
  return counts;
}
