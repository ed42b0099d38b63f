import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findActivities } from '../src/server/db/repositories/activities';
import { auditLog } from '../src/server/db/schema';
import { activities } from '../src/server/db/schema-activities';
import type { ActivityDetailDto, ActivityDto } from '../src/shared/api/activities';
import type { ChannelListItemDto } from '../src/shared/api/channels';
import { vnInstant } from '../src/shared/dates';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createProvinceWithCommunes } from './support/factories';
import { createSignedInUser } from './support/scenarios';

let ctx: TestContext;
let units: Awaited<ReturnType<typeof createProvinceWithCommunes>>;
let officerA: Session;
let officerB: Session;
let reviewer: Session;
let otherReviewer: Session;
let admin: Session;
let website: ChannelListItemDto;
let radio: ChannelListItemDto;
let facebook: ChannelListItemDto;

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  units = await createProvinceWithCommunes(db);
  const elsewhere = await createProvinceWithCommunes(db);
  officerA = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: units.communeA }]))
    .session;
  officerB = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: units.communeB }]))
    .session;
  reviewer = (await createSignedInUser(ctx.app, db, [{ role: 'reviewer', unitId: units.provinceId }]))
    .session;
  otherReviewer = (
    await createSignedInUser(ctx.app, db, [{ role: 'reviewer', unitId: elsewhere.provinceId }])
  ).session;
  admin = (await createSignedInUser(ctx.app, db, [{ role: 'system_admin', unitId: null }])).session;
  const channel = async (body: Record<string, unknown>) => {
    const response = await officerA.post(`/api/units/${units.communeA}/channels`, body);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ChannelListItemDto>();
  };
  website = await channel({
    kind: 'website_column',
    platform: 'website',
    name: 'Chuyên mục CĐS',
    url: 'https://xa-an.gov.vn/cds',
  });
  radio = await channel({
    kind: 'radio_programme',
    platform: 'radio',
    name: 'Chương trình CĐS trên loa',
    startedOn: '2024-01-01',
  });
  facebook = await channel({
    kind: 'social_page',
    platform: 'facebook',
    name: 'Fanpage UBND xã',
    url: 'https://facebook.com/xa-an',
  });
});
afterAll(() => ctx.close());

let serial = 0;
function post(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    kind: 'post',
    unitId: units.communeA,
    channelId: website.id,
    occurredOn: '2025-09-15',
    occurredTime: '08:30',
    title: `Tin chuyển đổi số ${serial}`,
    url: `https://xa-an.gov.vn/cds/tin-${serial}`,
    genre: 'tin',
    topics: ['policy'],
    ...overrides,
  };
}

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

