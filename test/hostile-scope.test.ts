import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities } from '../src/server/db/schema-activities';
import type { ActivityDetailDto } from '../src/shared/api/activities';
import type { ChannelListItemDto } from '../src/shared/api/channels';
import type { ErrorBody } from '../src/shared/errors';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createProvinceWithCommunes } from './support/factories';
import { createSignedInUser } from './support/scenarios';

/**
 * Leaks across provinces a hostile probe found: the duplicate check by URL looked at every unit, a
 * record could name another province's draft library item, and list filters on foreign ids answered
 * an empty list instead of "not found".
 */

let ctx: TestContext;
let mine: Awaited<ReturnType<typeof createProvinceWithCommunes>>;
let theirs: Awaited<ReturnType<typeof createProvinceWithCommunes>>;
let officer: Session;
let office: Session;
let theirOfficer: Session;
let theirOffice: Session;
let myWebsite: ChannelListItemDto;
let theirWebsite: ChannelListItemDto;

async function website(session: Session, unitId: string, url: string) {
  const response = await session.post(`/api/units/${unitId}/channels`, {
    kind: 'website_column',
    platform: 'website',
    name: 'Chuyên mục CĐS',
    url,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ChannelListItemDto>();
}

function post(unitId: string, channelId: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'post',
    unitId,
    channelId,
    occurredOn: '2025-09-15',
    occurredTime: '08:30',
    title: 'Tin chuyển đổi số',
    url: 'https://tinh-khac.gov.vn/tin/bi-mat-1',
    genre: 'tin',
    topics: ['policy'],
    ...overrides,
  };
}

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  mine = await createProvinceWithCommunes(db);
  theirs = await createProvinceWithCommunes(db);
  officer = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: mine.communeA }]))
    .session;
  office = (await createSignedInUser(ctx.app, db, [{ role: 'dx_office', unitId: mine.provinceId }])).session;
  theirOfficer = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: theirs.communeA }]))
    .session;
  theirOffice = (await createSignedInUser(ctx.app, db, [{ role: 'dx_office', unitId: theirs.provinceId }]))
    .session;
  myWebsite = await website(officer, mine.communeA, 'https://xa-cua-toi.gov.vn/cds');
  theirWebsite = await website(theirOfficer, theirs.communeA, 'https://tinh-khac.gov.vn/tin');
});
afterAll(() => ctx.close());

