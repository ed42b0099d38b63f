import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, broadcastSchedules } from '../src/server/db/schema-activities';
import { ensureBuiltinFrameworks } from '../src/server/domain/frameworks/ensure-builtin-frameworks';
import { buildReportResults } from '../src/server/domain/reports/build-report-results';
import { sumTotals } from '../src/server/domain/reports/sum-totals';
import { recordUnitEvent } from '../src/server/domain/units/record-unit-event';
import type { AssessmentDetailDto } from '../src/shared/api/assessments';
import type { ReportResults } from '../src/shared/api/report-contract';
import type { ReportResultsDto } from '../src/shared/api/report-results';
import type { ScoreboardDto, UnitScoreDto } from '../src/shared/api/scoring';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit, TEST_ACTOR } from './support/factories';
import { createSignedInUser } from './support/scenarios';
import { addDxChannel, addDxRecords } from './support/scoring-records';

/**
 * Part I of a report (issue 10 item 5) for Xã Hợp Nhất in 2025: the former Xã Cũ merged into it on
 * 01/07/2025, so both units' records count (as the scores count them). Every figure below is counted
 * by hand from the records made in beforeAll; each record says why it counts or not.
 */
const PERIOD = { key: '2025', label: 'năm 2025', from: '2025-01-01', to: '2025-12-31' };
// Reports are built after the publication (the official score is the one published by `now`).
let NOW: Date;

