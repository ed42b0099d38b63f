import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/server/db/schema';
import { DEFAULT_LANGUAGES, DEFAULT_TOPICS } from '../src/shared/activities';
import type { LanguageDto, TopicDto, VocabularyDto } from '../src/shared/api/vocabulary';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createProvinceWithCommunes } from './support/factories';
import { createSignedInUser } from './support/scenarios';

let ctx: TestContext;
let home: Awaited<ReturnType<typeof createProvinceWithCommunes>>;
let away: Awaited<ReturnType<typeof createProvinceWithCommunes>>;
let dxOffice: Session;
let awayDxOffice: Session;
let officer: Session;
let head: Session;
let admin: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  home = await createProvinceWithCommunes(db);
  away = await createProvinceWithCommunes(db);
  dxOffice = (await createSignedInUser(ctx.app, db, [{ role: 'dx_office', unitId: home.provinceId }]))
    .session;
  awayDxOffice = (await createSignedInUser(ctx.app, db, [{ role: 'dx_office', unitId: away.provinceId }]))
    .session;
  officer = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: home.communeA }]))
    .session;
  head = (await createSignedInUser(ctx.app, db, [{ role: 'unit_head', unitId: home.communeA }])).session;
  admin = (await createSignedInUser(ctx.app, db, [{ role: 'system_admin', unitId: null }])).session;
});
afterAll(() => ctx.close());

