import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/db/client';
import { insertActivities } from '../src/server/db/repositories/activities';
import { auditLog } from '../src/server/db/schema';
import { activities, channels } from '../src/server/db/schema-activities';
import { monitorChecks, monitorItems } from '../src/server/db/schema-monitor';
import { notifications } from '../src/server/db/schema-notifications';
import { ensureBuiltinFrameworks } from '../src/server/domain/frameworks/ensure-builtin-frameworks';
import { checkBanner } from '../src/server/domain/monitor/check-banner';
import { checkColumn } from '../src/server/domain/monitor/check-column';
import { setMonitorDeps } from '../src/server/domain/monitor/deps';
import { queueChecks } from '../src/server/domain/monitor/queue-checks';
import { scheduleMonitorChecks } from '../src/server/domain/monitor/schedule-checks';
import { QUEUES } from '../src/server/jobs/queues';
import { FetchFailure } from '../src/server/monitor/contract';
import { createLocalFileStore } from '../src/server/storage/local-file-store';
import type { CheckDto, MonitorItemDto, OverridesTestDto, UnitMonitorDto } from '../src/shared/api/monitor';
import type { UnitScoreDto } from '../src/shared/api/scoring';
import { vnInstant } from '../src/shared/dates';
import { foldForSearch } from '../src/shared/text';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { createFakeWeb, type FakeWeb } from './support/monitor-fakes';
import { createSignedInUser } from './support/scenarios';
import { addDxChannel, addDxRecords } from './support/scoring-records';

/**
 * The website monitor's orchestration (issue 11 items 1, 4, 5, 8) with fake parts: a check of a DX
 * column creating posts for sure items, queueing unsure ones for review and ignoring the rest; a
 * page an officer already recorded; the listing read back to the period's start; failures with their
 * reasons; banner checks; alerts; decisions and their effect on scores; access; the job queues.
 * The clock is fixed in November 2025 (Kon Tum QĐ 780: the year 2025 is the scoring period).
 */

const NOW = new Date('2025-11-20T03:00:00Z');
const FRAMEWORK = 'kontum-780';
const BANNER_TARGET = 'https://quangngai.gov.vn/chuyen-doi-so';

let ctx: TestContext;
let db: Db;
let web: FakeWeb;
let dataDir: string;
let provinceId: string;
let office: Session;
let officeUserId: string;

const fileStore = () => createLocalFileStore(dataDir);
const runColumn = (checkId: string) => checkColumn({ db, fileStore: fileStore(), checkId, deps: web.deps });
const runBanner = (checkId: string) => checkBanner({ db, fileStore: fileStore(), checkId, deps: web.deps });

/** A commune with a website DX column at https://<host>/chuyen-doi-so and an officer. */
async function communeWithColumn(host: string) {
  const unitId = await createUnit(db, { kind: 'commune', parentId: provinceId, validFrom: '2020-01-01' });
  const channelId = await addDxChannel(db, unitId, 'website_column', '2022-06-01');
  const url = `https://${host}/chuyen-doi-so`;
  await db.update(channels).set({ url }).where(eq(channels.id, channelId));
  const officer = await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId }]);
  return { unitId, channelId, url, officer: officer.session, officerId: officer.userId };
}

/** Queues a column (or banner) check as "check now" does, through the API, and answers its id. */
async function checkNow(session: Session, unitId: string, kind: 'column' | 'banner'): Promise<string> {
  const response = await session.post(`/api/units/${unitId}/monitor/checks`, { kinds: [kind] });
  expect(response.statusCode, response.body).toBe(200);
  const checks = response.json<{ checks: CheckDto[] }>().checks;
  expect(checks.map((check) => check.kind)).toEqual([kind]);
  return checks[0]!.id;
}