describe('report results: part I from the records and the scores', () => {
  let ctx: TestContext;
  let province: string;
  let commune: string;
  let former: string;
  let office: Session;
  let officer: Session;
  let outsider: Session;
  const channels: Record<string, string> = {};
  const db = () => ctx.database.db;

  async function ok<T>(response: { statusCode: number; body: string; json<U>(): U }): Promise<T> {
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    await ensureBuiltinFrameworks(ctx.database);
    province = await createUnit(db(), { kind: 'province', code: '73', name: 'Tỉnh Báo Cáo' });
    former = await createUnit(db(), {
      code: '73001',
      name: 'Xã Cũ',
      parentId: province,
      validFrom: '2020-01-01',
    });
    commune = await createUnit(db(), {
      code: '73002',
      name: 'Xã Hợp Nhất',
      parentId: province,
      validFrom: '2025-07-01',
    });
    await recordUnitEvent(db(), TEST_ACTOR, {
      kind: 'merge',
      date: '2025-07-01',
      fromIds: [former],
      toId: commune,
    });
    const other = await createUnit(db(), { code: '73003', name: 'Xã Khác', parentId: province });

    channels.formerWeb = await addDxChannel(
      db(),
      former,
      'website_column',
      '2024-01-01',
      'Chuyên mục CĐS xã cũ',
    );
    channels.formerRadio = await addDxChannel(
      db(),
      former,
      'radio_programme',
      '2024-01-01',
      'Chương trình CĐS xã cũ',
    );
    channels.web = await addDxChannel(db(), commune, 'website_column', '2025-07-01');
    channels.radio = await addDxChannel(db(), commune, 'radio_programme', '2025-07-01');
    channels.social = await addDxChannel(db(), commune, 'social_page', '2025-07-01', 'Fanpage Xã Hợp Nhất');

    const post = { genre: 'bai', topics: ['benefits'] };
    // Xã Cũ: two posts in its column (counted, DX); one dated 30/12/2024 (outside the period).
    await addDxRecords(db(), 'post', former, channels.formerWeb, ['2025-03-10', '2025-05-10'], {
      genre: 'tin',
      topics: ['policy'],
      url: 'https://xacu.example/tin',
    });
    await addDxRecords(db(), 'post', former, channels.formerWeb, ['2024-12-30'], post);
    // Xã Hợp Nhất: three posts in its column (counted, DX); the third has a Sedang translation
    // (one item: not a post again, but a language version and an ethnic-language item).
    const [, , third] = await addDxRecords(
      db(),
      'post',
      commune,
      channels.web,
      ['2025-08-10', '2025-09-10', '2025-10-10'],
      { ...post, url: 'https://hopnhat.example/bai' },
    );
    await addDxRecords(db(), 'post', commune, channels.web, ['2025-10-11'], {
      ...post,
      language: 'sed',
      translationOfId: third,
    });
    // A suspected duplicate, a deleted post, a rejected post and one of 2026: none counts anywhere.
    await addDxRecords(db(), 'post', commune, channels.web, ['2025-08-11'], {
      ...post,
      duplicateOfId: third,
    });
    await addDxRecords(db(), 'post', commune, channels.web, ['2025-09-12'], {
      ...post,
      deletedAt: new Date('2025-09-20T00:00:00Z'),
      deleteReason: 'nhầm',
    });
    await addDxRecords(db(), 'post', commune, channels.web, ['2025-09-13'], {
      ...post,
      reviewStatus: 'rejected',
    });
    await addDxRecords(db(), 'post', commune, channels.web, ['2026-01-05'], post);
    // A deleted original with a live Sedang translation: the translation counts in its place.
    const [deletedOriginal] = await addDxRecords(db(), 'post', commune, channels.web, ['2025-12-01'], {
      ...post,
      deletedAt: new Date('2025-12-05T00:00:00Z'),
      deleteReason: 'thay bằng bản khác',
    });
    await addDxRecords(db(), 'post', commune, channels.web, ['2025-12-02'], {
      ...post,
      language: 'sed',
      translationOfId: deletedOriginal,
      url: 'https://hopnhat.example/sed',
    });
    // Two posts on the fan page: a post without a topic is not a DX post, one with a D11 topic is.
    await addDxRecords(db(), 'post', commune, channels.social, ['2025-11-05'], { topics: [] });
    await addDxRecords(db(), 'post', commune, channels.social, ['2025-11-06'], {
      topics: ['e_commerce'],
      url: 'https://facebook.example/hopnhat/1',
    });
    // Broadcasts: Xã Cũ on 31/12/2024 (outside), 02/01 and 09/01/2025; Xã Hợp Nhất on 05/08 with a
    // Sedang version (one broadcast, two languages) and on 30/12/2025 (in the period, but in ISO week 1
    // of 2026, which is not a week of 2025).
    const broadcast = (seconds: number, topics: string[]) => ({
      genre: 'cau_chuyen',
      topics,
      durationSeconds: seconds,
    });
    await addDxRecords(
      db(),
      'broadcast',
      former,
      channels.formerRadio,
      ['2024-12-31'],
      broadcast(600, ['policy']),
    );
    await addDxRecords(
      db(),
      'broadcast',
      former,
      channels.formerRadio,
      ['2025-01-02'],
      broadcast(600, ['policy']),
    );
    await addDxRecords(
      db(),
      'broadcast',
      former,
      channels.formerRadio,
      ['2025-01-09'],
      broadcast(900, ['policy']),
    );
    const [aired] = await addDxRecords(
      db(),
      'broadcast',
      commune,
      channels.radio,
      ['2025-08-05'],
      broadcast(600, ['good_models']),
    );
    await addDxRecords(db(), 'broadcast', commune, channels.radio, ['2025-08-05'], {
      ...broadcast(600, ['good_models']),
      language: 'sed',
      translationOfId: aired,
    });
    await addDxRecords(
      db(),
      'broadcast',
      commune,
      channels.radio,
      ['2025-12-30'],
      broadcast(720, ['good_models']),
    );
    // Another commune's records never count.
    const otherWeb = await addDxChannel(db(), other, 'website_column', '2024-01-01');
    await addDxRecords(db(), 'post', other, otherWeb, ['2025-04-04'], post);
    // Banners: seen on 01/06, missing at the check of 20/11 (the latest in the period), seen in 2026.
    const banner = (day: string, isVerified: boolean) => ({
      kind: 'banner' as const,
      unitId: commune,
      channelId: channels.web,
      occurredAt: new Date(`${day}T02:00:00Z`),
      occurredOn: day,
      title: `Kiểm tra banner ${day}`,
      searchText: `kiem tra banner ${day}`,
      targetUrl: 'https://tinh.example/cds',
      isVerified,
      provenance: 'form',
    });
    await db()
      .insert(activities)
      .values([banner('2025-06-01', true), banner('2025-11-20', false), banner('2026-01-10', true)]);
    // Broadcast schedules: August issued, September a draft, January 2026 outside the period.
    await db()
      .insert(broadcastSchedules)
      .values([
        {
          unitId: commune,
          channelId: channels.radio,
          month: '2025-08-01',
          status: 'issued',
          documentNumber: '12/DMPS-UBND',
          issuedAt: new Date('2025-07-25T03:00:00Z'),
        },
        { unitId: commune, channelId: channels.radio, month: '2025-09-01', status: 'draft' },
        {
          unitId: commune,
          channelId: channels.radio,
          month: '2026-01-01',
          status: 'issued',
          issuedAt: new Date('2025-12-26T03:00:00Z'),
        },
      ]);

    officer = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: commune }])).session;
    const head = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_head', unitId: commune }])).session;
    const reviewer = (await createSignedInUser(ctx.app, db(), [{ role: 'reviewer', unitId: province }]))
      .session;
    office = (await createSignedInUser(ctx.app, db(), [{ role: 'dx_office', unitId: province }])).session;
    outsider = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: other }])).session;

    // A published appraisal of 2025 on Kon Tum QĐ 780: 15 + 20 where the records give less.
    const created = await ok<AssessmentDetailDto>(
      await officer.post(`/api/units/${commune}/assessments`, { framework: 'kontum-780', period: '2025' }),
    );
    for (const code of ['1.4', '1.5'])
      await ok(await officer.patch(`/api/assessments/${created.id}/criteria/${code}`, { selfScore: 20 }));
    await ok(await head.post(`/api/assessments/${created.id}/submit`, {}));
    await ok(await reviewer.patch(`/api/assessments/${created.id}/appraisal/1.4`, { reviewerScore: 15 }));
    await ok(await reviewer.patch(`/api/assessments/${created.id}/appraisal/1.5`, { reviewerScore: 20 }));
    await ok(await reviewer.post(`/api/assessments/${created.id}/appraise`, {}));
    await ok(await office.post(`/api/assessments/${created.id}/publish`, {}));
    NOW = new Date();
  });
  afterAll(() => ctx.close());

  const build = (lang: 'vi' | 'en' = 'vi') =>
    buildReportResults(db(), { unitId: commune, period: PERIOD, lang, now: NOW });

  it('counts the items of the unit and the unit merged into it as the scores count them', async () => {
    const results = await build();
    expect(results.unit).toEqual({ id: commune, name: 'Xã Hợp Nhất', kind: 'commune' });
    expect(results.period).toEqual(PERIOD);
    expect(results.computedAt).toBe(NOW.toISOString());
    expect(results.totals).toEqual({
      // Xã Cũ 2 + column 3 + the translation standing for its deleted original 1 + fan page 2.
      posts: 8,
      // All but the fan page's post without a topic.
      dxPosts: 7,
      // 02/01, 09/01, 05/08 (its Sedang version is the same broadcast), 30/12.
      broadcasts: 4,
      broadcastMinutes: 10 + 15 + 10 + 12,
      pressIssues: 0,
      // The two Sedang posts and the Sedang broadcast.
      ethnicLanguageItems: 3,
      schedulesIssued: 1,
    });
    expect(results.byChannel.map((row) => [row.key, row.kind, row.count, row.minutes]).sort()).toEqual(
      [
        [channels.formerWeb, 'website_column', 2, 0],
        [channels.formerRadio, 'radio_programme', 2, 25],
        [channels.web, 'website_column', 4, 0],
        [channels.radio, 'radio_programme', 2, 22],
        [channels.social, 'social_page', 2, 0],
      ].sort(),
    );
    expect(results.byChannel.find((row) => row.key === channels.social)!.label).toBe(
      'Fanpage Xã Hợp Nhất · Mạng xã hội',
    );
    expect(results.byGenre).toEqual([
      { key: 'bai', label: 'Bài', count: 4 },
      { key: 'cau_chuyen', label: 'Câu chuyện truyền thanh', count: 4 },
      { key: 'none', label: 'Không ghi thể loại', count: 2 },
      { key: 'tin', label: 'Tin', count: 2 },
    ]);
    expect(results.byTopic.map((row) => [row.key, row.count])).toEqual([
      ['policy', 4],
      ['benefits', 4],
      ['good_models', 2],
      ['e_commerce', 1],
    ]);
    expect(results.byTopic.find((row) => row.key === 'e_commerce')!.label).toBe('Thương mại điện tử');
    // Every version by its language, named: 7 Vietnamese posts and 4 broadcasts; 3 Sedang versions.
    expect(results.byLanguage).toEqual([
      { key: 'vi', label: 'Tiếng Việt', count: 11 },
      { key: 'sed', label: 'Tiếng Xơ Đăng', count: 3 },
    ]);
  });

  it('lists the DX posts newest first with their links, and the banner, schedules and weeks', async () => {
    const results = await build();
    expect(results.dxPostsTotal).toBe(7);
    expect(results.dxPosts.map((row) => row.date)).toEqual([
      '2025-12-02',
      '2025-11-06',
      '2025-10-10',
      '2025-09-10',
      '2025-08-10',
      '2025-05-10',
      '2025-03-10',
    ]);
    expect(results.dxPosts[0]).toMatchObject({
      url: 'https://hopnhat.example/sed',
      channel: 'Chuyên mục Chuyển đổi số · Trang thông tin điện tử',
    });
    expect(results.banner).toEqual({
      status: 'absent',
      checkedOn: '2025-11-20',
      targetUrl: 'https://tinh.example/cds',
    });
    expect(results.schedules).toEqual([
      { month: '2025-08', status: 'issued', documentNumber: '12/DMPS-UBND', issuedOn: '2025-07-25' },
      { month: '2025-09', status: 'draft', documentNumber: null, issuedOn: null },
    ]);
    // The 52 ISO weeks of 2025; week 1 (30/12/2024–05/01/2025) counts from 01/01 only, and
    // 30/12/2025 lies in week 1 of 2026.
    const weeks = results.broadcastsPerWeek;
    expect(weeks).toHaveLength(52);
    expect(weeks[0]).toEqual({
      week: '2025-W01',
      from: '2025-01-01',
      to: '2025-01-05',
      count: 1,
      minutes: 10,
    });
    expect(weeks[1]).toEqual({
      week: '2025-W02',
      from: '2025-01-06',
      to: '2025-01-12',
      count: 1,
      minutes: 15,
    });
    expect(weeks.find((week) => week.week === '2025-W32')).toMatchObject({ count: 1, minutes: 10 });
    expect(weeks.at(-1)).toMatchObject({ week: '2025-W52', to: '2025-12-28', count: 0 });
    expect(weeks.reduce((sum, week) => sum + week.count, 0)).toBe(3);
  });

  it('gives the same scores as the scores API and the scoreboard (live, official, explanations)', async () => {
    const results = await build();
    const unit = await ok<UnitScoreDto>(
      await office.get(`/api/units/${commune}/scores?framework=kontum-780&period=2025`),
    );
    const board = await ok<ScoreboardDto>(
      await office.get(`/api/scoreboard?framework=kontum-780&period=2025&unitId=${province}`),
    );
    const row = board.rows.find((candidate) => candidate.unitId === commune)!;
    const scores = results.scores!;
    expect(scores.frameworkName).toBe(unit.framework.name);
    expect(scores.periodLabel).toBe('năm 2025');
    expect(scores.live).toEqual({ score: unit.score, max: unit.max });
    expect(scores.live).toEqual({ score: row.score, max: row.max });
    expect(scores.official).toMatchObject({ score: 35, max: 40 });
    expect(scores.official).toMatchObject({ score: unit.official!.score, max: unit.official!.max });
    expect(scores.criteria).toEqual(
      unit.criteria.map((criterion) => ({
        code: criterion.code,
        name: criterion.title,
        max: criterion.max,
        liveScore: criterion.score,
        officialScore: criterion.official!.score,
        explanation: criterion.explanation,
      })),
    );
    expect(scores.criteria.map((c) => c.officialScore)).toEqual([15, 20]);
    // The English report explains in English, as the scores page does with lang=en.
    const english = await build('en');
    const unitEn = await ok<UnitScoreDto>(
      await office.get(`/api/units/${commune}/scores?framework=kontum-780&period=2025&lang=en`),
    );
    expect(english.scores!.criteria.map((c) => c.explanation)).toEqual(
      unitEn.criteria.map((c) => c.explanation),
    );
    expect(english.scores!.periodLabel).toBe('2025');
    expect(english.byLanguage.map((row) => row.label)).toEqual(['Vietnamese', 'Sedang']);
  });

  it('serves part I to the unit’s people, not to another commune (404), and bounds the range', async () => {
    const dto = await ok<ReportResultsDto>(
      await officer.get(`/api/units/${commune}/report-results?from=2025-01-01&to=2025-12-31&periodKey=2025`),
    );
    const direct = await build();
    expect({ ...dto, computedAt: '' }).toEqual({
      ...direct,
      computedAt: '',
      period: { ...PERIOD, label: '01/01/2025–31/12/2025' },
    });
    expect(
      (await outsider.get(`/api/units/${commune}/report-results?from=2025-01-01&to=2025-12-31`)).statusCode,
    ).toBe(404);
    const tooLong = await officer.get(`/api/units/${commune}/report-results?from=2024-01-01&to=2025-12-31`);
    expect(tooLong.statusCode).toBe(400);
    const reversed = await officer.get(`/api/units/${commune}/report-results?from=2025-12-31&to=2025-01-01`);
    expect(reversed.statusCode).toBe(400);
  });

  it('sums several units’ totals, skipping units without figures', async () => {
    const results: ReportResults = await build();
    expect(sumTotals([results.totals, null, results.totals])).toEqual({
      posts: 16,
      dxPosts: 14,
      broadcasts: 8,
      broadcastMinutes: 94,
      pressIssues: 0,
      ethnicLanguageItems: 6,
      schedulesIssued: 2,
    });
    expect(sumTotals([]).posts).toBe(0);
  });

  it('a deleted record restored counts again (the rules are read from the records, not cached)', async () => {
    const [restored] = await db()
      .update(activities)
      .set({ deletedAt: null, deleteReason: null })
      .where(eq(activities.occurredOn, '2025-09-12'))
      .returning({ id: activities.id });
    expect(restored).toBeDefined();
    const results = await build();
    expect(results.totals.posts).toBe(9);
    expect(results.totals.dxPosts).toBe(8);
  });
});
