import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityDetailDto, LanguageCountsDto } from '../src/shared/api/activities';
import type { ChannelListItemDto } from '../src/shared/api/channels';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createKonTumScenario, createSignedInUser } from './support/scenarios';

type Scenario = Awaited<ReturnType<typeof createKonTumScenario>>;

let ctx: TestContext;
let s: Scenario;
let officer: Session;
let dxOffice: Session;
let lamDongOfficer: Session;
let konBraihOfficer: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  s = await createKonTumScenario(db);
  officer = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: s.dakRve }])).session;
  konBraihOfficer = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: s.konBraih }]))
    .session;
  dxOffice = (await createSignedInUser(ctx.app, db, [{ role: 'dx_office', unitId: s.quangNgai }])).session;
  lamDongOfficer = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: s.dakMil }]))
    .session;
});
afterAll(() => ctx.close());

let serial = 0;
const post = (unitId: string, overrides: Record<string, unknown> = {}) => {
  serial += 1;
  return {
    kind: 'post',
    unitId,
    occurredOn: '2025-08-01',
    title: `Tin chuyển đổi số ${serial}`,
    ...overrides,
  };
};

async function create(session: Session, body: Record<string, unknown>) {
  const response = await session.post('/api/activities', body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ActivityDetailDto>();
}

async function detail(session: Session, id: string) {
  const response = await session.get(`/api/activities/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ActivityDetailDto>();
}

describe('versions in other languages', () => {
  it('links a version to its original, one per language', async () => {
    const original = await create(officer, post(s.dakRve, { title: 'Lợi ích của dịch vụ công trực tuyến' }));
    const sedang = await create(
      officer,
      post(s.dakRve, {
        title: 'Bản tiếng Xơ Đăng',
        language: 'sed',
        translationOfId: original.id,
        occurredOn: '2025-08-03',
      }),
    );
    expect(sedang.translationOf).toMatchObject({ id: original.id, language: 'vi', title: original.title });
    const bahnar = await create(
      officer,
      post(s.dakRve, { title: 'Bản tiếng Ba Na', language: 'bdq', translationOfId: original.id }),
    );

    const withVersions = await detail(officer, original.id);
    expect(withVersions.translations.map((version) => [version.language, version.id])).toEqual([
      ['bdq', bahnar.id],
      ['sed', sedang.id],
    ]);
    expect(withVersions.actions).toContain('translate');
    const version = await detail(officer, sedang.id);
    expect(version.translations.map((sibling) => sibling.id)).toEqual([bahnar.id]);
    expect(version.actions).not.toContain('translate');

    const second = await officer.post(
      '/api/activities',
      post(s.dakRve, { title: 'Bản Xơ Đăng thứ hai', language: 'sed', translationOfId: original.id }),
    );
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'CONFLICT', details: [{ field: 'translationOfId' }] });
    expect(second.json().message).toContain('Bản tiếng Xơ Đăng');

    // Deleting a version frees its language.
    const removed = await officer.request({
      method: 'DELETE',
      url: `/api/activities/${sedang.id}`,
      payload: { reason: 'Dịch sai' },
    });
    expect(removed.statusCode).toBe(200);
    await create(
      officer,
      post(s.dakRve, { title: 'Bản Xơ Đăng dịch lại', language: 'sed', translationOfId: original.id }),
    );
  });

  it('refuses a version in the same language, of another kind, of a version, or of a record out of reach', async () => {
    const original = await create(officer, post(s.dakRve, { title: 'Thương mại điện tử cho nông sản' }));
    const version = await create(officer, post(s.dakRve, { language: 'jra', translationOfId: original.id }));
    const refusals: Array<[string, Record<string, unknown>]> = [
      ['same language', post(s.dakRve, { language: 'vi', translationOfId: original.id })],
      ['version of a version', post(s.dakRve, { language: 'bdq', translationOfId: version.id })],
      [
        'unknown original',
        post(s.dakRve, { language: 'bdq', translationOfId: '5b1f3c52-6a8e-4a43-9d55-3d3f7c0a9b11' }),
      ],
    ];
    const foreign = await create(lamDongOfficer, post(s.dakMil, { title: 'Tin của Lâm Đồng' }));
    refusals.push([
      'original in another province',
      post(s.dakRve, { language: 'sed', translationOfId: foreign.id }),
    ]);
    for (const [why, body] of refusals) {
      const response = await officer.post('/api/activities', body);
      expect(response.statusCode, why).toBe(400);
      expect(response.json().details, why).toEqual([expect.objectContaining({ field: 'translationOfId' })]);
    }
    const radio = (
      await officer.post(`/api/units/${s.dakRve}/channels`, {
        kind: 'radio_programme',
        platform: 'radio',
        name: 'Chuyên mục CĐS',
      })
    ).json<ChannelListItemDto>();
    const otherKind = await officer.post('/api/activities', {
      kind: 'broadcast',
      unitId: s.dakRve,
      channelId: radio.id,
      occurredOn: '2025-08-05',
      title: 'Phát bản tiếng Xơ Đăng',
      durationSeconds: 300,
      language: 'sed',
      translationOfId: original.id,
    });
    expect(otherKind.statusCode).toBe(400);
    expect(otherKind.json().details).toEqual([
      expect.objectContaining({ field: 'translationOfId', message: expect.stringContaining('cùng loại') }),
    ]);

    const batch = await officer.post('/api/activities/batch', {
      items: [
        post(s.dakRve, { language: 'hre', translationOfId: original.id }),
        post(s.dakRve, { language: 'hre', translationOfId: original.id }),
      ],
    });
    expect(batch.statusCode).toBe(400);
    expect(batch.json().details).toEqual([expect.objectContaining({ row: 2, field: 'translationOfId' })]);
  });

  it('keeps one version per language through edits', async () => {
    const original = await create(officer, post(s.dakRve, { title: 'Kỹ năng số cho người dân' }));
    const sedang = await create(officer, post(s.dakRve, { language: 'sed', translationOfId: original.id }));
    await create(officer, post(s.dakRve, { language: 'bdq', translationOfId: original.id }));
    const clash = await officer.patch(`/api/activities/${sedang.id}`, { language: 'bdq' });
    expect(clash.statusCode).toBe(409);
    const originalClash = await officer.patch(`/api/activities/${original.id}`, { language: 'sed' });
    expect(originalClash.statusCode).toBe(409);
    expect(originalClash.json().details).toEqual([expect.objectContaining({ field: 'language' })]);
    const unlink = await officer.patch(`/api/activities/${sedang.id}`, { translationOfId: null });
    expect(unlink.statusCode, unlink.body).toBe(200);
    expect(unlink.json()).toMatchObject({ translationOfId: null, translationOf: null });
  });
});

describe('ethnic-language counts', () => {
  let counts: (session: Session, unitId: string, query?: string) => Promise<LanguageCountsDto>;

  beforeAll(async () => {
    counts = async (session, unitId, query = 'from=2025-01-01&to=2025-12-31') => {
      const response = await session.get(`/api/units/${unitId}/language-counts?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<LanguageCountsDto>();
    };
    // A fresh pair of units keeps these counts apart from the translation tests above: Kon Braih and its former communes.
    const radio = (
      await dxOffice.post(`/api/units/${s.tanLap}/channels`, {
        kind: 'radio_programme',
        platform: 'radio',
        name: 'Loa Tân Lập',
        startedOn: '2024-01-01',
      })
    ).json<ChannelListItemDto>();
    const response = await dxOffice.post('/api/activities/batch', {
      items: [
        post(s.tanLap, { language: 'sed', occurredOn: '2025-03-01' }),
        post(s.tanLap, { language: 'sed', occurredOn: '2025-03-02' }),
        {
          kind: 'broadcast',
          unitId: s.tanLap,
          channelId: radio.id,
          occurredOn: '2025-03-03',
          title: 'Bản tin tiếng Xơ Đăng',
          durationSeconds: 900,
          language: 'sed',
        },
        post(s.tanLap, { language: 'vi', occurredOn: '2025-03-04' }),
        post(s.konBraih, {
          language: 'sed',
          occurredOn: '2025-08-01',
          url: 'https://konbraih.gov.vn/tin/xo-dang',
        }),
        post(s.konBraih, { language: 'bdq', occurredOn: '2025-08-02' }),
        // Flagged duplicate: not counted.
        post(s.konBraih, {
          language: 'sed',
          occurredOn: '2025-08-03',
          url: 'http://konbraih.gov.vn/tin/xo-dang/',
          confirmDuplicate: true,
        }),
        post(s.tanLap, { language: 'sed', occurredOn: '2024-12-31' }),
        post(s.camThanh, { language: 'hre', occurredOn: '2025-09-01' }),
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const deleted = await create(
      konBraihOfficer,
      post(s.konBraih, { language: 'bdq', occurredOn: '2025-08-05' }),
    );
    await konBraihOfficer.request({
      method: 'DELETE',
      url: `/api/activities/${deleted.id}`,
      payload: { reason: 'Trùng' },
    });
  });

  it('counts per unit of the roll-up (former communes included) and language, by kind, live and not duplicate', async () => {
    const result = await counts(konBraihOfficer, s.konBraih);
    const rows = result.items.map((item) => [
      item.unitId,
      item.language,
      item.counts.post,
      item.counts.broadcast,
      item.total,
    ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        [s.tanLap, 'sed', 2, 1, 3],
        [s.konBraih, 'sed', 1, 0, 1],
        [s.konBraih, 'bdq', 1, 0, 1],
      ]),
    );
    expect(rows).toHaveLength(3);
    expect(result.totals.map((total) => [total.language, total.languageName, total.total])).toEqual([
      ['sed', 'Tiếng Xơ Đăng', 4],
      ['bdq', 'Tiếng Ba Na', 1],
    ]);
  });

  it('follows the period, and the province sees every commune', async () => {
    const sinceJuly = await counts(konBraihOfficer, s.konBraih, 'from=2025-07-01&to=2025-12-31');
    expect(sinceJuly.items.map((item) => `${item.language}:${item.total}`).sort()).toEqual([
      'bdq:1',
      'sed:1',
    ]);
    const province = await counts(dxOffice, s.quangNgai);
    expect(province.items.map((item) => item.unitId)).toEqual(
      expect.arrayContaining([s.tanLap, s.konBraih, s.camThanh, s.dakRve]),
    );
    expect(province.totals.find((total) => total.language === 'hre')?.total).toBe(1);
    expect(
      (await konBraihOfficer.get(`/api/units/${s.konBraih}/language-counts?from=2025-12-31&to=2025-01-01`))
        .statusCode,
    ).toBe(400);
  });

  it('is "not found" outside the user’s scope', async () => {
    expect((await konBraihOfficer.get(`/api/units/${s.quangNgai}/language-counts`)).statusCode).toBe(404);
    expect((await officer.get(`/api/units/${s.konBraih}/language-counts`)).statusCode).toBe(404);
    expect((await lamDongOfficer.get(`/api/units/${s.tanLap}/language-counts`)).statusCode).toBe(404);
    expect((await konBraihOfficer.get(`/api/units/${s.konBraih}/language-counts`)).statusCode).toBe(200);
  });
});
