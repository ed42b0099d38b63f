import type { AssessmentDetailDto } from '../../../shared/api/assessments';
import type { Queryable } from '../../db/client';
import {
  findCriteriaOfAssessment,
  findSupersedingId,
  findTransitions,
  getAssessmentSummary,
} from '../../db/repositories/assessments';
import { notFound } from '../../errors';
import type { Principal } from '../../policies/principal';
import type { ScoringLanguage } from '../../scoring/words';
import { criterionPlaces, loadAssessedUnit, loadAssessmentFramework } from './assessment-context';
import { assessmentActions, EDITABLE_STATUSES } from './assessment-rules';
import { computeAutoScores } from './compute-auto-scores';
import { findCriterionEvidence } from './find-criterion-evidence';
import { loadAssessment } from './load-assessment';
import {
  presentAuto,
  presentCriterion,
  presentSummary,
  presentTransition,
  roundTotal,
} from './present-assessment';

/**
 * One assessment with every criterion: the automatic score (recomputed from the records while the
 * unit still works on it, frozen once submitted), the unit's self score and the reviewer's, the
 * evidence, the history, and what the user may do now.
 */
export async function getAssessment(options: {
  db: Queryable;
  principal: Principal;
  assessmentId: string;
  today: string;
  /** The language of the automatic explanations and gaps; Vietnamese by default. */
  language?: ScoringLanguage | undefined;
}): Promise<AssessmentDetailDto> {
  const { db, principal, assessmentId, today, language } = options;
  const loaded = await loadAssessment(db, principal, assessmentId, 'unit.view');
  const summary = await getAssessmentSummary(db, assessmentId);
  if (!summary) throw notFound();
  const { assessment } = summary;
  const status = loaded.status;

  const framework = await loadAssessmentFramework(db, assessment.frameworkId);
  const unit = await loadAssessedUnit(db, assessment.unitId);
  const places = criterionPlaces(framework.definition, unit.kind);
  const rows = await findCriteriaOfAssessment(db, assessmentId);
  rows.sort(
    (a, b) =>
      (places.get(a.criterionCode)?.order ?? Number.MAX_SAFE_INTEGER) -
      (places.get(b.criterionCode)?.order ?? Number.MAX_SAFE_INTEGER),
  );

  const isLive = EDITABLE_STATUSES.includes(status);
  const live = isLive
    ? await computeAutoScores(db, {
        framework,
        unit,
        periodKey: assessment.periodKey,
        inputsByCode: new Map(rows.map((row) => [row.criterionCode, row.inputs])),
        today,
        ...(language ? { language } : {}),
      })
    : undefined;
  const evidence = await findCriterionEvidence(
    db,
    rows.map((row) => row.id),
  );
  const criteria = rows.map((row) =>
    presentCriterion(
      row,
      places.get(row.criterionCode),
      presentAuto(row, live?.get(row.criterionCode), isLive, language),
      evidence.get(row.id) ?? [],
    ),
  );

  const actions = assessmentActions(status, loaded.unitActions, loaded.canAppraise);
  const base = presentSummary(summary, actions);
  return {
    ...base,
    totals: {
      ...base.totals,
      auto: isLive
        ? roundTotal(criteria.reduce((sum, criterion) => sum + (criterion.auto.score ?? 0), 0))
        : base.totals.auto,
    },
    reviewNote: assessment.reviewNote,
    supersededById: status === 'superseded' ? await findSupersedingId(db, assessmentId) : null,
    criteria,
    transitions: (await findTransitions(db, assessmentId)).map(presentTransition),
  };
}
