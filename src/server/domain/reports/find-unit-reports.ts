import type { ReportStatus } from '../../../shared/api/report-contract';
import type { UnitReportItemDto } from '../../../shared/api/reports';
import type { Db } from '../../db/client';
import {
  findPeriodsOfTypes,
  findReportTypesOwnedBy,
  findUnitPeriodReports,
} from '../../db/repositories/reports';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { loadUnitGraph } from '../units/load-unit-graph';
import { expectedChildrenOf } from './aggregate-children';
import { findExpectedUnitsOfPeriods, submissionState } from './expected-units';
import { periodWithType, presentPeriod } from './present-period';

/**
 * The periods a unit reports on — as an expected submitter, or as a parent whose expected units roll
 * up into its report — of the types defined above it, most urgent first, with its report and state.
 */
export async function findUnitReports(options: {
  db: Db;
  principal: Principal;
  unitId: string;
  year?: number;
  today: string;
}): Promise<UnitReportItemDto[]> {
  const { db, principal, unitId, today } = options;
  await authorizeUnit(db, principal, unitId, 'unit.view');
  const graph = await loadUnitGraph(db, principal.unitsRevision);
  const types = await findReportTypesOwnedBy(db, graph.governingIds(unitId));
  const byId = new Map(types.map((type) => [type.id, type]));
  const periods = await findPeriodsOfTypes(db, [...byId.keys()], options.year);
  const reports = new Map(
    (
      await findUnitPeriodReports(
        db,
        unitId,
        periods.map((p) => p.id),
      )
    ).map((row) => [row.periodId, row]),
  );
  const withTypes = periods.map((row) => periodWithType(row, byId.get(row.reportTypeId)!));
  const expectedByPeriod = await findExpectedUnitsOfPeriods(db, withTypes, today, { graph });
  const items: UnitReportItemDto[] = [];
  for (const period of withTypes) {
    const expected = expectedByPeriod.get(period.id) ?? [];
    const isExpected = expected.some((unit) => unit.unitId === unitId);
    if (!isExpected && (await expectedChildrenOf(db, period, unitId, expected, graph)).length === 0) continue;
    const report = reports.get(period.id);
    const firstSubmittedOn = report?.firstSubmittedOn ?? null;
    items.push({
      period: presentPeriod(period, today),
      isExpected,
      state: submissionState(firstSubmittedOn, period.dueOn),
      isOverdue: firstSubmittedOn === null && today > period.dueOn,
      firstSubmittedOn,
      reportId: report?.reportId ?? null,
      reportStatus: (report?.status ?? null) as ReportStatus | null,
      version: report?.version ?? null,
    });
  }
  return items.sort(byUrgency);
}

/**
 * What needs doing first: overdue and not submitted (latest due first), then what is coming (soonest
 * due first), then what is done (latest first).
 */
export function byUrgency(a: UnitReportItemDto, b: UnitReportItemDto): number {
  const rank = (item: UnitReportItemDto) => (item.isOverdue ? 0 : item.state === 'missing' ? 1 : 2);
  const [ra, rb] = [rank(a), rank(b)];
  if (ra !== rb) return ra - rb;
  const order = a.period.dueOn.localeCompare(b.period.dueOn);
  return ra === 1 ? order : -order;
}
