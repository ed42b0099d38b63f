import type { ReportDetailDto } from '../../../shared/api/reports';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { updateReportRow } from '../../db/repositories/reports';
import type { Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { getReport } from './get-report';
import { loadReport } from './load-report';
import { assertReportStatus } from './report-rules';
import { cleanLongText } from './report-type-input';

/** The unit head approves the draft (draft → approved); nobody edits it until it is returned. */
export async function approveReport(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  reportId: string;
  note?: string;
  now: Date;
  today: string;
}): Promise<ReportDetailDto> {
  const { db, principal, actor, reportId, now } = options;
  await db.transaction(async (tx) => {
    const { report, status, period } = await loadReport(tx, principal, reportId, 'report.submit', {
      forUpdate: true,
    });
    assertReportStatus(status, ['draft'], 'duyệt');
    const note = options.note ? cleanLongText(options.note) || null : null;
    await updateReportRow(tx, reportId, {
      status: 'approved',
      approvedAt: now,
      approvedBy: actor.userId,
      ...(note ? { note } : {}),
    });
    await insertAuditEntries(tx, actor, [
      {
        action: 'report.approve',
        entityType: 'report',
        entityId: reportId,
        unitId: report.unitId,
        summary: `Duyệt báo cáo "${period.typeName}" kỳ ${period.label}`,
        before: { status },
        after: { status: 'approved', ...(note ? { note } : {}) },
      },
    ]);
  });
  return getReport({ db, principal, reportId, now, today: options.today });
}
