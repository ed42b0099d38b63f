import type { AssessmentDetailDto } from '../../../shared/api/assessments';
import type { Db } from '../../db/client';
import { getCriterionRow } from '../../db/repositories/assessments';
import { insertAuditEntries } from '../../db/repositories/audit';
import { deleteEvidenceLink, getEvidenceLink, getEvidenceRow } from '../../db/repositories/evidence';
import { notFound } from '../../errors';
import type { Principal } from '../../policies/principal';
import type { ScoringLanguage } from '../../scoring/words';
import type { Actor } from '../actor';
import { assertStatus, EDITABLE_STATUSES } from './assessment-rules';
import { getAssessment } from './get-assessment';
import { loadAssessment } from './load-assessment';
import { describeAssessment } from './record-transition';

/** Detaches evidence from a criterion of a draft or returned assessment; the evidence itself stays. */
export async function unlinkCriterionEvidence(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  linkId: string;
  today: string;
  /** The language of the automatic explanations in the answer; Vietnamese by default. */
  language?: ScoringLanguage | undefined;
}): Promise<AssessmentDetailDto> {
  const { db, principal, actor, linkId } = options;
  const assessmentId = await db.transaction(async (tx) => {
    const link = await getEvidenceLink(tx, linkId);
    const criterion = link?.targetType === 'criterion' ? await getCriterionRow(tx, link.targetId) : undefined;
    if (!link || !criterion) throw notFound();
    const { assessment, status } = await loadAssessment(
      tx,
      principal,
      criterion.assessmentId,
      'assessment.prepare',
      {
        forUpdate: true,
      },
    );
    assertStatus(status, EDITABLE_STATUSES, 'bỏ minh chứng');
    const item = await getEvidenceRow(tx, link.evidenceId);
    await deleteEvidenceLink(tx, linkId);
    await insertAuditEntries(tx, actor, [
      {
        action: 'assessment.evidence_unlink',
        entityType: 'assessment',
        entityId: assessment.id,
        unitId: assessment.unitId,
        summary: `Bỏ minh chứng "${item?.title ?? ''}" khỏi tiêu chí ${criterion.criterionCode} của ${await describeAssessment(tx, assessment.id)}`,
        before: { code: criterion.criterionCode, evidenceId: link.evidenceId, linkId },
      },
    ]);
    return assessment.id;
  });
  return getAssessment({ db, principal, assessmentId, today: options.today, language: options.language });
}
