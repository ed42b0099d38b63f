import {
  ASSESSMENT_STATUS_LABELS,
  type AssessmentAction,
  type AssessmentStatus,
} from '../../../shared/api/assessments';
import type { Action } from '../../../shared/roles';
import { AppError } from '../../errors';

/** The unit works on its self-assessment only while it is a draft or has been returned to it. */
export const EDITABLE_STATUSES: readonly AssessmentStatus[] = ['draft', 'returned'];

/** What a user may do with an assessment in a status, from their actions on its unit. */
export function assessmentActions(
  status: AssessmentStatus,
  unitActions: readonly Action[],
  canAppraise: boolean,
): AssessmentAction[] {
  const actions: AssessmentAction[] = [];
  const editable = EDITABLE_STATUSES.includes(status);
  if (editable && unitActions.includes('assessment.prepare')) actions.push('edit');
  if (editable && unitActions.includes('assessment.submit')) actions.push('submit');
  if (status === 'submitted' && canAppraise) actions.push('return', 'appraise');
  if (status === 'appraised' && unitActions.includes('assessment.publish')) actions.push('publish');
  if (status === 'published' && unitActions.includes('assessment.publish')) actions.push('supersede');
  return actions;
}

/**
 * Refuses a step the assessment's status does not allow (409), saying why in words a user
 * understands: a published assessment is locked, a superseded one has a successor.
 */
export function assertStatus(
  status: AssessmentStatus,
  allowed: readonly AssessmentStatus[],
  doing: string,
): void {
  if (allowed.includes(status)) return;
  if (status === 'published')
    throw new AppError(
      'CONFLICT',
      `Bản đánh giá đã công bố và bị khóa: không thể ${doing}. Muốn thay đổi, lập phiên bản mới thay thế.`,
    );
  if (status === 'superseded')
    throw new AppError(
      'CONFLICT',
      `Bản đánh giá này đã được thay thế bằng một phiên bản mới: không thể ${doing}. Hãy làm trên phiên bản mới.`,
    );
  throw new AppError(
    'CONFLICT',
    `Bản đánh giá đang ở trạng thái "${ASSESSMENT_STATUS_LABELS[status].vi}": không thể ${doing}.`,
  );
}
