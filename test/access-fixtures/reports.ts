import { reportPeriods, reports, reportTypes } from '../../src/server/db/schema-reports';
import type { AccessEnv, AccessFixtures } from '../support/access-types';

/**
 * The target commune's own ad hoc report type (a commune may define one for itself), a period of it
 * due far ahead, and the commune's draft report in it. The admin replays routes/reports.ts in order on
 * that report: texts written, marked ready, returned, approved, submitted, then a new version.
 */
const typeIds = new Map<string, string>();
const periodIds = new Map<string, string>();

async function typeOf(env: AccessEnv): Promise<string> {
  const known = typeIds.get(env.targetUnitId);
  if (known) return known;
  const [type] = await env.db
    .insert(reportTypes)
    .values({
      ownerUnitId: env.targetUnitId,
      kind: 'ad_hoc',
      name: 'Báo cáo đột xuất của xã',
      dueRule: { kind: 'fixed' },
      submitterKinds: ['commune', 'ward', 'special_zone'],
    })
    .returning({ id: reportTypes.id });
  typeIds.set(env.targetUnitId, type!.id);
  return type!.id;
}

async function periodOf(env: AccessEnv): Promise<string> {
  const known = periodIds.get(env.targetUnitId);
  if (known) return known;
  const [period] = await env.db
    .insert(reportPeriods)
    .values({
      reportTypeId: await typeOf(env),
      periodKey: '2026-01-01_2026-12-31',
      label: 'Năm 2026',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      dueOn: '2999-12-31',
    })
    .returning({ id: reportPeriods.id });
  periodIds.set(env.targetUnitId, period!.id);
  return period!.id;
}

export const accessFixtures: AccessFixtures = {
  params: {
    reportTypeId: typeOf,
    reportPeriodId: periodOf,
    reportId: async (env) => {
      const [report] = await env.db
        .insert(reports)
        .values({ periodId: await periodOf(env), unitId: env.targetUnitId })
        .returning({ id: reports.id });
      return report!.id;
    },
  },
  bodies: {
    'POST /api/units/:unitId/report-types': () => ({ kind: 'annual', name: 'Báo cáo năm của xã' }),
    'PATCH /api/report-types/:reportTypeId': () => ({ name: 'Báo cáo đột xuất của xã (sửa)' }),
    'POST /api/report-types/:reportTypeId/periods': () => ({
      label: '6 tháng đầu năm 2027',
      periodFrom: '2027-01-01',
      periodTo: '2027-06-30',
      dueOn: '2999-06-30',
    }),
    'PATCH /api/report-periods/:reportPeriodId': () => ({ dueOn: '2999-12-30', reason: 'Đổi hạn' }),
    'POST /api/report-periods/:reportPeriodId/units/:unitId/report': () => ({}),
    'POST /api/reports/:reportId/ready': () => ({}),
    'POST /api/reports/:reportId/submit': () => ({}),
    'PATCH /api/reports/:reportId': () => ({ assessmentText: 'Làm tốt.', tasksText: 'Tiếp tục.' }),
    'POST /api/reports/:reportId/return': () => ({ note: 'Bổ sung số liệu' }),
    'POST /api/reports/:reportId/approve': () => ({}),
    'POST /api/reports/:reportId/versions': () => ({ reason: 'Sửa số liệu' }),
  },
};
