import type { CriterionSpec, FrameworkSpec, MeasureSpec } from '../../shared/frameworks/definition';
import type { UnitKind } from '../../shared/units';
import { windowIsRunning } from './buckets';
import { measureKey } from './measure-key';
import { measuresOfRule } from './rule-measures';
import { evaluateRule } from './rules';
import { finishOutcome, roundPoints, statusOf } from './rules/finish';
import type { InputValue, RuleResult, ScoreStatus, UnitFacts } from './types';
import { type ScoringLanguage, wordsFor } from './words';

/** A criterion with the pillar and index it sits in. */
export interface CriterionRef {
  pillar: { code: string; title: string };
  index: { code: string; title: string };
  criterion: CriterionSpec;
}

/** The criteria that score a unit of a kind: the criterion's own `appliesTo`, else the framework's. */
export function applicableCriteria(framework: FrameworkSpec, unitKind: UnitKind): CriterionRef[] {
  const refs: CriterionRef[] = [];
  for (const pillar of framework.pillars)
    for (const index of pillar.indices)
      for (const criterion of index.criteria)
        if ((criterion.appliesTo ?? framework.appliesTo).includes(unitKind))
          refs.push({
            pillar: { code: pillar.code, title: pillar.title },
            index: { code: index.code, title: index.title },
            criterion,
          });
  return refs;
}

/** Every measure the framework counts, once per distinct `measureKey` (the loader reads each once). */
export function collectMeasures(framework: FrameworkSpec): MeasureSpec[] {
  const byKey = new Map<string, MeasureSpec>();
  for (const pillar of framework.pillars)
    for (const index of pillar.indices)
      for (const criterion of index.criteria)
        for (const measure of measuresOfRule(criterion.rule)) {
          const key = measureKey(measure);
          if (!byKey.has(key)) byKey.set(key, measure);
        }
  return [...byKey.values()];
}

/** What a person entered for one criterion of an assessment. */
export interface CriterionEntry {
  inputs: Record<string, InputValue>;
  manualScore?: number;
}

export interface CriterionEvaluation extends RuleResult {
  code: string;
  title: string;
  pillarCode: string;
  indexCode: string;
}

export interface UnitEvaluation {
  criteria: CriterionEvaluation[];
  score: number;
  max: number;
  /** 0..100, one decimal: units of kinds with different totals are compared by this. */
  percent: number;
  projectedScore: number | null;
  status: ScoreStatus;
  /** Criteria waiting for a person (an input or a manual score). */
  pendingInputs: number;
}

/**
 * Scores one criterion for a unit (its facts, and what a person entered for it), explained in the
 * language asked for (Vietnamese by default).
 */
export function evaluateCriterion(
  criterion: CriterionSpec,
  facts: Omit<UnitFacts, 'input' | 'manualScore'>,
  entry?: CriterionEntry,
  language?: ScoringLanguage,
): RuleResult {
  const words = wordsFor(language);
  const inputs = entry?.inputs ?? {};
  const criterionFacts: UnitFacts = {
    ...facts,
    input: (key) => (Object.hasOwn(inputs, key) ? inputs[key] : undefined),
    manualScore: entry?.manualScore,
  };
  const outcome = evaluateRule(
    criterion.rule,
    { facts: criterionFacts, inputs: criterion.inputs ?? [], words },
    criterion.max,
  );
  return finishOutcome(outcome, criterion.max, facts.window, words);
}

/**
 * Scores every criterion that applies to the unit. A criterion waiting for a person counts 0 in
 * the total and is counted in `pendingInputs`; the projected total adds the projections of the
 * others. Merged units are the caller's business: their records arrive already summed in `facts`.
 */
export function evaluateUnit(
  framework: FrameworkSpec,
  unitKind: UnitKind,
  facts: Omit<UnitFacts, 'input' | 'manualScore'>,
  entries?: ReadonlyMap<string, CriterionEntry>,
  language?: ScoringLanguage,
): UnitEvaluation {
  const criteria = applicableCriteria(framework, unitKind).map(({ pillar, index, criterion }) => ({
    code: criterion.code,
    title: criterion.title,
    pillarCode: pillar.code,
    indexCode: index.code,
    ...evaluateCriterion(criterion, facts, entries?.get(criterion.code), language),
  }));
  const max = roundTotal(criteria.reduce((sum, criterion) => sum + criterion.max, 0));
  const score = roundPoints(
    criteria.reduce((sum, criterion) => sum + (criterion.score ?? 0), 0),
    max,
  );
  const projectedScore = roundPoints(
    criteria.reduce((sum, criterion) => sum + (criterion.projectedScore ?? 0), 0),
    max,
  );
  const pendingInputs = criteria.filter((criterion) => criterion.score === null).length;
  const allWaiting = pendingInputs === criteria.length;
  const running = windowIsRunning(facts.window);
  return {
    criteria,
    score,
    max,
    percent: max > 0 ? Math.round((score / max) * 1000) / 10 : 0,
    projectedScore: allWaiting ? null : Math.max(score, projectedScore),
    status: allWaiting ? 'grey' : statusOf(score, projectedScore, max, running),
    pendingInputs,
  };
}

function roundTotal(value: number): number {
  return Math.round(value * 100) / 100;
}