/** Saves the province's monitor settings as its DX office (defaults plus the banner's target). */
async function saveSettings(
  values: Partial<{ failureAlertAfter: number; staleAlertAfterDays: number }> = {},
) {
  const response = await office.request({
    method: 'PUT',
    url: `/api/units/${provinceId}/monitor-settings`,
    payload: {
      isEnabled: true,
      checkHour: 2,
      intervalDays: 1,
      bannerTargetUrl: BANNER_TARGET,
      failureAlertAfter: 3,
      staleAlertAfterDays: 30,
      ...values,
    },
  });
  expect(response.statusCode, response.body).toBe(200);
}

async function itemsOf(channelId: string) {
  return db.select().from(monitorItems).where(eq(monitorItems.channelId, channelId));
}

async function checkRow(checkId: string) {
  const [row] = await db.select().from(monitorChecks).where(eq(monitorChecks.id, checkId));
  return row!;
}

beforeAll(async () => {
  ctx = await createTestApp();
  db = ctx.database.db;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-monitor-'));
  await ensureBuiltinFrameworks(ctx.database);
  web = createFakeWeb(NOW);
  setMonitorDeps(web.deps);
  provinceId = await createUnit(db, { kind: 'province', name: 'Tỉnh Giám Sát' });
  const officeUser = await createSignedInUser(ctx.app, db, [{ role: 'dx_office', unitId: provinceId }]);
  office = officeUser.session;
  officeUserId = officeUser.userId;
});

