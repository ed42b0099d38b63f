import type {
  AssessmentAction,
  AssessmentCriterionDto,
  AssessmentDetailDto,
  AssessmentStatus,
  AssessmentSummaryDto,
} from '../../../shared/api/assessments';
import type { LinkedEvidenceDto } from '../../../shared/api/evidence';
import type { CriterionSpec, PeriodKind } from '../../../shared/frameworks/definition';
import type { UnitKind } from '../../../shared/units';
import type {
  AssessmentCriterionRow,
  AssessmentSummaryRow,
  FrozenAutoFacts,
  TransitionView,
} from '../../db/repositories/assessments';
import type { CriterionEvaluation } from '../../scoring/evaluate';
import { parsePeriod } from '../../scoring/periods';
import { measuresOfRule } from '../../scoring/rule-measures';
import type { ScoringLanguage } from '../../scoring/words';

const NO_LONGER_APPLIES: Record<ScoringLanguage, string> = {
  vi: 'Tiêu chí này không còn áp dụng cho loại đơn vị này.',
  en: 'This criterion no longer applies to this kind of unit.',
};

/** Totals the way they are shown: two decimals at most. */
export function roundTotal(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Every field of an assessment that lists show; the row's other columns stay inside. */
export function presentSummary(row: AssessmentSummaryRow, actions: AssessmentAction[]): AssessmentSummaryDto {
  const { assessment } = row;
  const periodKind = row.periodKind as PeriodKind;
  return {
    id: assessment.id,
    unit: { id: assessment.unitId, name: row.unitName, kind: row.unitKind as UnitKind, code: row.unitCode },
    framework: {
      id: assessment.frameworkId,
      code: row.frameworkCode,
      version: row.frameworkVersion,
      name: row.frameworkName,
      legalBasis: row.legalBasis,
      periodKind,
    },
    period: {
      key: assessment.periodKey,
      from: assessment.periodFrom,
      to: assessment.periodTo,
      label: parsePeriod(periodKind, assessment.periodKey)?.label ?? assessment.periodKey,
    },
    version: assessment.version,
    status: assessment.status as AssessmentStatus,
    supersedesId: assessment.supersedesId,
    totals: {
      auto: assessment.autoTotal,
      self: roundTotal(row.selfSum),
      appraised: roundTotal(row.appraisedSum),
      max: assessment.maxTotal,
    },
    progress: { criteria: row.criteriaCount, selfScored: row.selfScored, appraised: row.appraised },
    createdAt: assessment.createdAt,
    updatedAt: assessment.updatedAt,
    submittedAt: assessment.submittedAt,
    appraisedAt: assessment.appraisedAt,
    publishedAt: assessment.publishedAt,
    actions,
  };
}

/** Where a criterion sits in its framework, for titles and the order of the list. */
export interface CriterionPlace {
  order: number;
  pillarCode: string;
  indexCode: string;
  criterion: CriterionSpec;
}

/**
 * The automatic part of a criterion: computed at this read in the reader's language, or as frozen
 * at submission (in English when it was frozen in both languages; older rows only in Vietnamese).
 */
export function presentAuto(
  row: AssessmentCriterionRow,
  live: CriterionEvaluation | undefined,
  isLive: boolean,
  language: ScoringLanguage = 'vi',
): AssessmentCriterionDto['auto'] {
  if (isLive) {
    if (!live)
      return {
        score: null,
        explanation: NO_LONGER_APPLIES[language],
        gaps: [],
        status: 'grey',
        isLive,
      };
    return { score: live.score, explanation: live.explanation, gaps: live.gaps, status: live.status, isLive };
  }
  const frozen = row.autoFacts as Partial<FrozenAutoFacts> | null;
  const english = language === 'en' ? frozen?.en : undefined;
  return {
    score: row.autoScore,
    explanation: english?.explanation ?? row.autoExplanation ?? '',
    gaps: english?.gaps ?? frozen?.gaps ?? [],
    status: frozen?.status ?? (row.autoScore === null ? 'grey' : 'amber'),
    isLive,
  };
}

export function presentCriterion(
  row: AssessmentCriterionRow,
  place: CriterionPlace | undefined,
  auto: AssessmentCriterionDto['auto'],
  evidence: LinkedEvidenceDto[],
): AssessmentCriterionDto {
  const spec = place?.criterion;
  return {
    id: row.id,
    code: row.criterionCode,
    title: spec?.title ?? row.criterionCode,
    pillarCode: place?.pillarCode ?? null,
    indexCode: place?.indexCode ?? null,
    max: row.max,
    ruleType: spec?.rule.type ?? null,
    evidenceHint: spec?.evidence ?? null,
    evidenceRequired: spec?.evidenceRequired ?? false,
    hint: spec?.hint ?? null,
    dataSource: spec?.dataSource ?? null,
    inputSpecs: (spec?.inputs ?? []).map((input) => ({
      key: input.key,
      label: input.label,
      type: input.type,
      options: input.options ?? null,
      unit: input.unit ?? null,
    })),
    auto,
    inputs: row.inputs,
    selfScore: row.selfScore,
    selfExplanation: row.selfExplanation,
    reviewerScore: row.reviewerScore,
    reviewerComment: row.reviewerComment,
    reviewerRequest: row.reviewerRequest,
    evidence,
    countsRecords: spec ? measuresOfRule(spec.rule).length > 0 : false,
  };
}

export function presentTransition(view: TransitionView): AssessmentDetailDto['transitions'][number] {
  return {
    fromStatus: view.fromStatus as AssessmentStatus | null,
    toStatus: view.toStatus as AssessmentStatus,
    actorName: view.actorName,
    note: view.note,
    at: view.at,
  };
}
