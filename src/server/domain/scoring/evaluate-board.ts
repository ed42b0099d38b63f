import type { ScoreboardDto } from '../../../shared/api/scoring';
import { todayVn } from '../../../shared/dates';
import type { UnitKind } from '../../../shared/units';
import type { Queryable } from '../../db/client';
import { readScoreStamps } from '../../db/repositories/score-changes';
import type { ScoringWindow } from '../../scoring/buckets';
import { applicableCriteria, evaluateUnit, type UnitEvaluation } from '../../scoring/evaluate';
import type { Period } from '../../scoring/periods';
import type { ScoringLanguage } from '../../scoring/words';
import type { ScoredUnitRow } from '../units/unit-graph';
import { loadAssessmentEntries } from './assessment-entries';
import { buildFacts, type ScoringTarget } from './build-facts';
import { criterionKeys } from './criterion-keys';
import { lookUpEvaluations } from './evaluation-cache';
import type { ScoringFramework } from './load-framework';
import { type ResolvedTargets, resolveTargets, type ScoreboardView } from './resolve-targets';

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
  const resolved = await resolveTargets(q, options);
  // The stamps first, then the facts: a change committed in between is in the facts and makes the
  // next read evaluate again (see evaluation-cache.ts).
  const stampedIds = new Set<string>();
  for (const target of resolved.targets) {
    stampedIds.add(target.unitId);
    for (const id of target.sourceIds) stampedIds.add(id);
  }
  const stamps = await readScoreStamps(q, [...stampedIds]);
  const cache = lookUpEvaluations(
    resolved.graph,
    {
      frameworkId: framework.id,
      periodKey: period.key,
      view: options.view,
      countingDay: options.today,
      realToday: todayVn(),
      language: options.language ?? 'vi',
    },
    resolved.targets,
    stamps,
  );
  const fresh = await evaluateTargets(q, framework, period, resolved, cache.misses, options.language);
  for (const target of cache.misses) cache.remember(target, fresh.get(target.unitId)!);
  const windows = new Map(resolved.targets.map((target) => [target.unitId, target.window]));
  return {
    through: resolved.through,
    units: resolved.units.map((unit) => ({
      unit,
      window: windows.get(unit.id)!,
      evaluation: cache.hits.get(unit.id) ?? fresh.get(unit.id)!,
    })),
  };
}

/** Reads the facts of the targets and evaluates them with the pure engine. */
async function evaluateTargets(
  q: Queryable,
  framework: ScoringFramework,
  period: Period,
  resolved: ResolvedTargets,
  targets: readonly ScoringTarget[],
  language: ScoringLanguage | undefined,
): Promise<Map<string, UnitEvaluation>> {
  const evaluations = new Map<string, UnitEvaluation>();
  if (targets.length === 0) return evaluations;
  const spec = framework.definition;
  const facts = await buildFacts(q, spec, targets, period.from, resolved.through);
  const entries = await loadAssessmentEntries(
    q,
    framework.id,
    period.key,
    targets.map((target) => target.unitId),
  );
  const kinds = new Map(resolved.units.map((unit) => [unit.id, unit.kind]));
  for (const target of targets)
    evaluations.set(
      target.unitId,
      evaluateUnit(
        spec,
        kinds.get(target.unitId)!,
        facts.get(target.unitId)!,
        entries.get(target.unitId),
        language,
      ),
    );
  return evaluations;
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
