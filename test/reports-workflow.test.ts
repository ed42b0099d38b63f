import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/server/db/schema';
import { notifications } from '../src/server/db/schema-notifications';
import { reportPeriods, reports } from '../src/server/db/schema-reports';
import { approveReport } from '../src/server/domain/reports/approve-report';
import { defineReportType } from '../src/server/domain/reports/define-report-type';
import { ensureReportPeriods } from '../src/server/domain/reports/ensure-report-periods';
import {
  findExpectedUnitsOfPeriod,
  submissionState,
  summariseSubmissions,
} from '../src/server/domain/reports/expected-units';
import { byUrgency } from '../src/server/domain/reports/find-unit-reports';
import { newReportVersion } from '../src/server/domain/reports/new-report-version';
import { openReport } from '../src/server/domain/reports/open-report';
import { periodsToEnsure, yearlyDue } from '../src/server/domain/reports/period-rules';
import { submitReport } from '../src/server/domain/reports/submit-report';
import { updateReportType } from '../src/server/domain/reports/update-report-type';
import { recordUnitEvent } from '../src/server/domain/units/record-unit-event';
import type { Principal } from '../src/server/policies/principal';
import type {
  PeriodSubmissionsDto,
  PreviousTextsDto,
  ReportDetailDto,
  ReportPeriodDto,
  ReportReadyDto,
  ReportTypeDto,
  UnitReportItemDto,
} from '../src/shared/api/reports';
import { dayOf, vnInstant } from '../src/shared/dates';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit, TEST_ACTOR } from './support/factories';
import { createSignedInUser } from './support/scenarios';

/**
 * Periodic reports (issue 10 items 2 and 5): the office defines types, periods are created once, a
 * due date moves with an audit entry; who is expected follows the units as on the due day; on time
 * is the Vietnamese day, due day inclusive; the unit's report goes draft → approved → submitted,
 * frozen, and a new version keeps the first submission's day. Dates are fixed (no dependence on today).
 */
