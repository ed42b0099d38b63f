import { PassThrough } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertChannel } from '../src/server/db/repositories/channels';
import { auditLog } from '../src/server/db/schema';
import { activities, importBatches } from '../src/server/db/schema-activities';
import { readTypedTable } from '../src/server/spreadsheets/read-table';
import type { ActivityImportResultDto } from '../src/shared/api/activity-files';
import { addDays, todayVn } from '../src/shared/dates';
import type { ErrorBody } from '../src/shared/errors';
import { BROADCAST_HEADERS, POLICY, POST_HEADERS } from './support/activity-files';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { createKonTumScenario, createSignedInUser } from './support/scenarios';

type Cell = string | number | Date | null;

async function xlsx(
  headers: string[],
  rows: Cell[][],
  options: { dateColumns?: number[] } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tin bài');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  for (const col of options.dateColumns ?? []) sheet.getColumn(col).numFmt = 'dd/mm/yyyy';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function importFile(
  session: Session,
  kind: 'post' | 'broadcast',
  content: Buffer,
  query = '',
  fileName = 'tep.xlsx',
) {
  return session.request({
    method: 'POST',
    url: `/api/activity-files/import?kind=${kind}&fileName=${fileName}${query}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: content,
  });
}

describe('spreadsheet import of records', () => {
  let ctx: TestContext;
  let admin: Session;
  let officer: Session;
  let provinceId: string;
  let communeA: string;
  let communeB: string;
  const codeA = `A${Date.now().toString(36)}`;
  const codeB = `B${Date.now().toString(36)}`;
  let websiteId: string;
  let facebookId: string;
  let radioId: string;

  const countRecords = async () => {
    const [row] = await ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(activities);
    return row!.n;
  };
  const countBatches = async () => {
    const [row] = await ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(importBatches);
    return row!.n;
  };

  beforeAll(async () => {
    // The import inside the request, also of 10,000 rows: files past the inline limit go to a job
    // (test/activity-import-jobs.test.ts).
    ctx = await createTestApp({ importInlineRowLimit: 100_000 });
    const db = ctx.database.db;
    provinceId = await createUnit(db, {
      kind: 'province',
      code: `P${Date.now().toString(36)}`,
      name: 'Tỉnh Nhập Tệp',
    });
    communeA = await createUnit(db, { code: codeA, name: 'Xã Sông Xanh', parentId: provinceId });
    communeB = await createUnit(db, { code: codeB, name: 'Xã Núi Đỏ', parentId: provinceId });
    websiteId = await insertChannel(db, {
      unitId: communeA,
      kind: 'website_column',
      platform: 'website',
      name: 'Chuyên mục Chuyển đổi số',
      url: 'https://songxanh.gov.vn/cds',
    });
    facebookId = await insertChannel(db, {
      unitId: communeA,
      kind: 'social_page',
      platform: 'facebook',
      name: 'Trang Facebook xã Sông Xanh',
    });
    radioId = await insertChannel(db, {
      unitId: communeA,
      kind: 'radio_programme',
      platform: 'radio',
      name: 'Chương trình CĐS trên loa',
      stationName: 'Đài truyền thanh xã',
    });
    await insertChannel(db, {
      unitId: communeB,
      kind: 'radio_programme',
      platform: 'radio',
      name: 'Chương trình của xã Núi Đỏ',
    });
    admin = (await createSignedInUser(ctx.app, db, [{ role: 'system_admin', unitId: null }])).session;
    officer = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: communeA }])).session;
  });
  afterAll(() => ctx.close());

  describe('template', () => {
    async function template(session: Session, query: string) {
      const response = await session.get(`/api/activity-files/template.xlsx?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      return workbook;
    }
    type Validation = { type: string; formulae: string[]; errorStyle?: string };
    const validationsOf = (sheet: ExcelJS.Worksheet) =>
      Object.values(
        (sheet as unknown as { dataValidations: { model: Record<string, Validation | undefined> } })
          .dataValidations.model,
      ).filter((v): v is Validation => v !== undefined);
    const listValues = (workbook: ExcelJS.Workbook, column: number) => {
      const values: string[] = [];
      workbook
        .getWorksheet('Danh mục')!
        .getColumn(column)
        .eachCell((cell, row) => {
          if (row > 1 && cell.value !== null) values.push(String(cell.value));
        });
      return values;
    };

    it('has Vietnamese headers, a frozen header row, drop-down lists from a hidden sheet and a help sheet (posts)', async () => {
      const workbook = await template(officer, 'kind=post');
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tin bài', 'Hướng dẫn', 'Danh mục']);
      const data = workbook.getWorksheet('Tin bài')!;
      expect((data.getRow(1).values as string[]).slice(1)).toEqual(POST_HEADERS);
      expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(data.getColumn(5).width).toBeGreaterThan(30);
      expect(data.getColumn(3).numFmt).toBe('dd/mm/yyyy');
      expect(workbook.getWorksheet('Danh mục')!.state).toBe('hidden');

      const lists = validationsOf(data).filter((v) => v.type === 'list');
      const formulae = new Set(lists.map((v) => v.formulae[0]));
      for (const column of ['A', 'C', 'D', 'E', 'F']) {
        expect(
          [...formulae].some((f) => f?.startsWith(`'Danh mục'!$${column}$2:$${column}$`)),
          column,
        ).toBe(true);
      }
      // The officer's scope: their commune and its channels only.
      expect(listValues(workbook, 1)).toEqual([codeA]);
      expect(listValues(workbook, 3).sort()).toEqual([
        'Chuyên mục Chuyển đổi số',
        'Trang Facebook xã Sông Xanh',
      ]);
      expect(listValues(workbook, 4)).toContain('Phóng sự');
      expect(listValues(workbook, 5)).toContain(POLICY);
      expect(listValues(workbook, 6)).toContain('Tiếng Xơ Đăng');

      const help: string[] = [];
      workbook.getWorksheet('Hướng dẫn')!.eachRow((row) => help.push(String(row.getCell(1).value)));
      for (const header of POST_HEADERS) expect(help).toContain(header);
      // The limits the reader enforces, in Vietnamese number style.
      expect(help.some((line) => line.includes('100.000 dòng') && line.includes('5.000 ký tự'))).toBe(true);
    });

    it('lists programmes and sources for broadcasts, and narrows to a unit', async () => {
      const workbook = await template(admin, `kind=broadcast&unitId=${communeB}`);
      const data = workbook.worksheets[0]!;
      expect(data.name).toBe('Phát sóng');
      expect((data.getRow(1).values as string[]).slice(1)).toEqual(BROADCAST_HEADERS);
      expect(listValues(workbook, 1)).toEqual([codeB]);
      expect(listValues(workbook, 3)).toEqual(['Chương trình của xã Núi Đỏ']);
      expect(listValues(workbook, 7)).toEqual(['Tự sản xuất', 'Hệ thống thông tin nguồn tỉnh', 'Tiếp sóng']);
      expect(validationsOf(data).some((v) => v.type === 'decimal')).toBe(true);
    });

    it('is not found for a unit outside the caller’s scope', async () => {
      const response = await officer.get(`/api/activity-files/template.xlsx?kind=post&unitId=${communeB}`);
      expect(response.statusCode).toBe(404);
    });
  });

  it('imports a good file: labels mapped to codes, dates and times of every accepted form, one batch', async () => {
    const beforeAudit = await ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    const content = await xlsx(
      POST_HEADERS,
      [
        [
          codeA,
          'Chuyên mục Chuyển đổi số',
          new Date(Date.UTC(2025, 2, 5)),
          '08:30',
          'Xã triển khai sổ tay chuyển đổi số',
          'https://songxanh.gov.vn/cds/so-tay',
          'Phóng sự',
          `${POLICY}; Thương mại điện tử`,
          'Tiếng Việt',
          'Nguyễn Văn An',
        ],
        [
          codeA,
          'trang facebook xa song xanh',
          '6/3/2025',
          0.5,
          'Tổ công nghệ số cộng đồng ra quân',
          null,
          'bai',
          'good_models',
          'sed',
          null,
        ],
        [
          codeA,
          null,
          '2025-03-07',
          new Date(Date.UTC(1899, 11, 30, 17, 15)),
          'Hướng dẫn cài VNeID',
          'https://songxanh.gov.vn/vneid',
          'Tin',
          'Ứng dụng công nghệ thông tin',
          'Xơ Đăng',
          null,
        ],
        [
          codeA,
          'Chuyên mục Chuyển đổi số',
          '08/03/2025',
          null,
          'Ngày hội số của xã',
          'https://songxanh.gov.vn/cds/ngay-hoi',
          'Infographic',
          null,
          null,
          null,
        ],
      ],
      { dateColumns: [3] },
    );
    const response = await importFile(officer, 'post', content);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<ActivityImportResultDto>();
    expect(result).toMatchObject({ rows: 4, created: 4, flaggedDuplicates: [] });

    const rows = await ctx.database.db
      .select()
      .from(activities)
      .where(eq(activities.importBatchId, result.batchId))
      .orderBy(activities.occurredOn);
    expect(rows.map((r) => r.occurredOn)).toEqual(['2025-03-05', '2025-03-06', '2025-03-07', '2025-03-08']);
    expect(rows.map((r) => r.occurredAt.toISOString())).toEqual([
      '2025-03-05T01:30:00.000Z',
      '2025-03-06T05:00:00.000Z',
      '2025-03-07T10:15:00.000Z',
      '2025-03-07T17:00:00.000Z',
    ]);
    expect(rows.map((r) => r.channelId)).toEqual([websiteId, facebookId, null, websiteId]);
    expect(rows.map((r) => r.genre)).toEqual(['phong_su', 'bai', 'tin', 'infographic']);
    expect(rows.map((r) => r.topics)).toEqual([
      ['policy', 'e_commerce'],
      ['good_models'],
      ['ict_applications'],
      [],
    ]);
    expect(rows.map((r) => r.language)).toEqual(['vi', 'sed', 'sed', 'vi']);
    expect(rows[0]).toMatchObject({
      provenance: 'import',
      author: 'Nguyễn Văn An',
      unitId: communeA,
      duplicateOfId: null,
    });
    const [batch] = await ctx.database.db
      .select()
      .from(importBatches)
      .where(eq(importBatches.id, result.batchId));
    expect(batch).toMatchObject({ kind: 'post', fileName: 'tep.xlsx', rowCount: 4 });
    // One audit entry for the batch (per unit), each record traceable to it by its import_batch_id.
    const afterAudit = await ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(afterAudit[0]!.n).toBe(beforeAudit[0]!.n + 1);
    const [entry] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, result.batchId));
    expect(entry).toMatchObject({ action: 'activity.import', entityType: 'import_batch', unitId: communeA });
    expect(entry!.summary).toContain('4 bản ghi');
  });

  it('imports broadcasts from a CSV with a byte-order mark and semicolons, durations in minutes and source labels', async () => {
    const csv = `\uFEFF${BROADCAST_HEADERS.join(';')}\r\n${codeA};Chương trình CĐS trên loa;10/03/2025;05:00;Bản tin chuyển đổi số tuần 11;12,5;Tin;;;Tiếp sóng\r\n${codeA};Chương trình CĐS trên loa;11/03/2025;17h;Câu chuyện về chợ 4.0;15;Câu chuyện truyền thanh;Thương mại điện tử;;\r\n`;
    const response = await importFile(officer, 'broadcast', Buffer.from(csv), '', 'phat-song.csv');
    expect(response.statusCode, response.body).toBe(200);
    const { batchId } = response.json<ActivityImportResultDto>();
    const rows = await ctx.database.db
      .select()
      .from(activities)
      .where(eq(activities.importBatchId, batchId))
      .orderBy(activities.occurredOn);
    expect(rows.map((r) => [r.kind, r.channelId, r.durationSeconds, r.source, r.genre, r.programme])).toEqual(
      [
        ['broadcast', radioId, 750, 'relay', 'tin', 'Chương trình CĐS trên loa'],
        ['broadcast', radioId, 900, 'own', 'cau_chuyen', 'Chương trình CĐS trên loa'],
      ],
    );
    expect(rows[1]!.occurredAt.toISOString()).toBe('2025-03-11T10:00:00.000Z');
  });

  it('rejects a file with bad rows, listing every row and column, and stores nothing', async () => {
    const tomorrow = addDays(todayVn(), 1).split('-').reverse().join('/');
    const content = await xlsx(POST_HEADERS, [
      [
        codeA,
        'Chuyên mục Chuyển đổi số',
        '01/04/2025',
        '08:00',
        'Một dòng đúng',
        'https://songxanh.gov.vn/cds/dung',
        'Tin',
        null,
        null,
        null,
      ],
      [codeA, null, '31/02/2025', null, 'Ngày không có thật', null, null, null, null, null],
      [codeA, 'Kênh Không Có', '02/04/2025', null, 'Kênh lạ', null, null, null, null, null],
      [codeA, null, '03/04/2025', null, 'Chủ đề lạ', null, null, 'Thời tiết', null, null],
      [codeA, null, '04/04/2025', null, null, null, null, null, null, null],
      [codeB, null, '05/04/2025', null, 'Xã của người khác', null, null, null, null, null],
      ['KHONG-CO-MA-NAY', null, '05/04/2025', null, 'Đơn vị không tồn tại', null, null, null, null, null],
      [codeA, null, tomorrow, null, 'Tin ngày mai', null, null, null, null, null],
      [
        codeA,
        null,
        '06/04/2025',
        '25:00',
        'Giờ sai, thể loại sai',
        null,
        'Truyện cười',
        null,
        'Tiếng Klingon',
        null,
      ],
    ]);
    const before = await countRecords();
    const batchesBefore = await countBatches();
    const response = await importFile(officer, 'post', content);
    expect(response.statusCode).toBe(400);
    const body = response.json<ErrorBody>();
    expect(body.code).toBe('VALIDATION_FAILED');
    const where = body.details.map((d) => [d.row, d.column]);
    expect(where).toEqual([
      [3, 'Ngày đăng (dd/MM/yyyy)'],
      [4, 'Kênh'],
      [5, 'Chủ đề'],
      [6, 'Tiêu đề'],
      [7, 'Mã đơn vị'],
      [8, 'Mã đơn vị'],
      [9, 'Ngày đăng (dd/MM/yyyy)'],
      [10, 'Giờ'],
      [10, 'Thể loại'],
      [10, 'Ngôn ngữ'],
    ]);
    const message = (row: number) => body.details.find((d) => d.row === row)!.message;
    expect(message(3)).toContain('31/02/2025');
    expect(message(4)).toContain('Kênh Không Có');
    expect(message(5)).toContain('Thời tiết');
    expect(message(9)).toContain('sau hôm nay');
    // A unit of someone else reads exactly like one that does not exist.
    expect(message(7).replace(codeB, 'X')).toBe(message(8).replace('KHONG-CO-MA-NAY', 'X'));
    expect(body.message).toContain('8 dòng lỗi');
    expect(await countRecords()).toBe(before);
    expect(await countBatches()).toBe(batchesBefore);
  });

  it('reports missing columns and empty files', async () => {
    const noTitle = await importFile(
      officer,
      'post',
      await xlsx(['Mã đơn vị', 'Ngày đăng'], [[codeA, '01/04/2025']]),
    );
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json<ErrorBody>().details).toEqual([
      { row: 1, column: 'Tiêu đề', message: expect.stringContaining('Thiếu cột') },
    ]);
    const broadcast = await importFile(
      officer,
      'broadcast',
      await xlsx(POST_HEADERS, [[codeA, null, '01/04/2025', null, 'x']]),
    );
    // "Kênh" is read as the programme; the post's date and the duration are missing.
    expect(broadcast.json<ErrorBody>().details.map((d) => d.column)).toEqual([
      'Ngày phát',
      'Thời lượng (phút)',
    ]);
    const empty = await importFile(officer, 'post', await xlsx(POST_HEADERS, []));
    expect(empty.statusCode).toBe(400);
    expect(empty.json<ErrorBody>().details[0]!.message).toContain('không có dòng dữ liệu');
  });

  it('stores duplicates flagged: against existing records and within the file', async () => {
    const first = await importFile(
      officer,
      'post',
      await xlsx(POST_HEADERS, [
        [
          codeA,
          'Chuyên mục Chuyển đổi số',
          '15/04/2025',
          null,
          'Tin gốc về chữ ký số',
          'https://songxanh.gov.vn/cds/chu-ky-so',
          null,
          null,
          null,
          null,
        ],
      ]),
    );
    expect(first.statusCode, first.body).toBe(200);
    const [original] = await ctx.database.db
      .select()
      .from(activities)
      .where(eq(activities.importBatchId, first.json<ActivityImportResultDto>().batchId));

    const response = await importFile(
      officer,
      'post',
      await xlsx(POST_HEADERS, [
        [
          codeA,
          'Chuyên mục Chuyển đổi số',
          '16/04/2025',
          null,
          'Đăng lại tin chữ ký số',
          'https://www.songxanh.gov.vn/cds/chu-ky-so/?utm_source=zalo',
          null,
          null,
          null,
          null,
        ],
        [
          codeA,
          'Trang Facebook xã Sông Xanh',
          '17/04/2025',
          null,
          'Họp dân về dịch vụ công',
          null,
          null,
          null,
          null,
          null,
        ],
        [
          codeA,
          'Trang Facebook xã Sông Xanh',
          '17/04/2025',
          null,
          'HỌP DÂN VỀ DỊCH VỤ CÔNG',
          null,
          null,
          null,
          null,
          null,
        ],
        [
          codeA,
          'Trang Facebook xã Sông Xanh',
          '18/04/2025',
          null,
          'Một tin khác',
          null,
          null,
          null,
          null,
          null,
        ],
      ]),
    );
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<ActivityImportResultDto>();
    expect(result.created).toBe(4);
    expect(result.flaggedDuplicates.map((d) => d.row)).toEqual([2, 4]);
    expect(result.flaggedDuplicates[0]!.message).toContain('Tin gốc về chữ ký số');
    expect(result.flaggedDuplicates[1]!.message).toContain('dòng 3');
    const rows = await ctx.database.db
      .select()
      .from(activities)
      .where(eq(activities.importBatchId, result.batchId))
      .orderBy(activities.occurredOn, activities.createdAt);
    const byTitle = new Map(rows.map((r) => [r.title, r]));
    expect(byTitle.get('Đăng lại tin chữ ký số')!.duplicateOfId).toBe(original!.id);
    expect(byTitle.get('HỌP DÂN VỀ DỊCH VỤ CÔNG')!.duplicateOfId).toBe(
      byTitle.get('Họp dân về dịch vụ công')!.id,
    );
    expect(byTitle.get('Một tin khác')!.duplicateOfId).toBeNull();
  });

  it('keeps an import started from a unit’s page to that unit, and refuses another commune’s unit as not found', async () => {
    const file = await xlsx(POST_HEADERS, [
      [codeB, null, '20/04/2025', null, 'Tin của xã Núi Đỏ', null, null, null, null, null],
    ]);
    expect((await importFile(officer, 'post', file, `&unitId=${communeB}`)).statusCode).toBe(404);
    const narrowed = await importFile(admin, 'post', file, `&unitId=${communeA}`);
    expect(narrowed.statusCode).toBe(400);
    expect(narrowed.json<ErrorBody>().details[0]).toMatchObject({ row: 2, column: 'Mã đơn vị' });
    expect((await importFile(admin, 'post', file, `&unitId=${communeB}`)).statusCode).toBe(200);
  });

  it('reads a reused code as the unit holding it on the row’s day (2025 reorganisation)', async () => {
    const kt = await createKonTumScenario(ctx.database.db);
    const content = await xlsx(POST_HEADERS, [
      ['23479', null, '10/03/2025', null, 'Tin của thị trấn trước sáp nhập', null, null, null, null, null],
      ['23479', null, '10/08/2025', null, 'Tin của xã mới sau sáp nhập', null, null, null, null, null],
      ['616', null, '10/03/2025', null, 'Tin của huyện cũ', null, null, null, null, null],
    ]);
    const response = await importFile(admin, 'post', content);
    expect(response.statusCode, response.body).toBe(200);
    const rows = await ctx.database.db
      .select()
      .from(activities)
      .where(and(eq(activities.importBatchId, response.json<ActivityImportResultDto>().batchId)))
      .orderBy(activities.title);
    expect(Object.fromEntries(rows.map((r) => [r.title, r.unitId]))).toEqual({
      'Tin của thị trấn trước sáp nhập': kt.ttDakRve,
      'Tin của xã mới sau sáp nhập': kt.dakRve,
      'Tin của huyện cũ': kt.konRay,
    });
    // The former district ended on 01/07/2025: a later row is refused with the reason.
    const late = await importFile(
      admin,
      'post',
      await xlsx(POST_HEADERS, [['616', null, '10/08/2025', null, 'Quá muộn', null, null, null, null, null]]),
    );
    expect(late.statusCode).toBe(400);
    expect(late.json<ErrorBody>().details[0]!.message).toContain('không tồn tại vào ngày này');
  });

  it('reads every Vietnamese letter of a large streamed sheet whole (inline strings, no shared strings)', async () => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false });
    const sheet = workbook.addWorksheet('Tin bài');
    sheet.addRow(['Tiêu đề']).commit();
    // Varied enough that the zip entry arrives in many chunks.
    const title = (i: number) =>
      `Ứng dụng chữ ký số, thanh toán không dùng tiền mặt ở thôn Đắk Rơ Wa số ${i} (${((i * 7919) % 10_007).toString(36)})`;
    for (let i = 0; i < 20_000; i++) sheet.addRow([title(i)]).commit();
    sheet.commit();
    await workbook.commit();
    const table = await readTypedTable('lon.xlsx', Buffer.concat(chunks));
    expect(table.rows).toHaveLength(20_000);
    expect(table.rows.filter((row, i) => row.cells[0] !== title(i))).toEqual([]);
  });

  it('imports 10,000 rows in one request', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Tin bài');
    sheet.addRow(POST_HEADERS);
    sheet.getColumn(3).numFmt = 'dd/mm/yyyy';
    const topics = [POLICY, 'Thương mại điện tử', 'Mô hình hay, tổ công nghệ số cộng đồng'];
    for (let i = 0; i < 10_000; i++) {
      sheet.addRow([
        codeA,
        i % 2 ? 'Chuyên mục Chuyển đổi số' : 'Trang Facebook xã Sông Xanh',
        new Date(Date.UTC(2024, 0, 1 + (i % 600))),
        `${String(6 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
        `Tin chuyển đổi số số ${i}`,
        `https://songxanh.gov.vn/cds/tin-${i}`,
        i % 3 ? 'Tin' : 'Bài',
        topics[i % 3],
        i % 10 ? 'Tiếng Việt' : 'Tiếng Xơ Đăng',
        null,
      ]);
    }
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await countRecords();
    const started = Date.now();
    const response = await importFile(officer, 'post', content);
    const seconds = (Date.now() - started) / 1000;
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    const result = response.json<ActivityImportResultDto>();
    expect(result).toMatchObject({ rows: 10_000, created: 10_000, flaggedDuplicates: [] });
    expect(await countRecords()).toBe(before + 10_000);
    const [batch] = await ctx.database.db
      .select()
      .from(importBatches)
      .where(eq(importBatches.id, result.batchId));
    expect(batch!.rowCount).toBe(10_000);
    // Every Vietnamese letter arrived whole (exceljs's streaming reader alone splits some between chunks).
    const titles = await ctx.database.db
      .select({ title: activities.title })
      .from(activities)
      .where(eq(activities.importBatchId, result.batchId));
    expect(titles.filter((row) => !/^Tin chuyển đổi số số \d+$/.test(row.title))).toEqual([]);
    console.info(`10,000-row import: ${seconds.toFixed(1)} s, ${Math.round(10_000 / seconds)} rows/s`);
  }, 300_000);
});