afterAll(async () => {
  setMonitorDeps(null);
  await ctx.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a check of a DX column', () => {
  it('records sure DX items as posts, queues unsure and undated ones for review and ignores the rest', async () => {
    const site = await communeWithColumn('xa-an.gov.vn');
    web.pages.set(site.url, {
      items: [
        {
          url: 'https://xa-an.gov.vn/tin/hoi-nghi-chuyen-doi-so',
          title: 'Hội nghị triển khai chuyển đổi số năm 2025',
          lead: 'UBND xã tổ chức hội nghị.',
          publishedAt: '2025-11-10T02:00:00Z',
        },
        {
          url: 'https://xa-an.gov.vn/tin/co-the-ung-dung',
          title: 'Người dân có thể nộp hồ sơ qua mạng',
          lead: 'Hướng dẫn nộp hồ sơ.',
          publishedAt: '2025-11-09T02:00:00Z',
        },
        {
          url: 'https://xa-an.gov.vn/tin/thoi-tiet',
          title: 'Dự báo thời tiết tuần tới',
          lead: 'Mưa rào.',
          publishedAt: '2025-11-08T02:00:00Z',
        },
        { url: 'https://xa-an.gov.vn/tin/khong-ngay', title: 'Tập huấn chuyển đổi số cho tổ công nghệ' },
      ],
    });
    // The undated item's article is read for a date; it has none either.
    web.pages.set('https://xa-an.gov.vn/tin/khong-ngay', { title: 'Tập huấn', text: 'Nội dung bài.' });

    const checkId = await checkNow(site.officer, site.unitId, 'column');
    const queued = await site.officer.get(`/api/monitor/checks/${checkId}`);
    expect(queued.json<CheckDto>()).toMatchObject({ status: 'queued', trigger: 'manual', kind: 'column' });

    const snapshotsBefore = web.snapshots.length;
    const summary = await runColumn(checkId);
    expect(summary).toContain('4 tin mới');

    const check = (await site.officer.get(`/api/monitor/checks/${checkId}`)).json<CheckDto>();
    expect(check).toMatchObject({
      status: 'succeeded',
      pagesFetched: 2,
      itemsFound: 4,
      itemsNew: 4,
      progress: null,
      errorCode: null,
    });
    // One snapshot for the listing (three items came from it) and one for the article read.
    expect(web.snapshots.slice(snapshotsBefore)).toEqual([site.url, 'https://xa-an.gov.vn/tin/khong-ngay']);

    const items = await itemsOf(site.channelId);
    const stateOf = (fragment: string) => items.find((item) => item.url.includes(fragment))!;
    expect(stateOf('hoi-nghi').state).toBe('recorded');
    expect(stateOf('co-the').state).toBe('review');
    expect(stateOf('thoi-tiet').state).toBe('ignored');
    expect(stateOf('khong-ngay').state).toBe('review');
    expect(stateOf('khong-ngay').snapshotId).not.toBe(stateOf('hoi-nghi').snapshotId);

    const [post] = await db
      .select()
      .from(activities)
      .where(eq(activities.id, stateOf('hoi-nghi').activityId!));
    expect(post).toMatchObject({
      kind: 'post',
      provenance: 'monitor',
      unitId: site.unitId,
      channelId: site.channelId,
      title: 'Hội nghị triển khai chuyển đổi số năm 2025',
      url: 'https://xa-an.gov.vn/tin/hoi-nghi-chuyen-doi-so',
      occurredOn: '2025-11-10',
      topics: ['policy'],
      reviewStatus: 'pending',
      snapshotId: stateOf('hoi-nghi').snapshotId,
    });
    expect(post!.occurredAt.toISOString()).toBe('2025-11-10T02:00:00.000Z');
    expect(web.links).toContainEqual({ snapshotId: post!.snapshotId, activityId: post!.id });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, post!.id), eq(auditLog.action, 'activity.create')));
    expect(audit).toMatchObject({ actorLabel: 'monitor' });

    // The unit's monitor page and the review queue show it.
    const status = (await site.officer.get(`/api/units/${site.unitId}/monitor`)).json<UnitMonitorDto>();
    expect(status.channels[0]).toMatchObject({
      channelId: site.channelId,
      items: { found: 4, recorded: 1, review: 2, ignored: 1 },
      lastCheck: { id: checkId, status: 'succeeded' },
      recentFailures: [],
    });
    expect(status.canCheck).toBe(true);
    expect(status.canManage).toBe(false);
    const queue = (await site.officer.get(`/api/monitor/items?unitId=${site.unitId}`)).json<{
      items: MonitorItemDto[];
      total: number;
    }>();
    expect(queue.total).toBe(2);
    expect(queue.items.find((item) => item.url.includes('co-the'))).toMatchObject({
      isDx: true,
      topic: 'benefits',
      confidence: 0.55,
      reasons: ['"có thể" +0.1'],
      canDecide: true,
    });

    // A second check finds nothing new and creates nothing.
    const again = await checkNow(site.officer, site.unitId, 'column');
    await runColumn(again);
    expect(await checkRow(again)).toMatchObject({ status: 'succeeded', itemsFound: 4, itemsNew: 0 });
    expect(await itemsOf(site.channelId)).toHaveLength(4);
  });

  it('links the snapshot to a record an officer typed in for the same page instead of recording it twice', async () => {
    const site = await communeWithColumn('xa-binh.gov.vn');
    const title = 'Ra mắt tổ công nghệ số cộng đồng';
    const [manualId] = await insertActivities(db, [
      {
        kind: 'post',
        unitId: site.unitId,
        channelId: site.channelId,
        occurredAt: vnInstant('2025-11-12', '08:00'),
        occurredOn: '2025-11-12',
        title,
        searchText: foldForSearch(title),
        // The same page written differently: www, a trailing slash, a tracking parameter.
        url: 'https://www.xa-binh.gov.vn/tin/to-cong-nghe/?utm_source=zalo',
        urlKey: 'xa-binh.gov.vn/tin/to-cong-nghe',
        provenance: 'form',
      },
    ]);
    web.pages.set(site.url, {
      items: [
        {
          url: 'https://xa-binh.gov.vn/tin/to-cong-nghe',
          title: 'Ra mắt tổ công nghệ số cộng đồng về chuyển đổi số',
          lead: 'Tổ công nghệ số.',
          publishedAt: '2025-11-12T01:00:00Z',
        },
      ],
    });
    const checkId = await checkNow(site.officer, site.unitId, 'column');
    await runColumn(checkId);
    const [item] = await itemsOf(site.channelId);
    expect(item).toMatchObject({ state: 'recorded', activityId: manualId });
    expect(web.links).toContainEqual({ snapshotId: item!.snapshotId, activityId: manualId });
    const posts = await db.select().from(activities).where(eq(activities.channelId, site.channelId));
    expect(posts.map((post) => post.id)).toEqual([manualId]);
  });

  it('reads the next pages while their items are in the period and stops at its start', async () => {
    const site = await communeWithColumn('xa-cau.gov.vn');
    const page = (n: number) => `https://xa-cau.gov.vn/chuyen-doi-so?page=${n}`;
    const item = (slug: string, publishedAt: string) => ({
      url: `https://xa-cau.gov.vn/tin/${slug}`,
      title: `Tin chuyển đổi số ${slug}`,
      lead: 'Sapo.',
      publishedAt,
    });
    web.pages.set(site.url, { items: [item('a', '2025-10-01T01:00:00Z')], next: page(2) });
    web.pages.set(page(2), {
      items: [item('b', '2025-01-05T01:00:00Z'), item('c', '2024-12-20T01:00:00Z')],
      next: page(3),
    });
    web.pages.set(page(3), { items: [item('d', '2024-11-01T01:00:00Z')], next: page(4) });
    const checkId = await checkNow(site.officer, site.unitId, 'column');
    await runColumn(checkId);
    expect(web.fetched).toContain(page(2));
    expect(web.fetched).not.toContain(page(3));
    expect(await checkRow(checkId)).toMatchObject({ pagesFetched: 2, itemsFound: 3, itemsNew: 2 });
    const urls = (await itemsOf(site.channelId)).map((row) => row.url.split('/').at(-1)).sort();
    // The post of 20/12/2024 is before the 2025 period: not kept.
    expect(urls).toEqual(['a', 'b']);
  });

  it('records a failed check with its reason, shown on the unit page', async () => {
    const site = await communeWithColumn('xa-dong.gov.vn');
    web.pages.set(
      site.url,
      new FetchFailure('robots_disallowed', 'Tệp robots.txt của trang không cho phép đọc chuyên mục này.'),
    );
    const checkId = await checkNow(site.officer, site.unitId, 'column');
    const summary = await runColumn(checkId);
    expect(summary).toContain('robots.txt');
    expect(await checkRow(checkId)).toMatchObject({
      status: 'failed',
      errorCode: 'robots_disallowed',
      errorMessage: 'Tệp robots.txt của trang không cho phép đọc chuyên mục này.',
    });
    const status = (await site.officer.get(`/api/units/${site.unitId}/monitor`)).json<UnitMonitorDto>();
    expect(status.channels[0]!.recentFailures).toEqual([
      expect.objectContaining({ id: checkId, errorCode: 'robots_disallowed' }),
    ]);
  });
});

