import type { PreviousTextsDto } from '../../../shared/api/reports';
import type { Db } from '../../db/client';
import { findPeriodBefore, findReportVersions } from '../../db/repositories/reports';
import type { Principal } from '../../policies/principal';
import { loadReport } from './load-report';

/**
 * Parts II–IV of the unit's report for the previous period of the same type (the one that ended last
 * before this one began): its latest version, offered as a start ("Dùng nội dung kỳ trước").
 */
export async function findPreviousTexts(options: {
  db: Db;
  principal: Principal;
  reportId: string;
}): Promise<PreviousTextsDto> {
  const { db, principal, reportId } = options;
  const { report, period } = await loadReport(db, principal, reportId, 'unit.view');
  const previousPeriod = await findPeriodBefore(db, period.reportTypeId, period.periodFrom);
  if (!previousPeriod) return { previous: null };
  const [latest] = await findReportVersions(db, previousPeriod.id, report.unitId);
  if (!latest || !(latest.assessmentText || latest.tasksText || latest.proposalsText))
    return { previous: null };
  return {
    previous: {
      reportId: latest.id,
      periodLabel: previousPeriod.label,
      version: latest.version,
      assessmentText: latest.assessmentText,
      tasksText: latest.tasksText,
      proposalsText: latest.proposalsText,
    },
  };
}
