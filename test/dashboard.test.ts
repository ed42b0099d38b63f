import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPeriods, reports, reportTypes } from '../src/server/db/schema-reports';
import { assessments, assessmentTransitions, frameworks } from '../src/server/db/schema-scoring';
import { countBroadcastHeatmap } from '../src/server/domain/dashboard/broadcast-heatmap';
import { findDueNext } from '../src/server/domain/dashboard/due-next';
import { getProvinceDashboard } from '../src/server/domain/dashboard/get-province-dashboard';
import { ensureBuiltinFrameworks } from '../src/server/domain/frameworks/ensure-builtin-frameworks';
import { findExpectedUnitsOfPeriod, summariseSubmissions } from '../src/server/domain/reports/expected-units';
import type { Principal } from '../src/server/policies/principal';
import type { ProvinceDashboardDto, UnitDashboardDto } from '../src/shared/api/dashboard';
import type { RankingDto, ScoreboardDto, UnitScoreDto } from '../src/shared/api/scoring';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { createSignedInUser } from './support/scenarios';
import { addDxChannel, addDxRecords, monthly, thursdays } from './support/scoring-records';

/**
 * The dashboards on a small province: three communes and a ward named like a formula, Kon Tum QĐ 780
 * (communes 40 points: 1.4 a DX column with ≥ 10 posts, 1.5 a broadcast every week). Heat-map
 * counts are worked out by hand on ISO weeks: 2026 has 53 (01/01/2026 is a Thursday), its week 1
 * runs 29/12/2025–04/01/2026 and its week 53 28/12/2026–03/01/2027; 2025 has 52.
 */

const FRAMEWORK = 'kontum-780';

