import type { AssessmentStatus } from '../../../shared/api/assessments';
import type { Action } from '../../../shared/roles';
import type { Queryable } from '../../db/client';
import { type AssessmentRow, getAssessmentRow } from '../../db/repositories/assessments';
import { forbidden, notFound } from '../../errors';
import { ROLES_BY_ACTION } from '../../policies/permissions';
import { actionsOnUnit, authorizeUnit, isGlobal, type Principal } from '../../policies/principal';
import { loadUnitGraph } from '../units/load-unit-graph';

export interface LoadedAssessment {
  assessment: AssessmentRow;
  status: AssessmentStatus;
  /** The user's actions on the assessed unit. */
  unitActions: Action[];
  /** Whether the user appraises this unit: a reviewer's grant on a unit above it. */
  canAppraise: boolean;
}

/**
 * Whether the principal may appraise a unit. Only a grant on a unit above it counts — a reviewer
 * or DX office granted on the unit itself would be appraising their own work.
 */
export async function canAppraiseUnit(q: Queryable, principal: Principal, unitId: string): Promise<boolean> {
  if (isGlobal(principal, 'assessment.appraise')) return true;
  const roles = ROLES_BY_ACTION['assessment.appraise'];
  if (!principal.grants.some((grant) => roles.includes(grant.role))) return false;
  return actionsOnUnit(principal, (await loadUnitGraph(q)).unitsAbove(unitId)).includes(
    'assessment.appraise',
  );
}

/**
 * An assessment the principal may take the action on: "not found" when it does not exist or its unit
 * is outside the principal's grants, "forbidden" when the unit is visible but the action is not
 * allowed. `assessment.appraise` is checked on the units above the assessed one.
 */
export async function loadAssessment(
  q: Queryable,
  principal: Principal,
  assessmentId: string,
  action: Action,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedAssessment> {
  const assessment = await getAssessmentRow(q, assessmentId, options);
  if (!assessment) throw notFound();
  const isAppraisal = action === 'assessment.appraise';
  const unitActions = await authorizeUnit(
    q,
    principal,
    assessment.unitId,
    isAppraisal ? 'unit.view' : action,
  );
  const canAppraise = await canAppraiseUnit(q, principal, assessment.unitId);
  if (isAppraisal && !canAppraise)
    throw forbidden(
      'Chỉ người thẩm định của đơn vị cấp trên được thẩm định; đơn vị không tự thẩm định mình.',
    );
  return { assessment, status: assessment.status as AssessmentStatus, unitActions, canAppraise };
}
