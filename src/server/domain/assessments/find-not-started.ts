import { and, eq, ne } from 'drizzle-orm';
import type { AssessmentListDto } from '../../../shared/api/assessments';
import { compareVietnamese } from '../../../shared/text';
import type { Queryable } from '../../db/client';
import { assessments } from '../../db/schema-scoring';
import type { Principal } from '../../policies/principal';
import { loadFrameworkForPeriod } from '../scoring/load-framework';
import { loadUnitGraph } from '../units/load-unit-graph';

/** At most this many "chưa lập" units are listed (a national scope has thousands). */
const NOT_STARTED_LIMIT = 500;

/**
 * The units of a scope that a framework scores and that have no assessment (other than superseded
 * ones) for a period: the assessment list shows them as "chưa lập", so the DX office sees who has
 * not started, not only who has. Units as they stood on the period's last day, or today while it
 * runs.
 */
export async function findNotStarted(
  q: Queryable,
  principal: Principal,
  options: { unitId?: string; framework: string; period: string; today: string },
): Promise<NonNullable<AssessmentListDto['notStarted']>> {
  const { framework, period } = await loadFrameworkForPeriod(q, options.framework, options.period);
  if (period.from > options.today) return [];
  const day = period.to < options.today ? period.to : options.today;
  const graph = await loadUnitGraph(q);
  const roots: Array<string | null> = options.unitId
    ? [options.unitId]
    : principal.grants.some((grant) => grant.unitId === null)
      ? [null]
      : [...new Set(principal.grants.map((grant) => grant.unitId!))];
  const units = new Map<string, { id: string; name: string; kind: string; code: string | null }>();
  for (const root of roots)
    for (const unit of graph.scoredUnits(root, day, framework.definition.appliesTo)) units.set(unit.id, unit);
  const started = await q
    .select({ unitId: assessments.unitId })
    .from(assessments)
    .where(
      and(
        eq(assessments.frameworkId, framework.id),
        eq(assessments.periodKey, period.key),
        ne(assessments.status, 'superseded'),
      ),
    );
  for (const row of started) units.delete(row.unitId);
  return [...units.values()]
    .sort((a, b) => compareVietnamese(a.name, b.name))
    .slice(0, NOT_STARTED_LIMIT)
    .map((unit) => ({
      id: unit.id,
      name: unit.name,
      kind: unit.kind as NonNullable<AssessmentListDto['notStarted']>[number]['kind'],
      code: unit.code,
    }));
}
