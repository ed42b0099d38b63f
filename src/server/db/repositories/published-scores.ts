import { and, eq, exists, inArray, lt, notExists, or } from 'drizzle-orm';
import type { Queryable } from '../client';
import { assessmentCriteria, assessments, assessmentTransitions } from '../schema-scoring';

export interface PublishedScore {
  unitId: string;
  assessmentId: string;
  version: number;
  appraisedTotal: number;
  maxTotal: number;
  publishedAt: Date | null;
}

/**
 * The published (appraised) totals of a framework version and period, by unit, as they stood at the
 * end of a day: published by then and not yet superseded by a new version (its publication comes
 * later, or never). Days are Vietnamese calendar days.
 */
export async function findPublishedScores(
  q: Queryable,
  frameworkId: string,
  periodKey: string,
  asOf: string,
  unitIds?: readonly string[],
): Promise<Map<string, PublishedScore>> {
  const endOfDay = new Date(`${asOf}T00:00:00+07:00`);
  endOfDay.setUTCDate(endOfDay.getUTCDate() + 1);
  const reached = (status: string) =>
    q
      .select({ one: assessmentTransitions.id })
      .from(assessmentTransitions)
      .where(
        and(
          eq(assessmentTransitions.assessmentId, assessments.id),
          eq(assessmentTransitions.toStatus, status),
          lt(assessmentTransitions.createdAt, endOfDay),
        ),
      );
  const rows = await q
    .select({
      unitId: assessments.unitId,
      assessmentId: assessments.id,
      version: assessments.version,
      appraisedTotal: assessments.appraisedTotal,
      maxTotal: assessments.maxTotal,
      publishedAt: assessments.publishedAt,
    })
    .from(assessments)
    .where(
      and(
        eq(assessments.frameworkId, frameworkId),
        eq(assessments.periodKey, periodKey),
        or(eq(assessments.status, 'published'), eq(assessments.status, 'superseded')),
        exists(reached('published')),
        notExists(reached('superseded')),
        unitIds && unitIds.length <= 1000 ? inArray(assessments.unitId, [...unitIds]) : undefined,
      ),
    );
  return new Map(
    rows.map((row) => [
      row.unitId,
      {
        unitId: row.unitId,
        assessmentId: row.assessmentId,
        version: row.version,
        appraisedTotal: row.appraisedTotal ?? 0,
        maxTotal: row.maxTotal,
        publishedAt: row.publishedAt,
      },
    ]),
  );
}

/** The reviewer's score of every criterion of the given assessments: assessment id → code → score. */
export async function findAppraisedCriterionScores(
  q: Queryable,
  assessmentIds: readonly string[],
): Promise<Map<string, Map<string, number | null>>> {
  const byAssessment = new Map<string, Map<string, number | null>>();
  if (assessmentIds.length === 0) return byAssessment;
  // Chunks keep the parameter list of a national board within what the drivers accept.
  for (let start = 0; start < assessmentIds.length; start += 1000) {
    const rows = await q
      .select({
        assessmentId: assessmentCriteria.assessmentId,
        code: assessmentCriteria.criterionCode,
        score: assessmentCriteria.reviewerScore,
      })
      .from(assessmentCriteria)
      .where(inArray(assessmentCriteria.assessmentId, assessmentIds.slice(start, start + 1000)));
    for (const row of rows) {
      const scores = byAssessment.get(row.assessmentId) ?? new Map<string, number | null>();
      scores.set(row.code, row.score);
      byAssessment.set(row.assessmentId, scores);
    }
  }
  return byAssessment;
}
