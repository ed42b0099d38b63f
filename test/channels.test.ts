import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/server/db/schema';
import type { ChannelListItemDto } from '../src/shared/api/channels';
import { todayVn } from '../src/shared/dates';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createProvinceWithCommunes } from './support/factories';
import { createSignedInUser } from './support/scenarios';

let ctx: TestContext;
let units: Awaited<ReturnType<typeof createProvinceWithCommunes>>;
let officerA: Session;
let officerB: Session;
let viewer: Session;
let admin: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  units = await createProvinceWithCommunes(db);
  officerA = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: units.communeA }]))
    .session;
  officerB = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: units.communeB }]))
    .session;
  viewer = (await createSignedInUser(ctx.app, db, [{ role: 'viewer', unitId: units.provinceId }])).session;
  admin = (await createSignedInUser(ctx.app, db, [{ role: 'system_admin', unitId: null }])).session;
});
afterAll(() => ctx.close());

async function createChannel(session: Session, unitId: string, body: Record<string, unknown>) {
  const response = await session.post(`/api/units/${unitId}/channels`, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ChannelListItemDto>();
}

const listChannels = async (session: Session, unitId: string) => {
  const response = await session.get(`/api/units/${unitId}/channels`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: ChannelListItemDto[]; canManage: boolean }>();
};

async function recordPost(
  session: Session,
  unitId: string,
  channelId: string,
  occurredOn: string,
  n: number,
) {
  const response = await session.post('/api/activities', {
    kind: 'post',
    unitId,
    channelId,
    occurredOn,
    title: `Tin chuyển đổi số số ${n}`,
    url: `https://xa-an.gov.vn/cds/tin-${n}-${Math.random().toString(36).slice(2)}`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ id: string }>().id;
}

describe('channels of a unit', () => {
  it('accepts every kind on its own platforms and refuses the others, naming the field', async () => {
    const fits: Array<[string, string[]]> = [
      ['radio_programme', ['radio']],
      ['press_column', ['newspaper', 'tv']],
      ['social_page', ['facebook', 'zalo_oa', 'youtube', 'tiktok']],
      ['website_column', ['website']],
      ['e_board', ['e_board']],
    ];
    const platforms = [
      'website',
      'radio',
      'newspaper',
      'tv',
      'facebook',
      'zalo_oa',
      'youtube',
      'tiktok',
      'e_board',
    ];
    for (const [kind, allowed] of fits) {
      for (const platform of platforms) {
        const response = await officerA.post(`/api/units/${units.communeA}/channels`, {
          kind,
          platform,
          name: `Kênh ${kind} ${platform}`,
          url: 'https://xa-an.gov.vn/chuyen-doi-so',
        });
        if (allowed.includes(platform)) {
          expect(response.statusCode, `${kind}/${platform}: ${response.body}`).toBe(200);
        } else {
          expect(response.statusCode, `${kind}/${platform}`).toBe(400);
          expect(response.json().details).toEqual([expect.objectContaining({ field: 'platform' })]);
        }
      }
    }
  });

  it('wants a website column’s address and dates in order', async () => {
    const noUrl = await officerA.post(`/api/units/${units.communeA}/channels`, {
      kind: 'website_column',
      platform: 'website',
      name: 'Chuyên mục CĐS',
    });
    expect(noUrl.statusCode).toBe(400);
    expect(noUrl.json().details).toEqual([expect.objectContaining({ field: 'url' })]);

    const backwards = await officerA.post(`/api/units/${units.communeA}/channels`, {
      kind: 'radio_programme',
      platform: 'radio',
      name: 'Chương trình CĐS',
      startedOn: '2025-08-01',
      endedOn: '2025-07-31',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().details).toEqual([expect.objectContaining({ field: 'endedOn' })]);

    const sameDay = await officerA.post(`/api/units/${units.communeA}/channels`, {
      kind: 'radio_programme',
      platform: 'radio',
      name: 'Chương trình một ngày',
      startedOn: '2025-08-01',
      endedOn: '2025-08-01',
    });
    expect(sameDay.statusCode).toBe(200);

    const badFeed = await officerA.post(`/api/units/${units.communeA}/channels`, {
      kind: 'social_page',
      platform: 'facebook',
      name: 'Trang xã',
      feedUrl: 'https://xa-an.gov.vn/rss',
    });
    expect(badFeed.statusCode).toBe(400);
    expect(badFeed.json().details).toEqual([expect.objectContaining({ field: 'feedUrl' })]);
  });

  it('lists ended channels too, flagged, and audits creation', async () => {
    const db = ctx.database.db;
    const current = await createChannel(officerA, units.communeA, {
      kind: 'website_column',
      platform: 'website',
      name: '  Chuyên   mục Chuyển đổi số  ',
      url: 'https://xa-an.gov.vn/chuyen-muc/chuyen-doi-so',
      feedUrl: 'https://xa-an.gov.vn/chuyen-muc/chuyen-doi-so/rss',
      startedOn: '2024-01-15',
    });
    expect(current).toMatchObject({
      name: 'Chuyên mục Chuyển đổi số',
      isEnded: false,
      activityCount: 0,
      unitId: units.communeA,
    });
    const ended = await createChannel(officerA, units.communeA, {
      kind: 'radio_programme',
      platform: 'radio',
      name: 'Chuyên mục CĐS (cũ)',
      stationName: 'Đài truyền thanh xã',
      startedOn: '2023-01-01',
      endedOn: '2024-12-31',
    });
    expect(ended.isEnded).toBe(true);
    const endsToday = await createChannel(officerA, units.communeA, {
      kind: 'e_board',
      platform: 'e_board',
      name: 'Bảng điện tử chợ',
      endedOn: todayVn(),
    });
    expect(endsToday.isEnded).toBe(false);

    const list = await listChannels(officerA, units.communeA);
    expect(list.canManage).toBe(true);
    const byId = new Map(list.items.map((item) => [item.id, item]));
    expect(byId.get(current.id)?.isEnded).toBe(false);
    expect(byId.get(ended.id)).toMatchObject({
      isEnded: true,
      endedOn: '2024-12-31',
      stationName: 'Đài truyền thanh xã',
    });

    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'channel.create'), eq(auditLog.entityId, current.id)));
    expect(entry).toMatchObject({ entityType: 'channel', unitId: units.communeA });
  });

  it('ends a channel by its end date, and refuses dates that would leave its records outside', async () => {
    const radio = await createChannel(officerA, units.communeA, {
      kind: 'radio_programme',
      platform: 'radio',
      name: 'Chuyên mục CĐS trên loa',
      startedOn: '2025-01-01',
    });
    const broadcast = await officerA.post('/api/activities', {
      kind: 'broadcast',
      unitId: units.communeA,
      channelId: radio.id,
      occurredOn: '2025-03-10',
      occurredTime: '17:00',
      title: 'Bản tin chuyển đổi số tháng 3',
      durationSeconds: 600,
    });
    expect(broadcast.statusCode, broadcast.body).toBe(200);

    const tooEarlyEnd = await officerA.patch(`/api/channels/${radio.id}`, { endedOn: '2025-03-01' });
    expect(tooEarlyEnd.statusCode).toBe(400);
    expect(tooEarlyEnd.json().details).toEqual([expect.objectContaining({ field: 'endedOn' })]);
    const tooLateStart = await officerA.patch(`/api/channels/${radio.id}`, { startedOn: '2025-04-01' });
    expect(tooLateStart.statusCode).toBe(400);
    expect(tooLateStart.json().details).toEqual([expect.objectContaining({ field: 'startedOn' })]);
    const otherKind = await officerA.patch(`/api/channels/${radio.id}`, {
      kind: 'website_column',
      platform: 'website',
      url: 'https://xa-an.gov.vn/cds',
    });
    expect(otherKind.statusCode).toBe(400);
    expect(otherKind.json().details).toEqual([expect.objectContaining({ field: 'kind' })]);
    const wrongPlatform = await officerA.patch(`/api/channels/${radio.id}`, { platform: 'tv' });
    expect(wrongPlatform.statusCode).toBe(400);

    const end = await officerA.patch(`/api/channels/${radio.id}`, {
      endedOn: '2025-06-30',
      name: 'Chuyên mục CĐS trên loa (đến 6/2025)',
    });
    expect(end.statusCode, end.body).toBe(200);
    expect(end.json()).toMatchObject({
      endedOn: '2025-06-30',
      isEnded: true,
      activityCount: 1,
      name: 'Chuyên mục CĐS trên loa (đến 6/2025)',
    });
    const [entry] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'channel.end'), eq(auditLog.entityId, radio.id)));
    expect(entry?.before).toEqual({ name: 'Chuyên mục CĐS trên loa', endedOn: null });
    expect(entry?.after).toEqual({ name: 'Chuyên mục CĐS trên loa (đến 6/2025)', endedOn: '2025-06-30' });

    // Records after the end are refused.
    const late = await officerA.post('/api/activities', {
      kind: 'broadcast',
      unitId: units.communeA,
      channelId: radio.id,
      occurredOn: '2025-07-07',
      title: 'Bản tin sau khi kết thúc',
      durationSeconds: 600,
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().details).toEqual([expect.objectContaining({ field: 'occurredOn' })]);
  });

  it('deletes an unused channel, and refuses with 409 one that records use (end it instead)', async () => {
    const unused = await createChannel(officerA, units.communeA, {
      kind: 'social_page',
      platform: 'zalo_oa',
      name: 'Zalo OA nhập nhầm',
    });
    const deleted = await officerA.delete(`/api/channels/${unused.id}`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((await listChannels(officerA, units.communeA)).items.map((item) => item.id)).not.toContain(
      unused.id,
    );
    expect((await officerA.patch(`/api/channels/${unused.id}`, { name: 'x' })).statusCode).toBe(404);

    const used = await createChannel(officerA, units.communeA, {
      kind: 'social_page',
      platform: 'facebook',
      name: 'Fanpage xã',
      url: 'https://facebook.com/xa-an',
    });
    const recordId = await recordPost(officerA, units.communeA, used.id, '2025-05-05', 1);
    const refused = await officerA.delete(`/api/channels/${used.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'CONFLICT', details: [{ field: 'endedOn' }] });
    expect(refused.json().message).toContain('ngày kết thúc');

    // A deleted record still holds its channel: it can be restored.
    const removed = await officerA.request({
      method: 'DELETE',
      url: `/api/activities/${recordId}`,
      payload: { reason: 'Nhập thử' },
    });
    expect(removed.statusCode).toBe(200);
    expect((await officerA.delete(`/api/channels/${used.id}`)).statusCode).toBe(409);
  });

  it('keeps other communes out (404) and lets viewers read but not write (403)', async () => {
    const channel = await createChannel(officerA, units.communeA, {
      kind: 'e_board',
      platform: 'e_board',
      name: 'Bảng điện tử UBND',
    });
    expect((await officerB.get(`/api/units/${units.communeA}/channels`)).statusCode).toBe(404);
    expect(
      (
        await officerB.post(`/api/units/${units.communeA}/channels`, {
          kind: 'e_board',
          platform: 'e_board',
          name: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect((await officerB.patch(`/api/channels/${channel.id}`, { name: 'Lấn sân' })).statusCode).toBe(404);
    expect((await officerB.delete(`/api/channels/${channel.id}`)).statusCode).toBe(404);

    const asViewer = await listChannels(viewer, units.communeA);
    expect(asViewer.canManage).toBe(false);
    expect(asViewer.items.map((item) => item.id)).toContain(channel.id);
    expect(
      (
        await viewer.post(`/api/units/${units.communeA}/channels`, {
          kind: 'e_board',
          platform: 'e_board',
          name: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect((await viewer.patch(`/api/channels/${channel.id}`, { name: 'x' })).statusCode).toBe(403);

    // A record may not use another unit's channel, even for someone who sees both.
    const foreign = await admin.post('/api/activities', {
      kind: 'post',
      unitId: units.communeB,
      channelId: channel.id,
      occurredOn: '2025-05-05',
      title: 'Tin lạc kênh',
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().details).toEqual([expect.objectContaining({ field: 'channelId' })]);
  });
});
