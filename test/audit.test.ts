import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/server/db/schema';
import type { AuditEntryDto } from '../src/shared/api/audit';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createProvinceWithCommunes } from './support/factories';
import { createSignedInUser } from './support/scenarios';

type Tree = Awaited<ReturnType<typeof createProvinceWithCommunes>>;

describe('GET /api/audit', () => {
  let ctx: TestContext;
  let a: Tree;
  let b: Tree;
  let admin: Session;
  let adminName: string;
  let officeA: Session;
  let officeAName: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    const db = ctx.database.db;
    a = await createProvinceWithCommunes(db);
    b = await createProvinceWithCommunes(db);
    const adminUser = await createSignedInUser(
      ctx.app,
      db,
      [{ role: 'system_admin', unitId: null }],
      'quantri.nhatky',
    );
    admin = adminUser.session;
    adminName = adminUser.username;
    const office = await createSignedInUser(
      ctx.app,
      db,
      [{ role: 'dx_office', unitId: a.provinceId }],
      'so.nhatky',
    );
    officeA = office.session;
    officeAName = office.username;

    // Real writes through the API, one in each province.
    expect(
      (await admin.patch(`/api/units/${a.communeA}`, { websiteUrl: 'https://a.gov.vn' })).statusCode,
    ).toBe(200);
    expect(
      (await admin.patch(`/api/units/${b.communeA}`, { websiteUrl: 'https://b.gov.vn' })).statusCode,
    ).toBe(200);
    expect(
      (await officeA.patch(`/api/units/${a.communeB}`, { websiteUrl: 'https://a2.gov.vn' })).statusCode,
    ).toBe(200);
    // Dated entries for the date filters (Vietnamese days, UTC+7).
    await db.insert(auditLog).values([
      {
        actorLabel: 'lich.su',
        action: 'unit.update',
        entityType: 'unit',
        entityId: 'x1',
        unitId: a.communeA,
        at: new Date('2026-03-09T16:59:59Z'),
      },
      {
        actorLabel: 'lich.su',
        action: 'unit.update',
        entityType: 'unit',
        entityId: 'x2',
        unitId: a.communeA,
        at: new Date('2026-03-09T17:00:00Z'),
      },
      {
        actorLabel: 'lich.su',
        action: 'unit.update',
        entityType: 'unit',
        entityId: 'x3',
        unitId: a.communeA,
        at: new Date('2026-03-10T16:59:59Z'),
      },
      {
        actorLabel: 'lich.su',
        action: 'unit.update',
        entityType: 'unit',
        entityId: 'x4',
        unitId: a.communeA,
        at: new Date('2026-03-10T17:00:00Z'),
      },
    ]);
  });
  afterAll(() => ctx.close());

  const entries = async (session: Session, query: string) => {
    const response = await session.get(`/api/audit?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: AuditEntryDto[]; total: number }>();
  };

  it('filters by actor', async () => {
    const { items, total } = await entries(admin, `actor=${officeAName}&limit=500`);
    expect(items.length).toBeGreaterThan(0);
    expect(total).toBe(items.length);
    expect(new Set(items.map((entry) => entry.actorLabel))).toEqual(new Set([officeAName]));
    expect(items.map((entry) => entry.action)).toEqual(expect.arrayContaining(['auth.login', 'unit.update']));
    // "_" in a name is a letter, not a LIKE wildcard.
    expect((await entries(admin, 'actor=so_nhatky')).items).toEqual([]);
    expect((await entries(admin, 'actor=SO.NHAT')).items.length).toBe(items.length);
  });

  it('filters by action, exactly or by its prefix', async () => {
    const updates = await entries(admin, 'action=unit.update&limit=500');
    expect(new Set(updates.items.map((entry) => entry.action))).toEqual(new Set(['unit.update']));
    expect(updates.total).toBe(7);
    const auth = await entries(admin, 'action=auth&limit=500');
    expect(new Set(auth.items.map((entry) => entry.action))).toEqual(new Set(['auth.login']));
    expect(auth.total).toBe(2);
  });

  it('filters by entity type and unit, and pages', async () => {
    const ofUsers = await entries(admin, 'entityType=user&limit=500');
    expect(new Set(ofUsers.items.map((entry) => entry.entityType))).toEqual(new Set(['user']));
    const ofUnit = await entries(admin, `unitId=${a.communeB}`);
    expect(ofUnit.items).toHaveLength(1);
    expect(ofUnit.items[0]).toMatchObject({
      actorLabel: officeAName,
      action: 'unit.update',
      before: { websiteUrl: null },
      after: { websiteUrl: 'https://a2.gov.vn' },
    });
    const all = await entries(admin, 'limit=500');
    const page = await entries(admin, 'limit=2&offset=1');
    expect(page.total).toBe(all.total);
    expect(page.items.map((entry) => entry.id)).toEqual(all.items.slice(1, 3).map((entry) => entry.id));
    // Newest first.
    const times = all.items.map((entry) => new Date(entry.at).getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
  });

  it('filters by a range of Vietnamese calendar days, both ends included', async () => {
    const ids = async (query: string) =>
      (await entries(admin, `actor=lich.su&${query}`)).items.map((entry) => entry.entityId).sort();
    expect(await ids('from=2026-03-10&to=2026-03-10')).toEqual(['x2', 'x3']);
    expect(await ids('from=2026-03-10')).toEqual(['x2', 'x3', 'x4']);
    expect(await ids('to=2026-03-09')).toEqual(['x1']);
    expect(await ids('from=2026-03-11&to=2026-03-11')).toEqual(['x4']);
    const bad = await admin.get('/api/audit?from=10/03/2026');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'querystring.from' }] });
  });

  it("shows a province's DX office only the entries about its own units", async () => {
    const { items, total } = await entries(officeA, 'limit=500');
    expect(total).toBe(items.length);
    const unitIds = new Set(items.map((entry) => entry.unitId));
    // The grant of the office itself (on the province), and the changes to its communes.
    expect(unitIds).toEqual(new Set([a.provinceId, a.communeA, a.communeB]));
    expect(items.filter((entry) => entry.actorLabel === adminName).map((entry) => entry.after)).toEqual([
      { websiteUrl: 'https://a.gov.vn' },
    ]);
    expect((await entries(officeA, `unitId=${b.communeA}`)).items).toEqual([]);
    // The administrator sees the other province's entry.
    expect((await entries(admin, `unitId=${b.communeA}`)).items).toHaveLength(1);
  });

  it('shows a DX office the account changes of the users it manages', async () => {
    const created = await officeA.post('/api/users', {
      username: 'canbo.nhatky',
      fullName: 'Cán Bộ Nhật Ký',
      password: 'mat-khau-nhat-ky',
      grants: [{ role: 'unit_officer', unitId: a.communeA }],
    });
    expect(created.statusCode, created.body).toBe(200);
    const userId = created.json<{ id: string }>().id;
    expect((await officeA.patch(`/api/users/${userId}`, { fullName: 'Cán Bộ Đã Đổi Tên' })).statusCode).toBe(
      200,
    );
    const { items } = await entries(officeA, `entityType=user&entityId=${userId}`);
    expect(items.map((entry) => entry.action).sort()).toEqual(['user.create', 'user.update']);
    expect((await entries(admin, `entityId=${userId}&action=user`)).items).toHaveLength(2);
  });

  it('refuses officers (403)', async () => {
    const officer = (
      await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'unit_officer', unitId: a.communeA }])
    ).session;
    const response = await officer.get('/api/audit');
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'FORBIDDEN' });
    const head = (
      await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'unit_head', unitId: a.communeA }])
    ).session;
    expect((await head.get('/api/audit')).statusCode).toBe(403);
  });
});
