import type { AssessmentDetailDto } from '../../../shared/api/assessments';
import type { Db } from '../../db/client';
import { findCriteriaOfAssessment } from '../../db/repositories/assessments';
import { validationError } from '../../errors';
import type { Principal } from '../../policies/principal';
import type { ScoringLanguage } from '../../scoring/words';
import type { Actor } from '../actor';
import { assertStatus } from './assessment-rules';
import { getAssessment } from './get-assessment';
import { loadAssessment } from './load-assessment';
import { notifyAssessmentEvent } from './notify-assessment';
import { roundTotal } from './present-assessment';
import { recordTransition } from './record-transition';

/** The reviewer concludes the appraisal: every criterion must have the reviewer's score. */
export async function appraiseAssessment(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  assessmentId: string;
  note?: string;
  today: string;
  /** The language of the automatic explanations in the answer; Vietnamese by default. */
  language?: ScoringLanguage | undefined;
}): Promise<AssessmentDetailDto> {
  const { db, principal, actor, assessmentId } = options;
  await db.transaction(async (tx) => {
    const { assessment, status } = await loadAssessment(tx, principal, assessmentId, 'assessment.appraise', {
      forUpdate: true,
    });
    assertStatus(status, ['submitted'], 'kết thúc thẩm định');
    const rows = await findCriteriaOfAssessment(tx, assessmentId);
    const unscored = rows.filter((row) => row.reviewerScore === null).map((row) => row.criterionCode);
    if (unscored.length)
      throw validationError(
        `Chưa kết thúc thẩm định được: chưa chấm điểm thẩm định tiêu chí ${unscored.join(', ')}.`,
        unscored.map((code) => ({
          field: `criteria.${code}.reviewerScore`,
          message: `Tiêu chí ${code}: chưa có điểm thẩm định.`,
        })),
      );
    const appraisedTotal = roundTotal(rows.reduce((sum, row) => sum + (row.reviewerScore ?? 0), 0));
    const note = options.note?.trim() || null;
    await recordTransition(tx, actor, {
      assessment,
      to: 'appraised',
      note,
      patch: {
        appraisedTotal,
        appraisedAt: new Date(),
        appraisedBy: actor.userId,
        ...(note ? { reviewNote: note } : {}),
      },
      auditAction: 'assessment.appraise',
      verb: 'Thẩm định',
      details: { appraisedTotal, selfTotal: assessment.selfTotal },
    });
    await notifyAssessmentEvent(tx, actor, assessment, 'appraised', note);
  });
  return getAssessment({ db, principal, assessmentId, today: options.today, language: options.language });
}
