import { todayVn } from '../../../shared/dates';
import type { Queryable } from '../../db/client';
import type { ScoringLanguage } from '../../scoring/words';
import { contextKey, isEvaluationCacheEnabled } from '../scoring/evaluation-cache';
import { Lru } from '../scoring/lru';
import { isStillValid, readTargetSeen, type TargetSeen } from '../scoring/score-stamps';
import type { ScoredUnitContext } from '../scoring/score-unit';
import type { CriterionProgress } from './criterion-progress';

/**
 * A unit's progress over the year, kept between requests like the live scores (evaluation-cache.ts):
 * a province's progress reads the records of all its communes (1.5 s on the national data), and a
 * unit's board is opened again and again. It is served again only while nothing it was computed from
 * has changed:
 * - the framework version, the period, the view, the counting day, today and the language, as for the
 *   live scores (contextKey), with the unit and its kind (the criteria that apply): the key;
 * - the target as resolved (source units and window) and the stamps of the unit and of its source
 *   units, read before its facts: checked on every read (score-stamps.ts), which costs one small query.
 */

/** Progresses kept, least recently used dropped first: each is a few tens of kilobytes. */
const KEPT_PROGRESSES = 500;

interface KeptProgress extends TargetSeen {
  progress: CriterionProgress;
}

const kept = new Lru<string, KeptProgress>(KEPT_PROGRESSES);

function keyOf(context: ScoredUnitContext, language: ScoringLanguage | undefined): string {
  const { framework, window, unit } = context;
  const shared = contextKey({
    frameworkId: framework.id,
    periodKey: window.period.key,
    view: context.view,
    countingDay: context.countingDay ?? window.through,
    realToday: todayVn(),
    language: language ?? 'vi',
  });
  return `${shared}|${unit.id}|${unit.kind}`;
}

/** The kept progress of a unit while it holds, else the one `count` makes (then kept). */
export async function keptProgress(
  q: Queryable,
  context: ScoredUnitContext,
  language: ScoringLanguage | undefined,
  count: () => Promise<CriterionProgress>,
): Promise<CriterionProgress> {
  if (!isEvaluationCacheEnabled()) return count();
  const key = keyOf(context, language);
  const seen = await readTargetSeen(q, {
    unitId: context.unit.id,
    sourceIds: context.sourceIds,
    window: context.window,
  });
  const found = kept.get(key);
  if (found && isStillValid(found, seen)) return found.progress;
  const progress = await count();
  kept.set(key, { ...seen, progress });
  return progress;
}
