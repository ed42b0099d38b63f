import type { ReportDetailDto } from '../../../shared/api/reports';
import { dayOf } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { updateReportRow } from '../../db/repositories/reports';
import type { Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { buildReportPartOne } from './build-report-part-one';
import { submissionState } from './expected-units';
import { getReport } from './get-report';
import { loadReport } from './load-report';
import { assertReportStatus } from './report-rules';

/**
 * The unit head submits the approved report: submitted_at is now, submitted_on its Vietnamese day
 * (what on time is judged on, due day inclusive), and part I is frozen into `results` as it stands, so
 * the province reads what was submitted, not what the records say next week. Audited with the state.
 */
export async function submitReport(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  reportId: string;
  now: Date;
  today: string;
}): Promise<ReportDetailDto> {
  const { db, principal, actor, reportId, now, today } = options;
  await db.transaction(async (tx) => {
    const { report, status, period } = await loadReport(tx, principal, reportId, 'report.submit', {
      forUpdate: true,
    });
    assertReportStatus(status, ['approved'], 'nộp');
    const submittedOn = dayOf(now);
    const results = await buildReportPartOne(tx, { unitId: report.unitId, period, now, today });
    await updateReportRow(tx, reportId, {
      status: 'submitted',
      submittedAt: now,
      submittedBy: actor.userId,
      submittedOn,
      results,
    });
    await insertAuditEntries(tx, actor, [
      {
        action: 'report.submit',
        entityType: 'report',
        entityId: reportId,
        unitId: report.unitId,
        summary: `Nộp báo cáo "${period.typeName}" kỳ ${period.label} (phiên bản ${report.version})`,
        before: { status },
        after: {
          status: 'submitted',
          submittedOn,
          dueOn: period.dueOn,
          // A later version keeps the first submission's day; this says how this one alone would count.
          state: submissionState(submittedOn, period.dueOn),
          version: report.version,
        },
      },
    ]);
  });
  return getReport({ db, principal, reportId, now, today });
}
