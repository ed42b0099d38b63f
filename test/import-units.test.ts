import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/db/client';
import { auditLog, units, unitVersions } from '../src/server/db/schema';
import type { ImportResultDto, UnitDetailDto, UnitDto, UnitHistoryDto } from '../src/shared/api/units';
import type { ErrorBody } from '../src/shared/errors';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createProvinceWithCommunes } from './support/factories';
import { createSignedInUser } from './support/scenarios';

const REAL_FILE = path.resolve(process.cwd(), '../shared/data/vn-admin-units-2026-07.json');

function importRequest(session: Session, fileName: string, content: Buffer | string, effectiveDate?: string) {
  const query = new URLSearchParams({ fileName, ...(effectiveDate ? { effectiveDate } : {}) });
  return session.request({
    method: 'POST',
    url: `/api/units/import?${query}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
  });
}

async function importOk(
  session: Session,
  fileName: string,
  content: Buffer | string,
  effectiveDate?: string,
) {
  const response = await importRequest(session, fileName, content, effectiveDate);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ImportResultDto>();
}

async function countRows(db: Db) {
  const [unitCount] = await db.select({ n: sql<number>`count(*)::int` }).from(units);
  const [versionCount] = await db.select({ n: sql<number>`count(*)::int` }).from(unitVersions);
  return { units: unitCount!.n, versions: versionCount!.n };
}

async function unitByCode(db: Db, code: string) {
  const rows = await db.select().from(units).where(eq(units.code, code));
  expect(rows, `units with code ${code}`).toHaveLength(1);
  return rows[0]!;
}

/** The national list's shape, two provinces, with a few things a real file has. */
function nationalJson(overrides: { wardName?: string } = {}) {
  return JSON.stringify([
    {
      Code: '91',
      Name: 'Thử Một',
      FullName: 'Thành phố Thử Một',
      CodeName: 'thu_mot',
      Wards: [
        { Code: '91001', Name: 'Ba Đình', FullName: 'Phường Ba Đình', ProvinceCode: '91' },
        { Code: '91002', Name: 'Cô Tô', FullName: 'Đặc khu Cô Tô', ProvinceCode: '91' },
        // Decomposed tone marks, as some keyboards type them.
        {
          Code: '91003',
          Name: 'Đăk Rve',
          FullName: (overrides.wardName ?? 'Xã Đăk Rve').normalize('NFD'),
          ProvinceCode: '91',
        },
      ],
    },
    {
      Code: '92',
      Name: 'Thử Hai',
      FullName: 'Tỉnh Thử Hai',
      Wards: [{ Code: '92001', Name: 'Bắc Sơn', FullName: 'xã Bắc Sơn', ProvinceCode: '92' }],
    },
  ]);
}

// The small lists share one database (codes 81–93); the real national list gets its own below.
let ctx: TestContext;
let admin: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  admin = (await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'system_admin', unitId: null }]))
    .session;
});
afterAll(() => ctx.close());

describe('POST /api/units/import: the national JSON list', () => {
  it('creates provinces and their commune-level units with kinds from the full names, in NFC', async () => {
    const result = await importOk(admin, 'ds.json', nationalJson(), '2025-07-01');
    expect(result).toEqual({ total: 6, created: 6, renamed: 0, reparented: 0, kindChanged: 0, unchanged: 0 });
    const db = ctx.database.db;
    const city = await unitByCode(db, '91');
    expect(city).toMatchObject({
      kind: 'province',
      name: 'Thành phố Thử Một',
      parentId: null,
      validFrom: '2025-07-01',
      validTo: null,
    });
    expect(await unitByCode(db, '91001')).toMatchObject({
      kind: 'ward',
      name: 'Phường Ba Đình',
      parentId: city.id,
    });
    expect(await unitByCode(db, '91002')).toMatchObject({ kind: 'special_zone', parentId: city.id });
    const commune = await unitByCode(db, '91003');
    expect(commune).toMatchObject({ kind: 'commune', name: 'Xã Đăk Rve'.normalize('NFC') });
    expect(commune.name).toBe(commune.name.normalize('NFC'));
    expect(await unitByCode(db, '92001')).toMatchObject({ kind: 'commune', name: 'xã Bắc Sơn' });

    const found = (await admin.get('/api/units?q=dak%20rve')).json<{ items: UnitDto[] }>().items;
    expect(found.map((unit) => unit.code)).toEqual(['91003']);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'unit.import'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityId: 'ds.json', after: result });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await countRows(ctx.database.db);
    const result = await importOk(admin, 'ds.json', nationalJson(), '2025-07-01');
    expect(result).toEqual({ total: 6, created: 0, renamed: 0, reparented: 0, kindChanged: 0, unchanged: 6 });
    expect(await countRows(ctx.database.db)).toEqual(before);
    // Again with a later date: still nothing to change.
    expect((await importOk(admin, 'ds.json', nationalJson(), '2026-01-01')).unchanged).toBe(6);
    expect(await countRows(ctx.database.db)).toEqual(before);
  });

  it('records a changed name as a rename event on the effective date', async () => {
    const result = await importOk(
      admin,
      'ds-moi.json',
      nationalJson({ wardName: 'Xã Đăk Rve Mới' }),
      '2026-01-01',
    );
    expect(result).toMatchObject({ created: 0, renamed: 1, unchanged: 5 });
    const commune = await unitByCode(ctx.database.db, '91003');
    expect(commune.name).toBe('Xã Đăk Rve Mới');

    const history = (await admin.get(`/api/units/${commune.id}/history`)).json<UnitHistoryDto>();
    expect(history.versions.map((v) => [v.name, v.validFrom, v.validTo])).toEqual([
      ['Xã Đăk Rve', '2025-07-01', '2026-01-01'],
      ['Xã Đăk Rve Mới', '2026-01-01', null],
    ]);
    expect(history.events).toMatchObject([
      {
        kind: 'rename',
        effectiveDate: '2026-01-01',
        details: { fromName: 'Xã Đăk Rve', toName: 'Xã Đăk Rve Mới' },
      },
    ]);
    const before = (await admin.get(`/api/units/${commune.id}?date=2025-12-31`)).json<UnitDetailDto>();
    expect(before).toMatchObject({ name: 'Xã Đăk Rve', existedOnDate: true });
    const after = (await admin.get(`/api/units/${commune.id}?date=2026-01-01`)).json<UnitDetailDto>();
    expect(after.name).toBe('Xã Đăk Rve Mới');

    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, commune.id));
    expect(audit.find((entry) => entry.action === 'unit.update')).toMatchObject({
      before: { name: 'Xã Đăk Rve' },
      after: { name: 'Xã Đăk Rve Mới' },
    });
    // Importing the renamed list again changes nothing more.
    expect(
      (await importOk(admin, 'ds-moi.json', nationalJson({ wardName: 'Xã Đăk Rve Mới' }), '2026-01-01'))
        .renamed,
    ).toBe(0);
  });

  it('refuses a file that is not the expected JSON', async () => {
    const broken = await importRequest(admin, 'x.json', '[{"Code": "1",', '2026-01-01');
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const wrongShape = await importRequest(admin, 'x.json', '{"Code": "1"}', '2026-01-01');
    expect(wrongShape.statusCode).toBe(400);
    expect(wrongShape.json<ErrorBody>().message).toMatch(/mảng/);
  });

  it('lists every bad entry of a JSON file with where it is, and writes nothing', async () => {
    const before = await countRows(ctx.database.db);
    const bad = JSON.stringify([
      {
        Code: '93',
        FullName: 'Tỉnh Lỗi',
        Wards: [
          { Code: '', FullName: 'Xã Không Mã' },
          { Code: '93002', FullName: '' },
        ],
      },
    ]);
    const response = await importRequest(admin, 'bad.json', bad, '2026-01-01');
    expect(response.statusCode).toBe(400);
    const body = response.json<ErrorBody>();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, field: '[0].Wards[0].Code' }),
        expect.objectContaining({ row: 3, field: '[0].Wards[1].FullName' }),
      ]),
    );
    expect(await countRows(ctx.database.db)).toEqual(before);
  });
});

describe('POST /api/units/import: CSV and XLSX', () => {
  it('reads a CSV with code, name, type and parent_code columns', async () => {
    const csv = [
      'code,name,type,parent_code',
      '81,Tỉnh Thử CSV,province,',
      '81001,"Xã An, Bình",Xã,81',
      '81002,Phường Thử,ward,81',
      '81003,Sở Thử,department,81',
    ].join('\r\n');
    expect(await importOk(admin, 'ds.csv', csv, '2025-07-01')).toMatchObject({ total: 4, created: 4 });
    const province = await unitByCode(ctx.database.db, '81');
    expect(await unitByCode(ctx.database.db, '81001')).toMatchObject({
      name: 'Xã An, Bình',
      kind: 'commune',
      parentId: province.id,
    });
    expect(await unitByCode(ctx.database.db, '81002')).toMatchObject({ kind: 'ward', parentId: province.id });
    expect(await unitByCode(ctx.database.db, '81003')).toMatchObject({ kind: 'department' });
    expect((await importOk(admin, 'ds.csv', csv, '2025-07-01')).unchanged).toBe(4);
  });

  it('reads Vietnamese headers (Mã, Tên, Loại, Mã cấp trên), semicolons and a BOM', async () => {
    const csv = `\uFEFF${['Mã;Tên;Loại;Mã cấp trên', '82;Tỉnh Thử Hai;Tỉnh;', '82001;Xã Thử Hai;Xã;82', '82002;Phường Thử Hai;Phường;82'].join('\n')}\n`;
    expect(await importOk(admin, 'danh-muc.csv', csv, '2025-07-01')).toMatchObject({ total: 3, created: 3 });
    const province = await unitByCode(ctx.database.db, '82');
    expect(province.kind).toBe('province');
    expect(await unitByCode(ctx.database.db, '82002')).toMatchObject({ kind: 'ward', parentId: province.id });
  });

  it('reads an XLSX workbook with Vietnamese headers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh mục');
    sheet.addRow(['Mã', 'Tên', 'Loại', 'Mã cấp trên']);
    sheet.addRow(['83', 'Tỉnh Thử Excel', 'Tỉnh', null]);
    sheet.addRow([83001, 'Xã Thử Excel', 'Xã', '83']);
    sheet.addRow(['83002', 'Đặc khu Thử', 'Đặc khu', 83]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await importOk(admin, 'danh-muc.xlsx', content, '2025-07-01')).toMatchObject({
      total: 3,
      created: 3,
    });
    const province = await unitByCode(ctx.database.db, '83');
    expect(await unitByCode(ctx.database.db, '83001')).toMatchObject({
      kind: 'commune',
      parentId: province.id,
    });
    expect(await unitByCode(ctx.database.db, '83002')).toMatchObject({
      kind: 'special_zone',
      parentId: province.id,
    });
    expect((await importOk(admin, 'danh-muc.xlsx', content, '2025-07-01')).unchanged).toBe(3);
  });

  it('records a new parent as a re-parent event and a changed name as a rename', async () => {
    const csv = ['code,name,type,parent_code', '81001,"Xã An Bình Mới",commune,82'].join('\n');
    expect(await importOk(admin, 'chuyen.csv', csv, '2026-03-01')).toMatchObject({
      renamed: 1,
      reparented: 1,
      unchanged: 0,
    });
    const commune = await unitByCode(ctx.database.db, '81001');
    const history = (await admin.get(`/api/units/${commune.id}/history`)).json<UnitHistoryDto>();
    expect(history.events.map((event) => event.kind).sort()).toEqual(['rename', 'reparent']);
    expect(history.versions.map((v) => [v.name, v.parentName, v.validTo])).toEqual([
      ['Xã An, Bình', 'Tỉnh Thử CSV', '2026-03-01'],
      ['Xã An Bình Mới', 'Tỉnh Thử Hai', null],
    ]);
  });

  it('refuses a file with several bad rows, listing every one with row, column and a Vietnamese message, and writes nothing', async () => {
    const before = await countRows(ctx.database.db);
    const [auditBefore] = await ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    const csv = [
      'Mã,Tên,Loại,Mã cấp trên',
      '84,Tỉnh Thử Lỗi,Tỉnh,', // row 2: fine
      ',Xã Không Mã,Xã,84', // row 3: no code
      '84002,,Xã,84', // row 4: no name
      '84003,Xã Loại Lạ,làng,84', // row 5: unknown type
      '84004,Xã Mồ Côi,Xã,99999', // row 6: unknown parent
      '84005,Xã Trùng Một,Xã,84', // row 7: fine
      '84005,Xã Trùng Hai,Xã,84', // row 8: duplicate code
    ].join('\n');
    const response = await importRequest(admin, 'loi.csv', csv, '2026-01-01');
    expect(response.statusCode).toBe(400);
    const body = response.json<ErrorBody>();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toMatch(/5 lỗi/);
    expect(body.details.map((detail) => [detail.row, detail.column])).toEqual([
      [3, 'Mã'],
      [4, 'Tên'],
      [5, 'Loại'],
      [6, 'parent_code'],
      [8, 'code'],
    ]);
    for (const detail of body.details)
      expect(detail.message).toMatch(/[ãạảáàâấầẫậăắằđĐêếềệểôốồổộơớờởợưứừửựíìịỉóòọỏúùụủýỳ]/);
    expect(body.details[2]!.message).toContain('làng');
    expect(body.details[3]!.message).toContain('99999');
    expect(await countRows(ctx.database.db)).toEqual(before);
    const [auditAfter] = await ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(auditAfter!.n).toBe(auditBefore!.n);
  });

  it('names the missing columns of a table', async () => {
    const response = await importRequest(admin, 'thieu.csv', 'code,name\n85,Tỉnh Thiếu', '2026-01-01');
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'kind' }],
    });
  });

  it('refuses a corrupt XLSX', async () => {
    const response = await importRequest(
      admin,
      'hong.xlsx',
      Buffer.from('PK\u0003\u0004 not really a zip'),
      '2026-01-01',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('is for system administrators only', async () => {
    const { provinceId, communeA } = await createProvinceWithCommunes(ctx.database.db);
    const office = (
      await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'dx_office', unitId: provinceId }])
    ).session;
    const officer = (
      await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'unit_officer', unitId: communeA }])
    ).session;
    const before = await countRows(ctx.database.db);
    const csv = 'code,name,type,parent_code\n86,Tỉnh Trái Phép,province,';
    for (const session of [office, officer]) {
      const response = await importRequest(session, 'x.csv', csv, '2026-01-01');
      expect([403, 404]).toContain(response.statusCode);
      expect(response.json<ErrorBody>().code).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    }
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: '/api/units/import?fileName=x.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(csv),
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await countRows(ctx.database.db)).toEqual(before);
  });
});

describe('POST /api/units/import: the real national list', () => {
  let national: TestContext;
  let nationalAdmin: Session;

  beforeAll(async () => {
    national = await createTestApp();
    nationalAdmin = (
      await createSignedInUser(national.app, national.database.db, [{ role: 'system_admin', unitId: null }])
    ).session;
  });
  afterAll(() => national.close());

  it('imports 34 provinces and 3,321 commune-level units, then re-imports without a change', async () => {
    const content = fs.readFileSync(REAL_FILE);
    const first = await importOk(nationalAdmin, 'vn-admin-units-2026-07.json', content, '2025-07-01');
    expect(first).toEqual({
      total: 3355,
      created: 3355,
      renamed: 0,
      reparented: 0,
      kindChanged: 0,
      unchanged: 0,
    });

    const kinds = await national.database.db
      .select({ kind: units.kind, n: sql<number>`count(*)::int` })
      .from(units)
      .groupBy(units.kind);
    expect(Object.fromEntries(kinds.map((row) => [row.kind, row.n]))).toEqual({
      province: 34,
      commune: 2611,
      ward: 697,
      special_zone: 13,
    });
    const [orphans] = await national.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(units)
      .where(sql`${units.kind} <> 'province' and ${units.parentId} is null`);
    expect(orphans!.n).toBe(0);

    const before = await countRows(national.database.db);
    const second = await importOk(nationalAdmin, 'vn-admin-units-2026-07.json', content, '2025-07-01');
    expect(second).toEqual({
      total: 3355,
      created: 0,
      renamed: 0,
      reparented: 0,
      kindChanged: 0,
      unchanged: 3355,
    });
    expect(await countRows(national.database.db)).toEqual(before);

    const quangNgai = await unitByCode(national.database.db, '51');
    const subtree = await nationalAdmin.get(`/api/units/${quangNgai.id}/children?date=2026-01-01`);
    expect(subtree.json<{ items: UnitDto[] }>().items).toHaveLength(96);
  });
});
