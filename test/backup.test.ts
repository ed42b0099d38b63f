import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGzipLines } from '../src/server/cli/backup/read-backup';
import { writeBackup } from '../src/server/cli/backup/write-backup';
import { runCli } from '../src/server/cli/run-cli';
import { type Database, openDatabase, type Queryable } from '../src/server/db/client';
import { insertAuditEntries } from '../src/server/db/repositories/audit';
import { queryRows } from '../src/server/db/sql';
import { createTestDatabase } from './support/database';
import { createUnit, TEST_ACTOR } from './support/factories';
import { TEST_DB } from './support/test-env';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-backup-'));
const file = (name: string) => path.join(dir, name);

async function cli(database: Database, argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    database,
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
  });
  return { code, out, err };
}

type Snapshot = Record<string, string[]>;

/**
 * Every row of every table of the database (read from the catalog, so a table the backup forgets
 * shows up), in PostgreSQL's own text form: microseconds, jsonb null versus SQL null and all.
 */
async function snapshot(database: Database): Promise<Snapshot> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone to 'UTC'`);
    const tables = await queryRows<{ name: string }>(
      tx,
      sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`,
    );
    const result: Snapshot = {};
    for (const { name } of tables) {
      const rows = await queryRows<{ r: string }>(
        tx,
        sql`select t::text as r from ${sql.identifier(name)} t order by 1`,
      );
      result[name] = rows.map((row) => row.r);
    }
    return result;
  });
}

/** The rows a restore adds itself: its audit entry. Sessions are not backed up by design. */
function comparable(snap: Snapshot): Snapshot {
  return {
    ...snap,
    audit_log: snap.audit_log!.filter((row) => !row.includes(',backup.restore,')),
    sessions: [],
    // Not data but the stamp of the last change to the unit tables (migration 0006), which a restore
    // is: it moves on, so that servers reload their unit graph.
    data_revisions: [],
    // Not data but notes of which units' scores changed (migration 0015), written again by the
    // restore's own inserts.
    score_changes: [],
  };
}

async function rowLines(backupFile: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of readGzipLines(backupFile)) lines.push(line);
  return lines.slice(1); // the header holds the creation time
}

async function maxId(q: Queryable, table: 'audit_log'): Promise<number> {
  const [row] = await queryRows<{ max: number }>(
    q,
    sql`select coalesce(max(id), 0)::int as max from ${sql.identifier(table)}`,
  );
  return row!.max;
}

/** The demo data plus the values a logical dump most easily gets wrong. */
async function fillSource(database: Database) {
  const seeded = await cli(database, ['seed-demo']);
  expect(seeded.err).toBe('');
  expect(seeded.out).toContain('thamdinh.quangngai');
  const q = database.db;
  await createUnit(q, {
    kind: 'other',
    code: null,
    name: 'Tên "lạ" \\ có\ndòng mới và 🚀',
    websiteUrl: 'https://x.vn/?a=1&b="2"',
  });
  await q.execute(sql`insert into audit_log (at, actor_label, action, entity_type, before, after)
    values ('2025-07-01 12:34:56.123456+07', 'test', 'test.edge', 'edge', 'null'::jsonb, null)`);
  await q.execute(sql`insert into notifications (recipient_id, channel, kind, title, body, delivery_status,
      delivery_result, dedupe_key, created_at)
    select id, 'email', 'edge', 'Đắk', 'b', 'sent', '{"n": 1.50, "big": 12345678901234567890, "s": "Đắk"}'::jsonb,
      'edge:1', '2026-01-01 00:00:00.000001+00' from users order by username limit 1`);
  await q.execute(sql`insert into sessions (id, user_id, csrf_token, expires_at)
    select 'hash-of-token', id, 'csrf', now() + interval '1 hour' from users limit 1`);
}

