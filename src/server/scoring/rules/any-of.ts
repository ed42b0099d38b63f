import type { RuleSpec } from '../../../shared/frameworks/definition';
import { type EvaluateRule, innerFacts, innerFinding, innerNeeds, isFull, joinFindings } from './composite';
import type { RuleContext, RuleOutcome } from './context';

type AnyOfRule = Extract<RuleSpec, { type: 'any_of' }>;

/**
 * Full points when at least one inner rule is fully met, else 0. One rule met decides, even while
 * another waits for an input; otherwise a wait makes the whole wait.
 */
export function evaluateAnyOf(
  rule: AnyOfRule,
  context: RuleContext,
  max: number,
  evaluate: EvaluateRule,
): RuleOutcome {
  const outcomes = rule.rules.map((inner) => evaluate(inner, context, 1));
  const combine = (values: Array<number | null>) =>
    values.some((value) => isFull(value, 1)) ? max : values.some((value) => value === null) ? null : 0;
  const score = combine(outcomes.map((outcome) => outcome.score));
  // Once met, the other ways to meet it need nothing more.
  const open = score !== null && score > 0 ? [] : outcomes;
  return {
    score,
    projectedScore: combine(outcomes.map((outcome) => outcome.projectedScore)),
    finding: joinFindings(
      context,
      outcomes.map((outcome) => innerFinding(outcome)),
    ),
    verdict: score === 0 ? 'chưa đạt điều kiện nào' : undefined,
    ...innerNeeds(open, score === null),
    measures: innerNeeds(outcomes, false).measures,
    facts: {
      ...innerFacts('rules', outcomes),
      met: outcomes.filter((outcome) => isFull(outcome.score, 1)).length,
    },
  };
}
