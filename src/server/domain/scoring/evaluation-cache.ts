import type { UnitEvaluation } from '../../scoring/evaluate';
import type { UnitGraph } from '../units/unit-graph';
import type { ScoringTarget } from './build-facts';

/**
 * The live scores of each unit, kept in memory between requests and recomputed only for the units
 * whose data changed: a national board then re-reads and re-evaluates the few units written to since
 * the last read instead of 1.8 million records (docs/benchmarks.md, "Incremental scores").
 *
 * A unit's evaluation depends on:
 * - the framework version (immutable once stored), the period, the view, the counting day, today
 *   (whether the last day counted is still running) and the language of explanations: the context key;
 * - the unit tree (the unit's window and the units merged into it): one cache per loaded UnitGraph,
 *   which is replaced when the units revision changes;
 * - the records and channels of the unit and of every unit merged into it, and its assessment's
 *   inputs and manual scores: the "stamps" of those units, noted by triggers in the same transaction as
 *   every write (migration 0015), read before the facts so that a change committed in between makes
 *   the next read recompute rather than miss it.
 * Several instances each keep their own cache; the stamps live in the database, so a write on one
 * instance is seen by the next read on every other.
 */

interface CachedUnit {
  /** The target's source units and window, as resolved when it was evaluated. */
  targetKey: string;
  /** The stamps of the unit and its sources when its facts were read. */
  stamp: string;
  evaluation: UnitEvaluation;
}

/** Contexts kept per unit graph, least recently used dropped first: a national context is ~10–20 MB. */
const KEPT_CONTEXTS = 8;

const cachesByGraph = new WeakMap<UnitGraph, Map<string, Map<string, CachedUnit>>>();

/** Switched off by tests that compare the cached path with a full recount. */
let isEnabled = true;
export function setEvaluationCacheEnabled(enabled: boolean): void {
  isEnabled = enabled;
}

/** Runs `work` with every unit recounted (the path of a cold start), then turns the cache back on. */
export async function withoutEvaluationCache<T>(work: () => Promise<T>): Promise<T> {
  isEnabled = false;
  try {
    return await work();
  } finally {
    isEnabled = true;
  }
}

export interface EvaluationContext {
  frameworkId: string;
  periodKey: string;
  view: string;
  countingDay: string;
  realToday: string;
  language: string;
}

function contextKey(context: EvaluationContext): string {
  return [
    context.frameworkId,
    context.periodKey,
    context.view,
    context.countingDay,
    context.realToday,
    context.language,
  ].join('|');
}

function unitsOf(graph: UnitGraph, context: EvaluationContext): Map<string, CachedUnit> {
  let contexts = cachesByGraph.get(graph);
  if (!contexts) {
    contexts = new Map();
    cachesByGraph.set(graph, contexts);
  }
  const key = contextKey(context);
  let units = contexts.get(key);
  if (units) {
    // Most recently used last.
    contexts.delete(key);
  } else {
    units = new Map();
  }
  contexts.set(key, units);
  while (contexts.size > KEPT_CONTEXTS) contexts.delete(contexts.keys().next().value!);
  return units;
}

function targetKeyOf(target: ScoringTarget): string {
  const { window } = target;
  return [
    target.sourceIds.join(','),
    window.activeFrom,
    window.through,
    window.activeUntil ?? '',
    window.throughIsToday ? 't' : '',
  ].join('|');
}

/** The stamp of a target: those of the unit itself and of every unit whose records count for it. */
export function targetStamp(target: ScoringTarget, stamps: Readonly<Record<string, string>>): string {
  const own = stamps[target.unitId] ?? '';
  return `${own};${target.sourceIds.map((id) => stamps[id] ?? '').join(';')}`;
}

export interface EvaluationLookup {
  /** Evaluations still valid, by unit id. */
  hits: Map<string, UnitEvaluation>;
  /** Targets to evaluate again. */
  misses: ScoringTarget[];
  /** Keeps a fresh evaluation of a missed target. */
  remember: (target: ScoringTarget, evaluation: UnitEvaluation) => void;
}

export function lookUpEvaluations(
  graph: UnitGraph,
  context: EvaluationContext,
  targets: readonly ScoringTarget[],
  stamps: Readonly<Record<string, string>>,
): EvaluationLookup {
  const hits = new Map<string, UnitEvaluation>();
  if (!isEnabled) return { hits, misses: [...targets], remember: () => undefined };
  const units = unitsOf(graph, context);
  const misses: ScoringTarget[] = [];
  const pending = new Map<string, { targetKey: string; stamp: string }>();
  for (const target of targets) {
    const targetKey = targetKeyOf(target);
    const stamp = targetStamp(target, stamps);
    const cached = units.get(target.unitId);
    if (cached && cached.targetKey === targetKey && cached.stamp === stamp)
      hits.set(target.unitId, cached.evaluation);
    else {
      misses.push(target);
      pending.set(target.unitId, { targetKey, stamp });
    }
  }
  return {
    hits,
    misses,
    remember(target, evaluation) {
      const seen = pending.get(target.unitId);
      if (seen) units.set(target.unitId, { ...seen, evaluation });
    },
  };
}
