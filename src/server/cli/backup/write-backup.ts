import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { type SQL, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { queryRows } from '../../db/sql';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupEnd, type BackupHeader, type BackupRow } from './format';
import { TableDigest } from './table-digest';
import {
  describeTable,
  ident,
  readAppliedMigrations,
  SKIPPED_TABLES,
  type TableInfo,
  tablesInDependencyOrder,
} from './tables';

export const DEFAULT_PAGE_SIZE = 1000;

export interface BackupResult {
  header: BackupHeader;
  rowCounts: Record<string, number>;
}

/**
 * Writes a logical dump of every table to `file`. The rows are read in one repeatable-read,
 * read-only transaction (a consistent snapshot while the server keeps running) and streamed page by
 * page, keyset by primary key, so a national dataset is never held in memory. The file appears
 * under its name only once complete.
 */
export async function writeBackup(options: {
  database: Database;
  file: string;
  overwrite?: boolean;
  pageSize?: number;
}): Promise<BackupResult> {
  const { database, file } = options;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!options.overwrite && fs.existsSync(file)) {
    throw new Error(`Tệp ${file} đã có; chọn tên khác hoặc dùng --force để ghi đè.`);
  }
  const partial = `${file}.partial-${process.pid}`;
  try {
    const result = await database.db.transaction(
      async (tx) => {
        await setTextFormats(tx);
        const names = tablesInDependencyOrder().filter((name) => !SKIPPED_TABLES.has(name));
        const tables: TableInfo[] = [];
        for (const name of names) tables.push(await describeTable(tx, name));
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          database: database.kind,
          migrations: await readAppliedMigrations(tx),
          skippedTables: [...SKIPPED_TABLES],
          tables: tables.map((table) => ({
            name: table.name,
            primaryKey: table.primaryKey,
            columns: table.columns,
          })),
        };
        const rowCounts: Record<string, number> = {};
        await pipeline(
          backupLines(tx, header, tables, rowCounts, pageSize),
          createGzip(),
          fs.createWriteStream(partial, { flags: 'wx' }),
        );
        return { header, rowCounts };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    fs.renameSync(partial, file);
    return result;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** Fixes the text forms of dates and timestamps, so the same data gives the same file everywhere. */
export async function setTextFormats(q: Queryable) {
  await q.execute(sql`set local timezone to 'UTC'`);
  await q.execute(sql`set local datestyle to 'ISO, YMD'`);
}

async function* backupLines(
  q: Queryable,
  header: BackupHeader,
  tables: TableInfo[],
  rowCounts: Record<string, number>,
  pageSize: number,
): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  const digests: Record<string, string> = {};
  for (const table of tables) {
    yield `${JSON.stringify({ table: table.name })}\n`;
    rowCounts[table.name] = 0;
    const digest = new TableDigest();
    for await (const page of readPages(q, table, pageSize)) {
      rowCounts[table.name]! += page.length;
      const lines = page.map((row) => JSON.stringify(row));
      for (const line of lines) digest.add(line);
      yield `${lines.join('\n')}\n`;
    }
    digests[table.name] = digest.value();
  }
  const end: BackupEnd = { end: true, rowCounts, digests };
  yield `${JSON.stringify(end)}\n`;
}

/** A table's rows as text, a page at a time, each page after the last primary key of the previous one. */
export async function* readPages(
  q: Queryable,
  table: TableInfo,
  pageSize: number,
): AsyncGenerator<BackupRow[]> {
  const typeOf = new Map(table.columns.map((column) => [column.name, column.type]));
  const select = sql.join(
    table.columns.map((column, i) => sql`${ident(column.name)}::text as ${ident(`c${i}`)}`),
    sql`, `,
  );
  const keyColumns = sql.join(table.primaryKey.map(ident), sql`, `);
  const keyIndexes = table.primaryKey.map((name) =>
    table.columns.findIndex((column) => column.name === name),
  );
  let after: BackupRow | null = null;
  while (true) {
    let where: SQL = sql``;
    if (after) {
      const lastKey = after;
      const values = sql.join(
        table.primaryKey.map((name, i) => sql`${lastKey[keyIndexes[i]!]}::${sql.raw(typeOf.get(name)!)}`),
        sql`, `,
      );
      where = sql`where (${keyColumns}) > (${values})`;
    }
    const rows = await queryRows<Record<string, string | null>>(
      q,
      sql`select ${select} from ${ident(table.name)} ${where} order by ${keyColumns} limit ${pageSize}`,
    );
    if (rows.length === 0) return;
    const page = rows.map((row) => table.columns.map((_, i) => row[`c${i}`] ?? null));
    yield page;
    if (rows.length < pageSize) return;
    after = page[page.length - 1]!;
  }
}