describe('alerts', () => {
  const alertsOf = (unitId: string, kind: string) =>
    db
      .select()
      .from(notifications)
      .where(and(eq(notifications.unitId, unitId), eq(notifications.kind, kind)));

  it('tells the unit and the DX office once when a site fails N checks in a row', async () => {
    await saveSettings({ failureAlertAfter: 2 });
    const site = await communeWithColumn('xa-em.gov.vn');
    web.pages.set(site.url, new FetchFailure('timeout', 'Trang không trả lời trong 20 giây.'));
    await runColumn(await checkNow(site.officer, site.unitId, 'column'));
    expect(await alertsOf(site.unitId, 'monitor.failing')).toEqual([]);
    await runColumn(await checkNow(site.officer, site.unitId, 'column'));
    const alerts = await alertsOf(site.unitId, 'monitor.failing');
    // In the app and by e-mail, to the officer and to the office.
    expect(
      alerts.map((row) => `${row.recipientId === officeUserId ? 'office' : 'officer'}:${row.channel}`).sort(),
    ).toEqual(['office:email', 'office:in_app', 'officer:email', 'officer:in_app']);
    expect(alerts[0]!.body).toContain('2 lần kiểm tra liên tiếp không thành công');
    expect(alerts[0]!.body).toContain('Trang không trả lời trong 20 giây.');
    // The same streak does not ring again the next day.
    await runColumn(await checkNow(site.officer, site.unitId, 'column'));
    expect(await alertsOf(site.unitId, 'monitor.failing')).toHaveLength(4);
  });

  it('tells when a DX column has had no new post for N days, once per last post', async () => {
    await saveSettings();
    const site = await communeWithColumn('xa-gia.gov.vn');
    await addDxRecords(db, 'post', site.unitId, site.channelId, ['2025-10-01']);
    web.pages.set(site.url, { items: [] });
    await runColumn(await checkNow(site.officer, site.unitId, 'column'));
    const alerts = await alertsOf(site.unitId, 'monitor.stale');
    expect(alerts.filter((row) => row.channel === 'in_app')).toHaveLength(2);
    expect(alerts[0]!.body).toContain('50 ngày chưa có tin bài mới (tin gần nhất: 01/10/2025)');
    await runColumn(await checkNow(site.officer, site.unitId, 'column'));
    expect(await alertsOf(site.unitId, 'monitor.stale')).toHaveLength(alerts.length);
  });

  it('records each banner check and tells when a banner seen last time is gone', async () => {
    await saveSettings();
    const site = await communeWithColumn('xa-ha.gov.vn');
    const home = 'https://xa-ha.gov.vn/';
    web.pages.set(home, { links: [BANNER_TARGET, 'https://xa-ha.gov.vn/lien-he'] });
    const found = await checkNow(site.officer, site.unitId, 'banner');
    expect(await runBanner(found)).toContain('Có banner');
    expect(await checkRow(found)).toMatchObject({ status: 'succeeded', bannerFound: true });

    web.setNow(new Date('2025-11-21T03:00:00Z'));
    web.pages.set(home, { links: ['https://xa-ha.gov.vn/lien-he'] });
    const lost = await checkNow(site.officer, site.unitId, 'banner');
    await runBanner(lost);
    web.setNow(NOW);
    expect(await checkRow(lost)).toMatchObject({ status: 'succeeded', bannerFound: false });

    const banners = await db
      .select()
      .from(activities)
      .where(and(eq(activities.unitId, site.unitId), eq(activities.kind, 'banner')));
    expect(
      banners
        .map((row) => ({
          on: row.occurredOn,
          verified: row.isVerified,
          url: row.url,
          provenance: row.provenance,
        }))
        .sort((a, b) => a.on.localeCompare(b.on)),
    ).toEqual([
      { on: '2025-11-20', verified: true, url: home, provenance: 'monitor' },
      { on: '2025-11-21', verified: false, url: home, provenance: 'monitor' },
    ]);
    expect(banners.find((row) => row.isVerified)!.targetUrl).toBe(BANNER_TARGET);
    const alerts = await alertsOf(site.unitId, 'monitor.banner_lost');
    expect(alerts.filter((row) => row.channel === 'in_app')).toHaveLength(2);
    expect(alerts[0]!.title).toContain('Banner CĐS không còn');

    const status = (await site.officer.get(`/api/units/${site.unitId}/monitor`)).json<UnitMonitorDto>();
    expect(status.bannerTargetUrl).toBe(BANNER_TARGET);
    expect(status.banner.history.map((check) => check.bannerFound)).toEqual([false, true]);
  });
});