describe('dashboards', () => {
  let ctx: TestContext;
  let office: Session;
  let officer: Session;
  let outsider: Session;
  let outsideOffice: Session;
  let officePrincipal: Principal;
  let province: string;
  let an: string;
  let binh: string;
  let cuong: string;
  let formula: string;
  let annualPeriod: string;

  const db = () => ctx.database.db;

  async function json<T>(session: Session, url: string): Promise<T> {
    const response = await session.get(url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  }

  async function workbook(session: Session, url: string): Promise<ExcelJS.Workbook> {
    const response = await session.get(url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="[a-z0-9-]+\.xlsx"; filename\*=UTF-8''/,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    return book;
  }

  const headers = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);
  const column = (sheet: ExcelJS.Worksheet, header: string) => {
    const index = headers(sheet).indexOf(header);
    expect(index, `column "${header}" in ${headers(sheet).join(' | ')}`).toBeGreaterThanOrEqual(0);
    return index + 1;
  };
  const cellsOf = (sheet: ExcelJS.Worksheet, header: string) => {
    const at = column(sheet, header);
    const values: unknown[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) values.push(row.getCell(at).value);
    });
    return values;
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    await ensureBuiltinFrameworks(ctx.database);
    province = await createUnit(db(), { kind: 'province', code: '80', name: 'Tỉnh Tổng Quan' });
    const unit = (kind: 'commune' | 'ward', code: string, name: string) =>
      createUnit(db(), { kind, code, name, parentId: province, validFrom: '2020-01-01' });
    an = await unit('commune', '80001', 'Xã An Tổng');
    binh = await unit('commune', '80002', 'Xã Bình Tổng');
    cuong = await unit('commune', '80003', 'Xã Cường Tổng');
    formula = await unit('ward', '80004', '=HYPERLINK("http://x") Phường');
    const other = await createUnit(db(), { kind: 'province', code: '81', name: 'Tỉnh Khác' });
    const otherCommune = await createUnit(db(), { kind: 'commune', code: '81001', parentId: other });

    const officeUser = await createSignedInUser(ctx.app, db(), [{ role: 'dx_office', unitId: province }]);
    office = officeUser.session;
    officePrincipal = {
      userId: officeUser.userId,
      username: officeUser.username,
      grants: [{ id: 'g', role: 'dx_office', unitId: province }],
    };
    officer = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: an }])).session;
    outsider = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: otherCommune }]))
      .session;
    outsideOffice = (await createSignedInUser(ctx.app, db(), [{ role: 'dx_office', unitId: other }])).session;

    // Broadcasts. Xã An: 30/12/2025 and 02/01/2026 (week 1 of 2026), 05/01/2026 (week 2), 28/12/2026
    // and 02/01/2027 (week 53 of 2026); every Thursday of 2025 (52 weeks) and ten posts in 2025.
    const anRadio = await addDxChannel(db(), an, 'radio_programme', '2020-01-01');
    const anColumn = await addDxChannel(db(), an, 'website_column', '2020-01-01');
    await addDxRecords(db(), 'broadcast', an, anRadio, ['2025-12-30', '2026-01-02', '2026-01-05']);
    await addDxRecords(db(), 'broadcast', an, anRadio, ['2026-12-28', '2027-01-02']);
    await addDxRecords(db(), 'broadcast', an, anRadio, thursdays('2025-01-02', '2025-12-25'));
    await addDxRecords(db(), 'post', an, anColumn, monthly(2025, '10', 10));
    // Xã Bình: 28/12/2025 (week 52 of 2025, not of 2026), and records that never count: a rejected
    // broadcast, a deleted one, a suspected duplicate, a broadcast on no channel.
    const binhRadio = await addDxChannel(db(), binh, 'radio_programme', '2020-01-01');
    const [kept] = await addDxRecords(db(), 'broadcast', binh, binhRadio, ['2025-12-28']);
    await addDxRecords(db(), 'broadcast', binh, binhRadio, ['2026-03-05'], { reviewStatus: 'rejected' });
    await addDxRecords(db(), 'broadcast', binh, binhRadio, ['2026-03-06'], {
      deletedAt: new Date('2026-03-07T00:00:00Z'),
      deleteReason: 'nhập nhầm',
    });
    await addDxRecords(db(), 'broadcast', binh, binhRadio, ['2026-03-07'], { duplicateOfId: kept! });
    await addDxRecords(db(), 'broadcast', binh, binhRadio, ['2026-03-08'], { channelId: null });
    // 2024: Bình broadcast every week, An had five posts.
    await addDxRecords(db(), 'broadcast', binh, binhRadio, thursdays('2024-01-04', '2024-12-26'));
    await addDxRecords(db(), 'post', an, anColumn, monthly(2024, '10', 5));

    // Xã Cường's 2025 appraisal is published: 30 of 40, although it has no records.
    const [framework] = await db()
      .select({ id: frameworks.id })
      .from(frameworks)
      .where(and(eq(frameworks.code, FRAMEWORK)));
    const [assessment] = await db()
      .insert(assessments)
      .values({
        unitId: cuong,
        frameworkId: framework!.id,
        periodKey: '2025',
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        status: 'published',
        autoTotal: 0,
        selfTotal: 30,
        appraisedTotal: 30,
        maxTotal: 40,
      })
      .returning({ id: assessments.id });
    const steps = ['draft', 'submitted', 'appraised', 'published'];
    await db()
      .insert(assessmentTransitions)
      .values(
        steps.map((toStatus, i) => ({
          assessmentId: assessment!.id,
          fromStatus: i === 0 ? null : steps[i - 1]!,
          toStatus,
          createdAt: new Date(`2026-01-20T09:0${i}:00+07:00`),
        })),
      );

    // The annual report of 2025, due 05/12/2025: An on time (04/12), Bình late (10/12), the others missing.
    const [type] = await db()
      .insert(reportTypes)
      .values({
        ownerUnitId: province,
        kind: 'annual',
        name: 'Báo cáo năm',
        dueRule: { kind: 'yearly', month: 12, day: 5 } as never,
        submitterKinds: ['commune', 'ward'],
      })
      .returning({ id: reportTypes.id });
    const [period] = await db()
      .insert(reportPeriods)
      .values({
        reportTypeId: type!.id,
        periodKey: '2025',
        label: 'Năm 2025',
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        dueOn: '2025-12-05',
      })
      .returning({ id: reportPeriods.id });
    annualPeriod = period!.id;
    await db()
      .insert(reports)
      .values([
        { periodId: annualPeriod, unitId: an, status: 'submitted', submittedOn: '2025-12-04' },
        { periodId: annualPeriod, unitId: binh, status: 'submitted', submittedOn: '2025-12-10' },
      ]);
  });
  afterAll(() => ctx.close());

  it('counts DX broadcasts per ISO week as worked out by hand, across New Year and in week 53', async () => {
    const map = await countBroadcastHeatmap(db(), {
      rootId: province,
      year: 2026,
      today: '2026-12-31',
      view: 'successors',
    });
    expect(map.weeks).toHaveLength(53);
    expect(map.weeks[0]).toEqual({ week: 1, monday: '2025-12-29', sunday: '2026-01-04' });
    expect(map.weeks[52]).toEqual({ week: 53, monday: '2026-12-28', sunday: '2027-01-03' });
    const byName = new Map(map.units.map((unit) => [unit.name, unit]));
    const anRow = byName.get('Xã An Tổng')!;
    const expected = new Array<number>(53).fill(0);
    expected[0] = 2;
    expected[1] = 1;
    expected[52] = 2;
    expect(anRow.counts).toEqual(expected);
    expect(anRow).toMatchObject({ total: 5, weeksWithBroadcast: 3 });
    // Rejected, deleted, duplicate and channel-less broadcasts do not count; 28/12/2025 is 2025's.
    expect(byName.get('Xã Bình Tổng')!.total).toBe(0);
    // Weakest first: the units with no week at all, then An.
    expect(map.units.at(-1)!.name).toBe('Xã An Tổng');
    expect(map.units.map((unit) => unit.name)).toHaveLength(4);

    const map2025 = await countBroadcastHeatmap(db(), {
      rootId: province,
      year: 2025,
      today: '2026-12-31',
      view: 'successors',
    });
    expect(map2025.weeks).toHaveLength(52);
    expect(map2025.weeks[0]!.monday).toBe('2024-12-30');
    const binh2025 = map2025.units.find((unit) => unit.unitId === binh)!;
    expect(binh2025.counts[51]).toBe(1);
    expect(binh2025.total).toBe(1);
    // An: every Thursday of 2025, and not 30/12/2025 (week 1 of 2026).
    const an2025 = map2025.units.find((unit) => unit.unitId === an)!;
    expect(an2025.counts).toEqual(new Array<number>(52).fill(1));
  });

  it('the province board (fixed day) holds the same heat-map as the block', async () => {
    const board = await getProvinceDashboard(
      db(),
      officePrincipal,
      { unitId: province, year: 2026 },
      '2026-12-31',
    );
    expect(board.heatmap.units.find((unit) => unit.unitId === an)!.total).toBe(5);
    expect(board.year).toBe(2026);
    expect(board.trends.map((trend) => trend.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
  });

  it('score distribution and units at risk agree with the scoreboard API for the same scope', async () => {
    const board = await json<ScoreboardDto>(
      office,
      `/api/scoreboard?framework=${FRAMEWORK}&period=2025&unitId=${province}`,
    );
    const dashboard = await json<ProvinceDashboardDto>(
      office,
      `/api/dashboard/province?unitId=${province}&year=2025`,
    );
    const headline = (row: ScoreboardDto['rows'][number]) => row.official?.percent ?? row.percent;
    const communes = board.rows.filter((row) => ['commune', 'ward', 'special_zone'].includes(row.kind));
    const bins = new Array<number>(10).fill(0);
    for (const row of communes) bins[Math.min(9, Math.floor(headline(row) / 10))]! += 1;
    expect(dashboard.distribution.bins.map((bin) => bin.count)).toEqual(bins);
    expect(dashboard.distribution.units).toBe(4);
    expect(dashboard.distribution.published).toBe(1);
    // An: 10 posts and every week → 100 %; Cường: published 30/40 = 75 %; Bình and the ward 0 %.
    expect(Object.fromEntries(communes.map((row) => [row.name, headline(row)]))).toEqual({
      'Xã An Tổng': 100,
      'Xã Bình Tổng': 0,
      'Xã Cường Tổng': 75,
      '=HYPERLINK("http://x") Phường': 0,
    });
    expect(dashboard.distribution.bins[9]!.count).toBe(1);
    expect(dashboard.distribution.bins[7]!.count).toBe(1);
    expect(dashboard.distribution.bins[0]!.count).toBe(2);
    expect(dashboard.distribution.averagePercent).toBe(43.8);

    // Below the 80 % target: the two at 0 %, then Cường at 75 % (official), each with its reasons.
    expect(dashboard.targetPercent).toBe(80);
    expect(dashboard.atRisk.map((unit) => [unit.name, unit.projectedPercent])).toEqual([
      ['=HYPERLINK("http://x") Phường', 0],
      ['Xã Bình Tổng', 0],
      ['Xã Cường Tổng', 75],
    ]);
    expect(dashboard.atRisk[0]!.unitId).toBe(formula);
    const binhRisk = dashboard.atRisk[1]!;
    expect(binhRisk.reasons.map((reason) => [reason.code, reason.lost])).toEqual([
      ['1.4', 20],
      ['1.5', 20],
    ]);
    const binhRow = board.rows.find((row) => row.unitId === binh)!;
    expect(binhRisk.reasons[0]!.gaps).toEqual(binhRow.criteria.find((c) => c.code === '1.4')!.gaps);
    expect(dashboard.atRisk[2]).toMatchObject({ officialPercent: 75, livePercent: 0 });

    // Trends: 2025 as above; 2024 Bình every week (50 %), An 5 posts (0 %); posts and broadcasts per year.
    const trend = new Map(dashboard.trends.map((row) => [row.year, row]));
    expect(trend.get(2025)).toMatchObject({
      units: 4,
      averagePercent: 43.8,
      meetingTarget: 1,
      meetingTargetShare: 25,
    });
    // Calendar year 2025: An's 52 Thursdays and 30/12/2025, Bình's 28/12/2025.
    expect(trend.get(2025)).toMatchObject({ posts: 10, broadcasts: 54 });
    expect(trend.get(2024)).toMatchObject({ posts: 5, broadcasts: 52, meetingTarget: 0 });
  });

  it('completeness per report period equals expected-units', async () => {
    const dashboard = await json<ProvinceDashboardDto>(
      office,
      `/api/dashboard/province?unitId=${province}&year=2025`,
    );
    expect(dashboard.completeness).toHaveLength(1);
    const [period] = dashboard.completeness[0]!.periods;
    const found = await findExpectedUnitsOfPeriod(db(), annualPeriod, '2026-01-10');
    const summary = summariseSubmissions(found!.units);
    expect(period).toMatchObject({ ...summary, dueOn: '2025-12-05', label: 'Năm 2025' });
    expect(period).toMatchObject({ expected: 4, onTime: 1, late: 1, missing: 2, submitted: 2, overdue: 2 });
    // A year no period overlaps shows none.
    const board2024 = await json<ProvinceDashboardDto>(
      office,
      `/api/dashboard/province?unitId=${province}&year=2024`,
    );
    expect(board2024.completeness).toEqual([]);
  });

  it('the unit board follows each criterion month by month, ending on the live score', async () => {
    const unitBoard = await json<UnitDashboardDto>(office, `/api/units/${an}/dashboard?year=2025`);
    const scores = await json<UnitScoreDto>(
      office,
      `/api/units/${an}/scores?framework=${FRAMEWORK}&period=2025`,
    );
    expect(unitBoard.criteria.map((criterion) => criterion.code)).toEqual(scores.criteria.map((c) => c.code));
    for (const criterion of unitBoard.criteria) {
      expect(criterion.monthly).toHaveLength(12);
      expect(criterion.monthly.at(-1)!.score).toBe(
        scores.criteria.find((c) => c.code === criterion.code)!.score,
      );
    }
    // 1.4: ten posts, one a month from January: the tenth arrives on 10/10/2025.
    const posts = unitBoard.criteria.find((criterion) => criterion.code === '1.4')!;
    expect(posts.monthly[8]!.score).toBe(0);
    expect(posts.monthly[9]!.score).toBe(20);
    expect(unitBoard.total).toMatchObject({ score: 40, max: 40, percent: 100 });
    // An officer of the unit opens it too; an outsider does not find it.
    expect((await officer.get(`/api/units/${an}/dashboard?year=2025`)).statusCode).toBe(200);
    expect((await outsider.get(`/api/units/${an}/dashboard?year=2025`)).statusCode).toBe(404);
  });

  it('takes another target, and shows a unit the framework does not score with what is due only', async () => {
    const half = await json<ProvinceDashboardDto>(
      office,
      `/api/dashboard/province?unitId=${province}&year=2025&target=50`,
    );
    expect(half.atRisk.map((unit) => unit.unitId).sort()).toEqual([binh, formula].sort());
    expect(half.trends.at(-1)).toMatchObject({ meetingTarget: 2, meetingTargetShare: 50 });
    const provinceBoard = await json<UnitDashboardDto>(office, `/api/units/${province}/dashboard?year=2025`);
    expect(provinceBoard).toMatchObject({ framework: null, total: null, criteria: [] });
    const bad = await office.get(`/api/units/${an}/dashboard?year=2025&framework=khong-co`);
    expect(bad.statusCode).toBe(400);
  });

  it('what is due next: the open period of the unit, with its state on the rule of expected-units', async () => {
    const before = await findDueNext(db(), cuong, '2025-11-20');
    expect(before.due).toEqual([
      expect.objectContaining({
        periodId: annualPeriod,
        dueOn: '2025-12-05',
        state: 'missing',
        isOverdue: false,
      }),
    ]);
    const after = await findDueNext(db(), cuong, '2025-12-20');
    expect(after.due[0]).toMatchObject({ state: 'missing', isOverdue: true });
    // An submitted on time: nothing left once the due day has passed.
    expect((await findDueNext(db(), an, '2025-12-20')).due).toEqual([]);
    expect(before.nextSchedule).toEqual({ month: '2025-12', status: 'none', scheduleId: null });
  });

  it('refuses outsiders with 404 and units without the dashboard with 403', async () => {
    for (const url of [
      `/api/dashboard/province?unitId=${province}&year=2025`,
      `/api/dashboard/province/export.xlsx?unitId=${province}&year=2025&table=heatmap`,
    ]) {
      expect((await outsider.get(url)).statusCode).toBe(404);
      expect((await outsideOffice.get(url)).statusCode).toBe(404);
      expect((await officer.get(url)).statusCode).toBe(404);
    }
    expect((await officer.get(`/api/dashboard/province?unitId=${an}&year=2025`)).statusCode).toBe(403);
    expect((await outsideOffice.get(`/api/units/${an}/dashboard`)).statusCode).toBe(404);
    const future = await office.get(`/api/dashboard/province?unitId=${province}&year=2100`);
    expect(future.statusCode).toBe(400);
    // Without a unit, the office's own province.
    const own = await json<ProvinceDashboardDto>(office, '/api/dashboard/province?year=2025');
    expect(own.root).toEqual({ id: province, name: 'Tỉnh Tổng Quan' });
  });

  it('exports the scoreboard with official and live scores apart, and text guarded against formulas', async () => {
    const book = await workbook(
      office,
      `/api/scoreboard/export.xlsx?framework=${FRAMEWORK}&period=2025&unitId=${province}`,
    );
    const sheet = book.getWorksheet('Bảng điểm')!;
    expect(headers(sheet).slice(0, 12)).toEqual([
      'STT',
      'Đơn vị',
      'Mã',
      'Loại',
      'Trực thuộc',
      'Điểm chính thức (thẩm định đã công bố)',
      'Tỷ lệ chính thức (%)',
      'Điểm tự động (trực tiếp)',
      'Tỷ lệ tự động (%)',
      'Điểm tối đa',
      'Dự báo cuối kỳ (tự động)',
      'Trạng thái',
    ]);
    expect(headers(sheet)).toContain('1.4 tự động (tối đa 20)');
    expect(headers(sheet)).toContain('1.4 chính thức');
    const names = cellsOf(sheet, 'Đơn vị');
    expect(names).toContain(`'=HYPERLINK("http://x") Phường`);
    expect(names).not.toContain('=HYPERLINK("http://x") Phường');
    const row = names.indexOf('Xã Cường Tổng');
    expect(cellsOf(sheet, 'Điểm chính thức (thẩm định đã công bố)')[row]).toBe(30);
    expect(cellsOf(sheet, 'Điểm tự động (trực tiếp)')[row]).toBe(0);
    // No cell is a formula.
    sheet.eachRow((r) =>
      r.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      }),
    );
    expect(book.getWorksheet('Thông tin')).toBeDefined();
  });

  it('exports the ranking with the same ranks as the API', async () => {
    const query = `framework=${FRAMEWORK}&period=2025&unitId=${province}`;
    const ranking = await json<RankingDto>(office, `/api/rankings?${query}`);
    const book = await workbook(office, `/api/rankings/export.xlsx?${query}`);
    const sheet = book.getWorksheet('Xếp hạng')!;
    expect(headers(sheet)).toEqual(
      expect.arrayContaining([
        'Hạng',
        'Đơn vị',
        'Điểm dùng để xếp hạng',
        'Điểm chính thức (thẩm định đã công bố)',
        'Điểm tự động (trực tiếp)',
      ]),
    );
    const rows = ranking.groups.flatMap((group) => group.rows);
    expect(cellsOf(sheet, 'Hạng')).toEqual(rows.map((row) => row.rank));
    expect(cellsOf(sheet, 'Đơn vị')).toEqual(
      rows.map((row) => (row.name.startsWith('=') ? `'${row.name}` : row.name)),
    );
    const cuongRow = rows.findIndex((row) => row.unitId === cuong);
    expect(cellsOf(sheet, 'Điểm dùng để xếp hạng')[cuongRow]).toBe('Chính thức');
    expect(cellsOf(sheet, 'Điểm chính thức (thẩm định đã công bố)')[cuongRow]).toBe(30);
  });

  it('exports every dashboard table', async () => {
    const base = `/api/dashboard/province/export.xlsx?unitId=${province}&year=2025`;
    const heat = (await workbook(office, `${base}&table=heatmap`)).worksheets[0]!;
    expect(headers(heat).slice(0, 5)).toEqual([
      'Đơn vị',
      'Trực thuộc',
      'Số tuần có lượt phát',
      'Tổng lượt phát',
      'Tuần 1 (30/12)',
    ]);
    expect(headers(heat)).toHaveLength(4 + 52);
    expect(cellsOf(heat, 'Đơn vị')).toContain(`'=HYPERLINK("http://x") Phường`);
    const completeness = (await workbook(office, `${base}&table=completeness`)).worksheets[0]!;
    expect(cellsOf(completeness, 'Phải nộp')).toEqual([4]);
    expect(cellsOf(completeness, 'Đúng hạn')).toEqual([1]);
    expect(cellsOf(completeness, 'Muộn')).toEqual([1]);
    const risk = (await workbook(office, `${base}&table=at_risk`)).worksheets[0]!;
    expect(cellsOf(risk, 'Đơn vị')).toHaveLength(3);
    const distribution = (await workbook(office, `${base}&table=distribution`)).worksheets[0]!;
    expect(cellsOf(distribution, 'Số đơn vị cấp xã')).toEqual([2, 0, 0, 0, 0, 0, 0, 1, 0, 1]);
    const trends = (await workbook(office, `${base}&table=trends`)).worksheets[0]!;
    expect(cellsOf(trends, 'Năm')).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect((await office.get(`${base}&table=nope`)).statusCode).toBe(400);
  });

  // Last: it adds communes the tests above do not expect.
  it('sends as many statements for ten communes as for four: none per unit', async () => {
    const client = (db() as unknown as { $client: { query: (...args: unknown[]) => Promise<unknown> } })
      .$client;
    const original = client.query;
    let statements = 0;
    const countStatements = async () => {
      // A first call loads the unit graph again after units changed; the second is the one counted.
      await getProvinceDashboard(db(), officePrincipal, { unitId: province, year: 2025 }, '2026-06-30');
      statements = 0;
      client.query = function (this: unknown, ...args: unknown[]) {
        statements += 1;
        return original.apply(this, args);
      };
      try {
        await getProvinceDashboard(db(), officePrincipal, { unitId: province, year: 2025 }, '2026-06-30');
      } finally {
        client.query = original;
      }
      return statements;
    };
    const withFour = await countStatements();
    for (let i = 0; i < 6; i += 1) {
      const extra = await createUnit(db(), { kind: 'commune', parentId: province, validFrom: '2020-01-01' });
      const radio = await addDxChannel(db(), extra, 'radio_programme', '2020-01-01');
      await addDxRecords(db(), 'broadcast', extra, radio, ['2025-03-06', '2025-03-13']);
    }
    const withTen = await countStatements();
    expect(withFour).toBeGreaterThan(0);
    expect(withTen).toBe(withFour);
  });
});
