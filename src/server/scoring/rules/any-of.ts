import type { RuleSpec } from '../../../shared/frameworks/definition';
import { type EvaluateRule, innerFacts, innerFinding, innerMet, innerNeeds, joinFindings } from './composite';
import type { RuleContext, RuleOutcome } from './context';

type AnyOfRule = Extract<RuleSpec, { type: 'any_of' }>;

/**
 * Full points when at least one inner rule is fully met, else 0: a ladder at its first step or a
 * tier worth half is not "met" (see innerMet). One rule met decides, even while another waits for
 * an input; otherwise a wait makes the whole wait.
 */
export function evaluateAnyOf(
  rule: AnyOfRule,
  context: RuleContext,
  max: number,
  evaluate: EvaluateRule,
): RuleOutcome {
  const outcomes = rule.rules.map((inner) => evaluate(inner, context, max));
  const combine = (values: Array<number | null>) => {
    const met = values.map((value) => innerMet(value, max));
    return met.includes(true) ? max : met.includes(null) ? null : 0;
  };
  const score = combine(outcomes.map((outcome) => outcome.score));
  // Once met, the other ways to meet it need nothing more.
  const open = score !== null && score > 0 ? [] : outcomes;
  return {
    score,
    projectedScore: combine(outcomes.map((outcome) => outcome.projectedScore)),
    finding: joinFindings(
      context,
      outcomes.map((outcome) => innerFinding(outcome, context.words)),
    ),
    verdict: score === 0 ? context.words.noneMet : undefined,
    ...innerNeeds(open, score === null),
    measures: innerNeeds(outcomes, false).measures,
    facts: {
      ...innerFacts('rules', outcomes),
      met: outcomes.filter((outcome) => innerMet(outcome.score, max) === true).length,
    },
  };
}
