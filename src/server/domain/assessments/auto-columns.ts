import type { FrozenAutoFacts, NewAssessmentCriterion } from '../../db/repositories/assessments';
import type { CriterionEvaluation } from '../../scoring/evaluate';

/** The automatic score of a criterion as stored: score, sentence, and the figures, status and gaps. */
export function autoColumns(
  evaluation: CriterionEvaluation | undefined,
): Pick<NewAssessmentCriterion, 'autoScore' | 'autoExplanation' | 'autoFacts'> {
  if (!evaluation)
    return {
      autoScore: null,
      autoExplanation: 'Tiêu chí này không áp dụng cho loại đơn vị này.',
      autoFacts: null,
    };
  const frozen: FrozenAutoFacts = {
    status: evaluation.status,
    gaps: evaluation.gaps,
    facts: evaluation.facts,
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
