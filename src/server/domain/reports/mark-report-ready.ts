import type { ReportReadyDto } from '../../../shared/api/reports';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import type { Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { getReport } from './get-report';
import { loadReport } from './load-report';
import { notifyReportEvent } from './notify-report';
import { assertReportStatus } from './report-rules';

/**
 * The officer says the draft is ready: the unit head is told in the app, in the same transaction, and
 * the step is audited. The status stays draft: approving is the head's step.
 */
export async function markReportReady(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  reportId: string;
  now: Date;
  today: string;
}): Promise<ReportReadyDto> {
  const { db, principal, actor, reportId } = options;
  const notified = await db.transaction(async (tx) => {
    const { report, status, period } = await loadReport(tx, principal, reportId, 'report.prepare', {
      forUpdate: true,
    });
    assertReportStatus(status, ['draft'], 'báo đã soạn xong');
    const count = await notifyReportEvent(tx, actor, report, period, 'ready');
    await insertAuditEntries(tx, actor, [
      {
        action: 'report.ready',
        entityType: 'report',
        entityId: reportId,
        unitId: report.unitId,
        summary: `Báo đã soạn xong báo cáo "${period.typeName}" kỳ ${period.label}`,
        after: { notified: count },
      },
    ]);
    return count;
  });
  return {
    report: await getReport({ db, principal, reportId, now: options.now, today: options.today }),
    notified,
  };
}
