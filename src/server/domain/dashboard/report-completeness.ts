import type { ProvinceDashboardDto } from '../../../shared/api/dashboard';
import type { Queryable } from '../../db/client';
import { findPeriodsOverlapping } from '../../db/repositories/dashboard';
import { findExpectedUnits, summariseSubmissions } from '../reports/expected-units';
import { loadUnitGraph } from '../units/load-unit-graph';

/**
 * Completeness and timeliness of every report type that covers the scope, per period of the year:
 * expected, on time, late, missing (and overdue), by the one rule of expected-units.ts. The types are
 * those defined by the scope's own unit or a unit governing it (a district board shows the
 * province's types, counting only its own units). The periods are those overlapping the year.
 */
export async function findReportCompleteness(
  q: Queryable,
  options: { rootId: string; year: number; today: string },
): Promise<ProvinceDashboardDto['completeness']> {
  const graph = await loadUnitGraph(q);
  const owners = graph.governingIds(options.rootId);
  const periods = await findPeriodsOverlapping(q, owners, `${options.year}-01-01`, `${options.year}-12-31`);
  const scope = new Set(graph.rollupIds([options.rootId]));
  const byType = new Map<string, ProvinceDashboardDto['completeness'][number]>();
  // One query per period (a year has a handful: 12 monthly schedules, two half-years, a year), none per unit.
  for (const period of periods) {
    const expected = await findExpectedUnits(q, period, options.today);
    const ours =
      period.ownerUnitId === options.rootId ? expected : expected.filter((unit) => scope.has(unit.unitId));
    const summary = summariseSubmissions(ours);
    let type = byType.get(period.reportTypeId);
    if (!type) {
      type = { reportTypeId: period.reportTypeId, name: period.typeName, kind: period.kind, periods: [] };
      byType.set(period.reportTypeId, type);
    }
    type.periods.push({
      periodId: period.id,
      periodKey: period.periodKey,
      label: period.label,
      periodFrom: period.periodFrom,
      periodTo: period.periodTo,
      dueOn: period.dueOn,
      ...summary,
      overdue: ours.filter((unit) => unit.isOverdue).length,
    });
  }
  return [...byType.values()];
}
