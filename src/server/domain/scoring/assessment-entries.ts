import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { assessmentCriteria, assessments } from '../../db/schema-scoring';
import type { CriterionEntry } from '../../scoring/evaluate';

/** Statuses in which the reviewer's score is the one that stands. */
const APPRAISED = new Set(['appraised', 'published']);

/**
 * What people entered in the live assessment of each unit (inputs, and manual scores: the
 * reviewer's once appraised, the unit's own before), so live scores use them too.
 */
export async function loadAssessmentEntries(
  q: Queryable,
  frameworkId: string,
  periodKey: string,
  unitIds: readonly string[],
): Promise<Map<string, Map<string, CriterionEntry>>> {
  const entries = new Map<string, Map<string, CriterionEntry>>();
  if (unitIds.length === 0) return entries;
  const rows = await q
    .select({
      unitId: assessments.unitId,
      status: assessments.status,
      code: assessmentCriteria.criterionCode,
      inputs: assessmentCriteria.inputs,
      selfScore: assessmentCriteria.selfScore,
      reviewerScore: assessmentCriteria.reviewerScore,
    })
    .from(assessments)
    .innerJoin(assessmentCriteria, eq(assessmentCriteria.assessmentId, assessments.id))
    .where(
      and(
        eq(assessments.frameworkId, frameworkId),
        eq(assessments.periodKey, periodKey),
        ne(assessments.status, 'superseded'),
        // Large boards pass thousands of ids; the filter keeps small boards cheap.
        unitIds.length <= 1000 ? inArray(assessments.unitId, [...unitIds]) : undefined,
      ),
    );
  for (const row of rows) {
    const manual = APPRAISED.has(row.status) ? (row.reviewerScore ?? row.selfScore) : row.selfScore;
    const unitEntries = entries.get(row.unitId) ?? new Map<string, CriterionEntry>();
    unitEntries.set(row.code, { inputs: row.inputs, ...(manual === null ? {} : { manualScore: manual }) });
    entries.set(row.unitId, unitEntries);
  }
  return entries;
}
