import type { UnitKind } from '../../../shared/units';
import type { Queryable } from '../../db/client';
import { findCurrentFramework } from '../home/home-context';
import { loadUnitGraph } from '../units/load-unit-graph';

/**
 * The first day of the period the unit is scored on now (its framework's running year, half or
 * quarter; the calendar year when no framework scores it): a check reads a listing back to that day
 * and no further, since older posts no longer change a score.
 */
export async function scoringPeriodStart(q: Queryable, unitId: string, today: string): Promise<string> {
  const graph = await loadUnitGraph(q);
  const kind = (graph.unit(unitId)?.kind ?? null) as UnitKind | null;
  const framework = await findCurrentFramework(q, graph, { rootId: unitId, kind, today });
  return framework?.period.from ?? `${today.slice(0, 4)}-01-01`;
}
