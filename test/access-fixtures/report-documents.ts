import { reportPeriods, reports, reportTypes } from '../../src/server/db/schema-reports';
import type { AccessFixtures } from '../support/access-types';

/**
 * The target commune's annual report (reportId), a draft: its documents compute part I live, so the
 * admin's downloads go through the whole path. Its type is owned by the target itself, which is all
 * the document routes need.
 */
export const accessFixtures: AccessFixtures = {
  params: {
    reportId: async (env) => {
      const [type] = await env.db
        .insert(reportTypes)
        .values({
          ownerUnitId: env.targetUnitId,
          kind: 'annual',
          name: 'Báo cáo năm',
          dueRule: { kind: 'yearly', month: 12, day: 5 },
          submitterKinds: ['commune'],
          recipients: 'Sở Khoa học và Công nghệ',
        })
        .returning({ id: reportTypes.id });
      const [period] = await env.db
        .insert(reportPeriods)
        .values({
          reportTypeId: type!.id,
          periodKey: '2025',
          label: 'năm 2025',
          periodFrom: '2025-01-01',
          periodTo: '2025-12-31',
          dueOn: '2025-12-05',
        })
        .returning({ id: reportPeriods.id });
      const [report] = await env.db
        .insert(reports)
        .values({ periodId: period!.id, unitId: env.targetUnitId, assessmentText: 'Đánh giá của xã khác.' })
        .returning({ id: reports.id });
      return report!.id;
    },
  },
};