async function vocabulary(session: Session, unitId: string, includeInactive = false) {
  const response = await session.get(
    `/api/units/${unitId}/vocabulary${includeInactive ? '?includeInactive=true' : ''}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json<VocabularyDto>();
}

describe('topics and languages of a unit', () => {
  it('gives the national lists to every unit, read-only', async () => {
    const list = await vocabulary(officer, home.communeA);
    expect(list).toMatchObject({ provinceId: home.provinceId, canManage: false });
    expect(list.topics.map((topic) => topic.code)).toEqual(DEFAULT_TOPICS.map((topic) => topic.code));
    expect(list.topics.every((topic) => topic.isNational)).toBe(true);
    expect(list.languages[0]).toMatchObject({ code: 'vi', name: 'Tiếng Việt', isNational: true });
    expect(list.languages.map((language) => language.code).sort()).toEqual(
      DEFAULT_LANGUAGES.map((language) => language.code).sort(),
    );
    expect((await vocabulary(dxOffice, home.communeA)).canManage).toBe(true);

    const national = list.topics[0]!;
    expect((await admin.patch(`/api/topics/${national.id}`, { name: 'Đổi tên' })).statusCode).toBe(403);
    expect((await dxOffice.patch(`/api/topics/${national.id}`, { isActive: false })).statusCode).toBe(403);
    expect(
      (await dxOffice.patch(`/api/languages/${list.languages[0]!.id}`, { isActive: false })).statusCode,
    ).toBe(403);
  });

  it('lets the province’s DX office add topics its units see, and no other province', async () => {
    const response = await dxOffice.post(`/api/units/${home.communeA}/topics`, {
      name: 'Bình dân học vụ số',
      nameEn: 'Digital literacy for all',
    });
    expect(response.statusCode, response.body).toBe(200);
    const topic = response.json<TopicDto>();
    expect(topic).toMatchObject({ code: 'binh_dan_hoc_vu_so', isNational: false, isActive: true });
    const again = (
      await dxOffice.post(`/api/units/${home.provinceId}/topics`, { name: 'Bình dân học vụ số' })
    ).json<TopicDto>();
    expect(again.code).toBe('binh_dan_hoc_vu_so_2');

    expect((await vocabulary(dxOffice, home.communeB)).topics.map((t) => t.code)).toContain(
      'binh_dan_hoc_vu_so',
    );
    expect((await vocabulary(awayDxOffice, away.communeA)).topics.map((t) => t.code)).not.toContain(
      'binh_dan_hoc_vu_so',
    );

    const taken = await dxOffice.post(`/api/units/${home.communeA}/topics`, {
      code: 'policy',
      name: 'Trùng mã quốc gia',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().details).toEqual([expect.objectContaining({ field: 'code' })]);

    const [entry] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'topic.create'), eq(auditLog.entityId, topic.id)));
    expect(entry?.unitId).toBe(home.provinceId);

    // Commune staff see the list but do not change it; another province does not even see the topic.
    expect(
      (await officer.post(`/api/units/${home.communeA}/topics`, { name: 'Chủ đề của xã' })).statusCode,
    ).toBe(403);
    expect(
      (await head.post(`/api/units/${home.communeA}/topics`, { name: 'Chủ đề của xã' })).statusCode,
    ).toBe(403);
    expect(
      (await awayDxOffice.post(`/api/units/${home.communeA}/topics`, { name: 'Lấn sân' })).statusCode,
    ).toBe(404);
    expect((await awayDxOffice.patch(`/api/topics/${topic.id}`, { name: 'Lấn sân' })).statusCode).toBe(404);
  });

  it('deactivates a topic: new records cannot use it, old records keep it', async () => {
    const topic = (
      await dxOffice.post(`/api/units/${home.communeA}/topics`, { code: 'ocop_so', name: 'OCOP trên sàn số' })
    ).json<TopicDto>();
    const record = await officer.post('/api/activities', {
      kind: 'post',
      unitId: home.communeA,
      occurredOn: '2025-08-01',
      title: 'Sản phẩm OCOP lên sàn',
      topics: ['ocop_so'],
    });
    expect(record.statusCode, record.body).toBe(200);

    const off = await dxOffice.patch(`/api/topics/${topic.id}`, {
      isActive: false,
      name: 'OCOP trên sàn thương mại điện tử',
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({
      isActive: false,
      name: 'OCOP trên sàn thương mại điện tử',
      code: 'ocop_so',
    });
    const [entry] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'topic.update'), eq(auditLog.entityId, topic.id)));
    expect(entry?.before).toEqual({ name: 'OCOP trên sàn số', isActive: true });

    expect((await vocabulary(officer, home.communeA)).topics.map((t) => t.code)).not.toContain('ocop_so');
    const all = await vocabulary(dxOffice, home.communeA, true);
    expect(all.topics.find((t) => t.code === 'ocop_so')).toMatchObject({ isActive: false });

    const refused = await officer.post('/api/activities', {
      kind: 'post',
      unitId: home.communeA,
      occurredOn: '2025-08-02',
      title: 'Tin mới',
      topics: ['ocop_so'],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details).toEqual([expect.objectContaining({ field: 'topics.0' })]);
    const edited = await officer.patch(`/api/activities/${record.json().id}`, {
      title: 'Sản phẩm OCOP lên sàn (sửa)',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().topics).toEqual(['ocop_so']);

    expect((await dxOffice.patch(`/api/topics/${topic.id}`, { isActive: true })).json()).toMatchObject({
      isActive: true,
    });
  });

  it('adds, renames and deactivates a province’s languages; codes are unique with the national list', async () => {
    const response = await dxOffice.post(`/api/units/${home.communeA}/languages`, {
      code: 'mng',
      name: "Tiếng M'Nông (Nông)",
      nameEn: 'Eastern Mnong',
    });
    expect(response.statusCode, response.body).toBe(200);
    const language = response.json<LanguageDto>();
    expect(language).toMatchObject({ code: 'mng', isNational: false, isActive: true });
    expect((await vocabulary(officer, home.communeA)).languages.map((l) => l.code)).toContain('mng');
    expect((await vocabulary(awayDxOffice, away.communeA)).languages.map((l) => l.code)).not.toContain('mng');

    expect(
      (await dxOffice.post(`/api/units/${home.communeA}/languages`, { code: 'sed', name: 'Xơ Đăng lần hai' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await dxOffice.post(`/api/units/${home.communeA}/languages`, { code: 'mng', name: 'Lặp' })).statusCode,
    ).toBe(409);
    expect(
      (await dxOffice.post(`/api/units/${home.communeA}/languages`, { code: 'Not A Code', name: 'Sai' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await officer.post(`/api/units/${home.communeA}/languages`, { code: 'xyz', name: 'Tiếng xã' }))
        .statusCode,
    ).toBe(403);

    const record = await officer.post('/api/activities', {
      kind: 'post',
      unitId: home.communeA,
      occurredOn: '2025-08-03',
      title: 'Tin tiếng Nông',
      language: 'mng',
    });
    expect(record.statusCode, record.body).toBe(200);
    const off = await dxOffice.patch(`/api/languages/${language.id}`, { isActive: false });
    expect(off.json()).toMatchObject({ isActive: false });
    expect(
      (
        await officer.post('/api/activities', {
          kind: 'post',
          unitId: home.communeA,
          occurredOn: '2025-08-04',
          title: 'Tin mới',
          language: 'mng',
        })
      ).statusCode,
    ).toBe(400);
    expect((await awayDxOffice.patch(`/api/languages/${language.id}`, { isActive: true })).statusCode).toBe(
      404,
    );
    const [entry] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'language.update'), eq(auditLog.entityId, language.id)));
    expect(entry).toMatchObject({
      unitId: home.provinceId,
      before: { isActive: true },
      after: { isActive: false },
    });
  });

  it('is "not found" for a unit outside the user’s scope', async () => {
    expect((await officer.get(`/api/units/${home.communeB}/vocabulary`)).statusCode).toBe(404);
    expect((await officer.get(`/api/units/${away.provinceId}/vocabulary`)).statusCode).toBe(404);
  });
});
