import type { AssessmentDetailDto, CriterionAppraisalInput } from '../../../shared/api/assessments';
import type { Db } from '../../db/client';
import { getCriterionByCode, updateCriterionRow } from '../../db/repositories/assessments';
import { insertAuditEntries } from '../../db/repositories/audit';
import { notFound } from '../../errors';
import type { Principal } from '../../policies/principal';
import type { ScoringLanguage } from '../../scoring/words';
import type { Actor } from '../actor';
import { assertStatus } from './assessment-rules';
import { checkScore } from './check-criterion-input';
import { getAssessment } from './get-assessment';
import { loadAssessment } from './load-assessment';
import { describeAssessment } from './record-transition';

/** The reviewer's score and comment on one criterion of a submitted assessment; the self score stays beside it. */
export async function appraiseCriterion(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  assessmentId: string;
  code: string;
  input: CriterionAppraisalInput;
  today: string;
  /** The language of the automatic explanations in the answer; Vietnamese by default. */
  language?: ScoringLanguage | undefined;
}): Promise<AssessmentDetailDto> {
  const { db, principal, actor, assessmentId, code, input } = options;
  await db.transaction(async (tx) => {
    const { assessment, status } = await loadAssessment(tx, principal, assessmentId, 'assessment.appraise', {
      forUpdate: true,
    });
    assertStatus(status, ['submitted'], 'chấm điểm thẩm định');
    const row = await getCriterionByCode(tx, assessmentId, code);
    if (!row) throw notFound('Bản đánh giá không có tiêu chí này.');
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const patch: Parameters<typeof updateCriterionRow>[2] = {};
    if (input.reviewerScore !== undefined) {
      checkScore(input.reviewerScore, row.max, 'body.reviewerScore', 'Điểm thẩm định', code);
      patch.reviewerScore = input.reviewerScore;
      before.reviewerScore = row.reviewerScore;
      after.reviewerScore = input.reviewerScore;
    }
    if (input.reviewerComment !== undefined) {
      patch.reviewerComment = input.reviewerComment?.trim() ? input.reviewerComment.trim() : null;
      before.reviewerComment = row.reviewerComment;
      after.reviewerComment = patch.reviewerComment;
    }
    if (Object.keys(after).length === 0) return;
    // The reviewer's edits do not touch updated_by: that column says who last changed the unit's part.
    await updateCriterionRow(tx, row.id, patch);
    await insertAuditEntries(tx, actor, [
      {
        action: 'assessment.criterion_appraise',
        entityType: 'assessment',
        entityId: assessmentId,
        unitId: assessment.unitId,
        summary: `Chấm thẩm định tiêu chí ${code} của ${await describeAssessment(tx, assessmentId)}`,
        before: { code, ...before },
        after: { code, ...after },
      },
    ]);
  });
  return getAssessment({ db, principal, assessmentId, today: options.today, language: options.language });
}
