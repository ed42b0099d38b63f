import type { FrozenAutoFacts, NewAssessmentCriterion } from '../../db/repositories/assessments';
import type { CriterionEvaluation } from '../../scoring/evaluate';
import type { ScoringLanguage } from '../../scoring/words';
import type { AutoEvaluation } from './compute-auto-scores';

/** What a criterion that does not apply says, in each language. */
export const NOT_APPLICABLE: Record<ScoringLanguage, string> = {
  vi: 'Tiêu chí này không áp dụng cho loại đơn vị này.',
  en: 'This criterion does not apply to this kind of unit.',
};

/** The automatic score of a criterion as stored: score, sentence, and the figures, status and gaps. */
export function autoColumns(
  evaluation: AutoEvaluation | undefined,
): Pick<NewAssessmentCriterion, 'autoScore' | 'autoExplanation' | 'autoFacts'> {
  if (!evaluation) {
    const notApplicable: FrozenAutoFacts = {
      status: 'grey',
      gaps: [],
      facts: {},
      en: { explanation: NOT_APPLICABLE.en, gaps: [] },
    };
    return { autoScore: null, autoExplanation: NOT_APPLICABLE.vi, autoFacts: notApplicable };
  }
  const frozen: FrozenAutoFacts = {
    status: evaluation.status,
    gaps: evaluation.gaps,
    facts: evaluation.facts,
    ...(evaluation.en ? { en: evaluation.en } : {}),
  };
  return {
    autoScore: evaluation.score,
    autoExplanation: evaluation.explanation,
    autoFacts: frozen,
  };
}

/** The automatic total of the criteria listed (a criterion waiting for a person counts 0). */
export function autoTotalOf(
  codes: readonly string[],
  evaluations: ReadonlyMap<string, CriterionEvaluation>,
): number {
  const total = codes.reduce((sum, code) => sum + (evaluations.get(code)?.score ?? 0), 0);
  return Math.round(total * 100) / 100;
}
