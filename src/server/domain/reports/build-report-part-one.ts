import type { ReportResults } from '../../../shared/api/report-contract';
import type { Queryable } from '../../db/client';
import type { PeriodWithType } from '../../db/repositories/report-submissions';
import { aggregateChildren, expectedChildrenOf } from './aggregate-children';
import { findExpectedUnits } from './expected-units';
import { buildUnitReportResults } from './report-results-source';

/**
 * Part I of a unit's report as of now: the unit's own results and, when units below it are expected
 * in the period (a province, a former district), one row per such child.
 */
export async function buildReportPartOne(
  q: Queryable,
  options: { unitId: string; period: PeriodWithType; now: Date; today: string },
): Promise<ReportResults> {
  const { unitId, period, now, today } = options;
  const own = await buildUnitReportResults(q, { unitId, period, now });
  const expected = await findExpectedUnits(q, period, today);
  const children = await expectedChildrenOf(q, period, unitId, expected);
  if (children.length === 0) return own;
  return { ...own, children: await aggregateChildren(q, { period, children, now }) };
}
