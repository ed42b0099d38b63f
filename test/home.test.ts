import { desc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertActivities } from '../src/server/db/repositories/activities';
import { auditLog } from '../src/server/db/schema';
import { evidence, evidenceLinks } from '../src/server/db/schema-activities';
import { reportPeriods, reports, reportTypes } from '../src/server/db/schema-reports';
import { assessments, frameworks } from '../src/server/db/schema-scoring';
import { ensureBuiltinFrameworks } from '../src/server/domain/frameworks/ensure-builtin-frameworks';
import { getHome } from '../src/server/domain/home/get-home';
import { byHomeUrgency } from '../src/server/domain/home/officer-block';
import { setEvaluationCacheEnabled } from '../src/server/domain/scoring/evaluation-cache';
import type { Principal } from '../src/server/policies/principal';
import type {
  HeadBlockDto,
  HomeCountsDto,
  HomeDto,
  OfficeBlockDto,
  OfficerBlockDto,
  ReviewerBlockDto,
} from '../src/shared/api/home';
import { foldForSearch } from '../src/shared/text';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { createSignedInUser } from './support/scenarios';
import { addDxChannel, addDxRecords } from './support/scoring-records';

/**
 * The role homes (issue 10 item 3). Everything is dated around Tuesday 02/06/2026 in Vietnam: the
 * domain is given that day, the routes read it from the application clock, which the tests set
 * (Date only). A 6-month report is due on 05/06/2026 (in 3 days), last year's annual report was due
 * on 05/12/2025; a second province's units and reports must never show.
 */
const TODAY = '2026-06-02';
const CLOCK = new Date(`${TODAY}T09:00:00+07:00`);

