import type { AssessmentDetailDto } from '../../../shared/api/assessments';
import type { Db } from '../../db/client';
import { findCriteriaOfAssessment, updateCriterionRow } from '../../db/repositories/assessments';
import type { Principal } from '../../policies/principal';
import type { ScoringLanguage } from '../../scoring/words';
import type { Actor } from '../actor';
import { criterionPlaces, loadAssessedUnit, loadAssessmentFramework } from './assessment-context';
import { assertStatus, EDITABLE_STATUSES } from './assessment-rules';
import { autoColumns, autoTotalOf } from './auto-columns';
import { computeAutoScores } from './compute-auto-scores';
import { getAssessment } from './get-assessment';
import { loadAssessment } from './load-assessment';
import { notifyAssessmentEvent } from './notify-assessment';
import { roundTotal } from './present-assessment';
import { recordTransition } from './record-transition';
import { assertReadyToSubmit } from './submission-gaps';

/**
 * The unit head sends the self-assessment for appraisal. Every criterion needs a self score (the
 * officer may take the automatic one, but must do so on purpose) and, where the framework says so,
 * evidence. The automatic scores are frozen as they stand now: the reviewer appraises what was
 * submitted, not what the records say next week.
 */
export async function submitAssessment(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  assessmentId: string;
  note?: string;
  today: string;
  /** The language of the automatic explanations in the answer; Vietnamese by default. */
  language?: ScoringLanguage | undefined;
}): Promise<AssessmentDetailDto> {
  const { db, principal, actor, assessmentId, today } = options;
  await db.transaction(async (tx) => {
    const { assessment, status } = await loadAssessment(tx, principal, assessmentId, 'assessment.submit', {
      forUpdate: true,
    });
    assertStatus(status, EDITABLE_STATUSES, 'gửi thẩm định');
    const framework = await loadAssessmentFramework(tx, assessment.frameworkId);
    const unit = await loadAssessedUnit(tx, assessment.unitId);
    const places = criterionPlaces(framework.definition, unit.kind);
    const rows = await findCriteriaOfAssessment(tx, assessmentId);
    rows.sort(
      (a, b) => (places.get(a.criterionCode)?.order ?? 0) - (places.get(b.criterionCode)?.order ?? 0),
    );
    await assertReadyToSubmit(tx, rows, places, 'gửi thẩm định');

    const auto = await computeAutoScores(tx, {
      framework,
      unit,
      periodKey: assessment.periodKey,
      inputsByCode: new Map(rows.map((row) => [row.criterionCode, row.inputs])),
      today,
      bilingual: true,
    });
    for (const row of rows) await updateCriterionRow(tx, row.id, autoColumns(auto.get(row.criterionCode)));
    const autoTotal = autoTotalOf(
      rows.map((row) => row.criterionCode),
      auto,
    );
    const selfTotal = roundTotal(rows.reduce((sum, row) => sum + (row.selfScore ?? 0), 0));
    await recordTransition(tx, actor, {
      assessment,
      to: 'submitted',
      note: options.note,
      patch: { autoTotal, selfTotal, submittedAt: new Date(), submittedBy: actor.userId },
      auditAction: 'assessment.submit',
      verb: 'Gửi thẩm định',
      details: { autoTotal, selfTotal, through: today < assessment.periodTo ? today : assessment.periodTo },
    });
    await notifyAssessmentEvent(tx, actor, assessment, 'submitted', options.note);
  });
  return getAssessment({ db, principal, assessmentId, today, language: options.language });
}
