import type { ReportStatus } from '../../../shared/api/report-contract';
import type { PeriodSubmissionsDto } from '../../../shared/api/reports';
import type { Db } from '../../db/client';
import { findLiveReport } from '../../db/repositories/reports';
import type { Principal } from '../../policies/principal';
import { loadUnitGraph } from '../units/load-unit-graph';
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
  const graph = await loadUnitGraph(db);
  const ownerReport = await findLiveReport(db, period.id, period.ownerUnitId);
  return {
    period: presentPeriodWithSummary(period, summariseSubmissions(units), today),
    canMoveDue: actions.includes('report.define'),
    ownerReport: {
      unitId: period.ownerUnitId,
      unitName: graph.latestName(period.ownerUnitId) ?? '',
      unitKind: graph.unit(period.ownerUnitId)?.kind ?? '',
      reportId: ownerReport?.id ?? null,
      canPrepare: actions.includes('report.prepare'),
    },
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
