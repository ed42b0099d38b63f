import type { AssessmentDetailDto } from '../../../shared/api/assessments';
import type { Db } from '../../db/client';
import { getCriterionByCode } from '../../db/repositories/assessments';
import { insertAuditEntries } from '../../db/repositories/audit';
import {
  findCurrentVersion,
  findEvidenceLink,
  getEvidenceRow,
  insertEvidenceLink,
} from '../../db/repositories/evidence';
import { AppError, notFound, validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { ScoringLanguage } from '../../scoring/words';
import type { Actor } from '../actor';
import { findRollupIds } from '../units/unit-scope';
import { assertStatus, EDITABLE_STATUSES } from './assessment-rules';
import { getAssessment } from './get-assessment';
import { loadAssessment } from './load-assessment';
import { describeAssessment } from './record-transition';

/**
 * Attaches an evidence item to a criterion of a draft or returned assessment. The item must be one
 * the user can see, of the assessed unit, a unit below it or a former unit merged into it: evidence
 * of one commune cannot prove another's score. Links go to the item's current version (a new
 * version of the item carries its links along, see copyEvidenceLinks).
 */
export async function linkCriterionEvidence(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  assessmentId: string;
  code: string;
  evidenceId: string;
  today: string;
  /** The language of the automatic explanations in the answer; Vietnamese by default. */
  language?: ScoringLanguage | undefined;
}): Promise<AssessmentDetailDto> {
  const { db, principal, actor, assessmentId, code } = options;
  await db.transaction(async (tx) => {
    const { assessment, status } = await loadAssessment(tx, principal, assessmentId, 'assessment.prepare', {
      forUpdate: true,
    });
    assertStatus(status, EDITABLE_STATUSES, 'gắn minh chứng');
    const criterion = await getCriterionByCode(tx, assessmentId, code);
    if (!criterion) throw notFound('Bản đánh giá không có tiêu chí này.');
    const asked = await getEvidenceRow(tx, options.evidenceId);
    if (!asked) throw notFound('Không tìm thấy minh chứng hoặc bạn không có quyền truy cập.');
    await authorizeUnit(tx, principal, asked.unitId, 'unit.view');
    const item = asked.isCurrent ? asked : await findCurrentVersion(tx, asked.id);
    if (!item) throw notFound('Không tìm thấy minh chứng hoặc bạn không có quyền truy cập.');
    if (!(await findRollupIds(tx, [assessment.unitId])).includes(item.unitId))
      throw validationError('Minh chứng không thuộc đơn vị được đánh giá hoặc đơn vị trực thuộc.', [
        { field: 'body.evidenceId', message: 'Minh chứng của đơn vị khác.' },
      ]);
    if (await findEvidenceLink(tx, item.id, 'criterion', criterion.id))
      throw new AppError('CONFLICT', `Minh chứng "${item.title}" đã được gắn với tiêu chí ${code}.`);
    const link = await insertEvidenceLink(tx, {
      evidenceId: item.id,
      targetType: 'criterion',
      targetId: criterion.id,
      createdBy: actor.userId,
    });
    await insertAuditEntries(tx, actor, [
      {
        action: 'assessment.evidence_link',
        entityType: 'assessment',
        entityId: assessmentId,
        unitId: assessment.unitId,
        summary: `Gắn minh chứng "${item.title}" với tiêu chí ${code} của ${await describeAssessment(tx, assessmentId)}`,
        after: { code, evidenceId: item.id, linkId: link.id },
      },
    ]);
  });
  return getAssessment({ db, principal, assessmentId, today: options.today, language: options.language });
}
