import type { ReportResults } from '../../../shared/api/report-contract';
import type { UnitKind } from '../../../shared/units';
import type { Queryable } from '../../db/client';
import type { PeriodWithType } from '../../db/repositories/report-submissions';
import { findSubmittedResults } from '../../db/repositories/reports';
import { loadUnitGraph } from '../units/load-unit-graph';
import type { UnitGraph } from '../units/unit-graph';
import type { ExpectedUnit } from './expected-units';
import { buildUnitReportResults } from './report-results-source';

type ChildRow = NonNullable<ReportResults['children']>[number];

/**
 * The expected units below a unit in a period: those of its subtree on the due day (the unit itself
 * left out), taken from the expected-units rule so the parent's table matches the period's counts.
 */
export async function expectedChildrenOf(
  q: Queryable,
  period: PeriodWithType,
  unitId: string,
  expected: readonly ExpectedUnit[],
  knownGraph?: UnitGraph,
): Promise<ExpectedUnit[]> {
  const graph = knownGraph ?? (await loadUnitGraph(q));
  const below = new Set(
    graph
      .scoredUnits(unitId, period.dueOn, period.submitterKinds as UnitKind[])
      .map((unit) => unit.id)
      .filter((id) => id !== unitId),
  );
  return expected.filter((unit) => below.has(unit.unitId));
}

/**
 * A parent's part I table: one row per expected child with its state and, for a child that submitted,
 * the totals and score of what it submitted (frozen); for the others, the live figures of the records.
 */
export async function aggregateChildren(
  q: Queryable,
  options: { period: PeriodWithType; children: readonly ExpectedUnit[]; now: Date },
): Promise<ChildRow[]> {
  const { period, children, now } = options;
  const frozen = new Map(
    (
      await findSubmittedResults(
        q,
        period.id,
        children.map((child) => child.unitId),
      )
    ).map((row) => [row.unitId, row.results]),
  );
  const rows: ChildRow[] = [];
  for (const child of children) {
    const results =
      (child.state !== 'missing' ? frozen.get(child.unitId) : null) ??
      (await buildUnitReportResults(q, { unitId: child.unitId, period, now }));
    rows.push({
      unitId: child.unitId,
      unitName: child.name,
      state: child.state,
      submittedOn: child.firstSubmittedOn,
      totals: results.totals,
      score: scoreOf(results),
    });
  }
  return rows;
}

function scoreOf(results: ReportResults): ChildRow['score'] {
  if (!results.scores) return null;
  const { official, live } = results.scores;
  return official
    ? { score: official.score, max: official.max, official: true }
    : { score: live.score, max: live.max, official: false };
}