describe('backup and restore', () => {
  let source: Database;
  let sourceSnapshot: Snapshot;
  const backupFile = file('source.jsonl.gz');

  beforeAll(async () => {
    source = await createTestDatabase();
    await fillSource(source);
    sourceSnapshot = await snapshot(source);
    const result = await cli(source, ['backup', backupFile]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
  });
  afterAll(async () => {
    await source.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a gzip JSON Lines file: header, tables in foreign-key order, an end line; no sessions', async () => {
    const lines: string[] = [];
    for await (const line of readGzipLines(backupFile)) lines.push(line);
    const header = JSON.parse(lines[0]!);
    expect(header).toMatchObject({
      format: 'loa-so-backup',
      version: 1,
      database: TEST_DB,
      skippedTables: ['sessions'],
    });
    expect(header.migrations.length).toBeGreaterThan(0);
    const order = lines.filter((line) => line.startsWith('{"table"')).map((line) => JSON.parse(line).table);
    expect(order).toEqual(header.tables.map((table: { name: string }) => table.name));
    expect(order).not.toContain('sessions');
    expect(order.indexOf('units')).toBeLessThan(order.indexOf('unit_versions'));
    expect(order.indexOf('unit_events')).toBeLessThan(order.indexOf('unit_event_units'));
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('role_grants'));
    const end = JSON.parse(lines.at(-1)!);
    expect(end.end).toBe(true);
    expect(end.rowCounts.units).toBe(sourceSnapshot.units!.length);
    expect(end.rowCounts.audit_log).toBe(sourceSnapshot.audit_log!.length);
  });

  it('restores into a fresh database with identical rows, and a second backup matches the first', async () => {
    const target = await createTestDatabase();
    try {
      const sourceMaxAudit = await maxId(source.db, 'audit_log');
      const result = await cli(target, ['restore', backupFile]);
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      expect(result.out).toContain('Đã khôi phục');

      const restored = await snapshot(target);
      expect(restored.sessions).toEqual([]);
      expect(comparable(restored)).toEqual(comparable(sourceSnapshot));
      // The edge values came back exactly.
      expect(
        restored.audit_log!.some(
          (row) =>
            row.includes('"2025-07-01 05:34:56.123456+00"') && row.endsWith(',test.edge,edge,,,,null,,,)'),
        ),
      ).toBe(true);
      expect(
        restored.notifications!.some((row) => row.includes('12345678901234567890') && row.includes('1.50')),
      ).toBe(true);

      // Sequences continue after the restored ids: the restore's own audit entry is the next id.
      const [entry] = await queryRows<{ id: number; actor: string }>(
        target.db,
        sql`select id::int as id, actor_label as actor from audit_log where action = 'backup.restore'`,
      );
      expect(entry).toEqual({ id: sourceMaxAudit + 1, actor: 'cli' });

      const again = file('again.jsonl.gz');
      expect((await cli(target, ['backup', again])).code).toBe(0);
      const first = await rowLines(backupFile);
      const second = (await rowLines(again)).filter((line) => !line.includes('"backup.restore"'));
      expect(second.slice(0, -1)).toEqual(first.slice(0, -1));
    } finally {
      await target.close();
    }
  });

  it('pages rows by primary key (also a composite one) without changing the file', async () => {
    const paged = file('paged.jsonl.gz');
    await writeBackup({ database: source, file: paged, pageSize: 3 });
    expect(await rowLines(paged)).toEqual(await rowLines(backupFile));
  });

  it('seeds the demo data only into an empty database', async () => {
    const again = await cli(source, ['seed-demo']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu trống');
    expect(await snapshot(source)).toEqual(sourceSnapshot);
  });

  it('refuses to overwrite a file unless --force', async () => {
    const before = fs.readFileSync(backupFile);
    const result = await cli(source, ['backup', backupFile]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('--force');
    expect(fs.readFileSync(backupFile).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((name) => name.includes('.partial-'))).toEqual([]);
  });

  it('refuses a database holding data unless --force, then replaces its contents', async () => {
    const target = await createTestDatabase();
    try {
      await createUnit(target.db, { name: 'Xã Đã Có' });
      await insertAuditEntries(target.db, TEST_ACTOR, [{ action: 'test.before', entityType: 'x' }]);
      const refused = await cli(target, ['restore', backupFile]);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('Cơ sở dữ liệu đang có dữ liệu');
      expect(refused.err).toContain('--force');
      const untouched = await snapshot(target);
      expect(untouched.units).toHaveLength(1);
      expect(untouched.audit_log).toHaveLength(1);

      const forced = await cli(target, ['restore', backupFile, '--force']);
      expect(forced.err).toBe('');
      expect(forced.code).toBe(0);
      expect(comparable(await snapshot(target))).toEqual(comparable(sourceSnapshot));
    } finally {
      await target.close();
    }
  });

  it('restores nothing from a file cut short, and refuses files that are not Loa Số backups', async () => {
    const target = await createTestDatabase();
    try {
      const lines = [];
      for await (const line of readGzipLines(backupFile)) lines.push(line);
      const write = (name: string, content: string[]) => {
        fs.writeFileSync(file(name), gzipSync(`${content.join('\n')}\n`));
        return file(name);
      };
      const empty = await snapshot(target);

      const cut = await cli(target, ['restore', write('cut.jsonl.gz', lines.slice(0, -50))]);
      expect(cut.code).toBe(1);
      expect(cut.err).toContain('cắt cụt');
      // Units and the rest were inserted before the end was missed: all rolled back.
      expect(await snapshot(target)).toEqual(empty);

      const badRow = [...lines];
      const unitsStart = badRow.indexOf('{"table":"unit_versions"}');
      badRow[unitsStart + 1] = badRow[unitsStart + 1]!.replace(/^\["[0-9a-f-]+"/, '["not-a-uuid"');
      const broken = await cli(target, ['restore', write('bad-row.jsonl.gz', badRow)]);
      expect(broken.code).toBe(1);
      expect(broken.err).toContain('không nạp được dữ liệu bảng unit_versions');
      expect(broken.err).toContain('not-a-uuid');
      expect(broken.err).not.toContain('params');
      expect(await snapshot(target)).toEqual(empty);

      const header = JSON.parse(lines[0]!);
      const other = await cli(target, [
        'restore',
        write('other.jsonl.gz', [JSON.stringify({ format: 'pg_dump' })]),
      ]);
      expect(other.err).toContain('không phải bản sao lưu Loa Số');
      const newer = await cli(target, [
        'restore',
        write('v2.jsonl.gz', [JSON.stringify({ ...header, version: 2 }), ...lines.slice(1)]),
      ]);
      expect(newer.err).toContain('phiên bản định dạng 2');
      const futureMigration = { ...header, migrations: [...header.migrations, 'f'.repeat(64)] };
      const future = await cli(target, [
        'restore',
        write('future.jsonl.gz', [JSON.stringify(futureMigration), ...lines.slice(1)]),
      ]);
      expect(future.err).toContain('migration');
      const changed = structuredClone(header);
      changed.tables[0].columns[1].type = 'integer';
      const columns = await cli(target, [
        'restore',
        write('columns.jsonl.gz', [JSON.stringify(changed), ...lines.slice(1)]),
      ]);
      expect(columns.err).toContain(`cột của bảng ${changed.tables[0].name}`);
      fs.writeFileSync(file('plain.json'), '{}');
      const notGzip = await cli(target, ['restore', file('plain.json')]);
      expect(notGzip.err).toContain('không phải bản sao lưu nén gzip');
      const missing = await cli(target, ['restore', file('nope.jsonl.gz')]);
      expect(missing.err).toContain('Không có tệp');
      for (const result of [other, newer, future, columns, notGzip, missing]) expect(result.code).toBe(1);
      expect(await snapshot(target)).toEqual(empty);
    } finally {
      await target.close();
    }
  });

  // The PostgreSQL tier also has PGlite at hand: PostgreSQL → PGlite → PostgreSQL.
  it.runIf(TEST_DB === 'postgres')(
    'moves the data from PostgreSQL to PGlite and back unchanged',
    async () => {
      const pglite = await openDatabase({ databaseUrl: null, dataDir: null });
      const postgres = await createTestDatabase();
      try {
        expect((await cli(pglite, ['restore', backupFile])).code).toBe(0);
        expect(comparable(await snapshot(pglite))).toEqual(comparable(sourceSnapshot));
        const fromPglite = file('from-pglite.jsonl.gz');
        expect((await cli(pglite, ['backup', fromPglite])).code).toBe(0);
        const restored = await cli(postgres, ['restore', fromPglite]);
        expect(restored.out).toContain('từ pglite');
        expect(comparable(await snapshot(postgres))).toEqual(comparable(sourceSnapshot));
      } finally {
        await pglite.close();
        await postgres.close();
      }
    },
  );
});
