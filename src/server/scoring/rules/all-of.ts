import type { RuleSpec } from '../../../shared/frameworks/definition';
import { type EvaluateRule, innerFacts, innerFinding, innerNeeds, isFull, joinFindings } from './composite';
import type { RuleContext, RuleOutcome } from './context';

type AllOfRule = Extract<RuleSpec, { type: 'all_of' }>;

/**
 * Full points when every inner rule is fully met, else 0 (inner rules are scored out of 1, so a
 * proportional count at 17/20 is not "met"). One rule that fails decides, even while another waits
 * for an input; otherwise a wait makes the whole wait.
 */
export function evaluateAllOf(
  rule: AllOfRule,
  context: RuleContext,
  max: number,
  evaluate: EvaluateRule,
): RuleOutcome {
  const outcomes = rule.rules.map((inner) => evaluate(inner, context, 1));
  const combine = (values: Array<number | null>) =>
    values.some((value) => value !== null && !isFull(value, 1))
      ? 0
      : values.some((value) => value === null)
        ? null
        : max;
  const score = combine(outcomes.map((outcome) => outcome.score));
  return {
    score,
    projectedScore: combine(outcomes.map((outcome) => outcome.projectedScore)),
    finding: joinFindings(
      context,
      outcomes.map((outcome) => innerFinding(outcome)),
    ),
    verdict: score === 0 ? 'chưa đủ các điều kiện' : undefined,
    ...innerNeeds(outcomes, score === null),
    facts: {
      ...innerFacts('rules', outcomes),
      met: outcomes.filter((outcome) => isFull(outcome.score, 1)).length,
    },
  };
}
