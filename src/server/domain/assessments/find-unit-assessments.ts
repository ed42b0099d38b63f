import type { AssessmentStatus, AssessmentSummaryDto } from '../../../shared/api/assessments';
import type { Queryable } from '../../db/client';
import { findAssessmentsOfUnit } from '../../db/repositories/assessments';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { assessmentActions } from './assessment-rules';
import { canAppraiseUnit } from './load-assessment';
import { presentSummary } from './present-assessment';

/** Every assessment of one unit, all versions, newest period first. */
export async function findUnitAssessments(options: {
  db: Queryable;
  principal: Principal;
  unitId: string;
}): Promise<AssessmentSummaryDto[]> {
  const { db, principal, unitId } = options;
  const unitActions = await authorizeUnit(db, principal, unitId, 'unit.view');
  const rows = await findAssessmentsOfUnit(db, unitId);
  const canAppraise = rows.some((row) => row.assessment.status === 'submitted')
    ? await canAppraiseUnit(db, principal, unitId)
    : false;
  return rows.map((row) =>
    presentSummary(
      row,
      assessmentActions(row.assessment.status as AssessmentStatus, unitActions, canAppraise),
    ),
  );
}
