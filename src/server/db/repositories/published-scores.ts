import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../client';
import { assessments } from '../schema-scoring';

export interface PublishedScore {
  unitId: string;
  appraisedTotal: number;
  maxTotal: number;
}

/** The published (appraised) totals of a framework version and period, by unit. */
export async function findPublishedScores(
  q: Queryable,
  frameworkId: string,
  periodKey: string,
  unitIds?: readonly string[],
): Promise<Map<string, PublishedScore>> {
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
        eq(assessments.status, 'published'),
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
