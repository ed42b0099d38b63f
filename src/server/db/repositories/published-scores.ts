import { and, eq, exists, inArray, lt, notExists, or } from 'drizzle-orm';
import type { Queryable } from '../client';
import { assessments, assessmentTransitions } from '../schema-scoring';

export interface PublishedScore {
  unitId: string;
  appraisedTotal: number;
  maxTotal: number;
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
      appraisedTotal: assessments.appraisedTotal,
      maxTotal: assessments.maxTotal,
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
      { unitId: row.unitId, appraisedTotal: row.appraisedTotal ?? 0, maxTotal: row.maxTotal },
    ]),
  );
}
