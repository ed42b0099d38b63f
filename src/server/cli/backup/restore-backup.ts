import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import type { Actor } from '../../domain/actor';
import { AppError } from '../../errors';
import { databaseMessage, formatCount } from '../io';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  type BackupRow,
  backupEndSchema,
  backupHeaderSchema,
  rowSchema,
  tableStartSchema,
} from './format';
import { readGzipLines } from './read-backup';
import { TableDigest } from './table-digest';
import {
  countNonEmptyTables,
  describeTable,
  ident,
  readAppliedMigrations,
  SKIPPED_TABLES,
  type TableInfo,
  tablesInDependencyOrder,
} from './tables';
import { readPages, setTextFormats } from './write-backup';

const INSERT_BATCH = 1000;

export interface RestoreResult {
  header: BackupHeader;
  rowCounts: Record<string, number>;
  /** Row counts of the tables emptied first (with force). */
  truncated: Record<string, number>;
  /**
   * Tables read back after loading and found equal to the backup's digests: all of them, or 0 for a
   * file of an earlier release, which has no digests (its row counts are still checked).
   */
  verifiedTables: number;
}

function invalid(file: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `Tệp ${path.basename(file)} không dùng được: ${message}`);
}

/**
 * Loads a backup made by writeBackup into a migrated database, all or nothing: one transaction
 * empties the tables (only with `force`; a database holding data is refused otherwise), inserts
 * every row, resets the id sequences, reads every table back and compares it with the digest the
 * backup recorded (TableDigest), and records the restore in the audit log. The file is checked
 * before anything is touched (format, version, migrations, columns) and to its last line; any
 * difference rolls everything back.
 */
export async function restoreBackup(options: {
  database: Database;
  file: string;
  force: boolean;
  actor: Actor;
}): Promise<RestoreResult> {
  const { database, file, force, actor } = options;
  const lines = readGzipLines(file);
  try {
    const first = await lines.next();
    const header = parseHeader(file, first.done ? '' : first.value);
    const allTables = tablesInDependencyOrder();
    const tables = await checkCompatible(database.db, file, header, allTables);

    return await database.db.transaction(async (tx) => {
      await setTextFormats(tx);
      const existing = await countNonEmptyTables(tx, allTables);
      if (existing.size > 0 && !force) {
        const list = [...existing].map(([name, count]) => `${name} (${formatCount(count)} dòng)`).join(', ');
        throw new AppError(
          'CONFLICT',
          `Cơ sở dữ liệu đang có dữ liệu: ${list}. Dùng --force để xóa toàn bộ dữ liệu hiện có rồi khôi phục.`,
        );
      }
      // Always emptied: even a new database holds the migrations' national lists, which the backup carries too.
      await tx.execute(sql`truncate table ${sql.join(allTables.map(ident), sql`, `)} restart identity`);
      const { rowCounts, digests } = await insertRows(tx, file, lines, tables);
      for (const table of tables.values()) await resetSequences(tx, table);
      const verifiedTables = digests ? await verifyDigests(tx, file, tables, digests) : 0;
      await insertAuditEntries(tx, actor, [
        {
          action: 'backup.restore',
          entityType: 'database',
          entityId: path.basename(file),
          summary: `Khôi phục dữ liệu từ bản sao lưu ${path.basename(file)} (tạo lúc ${header.createdAt})`,
          before: force && existing.size > 0 ? { rowCounts: Object.fromEntries(existing) } : null,
          after: { createdAt: header.createdAt, sourceDatabase: header.database, rowCounts },
        },
      ]);
      return { header, rowCounts, truncated: Object.fromEntries(existing), verifiedTables };
    });
  } finally {
    await lines.return(undefined);
  }
}

function parseJson(file: string, line: string, where: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw invalid(file, `dòng ${where} không phải JSON.`);
  }
}

function parseHeader(file: string, line: string): BackupHeader {
  const value = parseJson(file, line, '1');
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== BACKUP_FORMAT) throw invalid(file, 'đây không phải bản sao lưu Loa Số.');
  const version = (value as { version?: unknown }).version;
  if (version !== BACKUP_VERSION) {
    throw invalid(
      file,
      `phiên bản định dạng ${String(version)} không được hỗ trợ (chỉ đọc được phiên bản ${BACKUP_VERSION}).`,
    );
  }
  const parsed = backupHeaderSchema.safeParse(value);
  if (!parsed.success) throw invalid(file, 'phần đầu tệp sai cấu trúc.');
  return parsed.data;
}

/**
 * The backup must fit this database: no migration unknown here (a backup from a newer Loa Số), and
 * every table with exactly the columns and types it has here, so that each value casts back as it was.
 */