describe('the review queue', () => {
  async function score14(session: Session, unitId: string) {
    const response = await session.get(`/api/units/${unitId}/scores?framework=${FRAMEWORK}&period=2025`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<UnitScoreDto>().criteria.find((criterion) => criterion.code === '1.4')!;
  }

  it('lets a person decide an item, which overrides the classifier, moves the score and is exported', async () => {
    const site = await communeWithColumn('xa-kim.gov.vn');
    // Nine posts in 2025: one short of criterion 1.4's ten.
    await addDxRecords(
      db,
      'post',
      site.unitId,
      site.channelId,
      ['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((month) => `2025-${month}-15`),
    );
    web.pages.set(site.url, {
      items: [
        {
          url: 'https://xa-kim.gov.vn/tin/co-the-dung-vneid',
          title: 'Người dân có thể dùng VNeID để làm thủ tục',
          lead: 'Hướng dẫn dùng VNeID.',
          publishedAt: '2025-11-05T01:00:00Z',
        },
      ],
    });
    await runColumn(await checkNow(site.officer, site.unitId, 'column'));
    const [item] = await itemsOf(site.channelId);
    expect(item!.state).toBe('review');
    expect(await score14(site.officer, site.unitId)).toMatchObject({ score: 0 });

    const missingTopic = await site.officer.post(`/api/monitor/items/${item!.id}/decision`, { isDx: true });
    expect(missingTopic.statusCode).toBe(400);
    expect(missingTopic.json()).toMatchObject({
      details: [expect.objectContaining({ field: 'body.topic', message: 'Chọn chủ đề của tin CĐS.' })],
    });

    const dx = await site.officer.post(`/api/monitor/items/${item!.id}/decision`, {
      isDx: true,
      topic: 'digital_society',
    });
    expect(dx.statusCode, dx.body).toBe(200);
    expect(dx.json<MonitorItemDto>()).toMatchObject({
      state: 'recorded',
      decidedIsDx: true,
      decidedTopic: 'digital_society',
      // The classifier's own verdict stays beside the decision.
      isDx: true,
      topic: 'benefits',
    });
    const activityId = dx.json<MonitorItemDto>().activityId!;
    const [post] = await db.select().from(activities).where(eq(activities.id, activityId));
    expect(post).toMatchObject({
      provenance: 'monitor',
      topics: ['digital_society'],
      occurredOn: '2025-11-05',
      recordedBy: site.officerId,
    });
    expect(await score14(site.officer, site.unitId)).toMatchObject({ score: 20 });

    const not = await site.officer.post(`/api/monitor/items/${item!.id}/decision`, { isDx: false });
    expect(not.statusCode, not.body).toBe(200);
    expect(not.json<MonitorItemDto>()).toMatchObject({
      state: 'ignored',
      decidedIsDx: false,
      activityId: null,
    });
    const [deleted] = await db.select().from(activities).where(eq(activities.id, activityId));
    expect(deleted!.deletedAt).not.toBeNull();
    expect(deleted!.deleteReason).toContain('không phải tin về chuyển đổi số');
    expect(await score14(site.officer, site.unitId)).toMatchObject({ score: 0 });

    const decisions = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, item!.id), eq(auditLog.action, 'monitor.decide')));
    expect(decisions).toHaveLength(2);

    // The next check leaves the decided item alone.
    await runColumn(await checkNow(site.officer, site.unitId, 'column'));
    expect((await itemsOf(site.channelId))[0]).toMatchObject({ state: 'ignored', decidedIsDx: false });

    // The officer may not export; the office gets the decision as a JSON line.
    expect((await site.officer.get('/api/monitor/decisions.jsonl')).statusCode).toBe(403);
    const exported = await office.get(`/api/monitor/decisions.jsonl?unitId=${site.unitId}`);
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.headers['content-type']).toContain('application/x-ndjson');
    expect(
      exported.body
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      {
        title: 'Người dân có thể dùng VNeID để làm thủ tục',
        lead: 'Hướng dẫn dùng VNeID.',
        isDx: false,
        topic: null,
      },
    ]);
  });
});