describe('role homes', () => {
  let ctx: TestContext;
  const db = () => ctx.database.db;
  let province: string;
  let dakRve: string;
  let konBraih: string;
  let outsiderProvince: string;
  let outsiderCommune: string;
  let officer: { userId: string; session: Session };
  let head: { userId: string; session: Session };
  let reviewer: { userId: string; session: Session };
  let office: { userId: string; session: Session };
  let outsiderOffice: { userId: string; session: Session };
  let semiannualPeriod: string;
  let annualPeriod: string;
  let draftReport: string;
  let submittedAssessment: string;
  let readyAssessment: string;
  let oldPending: string;

  async function reportType(owner: string, kind: string, name: string) {
    const [row] = await db()
      .insert(reportTypes)
      .values({
        ownerUnitId: owner,
        kind,
        name,
        dueRule:
          kind === 'annual' ? { kind: 'yearly', month: 12, day: 5 } : { kind: 'yearly', month: 6, day: 5 },
        submitterKinds: ['commune'],
      })
      .returning({ id: reportTypes.id });
    return row!.id;
  }

  async function period(typeId: string, key: string, label: string, from: string, to: string, dueOn: string) {
    const [row] = await db()
      .insert(reportPeriods)
      .values({ reportTypeId: typeId, periodKey: key, label, periodFrom: from, periodTo: to, dueOn })
      .returning({ id: reportPeriods.id });
    return row!.id;
  }

  async function record(unitId: string, title: string, day: string, extra: Record<string, unknown> = {}) {
    const [id] = await insertActivities(db(), [
      {
        kind: 'post',
        unitId,
        occurredAt: new Date(`${day}T02:00:00Z`),
        occurredOn: day,
        title,
        searchText: foldForSearch(title),
        provenance: 'form',
        recordedAt: new Date(`${day}T03:00:00Z`),
        ...extra,
      },
    ]);
    return id!;
  }

  async function frameworkId(): Promise<string> {
    const [row] = await db()
      .select({ id: frameworks.id })
      .from(frameworks)
      .where(eq(frameworks.code, 'kontum-780'))
      .orderBy(desc(frameworks.validFrom));
    return row!.id;
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    await ensureBuiltinFrameworks(ctx.database);
    province = await createUnit(db(), { kind: 'province', name: 'Tỉnh Nhà Thử' });
    dakRve = await createUnit(db(), { parentId: province, name: 'Xã Đăk Rve Thử' });
    konBraih = await createUnit(db(), { parentId: province, name: 'Xã Kon Braih Thử' });
    outsiderProvince = await createUnit(db(), { kind: 'province', name: 'Tỉnh Người Ngoài' });
    outsiderCommune = await createUnit(db(), { parentId: outsiderProvince, name: 'Xã Người Ngoài' });

    officer = await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: dakRve }]);
    head = await createSignedInUser(ctx.app, db(), [{ role: 'unit_head', unitId: dakRve }]);
    reviewer = await createSignedInUser(ctx.app, db(), [{ role: 'reviewer', unitId: province }]);
    office = await createSignedInUser(ctx.app, db(), [{ role: 'dx_office', unitId: province }]);
    outsiderOffice = await createSignedInUser(ctx.app, db(), [
      { role: 'dx_office', unitId: outsiderProvince },
    ]);

    // Reports: the 6-month report of 2026 due in 3 days; the annual report of 2025, overdue.
    const semiannual = await reportType(province, 'semiannual', 'Báo cáo 6 tháng CĐS');
    const annual = await reportType(province, 'annual', 'Báo cáo năm CĐS');
    semiannualPeriod = await period(
      semiannual,
      '2026-H1',
      '6 tháng đầu năm 2026',
      '2026-01-01',
      '2026-06-30',
      '2026-06-05',
    );
    annualPeriod = await period(annual, '2025', 'năm 2025', '2025-01-01', '2025-12-31', '2025-12-05');
    // Kon Braih submitted the annual report on time; Đăk Rve did not.
    await db()
      .insert(reports)
      .values({
        periodId: annualPeriod,
        unitId: konBraih,
        status: 'submitted',
        submittedAt: new Date('2025-12-01T03:00:00Z'),
        submittedOn: '2025-12-01',
      });
    // Đăk Rve's 6-month draft came back from the head with a note.
    const [draft] = await db()
      .insert(reports)
      .values({
        periodId: semiannualPeriod,
        unitId: dakRve,
        status: 'draft',
        note: 'Bổ sung số liệu tháng 5.',
      })
      .returning({ id: reports.id });
    draftReport = draft!.id;
    // The other province's report, missed by its commune: never in this province's homes.
    const outsiderType = await reportType(outsiderProvince, 'annual', 'Báo cáo năm của tỉnh khác');
    await period(outsiderType, '2025', 'năm 2025', '2025-01-01', '2025-12-31', '2025-12-05');

    // Radio programmes: Đăk Rve aired last week, nothing this week; Kon Braih aired on Monday.
    const rveRadio = await addDxChannel(db(), dakRve, 'radio_programme', '2025-01-01');
    await addDxRecords(db(), 'broadcast', dakRve, rveRadio, ['2026-05-28'], {
      recordedAt: new Date('2026-05-28T05:00:00Z'),
      reviewStatus: 'accepted',
    });
    const braihRadio = await addDxChannel(db(), konBraih, 'radio_programme', '2025-01-01');
    await addDxRecords(db(), 'broadcast', konBraih, braihRadio, ['2026-06-01'], {
      recordedAt: new Date('2026-06-01T05:00:00Z'),
      reviewStatus: 'accepted',
    });

    // Đăk Rve's posts: one with evidence, one without, one rejected in review, one waiting since 20/05.
    const proven = await record(dakRve, 'Tin có minh chứng', '2026-03-10', { reviewStatus: 'accepted' });
    const [item] = await db()
      .insert(evidence)
      .values({ unitId: dakRve, kind: 'url', title: 'Ảnh chụp trang', url: 'https://example.vn/a' })
      .returning({ id: evidence.id });
    await db()
      .insert(evidenceLinks)
      .values({ evidenceId: item!.id, targetType: 'activity', targetId: proven });
    await record(dakRve, 'Tin bị từ chối', '2026-04-02', {
      reviewStatus: 'rejected',
      reviewedAt: new Date('2026-04-05T03:00:00Z'),
    });
    oldPending = await record(dakRve, 'Tin chờ thẩm định lâu nhất', '2026-05-20');
    await record(konBraih, 'Tin chờ thẩm định mới', '2026-05-31');
    // Waiting in the other province: never in this province's queue.
    await record(outsiderCommune, 'Tin của tỉnh khác', '2026-05-01');

    // Assessments: Kon Braih submitted on 30/05; Đăk Rve's draft was said finished on 01/06.
    const framework = await frameworkId();
    const [submitted] = await db()
      .insert(assessments)
      .values({
        unitId: konBraih,
        frameworkId: framework,
        periodKey: '2026',
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
        status: 'submitted',
        submittedAt: new Date('2026-05-30T02:00:00Z'),
        maxTotal: 40,
      })
      .returning({ id: assessments.id });
    submittedAssessment = submitted!.id;
    const [ready] = await db()
      .insert(assessments)
      .values({
        unitId: dakRve,
        frameworkId: framework,
        periodKey: '2026',
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
        status: 'draft',
        maxTotal: 40,
      })
      .returning({ id: assessments.id });
    readyAssessment = ready!.id;
    await db()
      .insert(auditLog)
      .values({
        action: 'assessment.ready',
        entityType: 'assessment',
        entityId: readyAssessment,
        unitId: dakRve,
        actorLabel: 'test',
        summary: 'Báo đã tự chấm xong',
        at: new Date('2026-06-01T02:00:00Z'),
      });
  });
  afterAll(() => ctx.close());
  afterEach(() => vi.useRealTimers());

  /** The routes on the application clock moved to 02/06/2026 (sessions outlive it: they expire later). */
  async function atToday<T>(session: Session, url: string): Promise<T> {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(CLOCK);
    const response = await session.get(url);
    vi.useRealTimers();
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  }

  function block<T extends HomeDto['blocks'][number]>(home: HomeDto, role: T['role']): T {
    const found = home.blocks.find((candidate) => candidate.role === role);
    expect(found, `block ${role}`).toBeDefined();
    return found as T;
  }

  it('shows the officer the report due in 3 days, the overdue one and a week without a DX broadcast', async () => {
    const home = await atToday<HomeDto>(officer.session, '/api/home');
    expect(home.today).toBe(TODAY);
    expect(home.blocks.map((b) => b.role)).toEqual(['officer']);
    const officerBlock = block<OfficerBlockDto>(home, 'officer');
    expect(officerBlock.unit).toEqual({ id: dakRve, name: 'Xã Đăk Rve Thử' });
    const reportsDue = officerBlock.due.items.filter((item) => item.kind === 'report');
    // What can still be on time first, then the overdue.
    expect(reportsDue).toEqual([
      expect.objectContaining({
        title: 'Báo cáo 6 tháng CĐS',
        periodId: semiannualPeriod,
        reportId: draftReport,
        status: 'draft',
        dueOn: '2026-06-05',
        daysLeft: 3,
        isOverdue: false,
      }),
      expect.objectContaining({
        title: 'Báo cáo năm CĐS',
        periodId: annualPeriod,
        dueOn: '2025-12-05',
        daysLeft: -179,
        isOverdue: true,
      }),
    ]);
    // This month's broadcast schedule of the programme was never issued: overdue since 31/05.
    expect(officerBlock.due.items.filter((item) => item.kind === 'schedule')).toEqual([
      expect.objectContaining({
        title: 'Chương trình Chuyển đổi số',
        periodLabel: '2026-06',
        isOverdue: true,
      }),
    ]);
    expect(officerBlock.due.total).toBe(3);
    expect(officerBlock.gaps.items[0]).toEqual({
      kind: 'weekly_broadcast',
      criterionCode: null,
      criterionTitle: null,
      text: '',
      weekFrom: '2026-06-01',
      weekTo: '2026-06-07',
    });
    // The scoring engine's gaps of the current framework follow (Kon Tum QĐ 780 by default).
    expect(officerBlock.gaps.framework).toMatchObject({ code: 'kontum-780', periodKey: '2026' });
    expect(officerBlock.gaps.items.filter((gap) => gap.kind === 'criterion').length).toBeGreaterThan(0);
  });

  it('does not report a broadcast gap for a unit that aired this week', async () => {
    const other = await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: konBraih }]);
    const home = await atToday<HomeDto>(other.session, '/api/home');
    const officerBlock = block<OfficerBlockDto>(home, 'officer');
    expect(officerBlock.gaps.items.some((gap) => gap.kind === 'weekly_broadcast')).toBe(false);
    // Kon Braih submitted last year's report: only the 6-month one and the schedule are due.
    expect(officerBlock.due.items.map((item) => item.title)).toEqual([
      'Báo cáo 6 tháng CĐS',
      'Chương trình Chuyển đổi số',
    ]);
  });

  it('counts records without evidence exactly as the filtered records list shows them', async () => {
    const home = await atToday<HomeDto>(officer.session, '/api/home');
    const officerBlock = block<OfficerBlockDto>(home, 'officer');
    // The broadcast of 28/05, the rejected post and the one waiting: three of this year's four records.
    expect(officerBlock.withoutEvidence).toEqual({ total: 3, from: '2026-01-01' });
    const list = await atToday<{ total: number; items: Array<{ title: string }> }>(
      officer.session,
      `/api/activities?unitId=${dakRve}&from=2026-01-01&hasEvidence=false`,
    );
    expect(list.total).toBe(3);
    expect(list.items.map((item) => item.title)).not.toContain('Tin có minh chứng');
    const withEvidence = await atToday<{ items: Array<{ title: string }> }>(
      officer.session,
      `/api/activities?unitId=${dakRve}&hasEvidence=true`,
    );
    expect(withEvidence.items.map((item) => item.title)).toEqual(['Tin có minh chứng']);
    const refused = await officer.session.get('/api/activities?hasEvidence=maybe');
    expect(refused.statusCode).toBe(400);
  });

  it('lists what came back to the unit: the rejected record and the report draft with its note', async () => {
    const home = await atToday<HomeDto>(officer.session, '/api/home');
    const returned = block<OfficerBlockDto>(home, 'officer').returned;
    expect(returned.total).toBe(2);
    expect(returned.items.map((item) => [item.kind, item.title, item.note])).toEqual([
      ['report', 'Báo cáo 6 tháng CĐS — 6 tháng đầu năm 2026', 'Bổ sung số liệu tháng 5.'],
      ['record', 'Tin bị từ chối', null],
    ]);
  });

  it('shows the unit head what waits for approval and submission, besides the officer block', async () => {
    const home = await atToday<HomeDto>(head.session, '/api/home');
    expect(home.blocks.map((b) => b.role)).toEqual(['officer', 'head']);
    const headBlock = block<HeadBlockDto>(home, 'head');
    expect(headBlock.toApprove.items).toEqual([
      expect.objectContaining({ reportId: draftReport, status: 'draft', dueOn: '2026-06-05' }),
    ]);
    expect(headBlock.toSubmit.items).toEqual([
      expect.objectContaining({ assessmentId: readyAssessment, periodKey: '2026' }),
    ]);
    expect(headBlock.toIssue.total).toBe(0);
  });

  it('gives the reviewer the queue, oldest first with its age in days, from the day it is given', async () => {
    const home = await atToday<HomeDto>(reviewer.session, '/api/home');
    const queue = block<ReviewerBlockDto>(home, 'reviewer');
    expect(queue.records.items.map((item) => [item.title, item.recordedOn, item.ageDays])).toEqual([
      ['Tin chờ thẩm định lâu nhất', '2026-05-20', 13],
      ['Tin chờ thẩm định mới', '2026-05-31', 2],
    ]);
    expect(queue.records.items[0]!.id).toBe(oldPending);
    expect(queue.oldestRecordDays).toBe(13);
    expect(queue.assessments.items).toEqual([
      expect.objectContaining({ id: submittedAssessment, unitName: 'Xã Kon Braih Thử', ageDays: 3 }),
    ]);

    // The domain takes its day: a week later, the same queue is a week older.
    const principal: Principal = {
      userId: reviewer.userId,
      username: 'reviewer',
      grants: [{ id: 'g', role: 'reviewer', unitId: province }],
    };
    const later = await getHome({ db: db(), principal, query: {}, today: '2026-06-09' });
    const laterQueue = later.blocks[0] as ReviewerBlockDto;
    expect(laterQueue.records.items.map((item) => item.ageDays)).toEqual([20, 9]);
    expect(laterQueue.assessments.items[0]!.ageDays).toBe(10);
  });

  it('shows the office the overdue unit with its reason, and none of another province', async () => {
    const home = await atToday<HomeDto>(office.session, '/api/home');
    const officeBlock = block<OfficeBlockDto>(home, 'office');
    expect(officeBlock.unit).toEqual({ id: province, name: 'Tỉnh Nhà Thử' });
    expect(officeBlock.overdue).toEqual({
      total: 1,
      items: [
        {
          unitId: dakRve,
          name: 'Xã Đăk Rve Thử',
          parentName: 'Tỉnh Nhà Thử',
          reasons: [
            {
              code: 'report_overdue',
              periodId: annualPeriod,
              typeName: 'Báo cáo năm CĐS',
              periodLabel: 'năm 2025',
              dueOn: '2025-12-05',
              daysLate: 179,
            },
          ],
        },
      ],
    });
    expect(officeBlock.framework).toMatchObject({ code: 'kontum-780', periodKey: '2026' });
    expect(officeBlock.unitCount).toBe(2);
    // Both communes are behind on the live board of 2026 (nothing counted on most criteria yet),
    // each with its score and the weakest criteria's gap in words.
    for (const unit of officeBlock.behind.items) {
      expect([dakRve, konBraih]).toContain(unit.unitId);
      expect(unit.reasons[0]).toMatchObject({ code: 'score_behind' });
    }
    // Kon Braih has a submitted assessment; Đăk Rve a draft: neither lacks one, both have records.
    expect(officeBlock.notStarted.total).toBe(0);

    const text = JSON.stringify(home);
    for (const outsider of [outsiderProvince, outsiderCommune, 'Người Ngoài', 'tỉnh khác'])
      expect(text).not.toContain(outsider);
  });

  it('never shows one province the other province’s units, records or reports', async () => {
    const home = await atToday<HomeDto>(outsiderOffice.session, '/api/home');
    const text = JSON.stringify(home);
    for (const insider of [province, dakRve, konBraih, 'Nhà Thử', 'Đăk Rve', 'Kon Braih', 'Báo cáo năm CĐS'])
      expect(text).not.toContain(insider);
    const officeBlock = block<OfficeBlockDto>(home, 'office');
    expect(officeBlock.overdue.items.map((unit) => unit.unitId)).toEqual([outsiderCommune]);
  });

  it('shows the office each current report period’s completeness, which changes when a commune submits', async () => {
    const completeness = async () =>
      block<OfficeBlockDto>(await atToday<HomeDto>(office.session, '/api/home'), 'office').reportPeriods;
    const before = await completeness();
    // The current period of each type: the 6-month report of 2026 (due in 3 days) and, with no annual
    // period of 2026 yet, the annual report of 2025. Soonest due first; nothing of the other province.
    expect(before).toEqual([
      {
        periodId: annualPeriod,
        typeName: 'Báo cáo năm CĐS',
        label: 'năm 2025',
        dueOn: '2025-12-05',
        isPastDue: true,
        expected: 2,
        submitted: 1,
        onTime: 1,
        late: 0,
        missing: 1,
      },
      {
        periodId: semiannualPeriod,
        typeName: 'Báo cáo 6 tháng CĐS',
        label: '6 tháng đầu năm 2026',
        dueOn: '2026-06-05',
        isPastDue: false,
        expected: 2,
        submitted: 0,
        onTime: 0,
        late: 0,
        missing: 2,
      },
    ]);
    // Kon Braih submits its 6-month report today: one more submitted, on time.
    await db()
      .insert(reports)
      .values({
        periodId: semiannualPeriod,
        unitId: konBraih,
        status: 'submitted',
        submittedAt: new Date(`${TODAY}T02:00:00Z`),
        submittedOn: TODAY,
      });
    const after = await completeness();
    expect(after[1]).toMatchObject({
      periodId: semiannualPeriod,
      expected: 2,
      submitted: 1,
      onTime: 1,
      missing: 1,
    });
    expect(after[0]).toEqual(before[0]);
    // The other province's office counts only its own commune.
    const outsider = block<OfficeBlockDto>(
      await atToday<HomeDto>(outsiderOffice.session, '/api/home'),
      'office',
    );
    expect(outsider.reportPeriods.map((row) => [row.typeName, row.expected, row.submitted])).toEqual([
      ['Báo cáo năm của tỉnh khác', 1, 0],
    ]);
  });

  it('answers the menu counts in agreement with the blocks', async () => {
    for (const user of [officer, head, reviewer, office]) {
      const home = await atToday<HomeDto>(user.session, '/api/home');
      const counts = await atToday<HomeCountsDto>(user.session, '/api/home/counts');
      const expected: HomeCountsDto = { dueOverdue: 0, overdue: 0, waitingForMe: 0, reviewQueue: 0 };
      for (const b of home.blocks) {
        if (b.role === 'officer') {
          expected.dueOverdue += b.due.total;
          expected.overdue += b.due.items.filter((item) => item.isOverdue).length;
          expected.waitingForMe += b.returned.total;
        } else if (b.role === 'head') {
          expected.waitingForMe += b.toIssue.total + b.toApprove.total + b.toSubmit.total;
        } else if (b.role === 'reviewer') {
          expected.reviewQueue += b.records.total + b.assessments.total;
        }
      }
      expect(counts).toEqual(expected);
    }
    const officerCounts = await atToday<HomeCountsDto>(officer.session, '/api/home/counts');
    expect(officerCounts).toEqual({ dueOverdue: 3, overdue: 2, waitingForMe: 2, reviewQueue: 0 });
    const reviewerCounts = await atToday<HomeCountsDto>(reviewer.session, '/api/home/counts');
    expect(reviewerCounts.reviewQueue).toBe(3);
  });

  /** How many SQL statements a call sends (the drivers' client, spied on for the call). */
  async function countStatements(run: () => Promise<unknown>): Promise<number> {
    const client = (db() as unknown as { session: { client: { query: (...args: unknown[]) => unknown } } })
      .session.client;
    const spy = vi.spyOn(client, 'query');
    try {
      await run();
      return spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
  }

  it('puts on the officer’s home what can still be on time before the overdue, the latest missed first', () => {
    const item = (title: string, dueOn: string, isOverdue: boolean) =>
      ({ title, dueOn, isOverdue }) as OfficerBlockDto['due']['items'][number];
    const sorted = [
      item('Danh mục tháng 01', '2025-12-31', true),
      item('Danh mục tháng 05', '2026-04-30', true),
      item('Báo cáo 6 tháng', '2026-06-05', false),
      item('Báo cáo hôm nay', '2026-06-02', false),
    ].sort(byHomeUrgency);
    expect(sorted.map((row) => row.title)).toEqual([
      'Báo cáo hôm nay',
      'Báo cáo 6 tháng',
      'Danh mục tháng 05',
      'Danh mục tháng 01',
    ]);
  });

  it('costs the office the same few statements for 2 communes as for 22 (no query per unit)', async () => {
    const principal: Principal = {
      userId: office.userId,
      username: 'office',
      grants: [{ id: 'g', role: 'dx_office', unitId: province }],
    };
    const home = () => getHome({ db: db(), principal, query: {}, today: TODAY });
    // Counted on the full recount (every unit's facts read again), the path a cold cache takes.
    setEvaluationCacheEnabled(false);
    const before = await countStatements(home);
    for (let i = 0; i < 20; i += 1) {
      const commune = await createUnit(db(), { parentId: province, name: `Xã Thêm ${i}` });
      await record(commune, `Tin của xã thêm ${i}`, '2026-02-02');
    }
    // The first read after the change reloads the unit graph once; then the cost is the same.
    const grown = await home();
    expect((grown.blocks[0] as OfficeBlockDto).unitCount).toBe(22);
    expect((grown.blocks[0] as OfficeBlockDto).overdue.total).toBe(21);
    expect(await countStatements(home)).toBe(before);
    expect(before).toBeGreaterThan(3);
    expect(before).toBeLessThan(25);
    // With the cache, a second read reads no unit's facts again: fewer statements still.
    setEvaluationCacheEnabled(true);
    await home();
    expect(await countStatements(home)).toBeLessThan(before);
  });

  it('costs the officer the same statements for 12 report periods as for 2 (no query per period)', async () => {
    const principal: Principal = {
      userId: officer.userId,
      username: 'officer',
      grants: [{ id: 'g', role: 'unit_officer', unitId: dakRve }],
    };
    const home = () => getHome({ db: db(), principal, query: {}, today: TODAY });
    const dueBefore = ((await home()).blocks[0] as OfficerBlockDto).due.total;
    const before = await countStatements(home);
    const type = await reportType(province, 'ad_hoc', 'Báo cáo đột xuất thử');
    try {
      // Ten monthly reports missed in the last year: each is one more item, not one more statement.
      for (let step = 0; step < 10; step += 1) {
        // July 2025 to April 2026: due within the last year before TODAY (2026-06-02), all missed.
        const first = new Date(Date.UTC(2025, 6 + step, 1)).toISOString().slice(0, 10);
        const last = new Date(Date.UTC(2025, 7 + step, 0)).toISOString().slice(0, 10);
        await period(type, first.slice(0, 7), `tháng ${first.slice(0, 7)}`, first, last, last);
      }
      expect(((await home()).blocks[0] as OfficerBlockDto).due.total).toBe(dueBefore + 10);
      expect(await countStatements(home)).toBe(before);
    } finally {
      await db().delete(reportPeriods).where(eq(reportPeriods.reportTypeId, type));
      await db().delete(reportTypes).where(eq(reportTypes.id, type));
    }
  });

  it('reads the units revision at most once for a signed-in read, however many parts need the tree, and not at all once held', async () => {
    const client = (db() as unknown as { session: { client: { query: (...args: unknown[]) => unknown } } })
      .session.client;
    const revisionReads = async () => {
      const spy = vi.spyOn(client, 'query');
      try {
        const response = await officer.session.get('/api/home');
        expect(response.statusCode).toBe(200);
        const texts = spy.mock.calls.map(([query]) =>
          typeof query === 'string' ? query : String((query as { text?: string }).text ?? ''),
        );
        // The officer's home loads the unit graph in several places (its blocks, the unit's scores).
        expect(texts.length).toBeGreaterThan(5);
        return texts.filter((text) => /^\s*select revision from data_revisions/i.test(text)).length;
      } finally {
        spy.mockRestore();
      }
    };
    // Read with the session, or alone when the session is held but a unit change dropped the revision.
    expect(await revisionReads()).toBeLessThanOrEqual(1);
    // Held by the process since (session-cache.ts): no statement for it.
    expect(await revisionReads()).toBe(0);
  });

  it('refuses the home without a session', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/home' })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/home/counts' })).statusCode).toBe(401);
  });
});
