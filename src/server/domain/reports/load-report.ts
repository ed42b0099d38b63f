import type { ReportStatus } from '../../../shared/api/report-contract';
import type { Action } from '../../../shared/roles';
import type { Queryable } from '../../db/client';
import type { PeriodWithType } from '../../db/repositories/report-submissions';
import {
  getPeriodRow,
  getReportRow,
  getReportTypeRow,
  type ReportRow,
  type ReportTypeRow,
} from '../../db/repositories/reports';
import { notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { periodWithType } from './present-period';

export interface LoadedReport {
  report: ReportRow;
  status: ReportStatus;
  period: PeriodWithType;
  type: ReportTypeRow;
  /** The user's actions on the report's unit. */
  unitActions: Action[];
}

/**
 * A report the principal may take the action on, judged on the report's unit: "not found" outside the
 * user's units, "forbidden" when visible without the action.
 */
export async function loadReport(
  q: Queryable,
  principal: Principal,
  reportId: string,
  action: Action,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedReport> {
  const report = await getReportRow(q, reportId, options);
  if (!report) throw notFound();
  const unitActions = await authorizeUnit(q, principal, report.unitId, action);
  const periodRow = await getPeriodRow(q, report.periodId);
  const type = periodRow ? await getReportTypeRow(q, periodRow.reportTypeId) : undefined;
  if (!periodRow || !type) throw notFound();
  return {
    report,
    status: report.status as ReportStatus,
    period: periodWithType(periodRow, type),
    type,
    unitActions,
  };
}
