import type { UnitEvaluation } from '../../scoring/evaluate';
import type { UnitGraph } from '../units/unit-graph';
import type { ScoringTarget } from './build-facts';
import { Lru } from './lru';
import { isStillValid, type TargetSeen, targetSeen } from './score-stamps';

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

/** The target's source units and window as resolved, and its stamps when its facts were read. */
interface CachedUnit extends TargetSeen {
  evaluation: UnitEvaluation;
}

/** Contexts kept per unit graph, least recently used dropped first: a national context is ~10–20 MB. */
const KEPT_CONTEXTS = 8;

const cachesByGraph = new WeakMap<UnitGraph, Lru<string, Map<string, CachedUnit>>>();

/**
 * Switched off by tests and the bench that compare the cached path with a full recount; it also
 * switches off the other results kept by stamps (the dashboard's progress, kept-progress.ts).
 */
let isEnabled = true;
export function setEvaluationCacheEnabled(enabled: boolean): void {
  isEnabled = enabled;
}
export function isEvaluationCacheEnabled(): boolean {
  return isEnabled;
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

/** The key of a context: the kept results of another context are never looked at. */
export function contextKey(context: EvaluationContext): string {
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
    contexts = new Lru(KEPT_CONTEXTS);
    cachesByGraph.set(graph, contexts);
  }
  const key = contextKey(context);
  let units = contexts.get(key);
  if (!units) {
    units = new Map();
    contexts.set(key, units);
  }
  return units;
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
  const pending = new Map<string, TargetSeen>();
  for (const target of targets) {
    const seen = targetSeen(target, stamps);
    const cached = units.get(target.unitId);
    if (cached && isStillValid(cached, seen)) hits.set(target.unitId, cached.evaluation);
    else {
      misses.push(target);
      pending.set(target.unitId, seen);
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
