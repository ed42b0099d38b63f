import type { ReportDetailDto, ReportTextsBody } from '../../../shared/api/reports';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { type NewReport, updateReportRow } from '../../db/repositories/reports';
import type { Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { getReport } from './get-report';
import { loadReport } from './load-report';
import { assertReportStatus } from './report-rules';
import { cleanLongText } from './report-type-input';

const FIELDS = ['assessmentText', 'tasksText', 'proposalsText'] as const;

/** The officer writes parts II–IV of a draft (NFC, bounded by the request schema); audited with what changed. */
export async function updateReportTexts(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  reportId: string;
  input: ReportTextsBody;
  now: Date;
  today: string;
}): Promise<ReportDetailDto> {
  const { db, principal, actor, reportId, input } = options;
  await db.transaction(async (tx) => {
    const { report, status, period } = await loadReport(tx, principal, reportId, 'report.prepare', {
      forUpdate: true,
    });
    assertReportStatus(status, ['draft'], 'sửa nội dung');
    const patch: Partial<NewReport> = {};
    for (const field of FIELDS) {
      const value = input[field];
      if (value !== undefined && cleanLongText(value) !== report[field]) patch[field] = cleanLongText(value);
    }
    const changed = Object.keys(patch);
    if (changed.length === 0) return;
    await updateReportRow(tx, reportId, patch);
    await insertAuditEntries(tx, actor, [
      {
        action: 'report.update',
        entityType: 'report',
        entityId: reportId,
        unitId: report.unitId,
        summary: `Sửa nội dung báo cáo "${period.typeName}" kỳ ${period.label}`,
        // Lengths, not the texts: the texts are in the report, the audit says what moved.
        before: Object.fromEntries(changed.map((f) => [f, report[f as (typeof FIELDS)[number]].length])),
        after: Object.fromEntries(
          changed.map((f) => [f, (patch[f as (typeof FIELDS)[number]] ?? '').length]),
        ),
      },
    ]);
  });
  return getReport({ db, principal, reportId, now: options.now, today: options.today });
}
