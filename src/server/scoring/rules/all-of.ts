import type { RuleSpec } from '../../../shared/frameworks/definition';
import { type EvaluateRule, innerFacts, innerFinding, innerMet, innerNeeds, joinFindings } from './composite';
import type { RuleContext, RuleOutcome } from './context';

type AllOfRule = Extract<RuleSpec, { type: 'all_of' }>;

/**
 * Full points when every inner rule is fully met, else 0: a rule that can score partially (a ladder
 * below the maximum, a proportional count at 17/20, a monthly tier worth half) is not "met" (see
 * innerMet). Inner rules are scored out of this rule's maximum, so a ladder's points mean what the
 * file says. One rule that fails decides, even while another waits for an input; otherwise a wait
 * makes the whole wait.
 */
export function evaluateAllOf(
  rule: AllOfRule,
  context: RuleContext,
  max: number,
  evaluate: EvaluateRule,
): RuleOutcome {
  const outcomes = rule.rules.map((inner) => evaluate(inner, context, max));
  const combine = (values: Array<number | null>) => {
    const met = values.map((value) => innerMet(value, max));
    return met.includes(false) ? 0 : met.includes(null) ? null : max;
  };
  const score = combine(outcomes.map((outcome) => outcome.score));
  return {
    score,
    projectedScore: combine(outcomes.map((outcome) => outcome.projectedScore)),
    finding: joinFindings(
      context,
      outcomes.map((outcome) => innerFinding(outcome, context.words)),
    ),
    verdict: score === 0 ? context.words.notAllMet : undefined,
    ...innerNeeds(outcomes, score === null),
    facts: {
      ...innerFacts('rules', outcomes),
      met: outcomes.filter((outcome) => innerMet(outcome.score, max) === true).length,
    },
  };
}