describe('duplicates by URL stay inside what the caller sees', () => {
  it('neither refuses nor flags a record whose URL another province recorded, and quotes nothing of it', async () => {
    const secret = await theirOfficer.post(
      '/api/activities',
      post(theirs.communeA, theirWebsite.id, {
        title: 'Tiêu đề mật của tỉnh khác',
        occurredOn: '2025-08-01',
      }),
    );
    expect(secret.statusCode, secret.body).toBe(200);
    const secretId = secret.json<ActivityDetailDto>().id;

    const probe = await officer.post(
      '/api/activities',
      post(mine.communeA, myWebsite.id, { title: 'Tin của xã' }),
    );
    expect(probe.statusCode, probe.body).toBe(200);
    expect(probe.body).not.toContain('Tiêu đề mật');
    const [stored] = await ctx.database.db
      .select()
      .from(activities)
      .where(eq(activities.id, probe.json<ActivityDetailDto>().id));
    expect(stored!.duplicateOfId).toBeNull();
    // Their record is untouched.
    const [theirRow] = await ctx.database.db.select().from(activities).where(eq(activities.id, secretId));
    expect(theirRow!.duplicateOfId).toBeNull();
  });

  it('still finds a duplicate inside the caller’s own roll-up', async () => {
    const url = 'https://xa-cua-toi.gov.vn/cds/tin-2';
    const first = await officer.post(
      '/api/activities',
      post(mine.communeA, myWebsite.id, { url, title: 'Tin một' }),
    );
    expect(first.statusCode, first.body).toBe(200);
    const again = await officer.post(
      '/api/activities',
      post(mine.communeA, myWebsite.id, { url, title: 'Tin hai' }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().message).toContain('Tin một');
  });
});

describe('duplicates by URL in the units above: warned only to those who see them', () => {
  let provinceWebsite: ChannelListItemDto;
  let officeRecord: string;

  beforeAll(async () => {
    provinceWebsite = await website(office, mine.provinceId, 'https://tinh-cua-toi.gov.vn/cds');
    const recorded = await office.post(
      '/api/activities',
      post(mine.provinceId, provinceWebsite.id, {
        title: 'Tin của Sở về tổ công nghệ số',
        url: 'https://tinh-cua-toi.gov.vn/cds/to-cong-nghe-so',
      }),
    );
    expect(recorded.statusCode, recorded.body).toBe(200);
    officeRecord = recorded.json<ActivityDetailDto>().id;
  });

  it('warns the province office recording for a commune about the province’s own record', async () => {
    const again = await office.post(
      '/api/activities',
      post(mine.communeA, myWebsite.id, {
        title: 'Xã đưa lại tin của Sở',
        url: 'https://tinh-cua-toi.gov.vn/cds/to-cong-nghe-so',
      }),
    );
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json<ErrorBody>().message).toContain('Tin của Sở về tổ công nghệ số');
  });

  it('warns the province office about a commune’s record (the commune is below it)', async () => {
    const url = 'https://xa-cua-toi.gov.vn/cds/tin-xa-moi';
    const first = await officer.post(
      '/api/activities',
      post(mine.communeA, myWebsite.id, { url, title: 'Tin xã gốc' }),
    );
    expect(first.statusCode, first.body).toBe(200);
    const again = await office.post(
      '/api/activities',
      post(mine.provinceId, provinceWebsite.id, { url, title: 'Sở đăng lại tin xã' }),
    );
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json<ErrorBody>().message).toContain('Tin xã gốc');
  });

  it('tells the commune’s officer nothing of the province’s record, which the officer cannot see', async () => {
    expect((await officer.get(`/api/activities/${officeRecord}`)).statusCode).toBe(404);
    const probe = await officer.post(
      '/api/activities',
      post(mine.communeA, myWebsite.id, {
        title: 'Xã tự đăng tin',
        url: 'https://tinh-cua-toi.gov.vn/cds/to-cong-nghe-so',
      }),
    );
    expect(probe.statusCode, probe.body).toBe(200);
    expect(probe.body).not.toContain('Tin của Sở');
    const [stored] = await ctx.database.db
      .select()
      .from(activities)
      .where(eq(activities.id, probe.json<ActivityDetailDto>().id));
    expect(stored!.duplicateOfId).toBeNull();
  });

  it('never warns an outsider: another province’s office posting the same URL', async () => {
    const probe = await theirOffice.post(
      '/api/activities',
      post(theirs.communeA, theirWebsite.id, {
        title: 'Tỉnh khác đăng cùng trang',
        url: 'https://tinh-cua-toi.gov.vn/cds/to-cong-nghe-so',
      }),
    );
    expect(probe.statusCode, probe.body).toBe(200);
    expect(probe.body).not.toMatch(/Tin của Sở|Xã tự đăng tin|Xã đưa lại/);
  });
});

describe('library items named by a record', () => {
  it('refuses another province’s draft with 404 and leaves its usage count alone', async () => {
    const draft = await theirOffice.post(`/api/units/${theirs.provinceId}/library`, {
      kind: 'article',
      title: 'Bản nháp của tỉnh khác',
      body: 'Nội dung nháp',
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const draftId = draft.json<{ id: string }>().id;
    const named = await officer.post(
      '/api/activities',
      post(mine.communeA, myWebsite.id, {
        url: 'https://xa-cua-toi.gov.vn/cds/la',
        title: 'Dùng tài liệu lạ',
        libraryItemId: draftId,
      }),
    );
    expect(named.statusCode).toBe(404);
    const rows = await ctx.database.db.select().from(activities).where(eq(activities.libraryItemId, draftId));
    expect(rows).toHaveLength(0);

    const own = await office.post(`/api/units/${mine.provinceId}/library`, {
      kind: 'article',
      title: 'Bài mẫu của tỉnh',
      body: 'Nội dung',
      publishedAt: '2025-01-01T08:00:00+07:00',
    });
    expect(own.statusCode, own.body).toBe(200);
    const used = await officer.post(
      '/api/activities',
      post(mine.communeA, myWebsite.id, {
        url: 'https://xa-cua-toi.gov.vn/cds/mau',
        title: 'Dùng bài mẫu',
        libraryItemId: own.json<{ id: string }>().id,
      }),
    );
    expect(used.statusCode, used.body).toBe(200);
  });
});

describe('list filters on foreign ids', () => {
  it('answers 404 for another province’s channel or library owner, and 200 for one’s own', async () => {
    expect((await officer.get(`/api/activities?channelId=${theirWebsite.id}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/activities?channelId=${myWebsite.id}`)).statusCode).toBe(200);
    expect((await officer.get(`/api/library?ownerUnitId=${theirs.provinceId}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/library?ownerUnitId=${mine.provinceId}`)).statusCode).toBe(200);
  });
});
