import type { AssessmentDetailDto } from '../../../shared/api/assessments';
import type { Db } from '../../db/client';
import {
  copyCriterionLinks,
  findCriteriaOfAssessment,
  findLastVersionNumber,
} from '../../db/repositories/assessments';
import { insertAuditEntries } from '../../db/repositories/audit';
import type { Principal } from '../../policies/principal';
import type { ScoringLanguage } from '../../scoring/words';
import type { Actor } from '../actor';
import { loadAssessedUnit, loadAssessmentFramework } from './assessment-context';
import { assertStatus } from './assessment-rules';
import { computeAutoScores, periodOf } from './compute-auto-scores';
import { getAssessment } from './get-assessment';
import { insertDraft } from './insert-draft';
import { loadAssessment } from './load-assessment';
import { describeAssessment, recordTransition } from './record-transition';

/**
 * A published assessment is never changed: to correct it, the DX office supersedes it with a new
 * draft version that starts from the unit's self scores, explanations, inputs and evidence, and goes
 * through submission and appraisal again. The old version stays, marked superseded. Returns the new one.
 */
export async function supersedeAssessment(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  assessmentId: string;
  reason: string;
  today: string;
  /** The language of the automatic explanations in the answer; Vietnamese by default. */
  language?: ScoringLanguage | undefined;
}): Promise<AssessmentDetailDto> {
  const { db, principal, actor, assessmentId, today } = options;
  const reason = options.reason.trim();
  const nextId = await db.transaction(async (tx) => {
    const { assessment, status } = await loadAssessment(tx, principal, assessmentId, 'assessment.publish', {
      forUpdate: true,
    });
    assertStatus(status, ['published'], 'lập phiên bản mới');
    const framework = await loadAssessmentFramework(tx, assessment.frameworkId);
    const rows = await findCriteriaOfAssessment(tx, assessmentId);
    // First out of the way: only one assessment per unit, framework and period is live.
    await recordTransition(tx, actor, {
      assessment,
      to: 'superseded',
      note: reason,
      auditAction: 'assessment.supersede',
      verb: 'Thay thế',
      details: { reason },
    });
    const auto = await computeAutoScores(tx, {
      framework,
      unit: await loadAssessedUnit(tx, assessment.unitId),
      periodKey: assessment.periodKey,
      inputsByCode: new Map(rows.map((row) => [row.criterionCode, row.inputs])),
      today,
      bilingual: true,
    });
    const next = await insertDraft(tx, actor, {
      unitId: assessment.unitId,
      frameworkId: assessment.frameworkId,
      period: periodOf(framework, assessment.periodKey),
      version:
        (await findLastVersionNumber(tx, assessment.unitId, assessment.frameworkId, assessment.periodKey)) +
        1,
      supersedesId: assessment.id,
      criteria: rows.map((row) => ({
        code: row.criterionCode,
        max: row.max,
        inputs: row.inputs,
        selfScore: row.selfScore,
        selfExplanation: row.selfExplanation,
      })),
      auto,
      note: `Thay thế phiên bản ${assessment.version}: ${reason}`,
    });
    const newIdByCode = new Map(next.criteria.map((row) => [row.criterionCode, row.id]));
    const copiedLinks = await copyCriterionLinks(
      tx,
      rows.flatMap((row) => {
        const toCriterionId = newIdByCode.get(row.criterionCode);
        return toCriterionId ? [{ fromCriterionId: row.id, toCriterionId }] : [];
      }),
      actor.userId,
    );
    await insertAuditEntries(tx, actor, [
      {
        action: 'assessment.create',
        entityType: 'assessment',
        entityId: next.assessment.id,
        unitId: assessment.unitId,
        summary: `Lập ${await describeAssessment(tx, next.assessment.id)} thay thế phiên bản ${assessment.version}`,
        after: {
          supersedesId: assessment.id,
          version: next.assessment.version,
          reason,
          criteria: rows.length,
          evidenceLinks: copiedLinks,
        },
      },
    ]);
    return next.assessment.id;
  });
  return getAssessment({ db, principal, assessmentId: nextId, today, language: options.language });
}
