import type { AssessmentDetailDto, CriterionSelfInput } from '../../../shared/api/assessments';
import type { Db } from '../../db/client';
import { getCriterionByCode, updateCriterionRow } from '../../db/repositories/assessments';
import { insertAuditEntries } from '../../db/repositories/audit';
import { notFound } from '../../errors';
import type { Principal } from '../../policies/principal';
import type { ScoringLanguage } from '../../scoring/words';
import type { Actor } from '../actor';
import { criterionPlaces, loadAssessedUnit, loadAssessmentFramework } from './assessment-context';
import { assertStatus, EDITABLE_STATUSES } from './assessment-rules';
import { checkScore, mergeInputs } from './check-criterion-input';
import { getAssessment } from './get-assessment';
import { loadAssessment } from './load-assessment';
import { describeAssessment } from './record-transition';

/** The unit's part of one criterion: its self score, explanation and input values. */
export async function updateCriterion(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  assessmentId: string;
  code: string;
  input: CriterionSelfInput;
  today: string;
  /** The language of the automatic explanations in the answer; Vietnamese by default. */
  language?: ScoringLanguage | undefined;
}): Promise<AssessmentDetailDto> {
  const { db, principal, actor, assessmentId, code, input } = options;
  await db.transaction(async (tx) => {
    const { assessment, status } = await loadAssessment(tx, principal, assessmentId, 'assessment.prepare', {
      forUpdate: true,
    });
    assertStatus(status, EDITABLE_STATUSES, 'sửa phần tự chấm');
    const row = await getCriterionByCode(tx, assessmentId, code);
    const spec = row
      ? criterionPlaces(
          (await loadAssessmentFramework(tx, assessment.frameworkId)).definition,
          (await loadAssessedUnit(tx, assessment.unitId)).kind,
        ).get(code)?.criterion
      : undefined;
    if (!row || !spec) throw notFound('Bản đánh giá không có tiêu chí này.');

    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const patch: Parameters<typeof updateCriterionRow>[2] = { updatedBy: actor.userId };
    if (input.selfScore !== undefined) {
      checkScore(input.selfScore, row.max, 'body.selfScore', 'Điểm tự chấm', code);
      patch.selfScore = input.selfScore;
      before.selfScore = row.selfScore;
      after.selfScore = input.selfScore;
    }
    if (input.selfExplanation !== undefined) {
      patch.selfExplanation = input.selfExplanation?.trim() ? input.selfExplanation.trim() : null;
      before.selfExplanation = row.selfExplanation;
      after.selfExplanation = patch.selfExplanation;
    }
    if (input.inputs !== undefined) {
      patch.inputs = mergeInputs(spec, row.inputs, input.inputs);
      before.inputs = row.inputs;
      after.inputs = patch.inputs;
    }
    if (Object.keys(after).length === 0) return;
    await updateCriterionRow(tx, row.id, patch);
    await insertAuditEntries(tx, actor, [
      {
        action: 'assessment.criterion_update',
        entityType: 'assessment',
        entityId: assessmentId,
        unitId: assessment.unitId,
        summary: `Tự chấm tiêu chí ${code} của ${await describeAssessment(tx, assessmentId)}`,
        before: { code, ...before },
        after: { code, ...after },
      },
    ]);
  });
  return getAssessment({ db, principal, assessmentId, today: options.today, language: options.language });
}