describe('settings and overrides', () => {
  it('tests overrides against the live page without storing anything, then saves them (office only)', async () => {
    const site = await communeWithColumn('xa-lam.gov.vn');
    const listing = 'https://xa-lam.gov.vn/danh-muc/cds';
    web.pages.set(listing, {
      method: 'overrides',
      items: [
        {
          url: 'https://xa-lam.gov.vn/tin/1',
          title: 'Tin chuyển đổi số 1',
          publishedAt: '2025-11-01T01:00:00Z',
        },
      ],
    });
    const body = {
      listingUrl: listing,
      itemSelector: '.news-item',
      titleSelector: 'h3 a',
      dateSelector: '.date',
    };
    const url = `/api/monitor/columns/${site.channelId}/overrides`;
    expect((await site.officer.post(`${url}/test`, body)).statusCode).toBe(403);
    const tested = await office.post(`${url}/test`, body);
    expect(tested.statusCode, tested.body).toBe(200);
    expect(tested.json<OverridesTestDto>()).toMatchObject({
      ok: true,
      method: 'overrides',
      pagesFetched: 1,
      items: [{ url: 'https://xa-lam.gov.vn/tin/1', title: 'Tin chuyển đổi số 1' }],
    });
    expect(await itemsOf(site.channelId)).toEqual([]);
    expect((await office.get(url)).json()).toMatchObject({ listingUrl: null, canEdit: true });

    const failing = await office.post(`${url}/test`, { listingUrl: 'https://xa-lam.gov.vn/khong-co' });
    expect(failing.json<OverridesTestDto>()).toMatchObject({ ok: false, errorCode: 'http_error' });

    const saved = await office.request({ method: 'PUT', url, payload: body });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      listingUrl: listing,
      itemSelector: '.news-item',
      nextSelector: null,
    });
    // The check now reads the overrides' listing.
    await runColumn(await checkNow(site.officer, site.unitId, 'column'));
    expect((await itemsOf(site.channelId)).map((item) => item.url)).toEqual(['https://xa-lam.gov.vn/tin/1']);
  });

  it('refuses settings out of range, naming the field', async () => {
    const response = await office.request({
      method: 'PUT',
      url: `/api/units/${provinceId}/monitor-settings`,
      payload: {
        isEnabled: true,
        checkHour: 25,
        intervalDays: 1,
        bannerTargetUrl: 'ftp://x',
        failureAlertAfter: 3,
        staleAlertAfterDays: 30,
      },
    });
    expect(response.statusCode).toBe(400);
    const fields = response
      .json<{ details: Array<{ field: string }> }>()
      .details.map((detail) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['body.checkHour', 'body.bannerTargetUrl']));
  });
});