describe('periodic reports: types, periods, completeness, workflow', () => {
  let ctx: TestContext;
  let province: string;
  let an: string;
  let binh: string;
  let cu: string;
  let dong: string;
  let office: Session;
  let officer: { userId: string; session: Session };
  let head: { userId: string; session: Session };
  let outsider: Session;
  let annual: ReportTypeDto;
  let semiannual: ReportTypeDto;
  const admin: Principal = {
    userId: '',
    username: 'test',
    grants: [{ id: 'g', role: 'system_admin', unitId: null }],
  };

  const db = () => ctx.database.db;

  async function ok<T>(response: { statusCode: number; body: string; json<U>(): U }): Promise<T> {
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  }

  async function periodId(typeId: string, key: string): Promise<string> {
    const [row] = await db()
      .select()
      .from(reportPeriods)
      .where(and(eq(reportPeriods.reportTypeId, typeId), eq(reportPeriods.periodKey, key)));
    return row!.id;
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    const q = db();
    province = await createUnit(q, { kind: 'province', name: 'Tỉnh Báo Cáo', validFrom: '2020-01-01' });
    an = await createUnit(q, { name: 'Xã An', parentId: province, validFrom: '2020-01-01' });
    binh = await createUnit(q, { name: 'Xã Bình', parentId: province, validFrom: '2020-01-01' });
    cu = await createUnit(q, { name: 'Xã Cũ', parentId: province, validFrom: '2020-01-01' });
    dong = await createUnit(q, { name: 'Xã Đông', parentId: province, validFrom: '2020-01-01' });
    // Cũ merges into An before the 6-month report is due; Đông into Bình after it.
    await recordUnitEvent(q, TEST_ACTOR, { kind: 'merge', date: '2026-03-01', fromIds: [cu], toId: an });
    await recordUnitEvent(q, TEST_ACTOR, { kind: 'merge', date: '2026-09-01', fromIds: [dong], toId: binh });
    const other = await createUnit(q, { kind: 'province', name: 'Tỉnh Khác', validFrom: '2020-01-01' });
    const otherCommune = await createUnit(q, { name: 'Xã Ngoài', parentId: other, validFrom: '2020-01-01' });
    office = (await createSignedInUser(ctx.app, q, [{ role: 'dx_office', unitId: province }])).session;
    officer = await createSignedInUser(ctx.app, q, [{ role: 'unit_officer', unitId: an }]);
    head = await createSignedInUser(ctx.app, q, [{ role: 'unit_head', unitId: an }]);
    outsider = (await createSignedInUser(ctx.app, q, [{ role: 'unit_officer', unitId: otherCommune }]))
      .session;
  });
  afterAll(() => ctx.close());

  it('computes periods and due days from the rules', () => {
    const rule = { kind: 'yearly', month: 12, day: 5 } as const;
    expect(periodsToEnsure('annual', rule, '2026-05-20').map((p) => [p.periodKey, p.dueOn])).toEqual([
      ['2026', '2026-12-05'],
    ]);
    // After this year's due day, next year's period is the next one due.
    expect(periodsToEnsure('annual', rule, '2026-12-06').map((p) => p.periodKey)).toEqual(['2026', '2027']);
    const monthly = periodsToEnsure(
      'monthly_schedule',
      { kind: 'before_month', daysBefore: 1 },
      '2026-12-10',
    );
    expect(monthly).toHaveLength(13);
    expect(monthly.at(-1)).toMatchObject({
      periodKey: '2027-01',
      dueOn: '2026-12-31',
      periodFrom: '2027-01-01',
    });
    expect(monthly[1]).toMatchObject({ periodKey: '2026-02', dueOn: '2026-01-31' });
    expect(periodsToEnsure('ad_hoc', { kind: 'fixed' }, '2026-05-20')).toEqual([]);
    // A day past the month's end is its last day.
    expect(yearlyDue(2026, 2, 29)).toBe('2026-02-28');
    expect(yearlyDue(2028, 2, 29)).toBe('2028-02-29');
    expect(yearlyDue(2026, 4, 31)).toBe('2026-04-30');
    expect(periodsToEnsure('semiannual', { kind: 'yearly', month: 6, day: 5 }, '2026-05-20')).toEqual([
      {
        periodKey: '2026-H1',
        label: '6 tháng đầu năm 2026',
        periodFrom: '2026-01-01',
        periodTo: '2026-06-30',
        dueOn: '2026-06-05',
      },
    ]);
  });

  it('moves only periods not yet due when the rule changes, and a deactivated type gets no new periods', async () => {
    const input = { kind: 'annual' as const, name: 'Báo cáo năm (quy tắc)' };
    const type = await defineReportType({
      db: db(),
      principal: admin,
      actor: TEST_ACTOR,
      ownerUnitId: province,
      input,
      today: '2026-05-20',
    });
    await ensureReportPeriods(db(), province, '2025-05-20');
    const due = async (key: string) => {
      const [row] = await db()
        .select()
        .from(reportPeriods)
        .where(and(eq(reportPeriods.reportTypeId, type.id), eq(reportPeriods.periodKey, key)));
      return row?.dueOn;
    };
    expect([await due('2025'), await due('2026')]).toEqual(['2025-12-05', '2026-12-05']);
    await updateReportType({
      db: db(),
      principal: admin,
      actor: TEST_ACTOR,
      reportTypeId: type.id,
      input: { dueRule: { kind: 'yearly', month: 12, day: 10 } },
      today: '2026-05-20',
    });
    // Kon Rẫy's 10/12 applies to 2026; 2025's figures stay judged on the day they were due.
    expect([await due('2025'), await due('2026')]).toEqual(['2025-12-05', '2026-12-10']);

    await updateReportType({
      db: db(),
      principal: admin,
      actor: TEST_ACTOR,
      reportTypeId: type.id,
      input: { isActive: false },
      today: '2026-05-20',
    });
    expect(await ensureReportPeriods(db(), province, '2026-12-20')).toBeGreaterThanOrEqual(0);
    expect(await due('2027')).toBeUndefined();
    const actions = (await db().select().from(auditLog).where(eq(auditLog.entityId, type.id))).map(
      (row) => row.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['report_type.create', 'report_type.update', 'report_type.deactivate']),
    );
  });

  it('lists a unit’s periods overdue first, then coming ones soonest first, then done ones', () => {
    const item = (key: string, dueOn: string, state: 'on_time' | 'late' | 'missing', isOverdue: boolean) =>
      ({ period: { periodKey: key, dueOn }, state, isOverdue }) as unknown as UnitReportItemDto;
    const sorted = [
      item('2025', '2025-12-05', 'on_time', false),
      item('2027-01', '2026-12-31', 'missing', false),
      item('2026-11', '2026-10-31', 'missing', true),
      item('2027', '2027-12-05', 'missing', false),
      item('2026', '2026-12-05', 'missing', true),
      item('2026-H1', '2026-06-05', 'late', false),
    ].sort(byUrgency);
    expect(sorted.map((i) => i.period.periodKey)).toEqual([
      '2026',
      '2026-11',
      '2027-01',
      '2027',
      '2026-H1',
      '2025',
    ]);
  });

  it('judges on time by the Vietnamese day, due day inclusive', () => {
    expect(dayOf(vnInstant('2026-06-05', '23:30'))).toBe('2026-06-05');
    expect(dayOf(vnInstant('2026-06-06', '00:10'))).toBe('2026-06-06');
    expect(submissionState('2026-06-05', '2026-06-05')).toBe('on_time');
    expect(submissionState('2026-06-06', '2026-06-05')).toBe('late');
    expect(submissionState(null, '2026-06-05')).toBe('missing');
  });

  it('lets the office define types with default and edited due days; outsiders and officers cannot', async () => {
    annual = await ok<ReportTypeDto>(
      await office.post(`/api/units/${province}/report-types`, {
        kind: 'annual',
        name: '  Báo cáo kết quả tuyên truyền chuyển đổi số năm  ',
        recipients: 'Sở Khoa học và Công nghệ;\r\nLưu: VT.',
      }),
    );
    expect(annual).toMatchObject({
      name: 'Báo cáo kết quả tuyên truyền chuyển đổi số năm',
      dueRule: { kind: 'yearly', month: 12, day: 5 },
      submitterKinds: ['commune', 'ward', 'special_zone'],
      remindDaysBefore: [7, 3, 1],
      recipients: 'Sở Khoa học và Công nghệ;\nLưu: VT.',
      canEdit: true,
    });
    semiannual = await ok<ReportTypeDto>(
      await office.post(`/api/units/${province}/report-types`, {
        kind: 'semiannual',
        name: 'Báo cáo 6 tháng',
      }),
    );
    expect(semiannual.dueRule).toEqual({ kind: 'yearly', month: 6, day: 5 });
    // A due rule that does not fit the kind is refused, naming the field.
    const wrong = await office.post(`/api/units/${province}/report-types`, {
      kind: 'annual',
      name: 'Sai',
      dueRule: { kind: 'before_month', daysBefore: 1 },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ details: [{ field: 'dueRule' }] });
    expect(
      (await officer.session.post(`/api/units/${an}/report-types`, { kind: 'annual', name: 'X' })).statusCode,
    ).toBe(403);
    expect(
      (await outsider.post(`/api/units/${province}/report-types`, { kind: 'annual', name: 'X' })).statusCode,
    ).toBe(404);
    // The commune sees the province's types, read-only.
    const seen = await ok<{ items: ReportTypeDto[] }>(
      await officer.session.get(`/api/units/${an}/report-types`),
    );
    expect(seen.items.map((t) => [t.name, t.canEdit])).toEqual(
      expect.arrayContaining([[annual.name, false]]),
    );
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, annual.id));
    expect(audit.map((row) => row.action)).toEqual(['report_type.create']);
  });

  it('creates periods once, however often it runs', async () => {
    const first = await ensureReportPeriods(db(), province, '2026-05-20');
    const again = await ensureReportPeriods(db(), province, '2026-05-20');
    expect(again).toBe(0);
    const keys = (
      await db()
        .select()
        .from(reportPeriods)
        .where(inArray(reportPeriods.reportTypeId, [annual.id, semiannual.id]))
    ).map((row) => row.periodKey);
    expect(keys).toEqual(expect.arrayContaining(['2026', '2026-H1']));
    expect(new Set(keys).size).toBe(keys.length);
    expect(first).toBeGreaterThanOrEqual(0);
  });

  it('moves a rule (Kon Rẫy: 10/12) for periods not yet due, and one period by hand, audited', async () => {
    // Periods of 2026 exist; on 2026-05-20 the annual one is not due yet, so the new rule moves it.
    const annualId = await periodId(annual.id, '2026');
    const edited = await ok<ReportTypeDto>(
      await office.patch(`/api/report-types/${annual.id}`, {
        dueRule: { kind: 'yearly', month: 12, day: 10 },
      }),
    );
    expect(edited.dueRule).toEqual({ kind: 'yearly', month: 12, day: 10 });
    const [row] = await db().select().from(reportPeriods).where(eq(reportPeriods.id, annualId));
    // Moved only if today (the real clock of the request) is on or before the due day; both are legal.
    expect(['2026-12-05', '2026-12-10']).toContain(row!.dueOn);

    const h1 = await periodId(semiannual.id, '2026-H1');
    const moved = await ok<ReportPeriodDto>(
      await office.patch(`/api/report-periods/${h1}`, { dueOn: '2026-06-08', reason: 'Nghỉ lễ' }),
    );
    expect(moved.dueOn).toBe('2026-06-08');
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, h1), eq(auditLog.action, 'report_period.move_due')));
    expect(entry).toMatchObject({
      before: { dueOn: '2026-06-05' },
      after: { dueOn: '2026-06-08', reason: 'Nghỉ lễ' },
    });
    await ok(
      await office.patch(`/api/report-periods/${h1}`, { dueOn: '2026-06-05', reason: 'Trở lại hạn cũ' }),
    );
    expect(
      (await officer.session.patch(`/api/report-periods/${h1}`, { dueOn: '2026-06-09', reason: 'x' }))
        .statusCode,
    ).toBe(404);
    expect((await outsider.get(`/api/report-periods/${h1}/submissions`)).statusCode).toBe(404);
  });

  it('counts expected units as on the due day, on time through the due day, late after it', async () => {
    const h1 = await periodId(semiannual.id, '2026-H1');
    const before = await findExpectedUnitsOfPeriod(db(), h1, '2026-06-01');
    // Cũ merged away before the due day is not expected; Đông, merged after it, is.
    expect(before!.units.map((u) => u.name)).toEqual(['Xã An', 'Xã Bình', 'Xã Đông']);
    const submitAt = async (unitId: string, instant: Date) => {
      const opened = await openReport({
        db: db(),
        principal: admin,
        actor: TEST_ACTOR,
        periodId: h1,
        unitId,
        now: instant,
        today: dayOf(instant),
      });
      await approveReport({
        db: db(),
        principal: admin,
        actor: TEST_ACTOR,
        reportId: opened.id,
        now: instant,
        today: dayOf(instant),
      });
      return submitReport({
        db: db(),
        principal: admin,
        actor: TEST_ACTOR,
        reportId: opened.id,
        now: instant,
        today: dayOf(instant),
      });
    };
    const binhReport = await submitAt(binh, vnInstant('2026-06-05', '23:30'));
    expect(binhReport).toMatchObject({
      status: 'submitted',
      submittedOn: '2026-06-05',
      state: 'on_time',
      isResultsFrozen: true,
    });
    expect(binhReport.results.period.key).toBe('2026-H1');
    const dongReport = await submitAt(dong, vnInstant('2026-06-06', '00:10'));
    expect(dongReport).toMatchObject({ submittedOn: '2026-06-06', state: 'late' });

    const after = await findExpectedUnitsOfPeriod(db(), h1, '2026-06-10');
    expect(summariseSubmissions(after!.units)).toEqual({
      expected: 3,
      submitted: 2,
      onTime: 1,
      late: 1,
      missing: 1,
    });
    expect(after!.units.find((u) => u.name === 'Xã An')).toMatchObject({ state: 'missing', isOverdue: true });

    // The office's period list and submissions say the same; the province's report lists its children.
    const periods = await ok<{ items: ReportPeriodDto[] }>(
      await office.get(`/api/units/${province}/report-periods?reportTypeId=${semiannual.id}`),
    );
    expect(periods.items.find((p) => p.id === h1)!.summary).toEqual({
      expected: 3,
      submitted: 2,
      onTime: 1,
      late: 1,
      missing: 1,
    });
    const list = await ok<PeriodSubmissionsDto>(await office.get(`/api/report-periods/${h1}/submissions`));
    expect(list.canMoveDue).toBe(true);
    expect(list.items.map((u) => [u.name, u.state])).toEqual([
      ['Xã An', 'missing'],
      ['Xã Bình', 'on_time'],
      ['Xã Đông', 'late'],
    ]);
    // The office may start the province's own (aggregated) report from the period page.
    expect(list.ownerReport).toEqual({
      unitId: province,
      unitName: 'Tỉnh Báo Cáo',
      unitKind: 'province',
      reportId: null,
      canPrepare: true,
    });
    const provinceReport = await ok<ReportDetailDto>(
      await office.post(`/api/report-periods/${h1}/units/${province}/report`),
    );
    const reread = await ok<PeriodSubmissionsDto>(await office.get(`/api/report-periods/${h1}/submissions`));
    expect(reread.ownerReport.reportId).toBe(provinceReport.id);
    expect(provinceReport.results.children?.map((c) => [c.unitName, c.state, c.submittedOn])).toEqual([
      ['Xã An', 'missing', null],
      ['Xã Bình', 'on_time', '2026-06-05'],
      ['Xã Đông', 'late', '2026-06-06'],
    ]);

    // A second version keeps the first submission's day: still late, never on time by resubmitting.
    const v2 = await newReportVersion({
      db: db(),
      principal: admin,
      actor: TEST_ACTOR,
      reportId: dongReport.id,
      reason: 'Bổ sung số liệu',
      now: vnInstant('2026-06-07', '08:00'),
      today: '2026-06-07',
    });
    expect(v2).toMatchObject({ version: 2, status: 'draft', firstSubmittedOn: '2026-06-06', state: 'late' });
  });

  it('runs the unit workflow: write, ready, approve, return, submit, frozen, new version; outsiders get 404', async () => {
    // An ad hoc request due far ahead: the real clock of the requests never makes it late.
    const adHoc = await ok<ReportTypeDto>(
      await office.post(`/api/units/${province}/report-types`, {
        kind: 'ad_hoc',
        name: 'Báo cáo đột xuất về loa',
      }),
    );
    const period = await ok<ReportPeriodDto>(
      await office.post(`/api/report-types/${adHoc.id}/periods`, {
        label: 'Rà soát loa truyền thanh 2026',
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
        dueOn: '2999-12-31',
      }),
    );
    const items = await ok<{ items: UnitReportItemDto[] }>(
      await officer.session.get(`/api/units/${an}/reports`),
    );
    expect(items.items.find((i) => i.period.id === period.id)).toMatchObject({
      state: 'missing',
      reportId: null,
      isExpected: true,
    });

    const draft = await ok<ReportDetailDto>(
      await officer.session.post(`/api/report-periods/${period.id}/units/${an}/report`),
    );
    expect(draft).toMatchObject({ status: 'draft', version: 1, actions: ['edit', 'ready'] });
    const again = await ok<ReportDetailDto>(
      await officer.session.post(`/api/report-periods/${period.id}/units/${an}/report`),
    );
    expect(again.id).toBe(draft.id);
    expect((await outsider.post(`/api/report-periods/${period.id}/units/${an}/report`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/reports/${draft.id}`)).statusCode).toBe(404);
    expect((await outsider.patch(`/api/reports/${draft.id}`, { tasksText: 'x' })).statusCode).toBe(404);

    const decomposed = 'Đánh giá'.normalize('NFD');
    const written = await ok<ReportDetailDto>(
      await officer.session.patch(`/api/reports/${draft.id}`, {
        assessmentText: `${decomposed}: làm tốt.\r\nCòn hạn chế.`,
        tasksText: 'Tiếp tục phát sóng hằng tuần.',
        proposalsText: 'Đề nghị cấp loa mới.',
      }),
    );
    expect(written.assessmentText).toBe('Đánh giá: làm tốt.\nCòn hạn chế.');
    const tooLong = await officer.session.patch(`/api/reports/${draft.id}`, {
      tasksText: 'a'.repeat(20_001),
    });
    expect(tooLong.statusCode).toBe(400);

    const ready = await ok<ReportReadyDto>(await officer.session.post(`/api/reports/${draft.id}/ready`));
    expect(ready.notified).toBe(1);
    const told = await db().select().from(notifications).where(eq(notifications.recipientId, head.userId));
    expect(told.map((n) => [n.kind, n.link])).toEqual([['report.ready', `/reports/${draft.id}`]]);

    // The officer cannot approve or submit; the head approves, returns, approves again, submits.
    expect((await officer.session.post(`/api/reports/${draft.id}/approve`, {})).statusCode).toBe(403);
    await ok(await head.session.post(`/api/reports/${draft.id}/approve`, {}));
    const blocked = await officer.session.patch(`/api/reports/${draft.id}`, { tasksText: 'Sửa' });
    expect(blocked.statusCode).toBe(409);
    const returned = await ok<ReportDetailDto>(
      await head.session.post(`/api/reports/${draft.id}/return`, { note: 'Bổ sung số buổi phát' }),
    );
    expect(returned).toMatchObject({ status: 'draft', note: 'Bổ sung số buổi phát' });
    const toldOfficer = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, officer.userId));
    expect(toldOfficer.map((n) => n.kind)).toEqual(['report.returned']);
    await ok(await head.session.post(`/api/reports/${draft.id}/approve`, {}));
    const submitted = await ok<ReportDetailDto>(await head.session.post(`/api/reports/${draft.id}/submit`));
    expect(submitted).toMatchObject({
      status: 'submitted',
      state: 'on_time',
      isResultsFrozen: true,
      actions: ['new_version'],
    });
    expect(submitted.submittedOn).toBe(dayOf(new Date(submitted.submittedAt!)));

    // Frozen: no edits, no second submission; the message says what to do.
    const frozen = await officer.session.patch(`/api/reports/${draft.id}`, { tasksText: 'Sửa sau khi nộp' });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json<{ message: string }>().message).toBe(
      'Báo cáo đã nộp nên đã khóa, không thể sửa nội dung. Muốn sửa, hãy tạo phiên bản mới.',
    );
    expect((await head.session.post(`/api/reports/${draft.id}/submit`)).statusCode).toBe(409);

    const v2 = await ok<ReportDetailDto>(
      await officer.session.post(`/api/reports/${draft.id}/versions`, { reason: 'Sửa số liệu' }),
    );
    expect(v2).toMatchObject({
      version: 2,
      status: 'draft',
      tasksText: 'Tiếp tục phát sóng hằng tuần.',
      state: 'on_time',
    });
    expect(v2.firstSubmittedOn).toBe(submitted.submittedOn);
    expect(v2.versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'draft'],
      [1, 'superseded'],
    ]);
    const old = await ok<ReportDetailDto>(await officer.session.get(`/api/reports/${draft.id}`));
    expect(old).toMatchObject({ status: 'superseded', actions: [], isResultsFrozen: true });

    // Every step audited on the report.
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, draft.id));
    expect(audit.map((row) => row.action).sort()).toEqual(
      [
        'report.create',
        'report.update',
        'report.ready',
        'report.approve',
        'report.return',
        'report.approve',
        'report.submit',
        'report.supersede',
      ].sort(),
    );
    const rows = await db().select().from(reports).where(eq(reports.periodId, period.id));
    expect(rows).toHaveLength(2);
  });

  it('offers the previous period’s texts of the same type', async () => {
    const typeDto = await ok<ReportTypeDto>(
      await office.post(`/api/units/${province}/report-types`, { kind: 'ad_hoc', name: 'Đột xuất hai kỳ' }),
    );
    const first = await ok<ReportPeriodDto>(
      await office.post(`/api/report-types/${typeDto.id}/periods`, {
        label: 'Kỳ một',
        periodFrom: '2025-01-01',
        periodTo: '2025-06-30',
        dueOn: '2999-01-01',
      }),
    );
    const second = await ok<ReportPeriodDto>(
      await office.post(`/api/report-types/${typeDto.id}/periods`, {
        label: 'Kỳ hai',
        periodFrom: '2025-07-01',
        periodTo: '2025-12-31',
        dueOn: '2999-01-01',
      }),
    );
    const one = await ok<ReportDetailDto>(
      await officer.session.post(`/api/report-periods/${first.id}/units/${an}/report`),
    );
    await ok(await officer.session.patch(`/api/reports/${one.id}`, { proposalsText: 'Đề xuất kỳ một' }));
    const two = await ok<ReportDetailDto>(
      await officer.session.post(`/api/report-periods/${second.id}/units/${an}/report`),
    );
    const previous = await ok<PreviousTextsDto>(
      await officer.session.get(`/api/reports/${two.id}/previous-texts`),
    );
    expect(previous.previous).toMatchObject({ periodLabel: 'Kỳ một', proposalsText: 'Đề xuất kỳ một' });
    const none = await ok<PreviousTextsDto>(
      await officer.session.get(`/api/reports/${one.id}/previous-texts`),
    );
    expect(none.previous).toBeNull();
  });
});
