import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, units } from '../src/server/db/schema';
import { recordUnitEvent } from '../src/server/domain/units/record-unit-event';
import type { SubtreeRowDto, UnitDetailDto, UnitDto } from '../src/shared/api/units';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit, TEST_ACTOR } from './support/factories';
import { createKonTumScenario, createSignedInUser, REORG } from './support/scenarios';

type Scenario = Awaited<ReturnType<typeof createKonTumScenario>>;

// One database for the file; each test adds what it needs beside the Kon Tum scenario.
let ctx: TestContext;
let s: Scenario;
let admin: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  s = await createKonTumScenario(ctx.database.db);
  admin = (await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'system_admin', unitId: null }]))
    .session;
});
afterAll(() => ctx.close());

describe('units as of a date', () => {
  const getUnit = async (id: string, date?: string) => {
    const response = await admin.get(`/api/units/${id}${date ? `?date=${date}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<UnitDetailDto>();
  };
  const subtreeNames = async (id: string, date: string) => {
    const response = await admin.get(`/api/units/${id}/subtree?date=${date}`);
    expect(response.statusCode, response.body).toBe(200);
    // Sibling order follows the server's collation: compare as a sorted list of "depth name".
    return response
      .json<{ items: SubtreeRowDto[] }>()
      .items.map((row) => `${row.depth} ${row.name}`)
      .sort();
  };

  it('shows the name in force before and after a rename', async () => {
    const id = await createUnit(ctx.database.db, {
      parentId: s.lamDong,
      name: 'Xã Tên Cũ',
      validFrom: '2020-01-01',
    });
    await recordUnitEvent(ctx.database.db, TEST_ACTOR, {
      kind: 'rename',
      date: '2024-03-01',
      unitId: id,
      newName: 'Xã Tên Mới',
    });

    const before = await getUnit(id, '2024-02-29');
    expect(before).toMatchObject({
      name: 'Xã Tên Cũ',
      existedOnDate: true,
      asOf: '2024-02-29',
      parentId: s.lamDong,
    });
    const onTheDay = await getUnit(id, '2024-03-01');
    expect(onTheDay).toMatchObject({ name: 'Xã Tên Mới', existedOnDate: true });
    // Without a date: today.
    expect((await getUnit(id)).name).toBe('Xã Tên Mới');
  });

  it('flags a unit that did not exist on the day and shows it as it was', async () => {
    const notYet = await getUnit(s.dakRve, '2025-06-30');
    expect(notYet).toMatchObject({ id: s.dakRve, name: 'Xã Đăk Rve', existedOnDate: false });

    const ended = await getUnit(s.ttDakRve, REORG);
    expect(ended).toMatchObject({
      name: 'Thị trấn Đắk Rve',
      existedOnDate: false,
      validTo: REORG,
      parentId: s.konRay,
    });
    // The day shown is the last day it existed, not the day it ended.
    expect(ended.asOf).toBe('2025-06-30');

    expect(await getUnit(s.ttDakRve, '2025-06-30')).toMatchObject({
      existedOnDate: true,
      asOf: '2025-06-30',
    });
  });

  it('answers 400 naming the field for a malformed date', async () => {
    const response = await admin.get(`/api/units/${s.dakRve}?date=30/06/2025`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'querystring.date' }],
    });
  });

  it('places a re-parented commune under its old parent before the date and its new parent from it', async () => {
    const oldParent = await createUnit(ctx.database.db, {
      kind: 'former_district',
      name: 'Huyện Cũ',
      validFrom: '2020-01-01',
    });
    const newParent = await createUnit(ctx.database.db, {
      kind: 'former_district',
      name: 'Huyện Mới',
      validFrom: '2020-01-01',
    });
    const commune = await createUnit(ctx.database.db, {
      name: 'Xã Chuyển Đi',
      parentId: oldParent,
      validFrom: '2020-01-01',
    });
    await recordUnitEvent(ctx.database.db, TEST_ACTOR, {
      kind: 'reparent',
      date: '2023-01-01',
      unitId: commune,
      newParentId: newParent,
    });

    expect(await subtreeNames(oldParent, '2022-12-31')).toEqual(['0 Huyện Cũ', '1 Xã Chuyển Đi']);
    expect(await subtreeNames(newParent, '2022-12-31')).toEqual(['0 Huyện Mới']);
    expect(await subtreeNames(oldParent, '2023-01-01')).toEqual(['0 Huyện Cũ']);
    expect(await subtreeNames(newParent, '2023-01-01')).toEqual(['0 Huyện Mới', '1 Xã Chuyển Đi']);

    const children = await admin.get(`/api/units/${newParent}/children?date=2023-01-01`);
    expect(children.json<{ items: SubtreeRowDto[] }>().items).toMatchObject([
      { id: commune, depth: 1, parentName: 'Huyện Mới' },
    ]);
    expect((await getUnit(commune, '2022-06-01')).parentId).toBe(oldParent);
    expect((await getUnit(commune, '2023-06-01')).parentId).toBe(newParent);
  });

  it('shows units ended on 01/07/2025 on 30/06/2025 and not on 01/07/2025', async () => {
    const lastDay = await subtreeNames(s.konTum, '2025-06-30');
    expect(lastDay).toEqual(
      [
        '0 Tỉnh Kon Tum',
        '1 Huyện Kon Rẫy',
        '2 Thị trấn Đắk Rve',
        '2 Xã Đắk Pne',
        '2 Xã Đắk Ruồng',
        '2 Xã Tân Lập',
      ].sort(),
    );
    expect(await subtreeNames(s.konTum, REORG)).toEqual([]);

    // Quảng Ngãi: no commune-level unit before the reorganisation, the new ones after it.
    expect(await subtreeNames(s.quangNgai, '2025-06-30')).toEqual(['0 Tỉnh Quảng Ngãi']);
    expect(await subtreeNames(s.quangNgai, REORG)).toEqual(
      ['0 Tỉnh Quảng Ngãi', '1 Phường Cẩm Thành', '1 Xã Đăk Rve', '1 Xã Kon Braih'].sort(),
    );

    const rootsBefore = (await admin.get('/api/units/roots?date=2025-06-30')).json<{ items: UnitDto[] }>()
      .items;
    const rootsAfter = (await admin.get(`/api/units/roots?date=${REORG}`)).json<{ items: UnitDto[] }>().items;
    expect(rootsBefore.map((u) => u.id)).toContain(s.konTum);
    expect(rootsAfter.map((u) => u.id)).not.toContain(s.konTum);
    expect(rootsAfter.find((u) => u.id === s.quangNgai)?.childCount).toBe(3);

    const searchBefore = (await admin.get('/api/units?q=dak&date=2025-06-30')).json<{ items: UnitDto[] }>()
      .items;
    expect(searchBefore.map((u) => u.name).sort()).toEqual(
      ['Thị trấn Đắk Rve', 'Xã Đắk Pne', 'Xã Đắk Ruồng'].sort(),
    );
    const searchAfter = (await admin.get(`/api/units?q=dak&date=${REORG}`)).json<{ items: UnitDto[] }>()
      .items;
    expect(searchAfter.map((u) => u.name).sort()).toEqual(['Xã Đắk Mil', 'Xã Đăk Rve'].sort());
  });

  it('limits the depth of a subtree', async () => {
    const response = await admin.get(`/api/units/${s.konTum}/subtree?date=2025-06-30&maxDepth=1`);
    expect(response.json<{ items: SubtreeRowDto[] }>().items.map((row) => [row.name, row.depth])).toEqual([
      ['Tỉnh Kon Tum', 0],
      ['Huyện Kon Rẫy', 1],
    ]);
  });
});

