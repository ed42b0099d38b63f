import type { ReportDetailDto } from '../../../shared/api/reports';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { insertReport, updateReportRow } from '../../db/repositories/reports';
import type { Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { getReport } from './get-report';
import { loadReport } from './load-report';
import { assertReportStatus } from './report-rules';
import { cleanLongText } from './report-type-input';

/**
 * Opens version n+1 of a submitted report, as a draft holding the same parts II–IV. The submitted
 * version becomes superseded at once (one live report per unit and period), keeping its frozen part I
 * and its submission day: on time / late is judged on the first submission over all versions, so a
 * correction never turns an on-time report late. Audited on both versions.
 */
export async function newReportVersion(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  reportId: string;
  reason: string;
  now: Date;
  today: string;
}): Promise<ReportDetailDto> {
  const { db, principal, actor, reportId, now, today } = options;
  const newId = await db.transaction(async (tx) => {
    const { report, status, period } = await loadReport(tx, principal, reportId, 'report.prepare', {
      forUpdate: true,
    });
    assertReportStatus(status, ['submitted'], 'tạo phiên bản mới');
    const reason = cleanLongText(options.reason);
    await updateReportRow(tx, reportId, { status: 'superseded', supersededAt: now });
    const created = await insertReport(tx, {
      periodId: report.periodId,
      unitId: report.unitId,
      version: report.version + 1,
      assessmentText: report.assessmentText,
      tasksText: report.tasksText,
      proposalsText: report.proposalsText,
      note: reason,
      createdBy: actor.userId,
    });
    const what = `báo cáo "${period.typeName}" kỳ ${period.label}`;
    await insertAuditEntries(tx, actor, [
      {
        action: 'report.supersede',
        entityType: 'report',
        entityId: reportId,
        unitId: report.unitId,
        summary: `Thay phiên bản ${report.version} của ${what} bằng phiên bản ${created.version}`,
        before: { status },
        after: { status: 'superseded', supersededBy: created.id, reason },
      },
      {
        action: 'report.create',
        entityType: 'report',
        entityId: created.id,
        unitId: report.unitId,
        summary: `Lập phiên bản ${created.version} của ${what}: ${reason}`,
        after: { periodId: report.periodId, version: created.version, replaces: reportId },
      },
    ]);
    return created.id;
  });
  return getReport({ db, principal, reportId: newId, now, today });
}