async function list(session: Session, query: string) {
  const response = await session.get(`/api/activities?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: ActivityDto[]; total: number; totalIsAtLeast: boolean }>();
}

const storedCount = async () => (await ctx.database.db.select({ n: count() }).from(activities))[0]!.n;

describe('recording from the form', () => {
  it('stores a post with its three dates apart and its provenance, and audits it', async () => {
    const before = Date.now();
    const created = await create(
      officerA,
      post({
        title: '  Hội nghị   chuyển đổi số  ',
        topics: ['policy', 'benefits', 'policy'],
        author: 'Nguyễn Văn A',
      }),
    );
    expect(created).toMatchObject({
      kind: 'post',
      unitId: units.communeA,
      channelId: website.id,
      channelName: 'Chuyên mục CĐS',
      occurredOn: '2025-09-15',
      title: 'Hội nghị chuyển đổi số',
      topics: ['policy', 'benefits'],
      language: 'vi',
      provenance: 'form',
      reviewStatus: 'pending',
      reviewedAt: null,
      duplicateOfId: null,
      deletedAt: null,
      evidenceCount: 0,
      translations: [],
      translationOf: null,
    });
    expect(new Date(created.occurredAt).toISOString()).toBe(vnInstant('2025-09-15', '08:30').toISOString());
    expect(new Date(created.recordedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(created.recordedByName).toMatch(/^Người Thử/);
    expect(created.actions.sort()).toEqual(['delete', 'translate', 'update']);
    const [entry] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'activity.create'), eq(auditLog.entityId, created.id)));
    expect(entry).toMatchObject({ entityType: 'activity', unitId: units.communeA });

    const broadcast = await create(officerA, {
      kind: 'broadcast',
      unitId: units.communeA,
      channelId: radio.id,
      occurredOn: '2025-09-16',
      occurredTime: '17:00',
      title: 'Câu chuyện truyền thanh: dịch vụ công trực tuyến',
      durationSeconds: 720,
      genre: 'cau_chuyen',
      topics: ['benefits'],
      source: 'province_source',
    });
    expect(broadcast).toMatchObject({
      kind: 'broadcast',
      programme: 'Chương trình CĐS trên loa',
      durationSeconds: 720,
      source: 'province_source',
    });
  });

  it('lists every problem of a bad record by field', async () => {
    const future = await officerA.post(
      '/api/activities',
      post({ occurredOn: '2099-01-01', topics: ['khong_co'], language: 'xyz' }),
    );
    expect(future.statusCode).toBe(400);
    expect(
      future
        .json()
        .details.map((detail: { field: string }) => detail.field)
        .sort(),
    ).toEqual(['language', 'occurredOn', 'topics.0']);

    const broadcast = await officerA.post('/api/activities', {
      kind: 'broadcast',
      unitId: units.communeA,
      occurredOn: '2025-09-16',
      title: 'Bản tin',
    });
    expect(broadcast.statusCode).toBe(400);
    expect(
      broadcast
        .json()
        .details.map((detail: { field: string }) => detail.field)
        .sort(),
    ).toEqual(['channelId', 'durationSeconds']);

    const wrongChannel = await officerA.post(
      '/api/activities',
      post({ kind: 'broadcast', channelId: facebook.id, durationSeconds: 60 }),
    );
    expect(wrongChannel.statusCode).toBe(400);
    expect(wrongChannel.json().details).toEqual([expect.objectContaining({ field: 'channelId' })]);

    const beforeStart = await officerA.post('/api/activities', {
      kind: 'broadcast',
      unitId: units.communeA,
      channelId: radio.id,
      occurredOn: '2023-12-31',
      title: 'Trước khi có chương trình',
      durationSeconds: 60,
    });
    expect(beforeStart.statusCode).toBe(400);
    expect(beforeStart.json().details).toEqual([expect.objectContaining({ field: 'occurredOn' })]);

    const badUrl = await officerA.post('/api/activities', post({ url: 'ftp://xa-an.gov.vn/x' }));
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().details).toEqual([expect.objectContaining({ field: 'body.url' })]);
  });
});

describe('duplicates', () => {
  it('refuses the same page under every URL variant with 409 naming the field and the record', async () => {
    const original = await create(
      officerA,
      post({
        title: 'Ra mắt tổ công nghệ số cộng đồng',
        url: 'https://www.xa-an.gov.vn/cds/ra-mat-to-cong-nghe-so/',
      }),
    );
    for (const url of [
      'http://www.xa-an.gov.vn/cds/ra-mat-to-cong-nghe-so/',
      'https://xa-an.gov.vn/cds/ra-mat-to-cong-nghe-so/',
      'https://www.xa-an.gov.vn/cds/ra-mat-to-cong-nghe-so',
      'https://www.xa-an.gov.vn/cds/ra-mat-to-cong-nghe-so/?utm_source=zalo&utm_medium=share',
      'HTTPS://WWW.XA-AN.GOV.VN/cds/ra-mat-to-cong-nghe-so#top',
    ]) {
      const again = await officerA.post(
        '/api/activities',
        post({ url, title: 'Tiêu đề khác hẳn', occurredOn: '2025-09-20', channelId: facebook.id }),
      );
      expect(again.statusCode, url).toBe(409);
      const body = again.json();
      expect(body.code).toBe('CONFLICT');
      expect(body.details).toEqual([
        { field: 'url', message: expect.stringContaining('Ra mắt tổ công nghệ số cộng đồng') },
      ]);
      expect(body.details[0].message).toContain('15/09/2025');
    }
    expect(original.duplicateOfId).toBeNull();
  });

  it('refuses the same title on the same day and channel, whatever its marks and case', async () => {
    await create(
      officerA,
      post({
        title: 'Chuyển đổi số trong nông nghiệp',
        url: null,
        channelId: facebook.id,
        occurredOn: '2025-09-21',
      }),
    );
    const same = await officerA.post(
      '/api/activities',
      post({
        title: 'chuyen doi so  trong NONG NGHIEP',
        url: null,
        channelId: facebook.id,
        occurredOn: '2025-09-21',
      }),
    );
    expect(same.statusCode).toBe(409);
    expect(same.json().details).toEqual([
      { field: 'title', message: expect.stringContaining('cùng tiêu đề') },
    ]);
    // Another day, or another channel, is another record.
    await create(
      officerA,
      post({
        title: 'Chuyển đổi số trong nông nghiệp',
        url: null,
        channelId: facebook.id,
        occurredOn: '2025-09-22',
      }),
    );
    await create(
      officerA,
      post({
        title: 'Chuyển đổi số trong nông nghiệp',
        url: 'https://xa-an.gov.vn/cds/nong-nghiep',
        occurredOn: '2025-09-21',
      }),
    );
  });

  it('stores a confirmed duplicate flagged, out of counts until a reviewer clears it', async () => {
    const original = await create(officerA, post({ url: 'https://xa-an.gov.vn/cds/hoi-thao' }));
    const before = await storedCount();
    const refused = await officerA.post(
      '/api/activities',
      post({ url: 'http://xa-an.gov.vn/cds/hoi-thao/' }),
    );
    expect(refused.statusCode).toBe(409);
    expect(await storedCount()).toBe(before);

    const flagged = await create(
      officerA,
      post({ url: 'http://xa-an.gov.vn/cds/hoi-thao/', confirmDuplicate: true }),
    );
    expect(flagged.duplicateOfId).toBe(original.id);
    expect(flagged.duplicateOf).toMatchObject({ id: original.id, title: original.title });
    expect(flagged.actions).not.toContain('resolveDuplicate');
    const [entry] = await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, flagged.id));
    expect(entry?.summary).toContain('nghi trùng');

    const duplicates = await list(officerA, `unitId=${units.communeA}&onlyDuplicates=true`);
    expect(duplicates.items.map((item) => item.id)).toContain(flagged.id);
    expect(duplicates.items.map((item) => item.id)).not.toContain(original.id);
    const notOnly = await list(officerA, `unitId=${units.communeA}&onlyDuplicates=false&limit=500`);
    expect(notOnly.items.map((item) => item.id)).toContain(original.id);

    expect((await officerA.post(`/api/activities/${flagged.id}/not-duplicate`, {})).statusCode).toBe(403);
    expect((await otherReviewer.post(`/api/activities/${flagged.id}/not-duplicate`, {})).statusCode).toBe(
      404,
    );
    const asReviewer = await detail(reviewer, flagged.id);
    expect(asReviewer.actions).toEqual(expect.arrayContaining(['review', 'resolveDuplicate']));
    const cleared = await reviewer.post(`/api/activities/${flagged.id}/not-duplicate`, {});
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ duplicateOfId: null, duplicateOf: null });
    const [resolved] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'activity.not_duplicate'), eq(auditLog.entityId, flagged.id)));
    expect(resolved?.before).toEqual({ duplicateOfId: original.id });
  });
});

describe('batch from API clients', () => {
  it('stores nothing while any row is bad, and lists every row error', async () => {
    const before = await storedCount();
    const response = await officerA.post('/api/activities/batch', {
      items: [
        post({ url: 'https://xa-an.gov.vn/cds/lo-1' }),
        post({ occurredOn: '2099-12-31' }),
        {
          kind: 'broadcast',
          unitId: units.communeA,
          occurredOn: '2025-09-16',
          title: 'Bản tin',
          topics: ['khong_co'],
        },
        post({ url: 'https://www.xa-an.gov.vn/cds/lo-1/' }),
      ],
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toContain('3 dòng');
    expect(
      body.details.map((detail: { row: number; field: string }) => `${detail.row}:${detail.field}`).sort(),
    ).toEqual(['2:occurredOn', '3:channelId', '3:durationSeconds', '3:topics.0', '4:url'].sort());
    expect(body.details.find((detail: { row: number }) => detail.row === 4).message).toContain('dòng 1');
    expect(await storedCount()).toBe(before);

    const fixed = await officerA.post('/api/activities/batch', {
      items: [
        post({ url: 'https://xa-an.gov.vn/cds/lo-1' }),
        post({ occurredOn: '2025-12-31' }),
        {
          kind: 'broadcast',
          unitId: units.communeA,
          channelId: radio.id,
          occurredOn: '2025-09-16',
          title: 'Bản tin',
          durationSeconds: 300,
        },
        post({ url: 'https://www.xa-an.gov.vn/cds/lo-1/', confirmDuplicate: true }),
      ],
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const result = fixed.json<{ ids: string[]; count: number; flagged: number }>();
    expect(result).toMatchObject({ count: 4, flagged: 1 });
    expect(await storedCount()).toBe(before + 4);
    const repeat = await detail(officerA, result.ids[3]!);
    expect(repeat).toMatchObject({ provenance: 'api', duplicateOfId: result.ids[0] });
  });

  it('is "not found" as a whole when one row names a unit outside the caller’s scope', async () => {
    const before = await storedCount();
    const response = await officerA.post('/api/activities/batch', {
      items: [post(), post({ unitId: units.communeB, channelId: null, url: null })],
    });
    expect(response.statusCode).toBe(404);
    expect(await storedCount()).toBe(before);
  });
});

describe('the record list', () => {
  let seeded: Record<string, string>;

  beforeAll(async () => {
    const response = await admin.post('/api/activities/batch', {
      items: [
        post({
          title: 'Chuyển đổi số: người dân dùng VNeID',
          occurredOn: '2024-03-05',
          topics: ['digital_society'],
          url: 'https://xa-an.gov.vn/cds/vneid',
        }),
        post({
          title: 'Hướng dẫn thanh toán không dùng tiền mặt',
          occurredOn: '2024-04-10',
          topics: ['e_commerce'],
          language: 'sed',
          channelId: facebook.id,
          url: null,
        }),
        {
          kind: 'broadcast',
          unitId: units.communeA,
          channelId: radio.id,
          occurredOn: '2024-04-11',
          title: 'Bản tin chuyển đổi số tuần 15',
          durationSeconds: 600,
          topics: ['benefits'],
        },
        {
          kind: 'post',
          unitId: units.communeB,
          occurredOn: '2024-04-12',
          title: 'Xã Bình: chuyển đổi số ở chợ',
          topics: ['e_commerce'],
        },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const [vneid, cashless, broadcast, communeB] = response.json<{ ids: string[] }>().ids;
    seeded = { vneid: vneid!, cashless: cashless!, broadcast: broadcast!, communeB: communeB! };
  });

  const in2024 = 'from=2024-01-01&to=2024-12-31';

  it('filters by subtree, period, kind, channel, topic, language and provenance', async () => {
    expect(ids(await list(admin, `unitId=${units.provinceId}&${in2024}`)).sort()).toEqual(
      Object.values(seeded).sort(),
    );
    expect(ids(await list(admin, `unitId=${units.communeA}&${in2024}`)).sort()).toEqual(
      [seeded.vneid, seeded.cashless, seeded.broadcast].sort(),
    );
    expect(ids(await list(admin, `unitId=${units.provinceId}&from=2024-04-01&to=2024-04-11`)).sort()).toEqual(
      [seeded.cashless, seeded.broadcast].sort(),
    );
    expect(ids(await list(admin, `unitId=${units.provinceId}&${in2024}&kind=broadcast`))).toEqual([
      seeded.broadcast,
    ]);
    expect(ids(await list(admin, `unitId=${units.provinceId}&${in2024}&channelId=${facebook.id}`))).toEqual([
      seeded.cashless,
    ]);
    expect(ids(await list(admin, `unitId=${units.provinceId}&${in2024}&topic=e_commerce`)).sort()).toEqual(
      [seeded.cashless, seeded.communeB].sort(),
    );
    expect(ids(await list(admin, `unitId=${units.provinceId}&${in2024}&language=sed`))).toEqual([
      seeded.cashless,
    ]);
    expect(ids(await list(admin, `unitId=${units.provinceId}&${in2024}&provenance=api`)).length).toBe(4);
    expect(ids(await list(admin, `unitId=${units.provinceId}&${in2024}&provenance=form`))).toEqual([]);
  });

  it('searches without diacritics or case', async () => {
    const found = ids(
      await list(admin, `unitId=${units.provinceId}&${in2024}&q=${encodeURIComponent('chuyen doi so')}`),
    ).sort();
    expect(found).toEqual([seeded.vneid, seeded.broadcast, seeded.communeB].sort());
    expect(ids(await list(admin, `${in2024}&q=${encodeURIComponent('THANH TOÁN khong dung')}`))).toEqual([
      seeded.cashless,
    ]);
    expect(ids(await list(admin, `${in2024}&q=${encodeURIComponent('100%_')}`))).toEqual([]);
  });

  it('pages, newest first, with the total', async () => {
    const first = await list(admin, `unitId=${units.provinceId}&${in2024}&limit=2`);
    expect(first.total).toBe(4);
    expect(first.totalIsAtLeast).toBe(false);
    expect(ids(first)).toEqual([seeded.communeB, seeded.broadcast]);
    expect(ids(await list(admin, `unitId=${units.provinceId}&${in2024}&limit=2&offset=2`))).toEqual([
      seeded.cashless,
      seeded.vneid,
    ]);
  });

  it('stops counting at the cap, past the page asked for, and says there are more', async () => {
    const filter = {
      unitIds: [units.provinceId, units.communeA, units.communeB],
      from: '2024-01-01',
      to: '2024-12-31',
    };
    const db = ctx.database.db;
    const capped = await findActivities(db, filter, { limit: 1, offset: 0, countCap: 2 });
    expect(capped.items).toHaveLength(1);
    expect({ total: capped.total, totalIsAtLeast: capped.totalIsAtLeast }).toEqual({
      total: 2,
      totalIsAtLeast: true,
    });
    // The page asked for is always inside the count: a page past the cap still says where it is.
    const deeper = await findActivities(db, filter, { limit: 1, offset: 2, countCap: 2 });
    expect({ total: deeper.total, totalIsAtLeast: deeper.totalIsAtLeast }).toEqual({
      total: 3,
      totalIsAtLeast: true,
    });
    const exact = await findActivities(db, filter, { limit: 1, offset: 0, countCap: 4 });
    expect({ total: exact.total, totalIsAtLeast: exact.totalIsAtLeast }).toEqual({
      total: 4,
      totalIsAtLeast: false,
    });
  });

  it('shows an officer only their commune, and another commune is "not found"', async () => {
    expect(ids(await list(officerA, in2024)).sort()).toEqual(
      [seeded.vneid, seeded.cashless, seeded.broadcast].sort(),
    );
    expect((await officerA.get(`/api/activities?unitId=${units.provinceId}`)).statusCode).toBe(404);
    expect((await officerA.get(`/api/activities?unitId=${units.communeB}`)).statusCode).toBe(404);
    expect((await officerA.get(`/api/activities/${seeded.communeB}`)).statusCode).toBe(404);
    expect(ids(await list(reviewer, `unitId=${units.provinceId}&${in2024}`)).length).toBe(4);
    expect(ids(await list(otherReviewer, in2024))).toEqual([]);
  });
});

describe('editing', () => {
  it('audits before and after, keeps what was not sent and the recording date', async () => {
    const created = await create(
      officerA,
      post({ topics: ['policy', 'good_models'], language: 'sed', author: 'Y Đa' }),
    );
    const response = await officerA.patch(`/api/activities/${created.id}`, {
      title: 'Tiêu đề đã sửa lại',
      occurredOn: '2025-09-14',
    });
    expect(response.statusCode, response.body).toBe(200);
    const edited = response.json<ActivityDetailDto>();
    expect(edited).toMatchObject({
      title: 'Tiêu đề đã sửa lại',
      occurredOn: '2025-09-14',
      topics: ['policy', 'good_models'],
      language: 'sed',
      author: 'Y Đa',
      provenance: 'form',
      recordedAt: created.recordedAt,
    });
    // The time of day stays when only the day changes.
    expect(new Date(edited.occurredAt).toISOString()).toBe(vnInstant('2025-09-14', '08:30').toISOString());
    const [entry] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'activity.update'), eq(auditLog.entityId, created.id)));
    expect(entry?.before).toMatchObject({ title: created.title, occurredOn: '2025-09-15' });
    expect(entry?.after).toMatchObject({ title: 'Tiêu đề đã sửa lại', occurredOn: '2025-09-14' });
  });

  it('never moves a record to another unit or kind, and checks edits like entries', async () => {
    const created = await create(officerA, post());
    const move = await admin.patch(`/api/activities/${created.id}`, { unitId: units.communeB });
    expect(move.statusCode).toBe(400);
    expect(move.json().details).toEqual([expect.objectContaining({ field: 'unitId' })]);
    expect(
      (
        await admin.patch(`/api/activities/${created.id}`, {
          unitId: units.communeA,
          title: 'Gửi lại đơn vị cũ',
        })
      ).statusCode,
    ).toBe(200);
    expect((await officerA.patch(`/api/activities/${created.id}`, { kind: 'banner' })).statusCode).toBe(400);
    const future = await officerA.patch(`/api/activities/${created.id}`, { occurredOn: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().details).toEqual([expect.objectContaining({ field: 'occurredOn' })]);
    expect((await officerB.patch(`/api/activities/${created.id}`, { title: 'Của xã khác' })).statusCode).toBe(
      404,
    );
  });

  it('re-runs duplicate flagging when the page changes', async () => {
    const first = await create(officerA, post({ url: 'https://xa-an.gov.vn/cds/sua-trung-1' }));
    const second = await create(officerA, post({ url: 'https://xa-an.gov.vn/cds/sua-trung-2' }));
    // Editing other fields of a record leaves it alone; it is not its own duplicate.
    expect((await officerA.patch(`/api/activities/${first.id}`, { author: 'Tác giả mới' })).statusCode).toBe(
      200,
    );
    const clash = await officerA.patch(`/api/activities/${second.id}`, {
      url: 'https://www.xa-an.gov.vn/cds/sua-trung-1/',
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().details).toEqual([expect.objectContaining({ field: 'url' })]);
    const confirmed = await officerA.patch(`/api/activities/${second.id}`, {
      url: 'https://www.xa-an.gov.vn/cds/sua-trung-1/',
      confirmDuplicate: true,
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().duplicateOfId).toBe(first.id);
    const back = await officerA.patch(`/api/activities/${second.id}`, {
      url: 'https://xa-an.gov.vn/cds/sua-trung-3',
    });
    expect(back.json().duplicateOfId).toBeNull();
  });
});

describe('deleting, restoring and reviewing', () => {
  it('needs a reason, deletes softly, and only an administrator restores', async () => {
    const created = await create(officerA, post());
    expect(
      (await officerB.request({ method: 'DELETE', url: `/api/activities/${created.id}` })).statusCode,
    ).toBe(404);
    const noReason = await officerA.request({ method: 'DELETE', url: `/api/activities/${created.id}` });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect(
      (
        await officerA.request({
          method: 'DELETE',
          url: `/api/activities/${created.id}`,
          payload: { reason: '   ' },
        })
      ).statusCode,
    ).toBe(400);

    const deleted = await officerA.request({
      method: 'DELETE',
      url: `/api/activities/${created.id}`,
      payload: { reason: 'Nhập trùng với tin hôm trước' },
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
    const [row] = await ctx.database.db.select().from(activities).where(eq(activities.id, created.id));
    expect(row).toMatchObject({ deleteReason: 'Nhập trùng với tin hôm trước' });
    expect(row?.deletedAt).toBeInstanceOf(Date);
    expect(row?.deletedBy).not.toBeNull();
    expect(
      (
        await officerA.request({
          method: 'DELETE',
          url: `/api/activities/${created.id}`,
          payload: { reason: 'Lần nữa' },
        })
      ).statusCode,
    ).toBe(409);

    expect(ids(await list(officerA, `unitId=${units.communeA}&limit=500`))).not.toContain(created.id);
    expect(ids(await list(officerA, `unitId=${units.communeA}&limit=500&includeDeleted=true`))).toContain(
      created.id,
    );
    expect(
      (await officerA.patch(`/api/activities/${created.id}`, { title: 'Sửa bản đã xoá' })).statusCode,
    ).toBe(409);
    expect((await detail(officerA, created.id)).actions).toEqual([]);
    expect((await detail(admin, created.id)).actions).toEqual(['restore']);

    expect((await officerA.post(`/api/activities/${created.id}/restore`, {})).statusCode).toBe(403);
    expect((await reviewer.post(`/api/activities/${created.id}/restore`, {})).statusCode).toBe(403);
    const restored = await admin.post(`/api/activities/${created.id}/restore`, {});
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ deletedAt: null, deleteReason: null });
    expect(ids(await list(officerA, `unitId=${units.communeA}&limit=500`))).toContain(created.id);
    const actions = (
      await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, created.id))
    ).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['activity.create', 'activity.delete', 'activity.restore']),
    );
  });

  it('flags a restored record that was entered again meanwhile', async () => {
    const created = await create(officerA, post({ url: 'https://xa-an.gov.vn/cds/nhap-lai' }));
    await officerA.request({
      method: 'DELETE',
      url: `/api/activities/${created.id}`,
      payload: { reason: 'Nhầm' },
    });
    const again = await create(officerA, post({ url: 'https://xa-an.gov.vn/cds/nhap-lai' }));
    expect(again.duplicateOfId).toBeNull();
    const restored = (
      await admin.post(`/api/activities/${created.id}/restore`, {})
    ).json<ActivityDetailDto>();
    expect(restored.duplicateOfId).toBe(again.id);
  });

  it('sets the review date, the third one, leaving the other two; an edit asks for a new review', async () => {
    const created = await create(officerA, post());
    expect(
      (await officerA.post(`/api/activities/${created.id}/review`, { status: 'accepted' })).statusCode,
    ).toBe(403);
    expect(
      (await otherReviewer.post(`/api/activities/${created.id}/review`, { status: 'accepted' })).statusCode,
    ).toBe(404);
    expect(
      (await reviewer.post(`/api/activities/${created.id}/review`, { status: 'pending' })).statusCode,
    ).toBe(400);

    const response = await reviewer.post(`/api/activities/${created.id}/review`, {
      status: 'accepted',
      note: 'Đúng chủ đề D11',
    });
    expect(response.statusCode, response.body).toBe(200);
    const reviewed = response.json<ActivityDetailDto>();
    expect(reviewed).toMatchObject({
      reviewStatus: 'accepted',
      occurredAt: created.occurredAt,
      recordedAt: created.recordedAt,
    });
    expect(reviewed.reviewedAt).not.toBeNull();
    expect(new Date(reviewed.reviewedAt!).getTime()).toBeGreaterThanOrEqual(
      new Date(created.recordedAt).getTime(),
    );
    expect(reviewed.reviewedByName).toMatch(/^Người Thử/);
    const [entry] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'activity.review'), eq(auditLog.entityId, created.id)));
    expect(entry?.after).toMatchObject({ reviewStatus: 'accepted', note: 'Đúng chủ đề D11' });

    const rejected = (
      await reviewer.post(`/api/activities/${created.id}/review`, { status: 'rejected' })
    ).json<ActivityDetailDto>();
    expect(rejected.reviewStatus).toBe('rejected');

    const edited = (
      await officerA.patch(`/api/activities/${created.id}`, { title: 'Nội dung đã thay' })
    ).json<ActivityDetailDto>();
    expect(edited).toMatchObject({ reviewStatus: 'pending', reviewedAt: null });
  });
});

function ids(page: { items: ActivityDto[] }) {
  return page.items.map((item) => item.id);
}
