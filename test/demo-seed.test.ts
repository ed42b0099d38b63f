import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units, users } from '../src/server/db/schema';
import {
  DEMO_LOGINS,
  DEMO_PASSWORD,
  demoEmail,
  isDatabaseEmpty,
  seedDemo,
} from '../src/server/demo/seed-demo';
import type { MeDto } from '../src/shared/api/accounts';
import type { UnitDetailDto, UnitDto, UnitHistoryDto } from '../src/shared/api/units';
import { COMMUNE_LEVEL_KINDS } from '../src/shared/units';
import { createTestApp, logIn, type Session, type TestContext } from './support/app';

describe('the demo data', () => {
  let ctx: TestContext;
  const byName = new Map<string, string>();
  const sessions = new Map<string, Session>();

  beforeAll(async () => {
    ctx = await createTestApp();
    expect(await isDatabaseEmpty(ctx.database.db)).toBe(true);
    await seedDemo(ctx.database.db);
    for (const row of await ctx.database.db.select({ id: units.id, name: units.name }).from(units))
      byName.set(row.name, row.id);
  });
  afterAll(() => ctx.close());

  const idOf = (name: string) => {
    const id = byName.get(name);
    if (!id) throw new Error(`no demo unit named ${name}`);
    return id;
  };
  const as = async (username: string) => {
    let session = sessions.get(username);
    if (!session) {
      session = await logIn(ctx.app, username, DEMO_PASSWORD);
      sessions.set(username, session);
    }
    return session;
  };

  it('is no longer empty', async () => {
    expect(await isDatabaseEmpty(ctx.database.db)).toBe(false);
  });

  it('lets every demo user sign in with the demo password and holds the role announced', async () => {
    expect(DEMO_LOGINS.map((login) => login.role)).toEqual(
      expect.arrayContaining([
        'system_admin',
        'dx_office',
        'reviewer',
        'unit_head',
        'unit_officer',
        'viewer',
      ]),
    );
    for (const login of DEMO_LOGINS) {
      const me = (await (await as(login.username)).get('/api/auth/me')).json<MeDto>();
      expect(me.user.username).toBe(login.username);
      expect(me.grants.map((grant) => grant.role)).toEqual([login.role]);
    }
  });

  it('gives every demo user an address on the reserved .example domain, so e-mails can be sent', async () => {
    const rows = await ctx.database.db.select({ username: users.username, email: users.email }).from(users);
    const byName = new Map(rows.map((row) => [row.username, row.email]));
    for (const login of DEMO_LOGINS) expect(byName.get(login.username)).toBe(demoEmail(login.username));
    expect(byName.get('canbo.dakrve')).toBe('canbo.dakrve@loaso.example');
  });

  it('tells each user where they may record and issue schedules', async () => {
    const me = async (username: string) => (await (await as(username)).get('/api/auth/me')).json<MeDto>();
    const dakRve = idOf('Xã Đăk Rve');
    expect((await me('canbo.dakrve')).recordUnitIds).toEqual([dakRve]);
    expect((await me('canbo.dakrve')).issueUnitIds).toEqual([]);
    expect((await me('lanhdao.dakrve')).issueUnitIds).toEqual([dakRve]);
    expect((await me('xem.lamdong')).recordUnitIds).toEqual([]);
    expect((await me('thamdinh.quangngai')).recordUnitIds).toEqual([]);
  });

  it('shows scoped users the roots of their scope on the day asked, predecessors included', async () => {
    const rootNames = async (username: string, date: string) =>
      (await (await as(username)).get(`/api/units/roots?date=${date}`))
        .json<{ items: UnitDto[] }>()
        .items.map((unit) => unit.name);
    expect(await rootNames('sokhcn.quangngai', '2026-01-01')).toEqual(['Tỉnh Quảng Ngãi']);
    expect(await rootNames('sokhcn.quangngai', '2025-06-30')).toEqual(['Tỉnh Kon Tum', 'Tỉnh Quảng Ngãi']);
    expect(await rootNames('canbo.dakrve', '2026-01-01')).toEqual(['Xã Đăk Rve']);
    // The dissolved district is seen through Xã Đăk Rve, but only with the communes merged into it.
    expect(await rootNames('canbo.dakrve', '2024-06-01')).toEqual(['Huyện Kon Rẫy']);
    const children = (
      await (await as('canbo.dakrve')).get(`/api/units/${idOf('Huyện Kon Rẫy')}/children?date=2024-06-01`)
    )
      .json<{ items: UnitDto[] }>()
      .items.map((unit) => unit.name);
    expect(children).toEqual(['Thị trấn Đắk Rve', 'Xã Đắk Pne']);
    const asOffice = (
      await (await as('sokhcn.quangngai')).get(`/api/units/${idOf('Huyện Kon Rẫy')}/children?date=2024-06-01`)
    ).json<{ items: UnitDto[] }>().items;
    expect(asOffice).toHaveLength(8);
  });

  it('holds the 2026 communes and wards of Quảng Ngãi and Lâm Đồng', async () => {
    for (const [code, expected] of [
      ['51', 96],
      ['68', 124],
    ] as const) {
      const [province] = await ctx.database.db
        .select()
        .from(units)
        .where(and(eq(units.code, code), isNull(units.validTo)));
      const [count] = await ctx.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(units)
        .where(and(eq(units.parentId, province!.id), inArray(units.kind, [...COMMUNE_LEVEL_KINDS])));
      expect(count!.n, code).toBe(expected);
    }
  });

  it('rolls Kon Rẫy district and its former communes up into Quảng Ngãi', async () => {
    const office = await as('sokhcn.quangngai');
    const response = await office.get(`/api/units/${idOf('Tỉnh Quảng Ngãi')}/rollup`);
    expect(response.statusCode).toBe(200);
    const names = response.json<{ items: UnitDto[] }>().items.map((unit) => unit.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Tỉnh Kon Tum',
        'Huyện Kon Rẫy',
        'Thị trấn Đắk Rve',
        'Xã Tân Lập',
        'Xã Đăk Rve',
        'Báo Kon Tum',
      ]),
    );
    expect(names).not.toContain('Huyện Đắk Mil');
    const history = (await office.get(`/api/units/${idOf('Huyện Kon Rẫy')}/history`)).json<UnitHistoryDto>();
    expect(history.successors.map((unit) => unit.name).sort()).toEqual(
      ['Xã Kon Braih', 'Xã Đăk Kôi', 'Xã Đăk Rve'].sort(),
    );
    expect(history.versions[0]).toMatchObject({ parentName: 'Tỉnh Kon Tum', validTo: '2025-07-01' });
  });

  it("lets canbo.dakrve see its former Thị trấn Đắk Rve, but not Xã Kon Braih or Kon Braih's former communes", async () => {
    const officer = await as('canbo.dakrve');
    const former = await officer.get(`/api/units/${idOf('Thị trấn Đắk Rve')}?date=2025-06-30`);
    expect(former.statusCode).toBe(200);
    expect(former.json<UnitDetailDto>()).toMatchObject({
      name: 'Thị trấn Đắk Rve',
      existedOnDate: true,
      parentName: 'Huyện Kon Rẫy',
    });
    const history = (await officer.get(`/api/units/${idOf('Xã Đăk Rve')}/history`)).json<UnitHistoryDto>();
    expect(history.predecessors.map((unit) => unit.name)).toEqual(
      expect.arrayContaining(['Thị trấn Đắk Rve', 'Xã Đắk Pne']),
    );

    for (const name of ['Xã Kon Braih', 'Xã Tân Lập', 'Xã Đắk Tờ Re', 'Xã Đắk Kôi', 'Tỉnh Quảng Ngãi']) {
      const response = await officer.get(`/api/units/${idOf(name)}`);
      expect(response.statusCode, name).toBe(404);
      expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    const search = (await officer.get('/api/units?q=kon%20braih')).json<{ items: UnitDto[] }>();
    expect(search.items).toEqual([]);
  });

  it("keeps each province's DX office to its own province", async () => {
    const lamDong = await as('sokhcn.lamdong');
    expect((await lamDong.get(`/api/units/${idOf('Xã Đăk Rve')}`)).statusCode).toBe(404);
    expect((await lamDong.get(`/api/units/${idOf('Huyện Đắk Mil')}`)).statusCode).toBe(200);
    const users = (await lamDong.get('/api/users'))
      .json<{ items: Array<{ username: string }> }>()
      .items.map((u) => u.username);
    expect(users.sort()).toEqual(['canbo.dakmil', 'xem.lamdong']);
  });

  it('gives the viewer read access only', async () => {
    const viewer = await as('xem.lamdong');
    const unitId = idOf('Tỉnh Lâm Đồng');
    const detail = (await viewer.get(`/api/units/${unitId}`)).json<UnitDetailDto>();
    expect(detail.actions).toEqual(['unit.view']);
    expect(
      (await viewer.patch(`/api/units/${unitId}`, { websiteUrl: 'https://lamdong.gov.vn' })).statusCode,
    ).toBe(403);
  });

  it('holds the 2025 assessments: Đăk Rve published with one point taken off, Kon Braih returned', async () => {
    const reviewer = await as('thamdinh.quangngai');
    const list = await reviewer.get('/api/assessments?framework=kontum-780&period=2025');
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json<{ items: Array<{ id: string; unit: { name: string }; status: string }> }>().items;
    const byUnit = new Map(items.map((item) => [item.unit.name, item]));
    expect(byUnit.get('Xã Đăk Rve')?.status).toBe('published');
    expect(byUnit.get('Xã Kon Braih')?.status).toBe('returned');

    const detail = await reviewer.get(`/api/assessments/${byUnit.get('Xã Đăk Rve')!.id}`);
    const assessment = detail.json<{
      criteria: Array<{ code: string; selfScore: number; reviewerScore: number }>;
      transitions: Array<{ toStatus: string }>;
    }>();
    const website = assessment.criteria.find((criterion) => criterion.code === '1.4')!;
    // The self score is the automatic one; the reviewer took a point off when there was one to take.
    expect(website.reviewerScore).toBe(Math.max(website.selfScore - 1, 0));
    expect(assessment.transitions.map((transition) => transition.toStatus)).toEqual([
      'draft',
      'submitted',
      'appraised',
      'published',
    ]);
  });
});
