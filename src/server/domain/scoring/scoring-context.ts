import { todayVn } from '../../../shared/dates';
import type { Queryable } from '../../db/client';
import type { Period } from '../../scoring/periods';
import { loadUnitGraph } from '../units/load-unit-graph';
import type { ScoringFramework } from './load-framework';
import type { ScoreboardView } from './resolve-targets';

/**
 * The period as the API shows it: with the last day counted, and whether it still runs (on its last
 * day too, while that day is today: records dated today still count until midnight).
 */
export function presentPeriod(period: Period, through: string) {
  return {
    key: period.key,
    from: period.from,
    to: period.to,
    label: period.label,
    through,
    isRunning: through < period.to || through === todayVn(),
  };
}

export function presentFrameworkRef(framework: ScoringFramework) {
  return {
    id: framework.id,
    code: framework.code,
    version: framework.version,
    name: framework.name,
    legalBasis: framework.legalBasis,
    periodKind: framework.definition.period,
  };
}

/** Today's units with their predecessors' records when the framework says so, else units as they were. */
export function defaultView(framework: ScoringFramework, asked?: ScoreboardView): ScoreboardView {
  return asked ?? (framework.definition.rollUpPredecessors ? 'successors' : 'as_they_were');
}

/**
 * The view of one unit's scores, or of a board under a unit: as asked, else the framework's default,
 * except for a unit that had ended by the counting day. Such a unit is none of today's units, so the
 * successors view has no row for it or under it (its records count for its successor): it is shown
 * as it was (Tỉnh Kon Tum's board of 2024 shows its districts and communes of 2024).
 */
export function defaultUnitView(
  framework: ScoringFramework,
  asked: ScoreboardView | undefined,
  unitValidTo: string | null,
  day: string,
): ScoreboardView {
  if (asked) return asked;
  return unitValidTo !== null && unitValidTo <= day ? 'as_they_were' : defaultView(framework);
}

/**
 * A board's root as the board names it (its current name, or its last for a unit that has ended;
 * none for the whole country) and the view the board is shown in (see defaultUnitView).
 */
export async function boardRootAndView(
  q: Queryable,
  framework: ScoringFramework,
  asked: ScoreboardView | undefined,
  rootId: string | null,
  today: string,
): Promise<{ root: { id: string; name: string } | null; view: ScoreboardView }> {
  if (!rootId) return { root: null, view: defaultView(framework, asked) };
  const graph = await loadUnitGraph(q);
  const unit = graph.unit(rootId);
  return {
    root: unit ? { id: rootId, name: graph.latestName(rootId) ?? '' } : null,
    view: defaultUnitView(framework, asked, unit?.validTo ?? null, today),
  };
}
