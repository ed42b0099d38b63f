import type { ScoreboardDto } from '../../../shared/api/scoring';
import type { UnitKind } from '../../../shared/units';
import type { Queryable } from '../../db/client';
import type { ScoringWindow } from '../../scoring/buckets';
import { applicableCriteria, evaluateUnit, type UnitEvaluation } from '../../scoring/evaluate';
import type { Period } from '../../scoring/periods';
import type { ScoringLanguage } from '../../scoring/words';
import type { ScoredUnitRow } from '../units/unit-graph';
import { loadAssessmentEntries } from './assessment-entries';
import { buildFacts } from './build-facts';
import { criterionKeys } from './criterion-keys';
import type { ScoringFramework } from './load-framework';
import { resolveTargets, type ScoreboardView } from './resolve-targets';

export interface EvaluatedUnit {
  unit: ScoredUnitRow;
  /** The days the unit is judged on. */
  window: ScoringWindow;
  evaluation: UnitEvaluation;
}

export interface EvaluatedBoard {
  through: string;
  units: EvaluatedUnit[];
}

/**
 * Scores every unit of the given kinds in a subtree (or the country) for one framework version and
 * period: resolve the units and their merged predecessors, load the measures in one query each,
 * then evaluate each unit with the pure engine.
 */
export async function evaluateBoard(
  q: Queryable,
  options: {
    framework: ScoringFramework;
    period: Period;
    rootId: string | null;
    kinds: readonly UnitKind[];
    view: ScoreboardView;
    today: string;
    /** Score exactly the root unit (a unit's own history). */
    onlyRoot?: boolean;
    /** The language of explanations and gaps (Vietnamese by default). */
    language?: ScoringLanguage;
  },
): Promise<EvaluatedBoard> {
  const { framework, period } = options;
  const spec = framework.definition;
  const resolved = await resolveTargets(q, options);
  const facts = await buildFacts(q, spec, resolved.targets, period.from, resolved.through);
  const entries = await loadAssessmentEntries(
    q,
    framework.id,
    period.key,
    resolved.units.map((unit) => unit.id),
  );
  return {
    through: resolved.through,
    units: resolved.units.map((unit) => {
      const unitFacts = facts.get(unit.id)!;
      return {
        unit,
        window: unitFacts.window,
        evaluation: evaluateUnit(spec, unit.kind, unitFacts, entries.get(unit.id), options.language),
      };
    }),
  };
}

/** The criteria columns of a board: every criterion that applies to one of the kinds shown. */
export function criteriaColumns(
  framework: ScoringFramework,
  kinds: readonly UnitKind[],
): ScoreboardDto['criteria'] {
  const keyOf = criterionKeys(framework.definition);
  const columns = new Map<string, ScoreboardDto['criteria'][number]>();
  for (const kind of kinds)
    for (const ref of applicableCriteria(framework.definition, kind)) {
      const key = keyOf(kind, ref.criterion.code);
      const existing = columns.get(key);
      if (existing) existing.appliesTo.push(kind);
      else
        columns.set(key, {
          key,
          code: ref.criterion.code,
          title: ref.criterion.title,
          max: ref.criterion.max,
          pillarCode: ref.pillar.code,
          indexCode: ref.index.code,
          appliesTo: [kind],
        });
    }
  return [...columns.values()];
}
