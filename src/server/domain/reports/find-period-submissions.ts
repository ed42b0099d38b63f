import type { ReportStatus } from '../../../shared/api/report-contract';
import type { PeriodSubmissionsDto } from '../../../shared/api/reports';
import type { Db } from '../../db/client';
import type { Principal } from '../../policies/principal';
import { findExpectedUnits, summariseSubmissions } from './expected-units';
import { loadPeriod } from './load-period';
import { presentPeriodWithSummary } from './present-period';

/** The units expected in a period, each with its state (on time, late, missing), and the summary. */
export async function findPeriodSubmissions(options: {
  db: Db;
  principal: Principal;
  periodId: string;
  today: string;
}): Promise<PeriodSubmissionsDto> {
  const { db, principal, periodId, today } = options;
  const { period, actions } = await loadPeriod(db, principal, periodId, 'unit.view');
  const units = await findExpectedUnits(db, period, today);
  return {
    period: presentPeriodWithSummary(period, summariseSubmissions(units), today),
    canMoveDue: actions.includes('report.define'),
    items: units.map((unit) => ({
      unitId: unit.unitId,
      name: unit.name,
      kind: unit.kind,
      parentName: unit.parentName,
      state: unit.state,
      isOverdue: unit.isOverdue,
      firstSubmittedOn: unit.firstSubmittedOn,
      reportId: unit.reportId,
      reportStatus: unit.reportStatus as ReportStatus | null,
    })),
  };
}
