import type { AssessmentReadyDto } from '../../../shared/api/assessments';
import type { Db } from '../../db/client';
import { findCriteriaOfAssessment } from '../../db/repositories/assessments';
import { insertAuditEntries } from '../../db/repositories/audit';
import type { Principal } from '../../policies/principal';
import type { ScoringLanguage } from '../../scoring/words';
import type { Actor } from '../actor';
import { criterionPlaces, loadAssessedUnit, loadAssessmentFramework } from './assessment-context';
import { assertStatus, EDITABLE_STATUSES } from './assessment-rules';
import { getAssessment } from './get-assessment';
import { loadAssessment } from './load-assessment';
import { notifyAssessmentEvent } from './notify-assessment';
import { describeAssessment } from './record-transition';
import { assertReadyToSubmit } from './submission-gaps';

/**
 * The officer says the self-assessment is finished: every criterion has a self score and the evidence
 * it needs (the same checks as submitting). The unit head, who submits, is told in the app, in the
 * same transaction, and the step is audited. The status does not change: submitting is the head's.
 */
export async function markAssessmentReady(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  assessmentId: string;
  today: string;
  /** The language of the automatic explanations in the answer; Vietnamese by default. */
  language?: ScoringLanguage | undefined;
}): Promise<AssessmentReadyDto> {
  const { db, principal, actor, assessmentId } = options;
  const notified = await db.transaction(async (tx) => {
    const { assessment, status } = await loadAssessment(tx, principal, assessmentId, 'assessment.prepare', {
      forUpdate: true,
    });
    assertStatus(status, EDITABLE_STATUSES, 'báo đã tự chấm xong');
    const framework = await loadAssessmentFramework(tx, assessment.frameworkId);
    const unit = await loadAssessedUnit(tx, assessment.unitId);
    const rows = await findCriteriaOfAssessment(tx, assessmentId);
    await assertReadyToSubmit(tx, rows, criterionPlaces(framework.definition, unit.kind), 'báo tự chấm xong');
    const count = await notifyAssessmentEvent(tx, actor, assessment, 'self_assessed');
    await insertAuditEntries(tx, actor, [
      {
        action: 'assessment.ready',
        entityType: 'assessment',
        entityId: assessment.id,
        unitId: assessment.unitId,
        summary: `Báo đã tự chấm xong ${await describeAssessment(tx, assessment.id)}`,
        after: { notified: count },
      },
    ]);
    return count;
  });
  return {
    assessment: await getAssessment({
      db,
      principal,
      assessmentId,
      today: options.today,
      language: options.language,
    }),
    notified,
  };
}