async function checkCompatible(
  q: Queryable,
  file: string,
  header: BackupHeader,
  allTables: string[],
): Promise<Map<string, TableInfo>> {
  const applied = new Set(await readAppliedMigrations(q));
  const unknown = header.migrations.filter((hash) => !applied.has(hash));
  if (unknown.length) {
    throw invalid(
      file,
      `bản sao lưu có ${unknown.length} migration mà cơ sở dữ liệu này chưa có; hãy dùng phiên bản Loa Số mới hơn.`,
    );
  }
  const expected = allTables.filter((name) => !SKIPPED_TABLES.has(name));
  const inFile = header.tables.map((table) => table.name);
  const missing = expected.filter((name) => !inFile.includes(name));
  const extra = inFile.filter((name) => !expected.includes(name));
  if (missing.length || extra.length) {
    throw invalid(
      file,
      [
        missing.length ? `thiếu bảng ${missing.join(', ')}` : '',
        extra.length ? `có bảng lạ ${extra.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    );
  }
  const tables = new Map<string, TableInfo>();
  for (const saved of header.tables) {
    const here = await describeTable(q, saved.name);
    const describe = (columns: Array<{ name: string; type: string }>) =>
      columns.map((c) => `${c.name} ${c.type}`).join(', ');
    if (describe(here.columns) !== describe(saved.columns)) {
      throw invalid(
        file,
        `cột của bảng ${saved.name} khác với cơ sở dữ liệu này (tệp: ${describe(saved.columns)}; ở đây: ${describe(here.columns)}).`,
      );
    }
    tables.set(saved.name, here);
  }
  return tables;
}

async function insertRows(
  q: Queryable,
  file: string,
  lines: AsyncGenerator<string>,
  tables: Map<string, TableInfo>,
): Promise<{ rowCounts: Record<string, number>; digests: Record<string, string> | undefined }> {
  const rowCounts: Record<string, number> = {};
  let current: TableInfo | null = null;
  let batch: BackupRow[] = [];
  let lineNumber = 1;
  const flush = async () => {
    if (current && batch.length) {
      const table = current;
      await insertBatch(q, table, batch).catch((error: Error) => {
        throw invalid(file, `không nạp được dữ liệu bảng ${table.name}: ${databaseMessage(error)}`);
      });
    }
    batch = [];
  };
  for await (const line of lines) {
    lineNumber++;
    if (line === '') continue;
    const value = parseJson(file, line, String(lineNumber));
    if (Array.isArray(value)) {
      const row = rowSchema.safeParse(value);
      if (!current) throw invalid(file, `dòng ${lineNumber} là một dòng dữ liệu nằm ngoài bảng nào.`);
      if (!row.success || row.data.length !== current.columns.length) {
        throw invalid(
          file,
          `dòng ${lineNumber} của bảng ${current.name} cần ${current.columns.length} giá trị dạng chuỗi.`,
        );
      }
      batch.push(row.data);
      rowCounts[current.name]! += 1;
      if (batch.length >= INSERT_BATCH) await flush();
      continue;
    }
    const start = tableStartSchema.safeParse(value);
    if (start.success) {
      await flush();
      const next = tables.get(start.data.table);
      if (!next || start.data.table in rowCounts)
        throw invalid(file, `dòng ${lineNumber}: bảng ${start.data.table} không mong đợi.`);
      current = next;
      rowCounts[current.name] = 0;
      continue;
    }
    const end = backupEndSchema.safeParse(value);
    if (!end.success) throw invalid(file, `dòng ${lineNumber} không đúng định dạng.`);
    await flush();
    for (const name of tables.keys()) {
      if ((end.data.rowCounts[name] ?? -1) !== (rowCounts[name] ?? 0) || !(name in rowCounts)) {
        throw invalid(
          file,
          `bảng ${name} có ${rowCounts[name] ?? 0} dòng, phần cuối tệp ghi ${end.data.rowCounts[name] ?? 0}.`,
        );
      }
    }
    return { rowCounts, digests: end.data.digests };
  }
  throw invalid(file, 'tệp bị cắt cụt (thiếu dòng kết thúc); không có gì được khôi phục.');
}

/** Inserts rows given as text, each value cast to its column's type by the database itself. */
async function insertBatch(q: Queryable, table: TableInfo, rows: BackupRow[]) {
  const columns = sql.join(
    table.columns.map((column) => ident(column.name)),
    sql`, `,
  );
  // Types come from this database's catalog (checked equal to the file's), never from the file.
  const values = sql.join(
    table.columns.map((column, i) => sql`(r.value ->> ${sql.raw(String(i))})::${sql.raw(column.type)}`),
    sql`, `,
  );
  // "overriding system value": monitor_snapshots.sequence is generated always (the snapshot chain's
  // order), and a restore must keep the numbers the manifests name; harmless on other tables.
  await q.execute(
    sql`insert into ${ident(table.name)} (${columns}) overriding system value select ${values} from json_array_elements(${JSON.stringify(rows)}::json) as r`,
  );
}

/**
 * Reads every restored table back, in the same text forms the backup wrote, and compares its digest
 * with the one recorded at backup time: a value changed on the way (a cast losing precision, jsonb
 * or a time zone rendered differently, a row lost or doubled) fails the restore, which is rolled back.
 */
async function verifyDigests(
  q: Queryable,
  file: string,
  tables: Map<string, TableInfo>,
  digests: Record<string, string>,
): Promise<number> {
  for (const table of tables.values()) {
    const digest = new TableDigest();
    for await (const page of readPages(q, table, INSERT_BATCH)) {
      for (const row of page) digest.add(JSON.stringify(row));
    }
    const expected = digests[table.name];
    if (expected !== digest.value()) {
      throw invalid(
        file,
        `bảng ${table.name} đọc lại sau khi nạp không giống bản sao lưu (mã kiểm tra ${digest.value().slice(0, 20)}…, trong tệp ${(expected ?? 'không có').slice(0, 20)}…); không có gì được khôi phục.`,
      );
    }
  }
  return tables.size;
}

/** A bigserial id continues after the highest restored id, not from 1. */
async function resetSequences(q: Queryable, table: TableInfo) {
  for (const column of table.sequenceColumns) {
    const relation = ident(table.name);
    const key = ident(column);
    await q.execute(
      sql`select setval(pg_get_serial_sequence(${`"${table.name.replace(/"/g, '""')}"`}, ${column}),
        coalesce((select max(${key}) from ${relation}), 1), (select max(${key}) from ${relation}) is not null)`,
    );
  }
}