describe('access', () => {
  it('lets the unit check now, refuses a viewer, and answers 404 to another commune', async () => {
    const site = await communeWithColumn('xa-mai.gov.vn');
    const other = await communeWithColumn('xa-nam.gov.vn');
    const viewer = (await createSignedInUser(ctx.app, db, [{ role: 'viewer', unitId: site.unitId }])).session;
    expect(
      (await viewer.post(`/api/units/${site.unitId}/monitor/checks`, { kinds: ['column'] })).statusCode,
    ).toBe(403);
    expect((await viewer.get(`/api/units/${site.unitId}/monitor`)).statusCode).toBe(200);

    const checkId = await checkNow(site.officer, site.unitId, 'column');
    // A second "check now" while one waits answers the waiting check, not a second job.
    expect(await checkNow(site.officer, site.unitId, 'column')).toBe(checkId);
    web.pages.set(site.url, {
      items: [
        {
          url: 'https://xa-mai.gov.vn/tin/x',
          title: 'Có thể mưa',
          lead: 'x',
          publishedAt: '2025-11-02T01:00:00Z',
        },
      ],
    });
    await runColumn(checkId);
    const [item] = await itemsOf(site.channelId);

    const outsider = other.officer;
    const refused = [
      await outsider.post(`/api/units/${site.unitId}/monitor/checks`, { kinds: ['column'] }),
      await outsider.get(`/api/units/${site.unitId}/monitor`),
      await outsider.get(`/api/monitor/checks/${checkId}`),
      await outsider.post(`/api/monitor/items/${item!.id}/decision`, { isDx: false }),
      await outsider.get(`/api/monitor/items?unitId=${site.unitId}`),
      await outsider.get(`/api/monitor/columns/${site.channelId}/overrides`),
    ];
    expect(refused.map((response) => response.statusCode)).toEqual([404, 404, 404, 404, 404, 404]);
    // The outsider's own queue does not show the other commune's item.
    const own = (await outsider.get('/api/monitor/items')).json<{ items: MonitorItemDto[] }>();
    expect(own.items.map((row) => row.id)).not.toContain(item!.id);
    expect((await office.get(`/api/monitor/checks/${checkId}`)).statusCode).toBe(200);
  });
});

