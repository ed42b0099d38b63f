import type { Queryable } from '../../db/client';
import { findAppraisedCriterionScores, findPublishedScores } from '../../db/repositories/published-scores';
import { statusOf } from '../../scoring/rules/finish';
import type { ScoreStatus } from '../../scoring/types';
import { percentOf } from './rank-units';

/**
 * The one rule for "which score is the official one", used by every place that shows a score (the
 * scoreboard, a unit's scores, the ranking, the score history, exports and reports): once a unit's
 * appraisal for a framework version and period is published (and not superseded), its appraised
 * scores are the official ones; the automatic score computed from the records stays beside it as
 * the live figure. Before publication there is no official score, only the live one.
 */

export const OFFICIAL_SOURCE = 'published_appraisal' as const;

export interface OfficialScore {
  source: typeof OFFICIAL_SOURCE;
  assessmentId: string;
  /** The assessment's version (a superseding version publishes a new official score). */
  version: number;
  publishedAt: Date | null;
  score: number;
  max: number;
  percent: number;
  /** The official total's traffic light: the period is over for it, so green = full, amber = some, red = none. */
  status: ScoreStatus;
  /** The reviewer's score by criterion code (null: the criterion was not scored). */
  criteria: Map<string, number | null>;
}

/** A live automatic total, as the engine computes it from the records. */
export interface LiveTotal {
  score: number;
  max: number;
  percent: number;
}

/** The score a list shows first: the official one when there is one, else the live one. */
export interface HeadlineScore extends LiveTotal {
  source: 'published' | 'live';
}

/**
 * The official scores of units for one framework version and period, as they stood at the end of a
 * day (publications after it, and supersessions before it, do not count), by unit id.
 */
export async function findOfficialScores(
  q: Queryable,
  options: { frameworkId: string; periodKey: string; asOf: string; unitIds: readonly string[] },
): Promise<Map<string, OfficialScore>> {
  const published = await findPublishedScores(
    q,
    options.frameworkId,
    options.periodKey,
    options.asOf,
    options.unitIds,
  );
  const wanted = new Set(options.unitIds);
  const rows = [...published.values()].filter((row) => wanted.has(row.unitId));
  const criteria = await findAppraisedCriterionScores(
    q,
    rows.map((row) => row.assessmentId),
  );
  return new Map(
    rows.map((row) => [
      row.unitId,
      {
        source: OFFICIAL_SOURCE,
        assessmentId: row.assessmentId,
        version: row.version,
        publishedAt: row.publishedAt,
        score: row.appraisedTotal,
        max: row.maxTotal,
        percent: percentOf(row.appraisedTotal, row.maxTotal),
        status: statusOf(row.appraisedTotal, null, row.maxTotal, false),
        criteria: criteria.get(row.assessmentId) ?? new Map(),
      },
    ]),
  );
}

/** The headline of a unit: its official score once published, else its live automatic score. */
export function headlineScore(live: LiveTotal, official: OfficialScore | undefined | null): HeadlineScore {
  if (official)
    return { score: official.score, max: official.max, percent: official.percent, source: 'published' };
  return { score: live.score, max: live.max, percent: live.percent, source: 'live' };
}

/** The official total as the API shows it beside the live one (no criteria: they sit on each criterion). */
export function presentOfficial(official: OfficialScore | undefined | null) {
  if (!official) return null;
  return {
    source: official.source,
    assessmentId: official.assessmentId,
    version: official.version,
    publishedAt: official.publishedAt,
    score: official.score,
    max: official.max,
    percent: official.percent,
    status: official.status,
  };
}
