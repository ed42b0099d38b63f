import type { ReportDetailDto } from '../../../shared/api/reports';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { updateReportRow } from '../../db/repositories/reports';
import type { Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { getReport } from './get-report';
import { loadReport } from './load-report';
import { notifyReportEvent } from './notify-report';
import { assertReportStatus } from './report-rules';
import { cleanLongText } from './report-type-input';

/**
 * The unit head sends the report back to the officers with a note — a draft they said was ready, or one
 * already approved (then it is a draft again); the officers are told in the app.
 */
export async function returnReport(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  reportId: string;
  note: string;
  now: Date;
  today: string;
}): Promise<ReportDetailDto> {
  const { db, principal, actor, reportId, now } = options;
  await db.transaction(async (tx) => {
    const { report, status, period } = await loadReport(tx, principal, reportId, 'report.submit', {
      forUpdate: true,
    });
    assertReportStatus(status, ['draft', 'approved'], 'trả lại');
    const note = cleanLongText(options.note);
    await updateReportRow(tx, reportId, { status: 'draft', approvedAt: null, approvedBy: null, note });
    await insertAuditEntries(tx, actor, [
      {
        action: 'report.return',
        entityType: 'report',
        entityId: reportId,
        unitId: report.unitId,
        summary: `Trả lại báo cáo "${period.typeName}" kỳ ${period.label}: ${note}`,
        before: { status },
        after: { status: 'draft', note },
      },
    ]);
    await notifyReportEvent(tx, actor, report, period, 'returned', note);
  });
  return getReport({ db, principal, reportId, now, today: options.today });
}
