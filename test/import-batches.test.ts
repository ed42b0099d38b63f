import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertChannel } from '../src/server/db/repositories/channels';
import { auditLog } from '../src/server/db/schema';
import { activities, importBatches } from '../src/server/db/schema-activities';
import type { ActivityImportResultDto } from '../src/shared/api/activity-files';
import type { ImportBatchDto } from '../src/shared/api/import-batches';
import type { ErrorBody } from '../src/shared/errors';
import { POST_HEADERS } from './support/activity-files';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { createSignedInUser } from './support/scenarios';

type Cell = string | number | null;

async function xlsx(rows: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tin bài');
  sheet.addRow(POST_HEADERS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function importFile(session: Session, content: Buffer, query = '', fileName = 'tin-bai.xlsx') {
  return session.request({
    method: 'POST',
    url: `/api/activity-files/import?kind=post&fileName=${fileName}${query}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: content,
  });
}

/** Fixed instants: nothing here depends on today's date. */
const IMPORTED_AT = new Date('2025-03-10T03:00:00Z');
const DAY_MS = 24 * 3600_000;

describe('import batches: no silent doubles, files recognised, undo within 30 days', () => {
  let ctx: TestContext;
  let officer: Session;
  let officerName: string;
  let outsider: Session;
  let viewer: Session;
  let admin: Session;
  let communeA: string;
  let province: string;
  const codeB = `IC${Date.now().toString(36)}`;
  const code = `IB${Date.now().toString(36)}`;
  const channel = 'Trang Facebook xã Lô Nhập';
  let rowsOfA: Cell[][];

  const recordsOf = (batchId: string) =>
    ctx.database.db.select().from(activities).where(eq(activities.importBatchId, batchId));
  const liveCount = async () => {
    const [row] = await ctx.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(activities)
      .where(and(eq(activities.unitId, communeA), sql`${activities.deletedAt} is null`));
    return row!.n;
  };
  const row = (day: string, title: string, url: string | null = null): Cell[] => [
    code,
    channel,
    day,
    null,
    title,
    url,
    null,
    null,
    null,
    null,
  ];

  beforeAll(async () => {
    ctx = await createTestApp();
    const db = ctx.database.db;
    province = await createUnit(db, { kind: 'province', name: 'Tỉnh Lô Nhập' });
    communeA = await createUnit(db, { code, name: 'Xã Lô Nhập', parentId: province });
    const communeB = await createUnit(db, { code: codeB, name: 'Xã Bên Cạnh', parentId: province });
    await insertChannel(db, { unitId: communeA, kind: 'social_page', platform: 'facebook', name: channel });
    const signedIn = await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: communeA }]);
    officer = signedIn.session;
    officerName = `Người Thử ${signedIn.username}`;
    outsider = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: communeB }])).session;
    viewer = (await createSignedInUser(ctx.app, db, [{ role: 'viewer', unitId: communeA }])).session;
    admin = (await createSignedInUser(ctx.app, db, [{ role: 'system_admin', unitId: null }])).session;
    rowsOfA = [
      row('02/03/2025', 'Xã ra mắt tổ công nghệ số', 'https://loanhap.gov.vn/cds/to-cong-nghe'),
      row('03/03/2025', 'Hướng dẫn cài VNeID tại nhà văn hoá'),
      row('04/03/2025', 'Chợ 4.0: thanh toán bằng mã QR', 'https://loanhap.gov.vn/cds/cho-40'),
    ];
  });
  afterAll(() => ctx.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stores nothing the second time: the same file is recognised and asked about, then every row is "đã có"', async () => {
    const file = await xlsx(rowsOfA);
    const first = await importFile(officer, file);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<ActivityImportResultDto>()).toMatchObject({ rows: 3, created: 3, skipped: [] });
    expect(await liveCount()).toBe(3);

    // The same bytes again: a question, not a green message, and nothing stored.
    const again = await importFile(officer, file, '', 'tin-bai-lan-2.xlsx');
    expect(again.statusCode).toBe(409);
    const question = again.json<ErrorBody>();
    expect(question.code).toBe('CONFLICT');
    expect(question.message).toMatch(/^Tệp này đã được nhập lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4} bởi /);
    expect(question.message).toContain(officerName);
    expect(question.message).toContain('nhập lại?');
    expect(question.details.map((detail) => detail.field)).toEqual(['confirmReimport']);
    expect(await liveCount()).toBe(3);

    // Confirmed: the batch is kept, with every row reported as already there and none stored.
    const confirmed = await importFile(officer, file, '&confirmReimport=true');
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const result = confirmed.json<ActivityImportResultDto>();
    expect(result).toMatchObject({ rows: 3, created: 0, flaggedDuplicates: [] });
    expect(result.skipped.map((skipped) => skipped.row)).toEqual([2, 3, 4]);
    expect(result.skipped[0]!.message).toContain('Đã có: "Xã ra mắt tổ công nghệ số" ngày 02/03/2025');
    expect(await liveCount()).toBe(3);
    const [batch] = await ctx.database.db
      .select()
      .from(importBatches)
      .where(eq(importBatches.id, result.batchId));
    expect(batch).toMatchObject({ unitId: communeA, rowCount: 3, storedCount: 0, skippedCount: 3 });
    expect(batch!.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, result.batchId));
    expect(audit!.summary).toContain('bỏ qua 3 dòng đã có');
  });

  it('skips identical rows of another file too (by title or by page), and stores the rest', async () => {
    const csv = [
      POST_HEADERS.join(','),
      // The same title (other case and marks kept), same channel and day.
      `${code},${channel},03/03/2025,,HƯỚNG DẪN CÀI VNEID TẠI NHÀ VĂN HOÁ,,,,,`,
      // Another title, but the same page on the same day and channel.
      `${code},${channel},04/03/2025,,Chợ bốn chấm không,https://www.loanhap.gov.vn/cds/cho-40/?utm_source=zalo,,,,`,
      // The same title another day: not identical, stored (and not flagged: another day).
      `${code},${channel},05/03/2025,,Hướng dẫn cài VNeID tại nhà văn hoá,,,,,`,
    ].join('\r\n');
    const response = await importFile(officer, Buffer.from(csv), '', 'them.csv');
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<ActivityImportResultDto>();
    expect(result.created).toBe(1);
    expect(result.skipped.map((skipped) => skipped.row)).toEqual([2, 3]);
    expect(await liveCount()).toBe(4);
  });

  it('recognises a file only among the batches its importer can see', async () => {
    const file = await xlsx(rowsOfA);
    // Another commune's officer is not told that the file was imported by someone it cannot see: the
    // rows are simply not theirs.
    const response = await importFile(outsider, file);
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
    expect(response.body).not.toContain('đã được nhập');
  });

  it('lists the history of imports with what the user may do, only to those who see the unit', async () => {
    const mine = await officer.get(`/api/activity-files/batches?unitId=${communeA}`);
    expect(mine.statusCode, mine.body).toBe(200);
    const items = mine.json<{ items: ImportBatchDto[]; total: number }>().items;
    expect(items.length).toBe(3);
    expect(items[0]).toMatchObject({ fileName: 'them.csv', storedCount: 1, skippedCount: 2, liveCount: 1 });
    expect(items[0]!.actions).toEqual(['undo']);
    // The batch that stored nothing has nothing to undo.
    expect(items[1]).toMatchObject({ storedCount: 0, actions: [] });
    expect(
      (await viewer.get('/api/activity-files/batches')).json<{ items: ImportBatchDto[] }>().items[0]!.actions,
    ).toEqual([]);
    expect((await outsider.get('/api/activity-files/batches')).json<{ total: number }>().total).toBe(0);
    expect((await outsider.get(`/api/activity-files/batches?unitId=${communeA}`)).statusCode).toBe(404);
  });

  it('gives a file of two communes to their province: its history and undo belong to the province', async () => {
    const csv = [
      POST_HEADERS.join(','),
      `${code},,07/03/2025,,Tin của xã Lô Nhập do tỉnh nhập,,,,,`,
      `${codeB},,07/03/2025,,Tin của xã Bên Cạnh do tỉnh nhập,,,,,`,
    ].join('\r\n');
    const response = await importFile(admin, Buffer.from(csv), '', 'hai-xa.csv');
    expect(response.statusCode, response.body).toBe(200);
    const { batchId } = response.json<ActivityImportResultDto>();
    const [batch] = await ctx.database.db.select().from(importBatches).where(eq(importBatches.id, batchId));
    expect(batch!.unitId).toBe(province);
    // A commune's officer neither sees nor undoes the province's batch.
    const seen = (await officer.get('/api/activity-files/batches')).json<{ items: ImportBatchDto[] }>();
    expect(seen.items.map((item) => item.id)).not.toContain(batchId);
    expect(
      (await officer.post(`/api/activity-files/batches/${batchId}/undo`, { reason: 'x' })).statusCode,
    ).toBe(404);
  });

  describe('undo', () => {
    async function importAt(instant: Date, titles: string[]) {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(instant);
      const response = await importFile(
        officer,
        await xlsx(titles.map((title, i) => row(`0${i + 5}/03/2025`, title))),
        '',
        'hoan-tac.xlsx',
      );
      expect(response.statusCode, response.body).toBe(200);
      return response.json<ActivityImportResultDto>().batchId;
    }
    const undo = (session: Session, batchId: string, reason?: string) =>
      session.post(`/api/activity-files/batches/${batchId}/undo`, reason === undefined ? {} : { reason });

    it('deletes every record of the batch with the reason, audited per record, on day 30', async () => {
      const batchId = await importAt(IMPORTED_AT, ['Lô một: tin một', 'Lô một: tin hai']);
      const before = await liveCount();
      vi.setSystemTime(new Date(IMPORTED_AT.getTime() + 30 * DAY_MS - 60_000));

      expect((await undo(outsider, batchId, 'Nhầm tệp')).statusCode).toBe(404);
      expect((await undo(viewer, batchId, 'Nhầm tệp')).statusCode).toBe(403);
      const noReason = await undo(officer, batchId);
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json<ErrorBody>().details).toEqual([{ field: 'reason', message: 'Bắt buộc.' }]);

      const response = await undo(officer, batchId, 'Nhầm tệp của tháng trước');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<ImportBatchDto>()).toMatchObject({ liveCount: 0, actions: [] });
      expect(response.json<ImportBatchDto>().undoneAt).not.toBeNull();
      expect(await liveCount()).toBe(before - 2);
      const records = await recordsOf(batchId);
      expect(records.every((record) => record.deletedAt !== null)).toBe(true);
      expect(records[0]!.deleteReason).toContain('Nhầm tệp của tháng trước');
      const deletions = await ctx.database.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, 'activity.delete'),
            inArray(
              auditLog.entityId,
              records.map((r) => r.id),
            ),
          ),
        );
      expect(deletions).toHaveLength(2);
      const [batchEntry] = await ctx.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'import_batch.undo'), eq(auditLog.entityId, batchId)));
      expect(batchEntry!.summary).toContain('2 bản ghi');

      // Once is enough.
      const twice = await undo(officer, batchId, 'Lần nữa');
      expect(twice.statusCode).toBe(409);
      expect(twice.json<ErrorBody>().message).toContain('đã được hoàn tác');
    });

    it('refuses after 30 days in Vietnamese and leaves the records', async () => {
      const batchId = await importAt(IMPORTED_AT, ['Lô hai: tin một']);
      vi.setSystemTime(new Date(IMPORTED_AT.getTime() + 30 * DAY_MS + 60_000));
      const listed = (await officer.get(`/api/activity-files/batches?unitId=${communeA}`)).json<{
        items: ImportBatchDto[];
      }>();
      expect(listed.items.find((batch) => batch.id === batchId)!.actions).toEqual([]);
      const response = await undo(officer, batchId, 'Quá hạn');
      expect(response.statusCode).toBe(409);
      expect(response.json<ErrorBody>().message).toContain('đã quá 30 ngày');
      expect((await recordsOf(batchId)).every((record) => record.deletedAt === null)).toBe(true);
      // An administrator is held to the same 30 days.
      expect((await undo(admin, batchId, 'Quá hạn')).statusCode).toBe(409);
    });
  });

  it('stores one of two identical uploads sent at the same moment; the other gets the question', async () => {
    const colleague = (
      await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'unit_officer', unitId: communeA }])
    ).session;
    const file = await xlsx([
      row('06/03/2025', 'Tập huấn chữ ký số cho cán bộ thôn'),
      row('07/03/2025', 'Ra mắt mô hình bình dân học vụ số'),
    ]);
    const fileSha256 = createHash('sha256').update(file).digest('hex');
    const before = await liveCount();
    // Two people of the unit (one import per person at a time), the same bytes, at once.
    const answers = await Promise.all([importFile(officer, file), importFile(colleague, file)]);
    expect(answers.map((answer) => answer.statusCode).sort(), answers.map((a) => a.body).join('\n')).toEqual([
      200, 409,
    ]);
    const question = answers.find((answer) => answer.statusCode === 409)!.json<ErrorBody>();
    expect(question.message).toContain('nhập lại?');
    expect(question.details.map((detail) => detail.field)).toEqual(['confirmReimport']);
    const batches = await ctx.database.db
      .select()
      .from(importBatches)
      .where(eq(importBatches.fileSha256, fileSha256));
    expect(batches).toHaveLength(1);
    expect(await liveCount()).toBe(before + 2);

    // Both confirmed at once: the second waits for the first and finds every row already there.
    const confirmed = await Promise.all([
      importFile(officer, file, '&confirmReimport=true'),
      importFile(colleague, file, '&confirmReimport=true'),
    ]);
    expect(confirmed.map((answer) => answer.statusCode)).toEqual([200, 200]);
    expect(confirmed.map((answer) => answer.json<ActivityImportResultDto>().created)).toEqual([0, 0]);
    expect(await liveCount()).toBe(before + 2);
  });
});