describe('unit search', () => {
  const search = async (session: Session, query: string) => {
    const response = await session.get(`/api/units?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: UnitDto[] }>().items.map((unit) => unit.name);
  };

  it('ignores diacritics and case', async () => {
    expect(await search(admin, 'q=kon%20ray')).toEqual(['Huyện Kon Rẫy']);
    expect(await search(admin, 'q=KON%20R%E1%BA%AAY')).toEqual(['Huyện Kon Rẫy']);
    expect(await search(admin, `q=${encodeURIComponent('ĐĂK rve')}`)).toEqual([
      'Xã Đăk Rve',
      'Thị trấn Đắk Rve',
    ]);
    expect(await search(admin, `q=${encodeURIComponent('ĐĂK')}`)).toContain('Xã Đăk Rve');
    // Decomposed input (tone marks typed as separate code points) finds the same unit.
    expect(await search(admin, `q=${encodeURIComponent('Kon Rẫy'.normalize('NFD'))}`)).toEqual([
      'Huyện Kon Rẫy',
    ]);
    expect(await search(admin, 'q=khong-co-don-vi-nay')).toEqual([]);
  });

  it('finds units by code, lists current units first, and filters by kind', async () => {
    expect(await search(admin, 'q=23479')).toEqual(['Xã Đăk Rve', 'Thị trấn Đắk Rve']);
    expect((await search(admin, 'q=dak&kind=commune&date=2026-01-01')).sort()).toEqual(
      ['Xã Đắk Mil', 'Xã Đăk Rve'].sort(),
    );
    expect(await search(admin, 'kind=ward')).toEqual(['Phường Cẩm Thành']);
    expect(await search(admin, 'kind=ward&kind=province&q=quang')).toEqual(['Tỉnh Quảng Ngãi']);
  });

  it('treats LIKE wildcards in the query literally', async () => {
    expect(await search(admin, 'q=%25')).toEqual([]);
    expect(await search(admin, 'q=_')).toEqual([]);
  });

  it('searches only the subtree of the caller and its predecessors', async () => {
    const officer = (
      await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'unit_officer', unitId: s.dakRve }])
    ).session;
    expect((await search(officer, 'q=dak')).sort()).toEqual(
      ['Thị trấn Đắk Rve', 'Xã Đăk Rve', 'Xã Đắk Pne'].sort(),
    );
    expect(await search(officer, 'q=kon%20braih')).toEqual([]);
    expect(await search(officer, 'q=tan%20lap')).toEqual([]);
  });
});

describe('unit input and editing', () => {
  it('stores decomposed (NFD) Vietnamese as NFC', async () => {
    const typed = '  Sở   Văn hóa, Thể thao và Du lịch  '.normalize('NFD');
    expect(typed).not.toBe(typed.normalize('NFC'));
    const response = await admin.post('/api/units', {
      kind: 'department',
      name: typed,
      parentId: s.lamDong,
      validFrom: '2025-07-01',
    });
    expect(response.statusCode, response.body).toBe(200);
    const { id } = response.json<{ id: string }>();
    const [row] = await ctx.database.db.select().from(units).where(eq(units.id, id));
    expect(row!.name).toBe('Sở Văn hóa, Thể thao và Du lịch'.normalize('NFC'));
    expect(row!.name).toBe('Sở Văn hóa, Thể thao và Du lịch');
    expect(row!.searchText).toContain('so van hoa, the thao va du lich');
    const found = (await admin.get('/api/units?q=van%20hoa')).json<{ items: UnitDto[] }>().items;
    expect(found.map((unit) => unit.id)).toContain(id);
  });

  it('updates the website, and audits it with before and after', async () => {
    const response = await admin.patch(`/api/units/${s.dakRve}`, {
      websiteUrl: 'https://dakrve.quangngai.gov.vn',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<UnitDetailDto>()).toMatchObject({
      id: s.dakRve,
      websiteUrl: 'https://dakrve.quangngai.gov.vn',
    });

    const second = await admin.patch(`/api/units/${s.dakRve}`, { websiteUrl: 'https://dakrve.gov.vn' });
    expect(second.statusCode).toBe(200);
    const entries = await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, s.dakRve));
    const updates = entries.filter((entry) => entry.action === 'unit.update').sort((a, b) => a.id - b.id);
    expect(updates.map((entry) => [entry.before, entry.after])).toEqual([
      [{ websiteUrl: null }, { websiteUrl: 'https://dakrve.quangngai.gov.vn' }],
      [{ websiteUrl: 'https://dakrve.quangngai.gov.vn' }, { websiteUrl: 'https://dakrve.gov.vn' }],
    ]);
    expect(updates[0]!.unitId).toBe(s.dakRve);
    expect(updates[0]!.actorLabel).toMatch(/^u/);

    const cleared = await admin.patch(`/api/units/${s.dakRve}`, { websiteUrl: null });
    expect(cleared.json<UnitDetailDto>().websiteUrl).toBeNull();
  });

  it('refuses a website that is not http(s), naming the field', async () => {
    const response = await admin.patch(`/api/units/${s.dakRve}`, { websiteUrl: 'javascript:alert(1)' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'body.websiteUrl' }],
    });
  });

  it('lets a unit head edit their unit but not an officer (403), and an outsider gets 404', async () => {
    const head = (
      await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'unit_head', unitId: s.dakRve }])
    ).session;
    const officer = (
      await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'unit_officer', unitId: s.dakRve }])
    ).session;
    expect((await head.patch(`/api/units/${s.dakRve}`, { websiteUrl: 'https://a.gov.vn' })).statusCode).toBe(
      200,
    );
    const refused = await officer.patch(`/api/units/${s.dakRve}`, { websiteUrl: 'https://b.gov.vn' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    const outside = await head.patch(`/api/units/${s.konBraih}`, { websiteUrl: 'https://c.gov.vn' });
    expect(outside.statusCode).toBe(404);
    const [row] = await ctx.database.db.select().from(units).where(eq(units.id, s.konBraih));
    expect(row!.websiteUrl).toBeNull();
  });
});