describe('jobs', () => {
  it('declares the check queue one-active-per-host, with retries, and the hourly schedule', () => {
    const byName = new Map(QUEUES.map((queue) => [queue.name, queue]));
    expect(byName.get('monitor.check')!.settings).toMatchObject({ policy: 'singleton', retryBackoff: true });
    expect(byName.get('monitor.check')!.settings.retryLimit).toBeGreaterThan(0);
    expect(byName.get('monitor.schedule')!.cron!.expression).toBe('0 * * * *');
  });

  it('sends each check as a job keyed by the site host, in the transaction of its row', async () => {
    const site = await communeWithColumn('www.xa-oanh.gov.vn');
    const checkId = await checkNow(site.officer, site.unitId, 'column');
    const jobs = await db.execute(
      sql`select singleton_key as "singletonKey", data from pgboss.job where name = 'monitor.check' and data->>'checkId' = ${checkId}`,
    );
    expect((jobs as unknown as { rows: unknown[] }).rows).toEqual([
      { singletonKey: 'xa-oanh.gov.vn', data: { checkId, kind: 'column' } },
    ]);
    // The queue was created one-active-per-key: pg-boss holds a second active job of the host back.
    const queue = await db.execute(sql`select policy from pgboss.queue where name = 'monitor.check'`);
    expect((queue as unknown as { rows: unknown[] }).rows).toEqual([{ policy: 'singleton' }]);
    // A rolled-back transaction leaves neither the row nor the job.
    await expect(
      db.transaction(async (tx) => {
        await queueChecks(
          tx,
          [{ channelId: site.channelId, unitId: site.unitId, kind: 'column', url: site.url }],
          {
            trigger: 'schedule',
            requestedBy: null,
            now: NOW,
          },
        );
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const rows = await db.select().from(monitorChecks).where(eq(monitorChecks.channelId, site.channelId));
    expect(rows).toHaveLength(1);
  });

  it('queues the due checks at the province hour, once', async () => {
    await saveSettings();
    await communeWithColumn('xa-phu.gov.vn');
    const hour = (h: number) => new Date(Date.UTC(2025, 10, 25, h - 7, 0, 0));
    // Settings say 02:00: nothing at 01:00.
    expect(await scheduleMonitorChecks(db, hour(1))).toEqual({ column: 0, banner: 0 });
    const first = await scheduleMonitorChecks(db, hour(2));
    expect(first.column).toBeGreaterThan(0);
    expect(first.banner).toBeGreaterThan(0);
    const scheduled = await db.select().from(monitorChecks).where(eq(monitorChecks.trigger, 'schedule'));
    expect(scheduled.every((row) => row.status === 'queued')).toBe(true);
    // Run again within the hour: nothing more.
    expect(await scheduleMonitorChecks(db, new Date(hour(2).getTime() + 60_000))).toEqual({
      column: 0,
      banner: 0,
    });
  });
});
