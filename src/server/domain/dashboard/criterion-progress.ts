import type { UnitDashboardDto } from '../../../shared/api/dashboard';
import type { MeasureSpec } from '../../../shared/frameworks/definition';
import type { Queryable } from '../../db/client';
import type { ScoringWindow } from '../../scoring/buckets';
import { toEpochDay } from '../../scoring/day-numbers';
import { EMPTY_SERIES } from '../../scoring/day-series';
import { evaluateUnit } from '../../scoring/evaluate';
import type { DaySeries } from '../../scoring/types';
import type { ScoringLanguage } from '../../scoring/words';
import { loadAssessmentEntries } from '../scoring/assessment-entries';
import { type BaseFacts, buildFacts } from '../scoring/build-facts';
import type { ScoredUnitContext } from '../scoring/score-unit';
import { keptProgress } from './kept-progress';

export interface CriterionProgress {
  criteria: UnitDashboardDto['criteria'];
  total: NonNullable<UnitDashboardDto['total']>;
}

/** The last day of each month of a year, yyyy-MM-dd. */
function monthEnds(year: number): string[] {
  return Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(year, m + 1, 0)).toISOString().slice(0, 10));
}

/** A series as it stood at the end of a day: the records after it are not there yet. */
function seriesUpTo(series: DaySeries, first: number, last: number): DaySeries {
  if (series === EMPTY_SERIES) return series;
  let total = 0;
  for (let day = first; day <= last; day += 1) total += series.countOn(day);
  return {
    total,
    countOn: (day) => (day <= last ? series.countOn(day) : 0),
    countOutsideOn: (day) => (day < first ? (series.countOutsideOn?.(day) ?? 0) : 0),
  };
}

/**
 * Each criterion's score at the end of every month of the year so far, by the engine itself: the
 * records are loaded once (the scores' own facts), then the pure engine judges the unit as it stood
 * at each month's end, as if that day were the counting day. The last point is today's live score.
 * Kept in memory while none of the unit's records, channels and assessments change (kept-progress.ts).
 */
export async function findCriterionProgress(
  q: Queryable,
  context: ScoredUnitContext,
  language?: ScoringLanguage,
): Promise<CriterionProgress> {
  return keptProgress(q, context, language, () => countCriterionProgress(q, context, language));
}

async function countCriterionProgress(
  q: Queryable,
  context: ScoredUnitContext,
  language: ScoringLanguage | undefined,
): Promise<CriterionProgress> {
  const { framework, window, unit } = context;
  const spec = framework.definition;
  const facts = (
    await buildFacts(
      q,
      spec,
      [{ unitId: unit.id, sourceIds: context.sourceIds, window }],
      window.period.from,
      window.through,
    )
  ).get(unit.id)!;
  const entries = (await loadAssessmentEntries(q, framework.id, window.period.key, [unit.id])).get(unit.id);
  const now = evaluateUnit(spec, unit.kind, facts, entries, language);
  const first = toEpochDay(window.period.from);
  const points = monthEnds(Number(window.period.key.slice(0, 4)))
    .map((end, i) => ({ month: i + 1, through: end < window.through ? end : window.through }))
    .filter(
      (point, i, all) =>
        point.through >= window.activeFrom && (i === 0 || all[i - 1]!.through < point.through),
    );
  const monthly = points.map((point) => {
    const last = toEpochDay(point.through);
    const clipped = new Map<MeasureSpec, DaySeries>();
    const pointWindow: ScoringWindow = { ...window, through: point.through };
    const pointFacts: BaseFacts = {
      window: pointWindow,
      channels: facts.channels,
      series: (measure) => {
        let found = clipped.get(measure);
        if (!found) {
          found = seriesUpTo(facts.series(measure), first, last);
          clipped.set(measure, found);
        }
        return found;
      },
    };
    return { point, evaluation: evaluateUnit(spec, unit.kind, pointFacts, entries, language) };
  });
  return {
    total: { score: now.score, max: now.max, percent: now.percent, projectedScore: now.projectedScore },
    criteria: now.criteria.map((criterion, i) => ({
      code: criterion.code,
      title: criterion.title,
      max: criterion.max,
      monthly: monthly.map(({ point, evaluation }) => ({
        month: point.month,
        through: point.through,
        score: evaluation.criteria[i]!.score,
      })),
      score: criterion.score,
      projectedScore: criterion.projectedScore,
      status: criterion.status,
      explanation: criterion.explanation,
      gaps: criterion.gaps,
    })),
  };
}
