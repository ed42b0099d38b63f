import type { RuleSpec } from '../../../shared/frameworks/definition';
import { type EvaluateRule, innerFacts, innerFinding, innerNeeds, joinFindings } from './composite';
import type { RuleContext, RuleOutcome } from './context';

type SumRule = Extract<RuleSpec, { type: 'sum' }>;

/**
 * Additive parts capped at the maximum: each part is its own rule scored out of its points (so a
 * part earns points × the fraction its rule reaches). Waits while any part waits for a person.
 */
export function evaluateSum(
  rule: SumRule,
  context: RuleContext,
  max: number,
  evaluate: EvaluateRule,
): RuleOutcome {
  const outcomes = rule.parts.map((part) => evaluate(part.rule, context, part.points));
  const total = (values: Array<number | null>) =>
    values.some((value) => value === null)
      ? null
      : Math.min(
          max,
          values.reduce<number>((sum, value) => sum + (value ?? 0), 0),
        );
  const score = total(outcomes.map((outcome) => outcome.score));
  const finding = joinFindings(
    context,
    rule.parts.map((part, index) => {
      const text = innerFinding(outcomes[index]!, context.words, part.points);
      return part.label ? `${part.label}: ${text}` : text;
    }),
  );
  return {
    score,
    projectedScore: total(outcomes.map((outcome) => outcome.projectedScore)),
    finding,
    ...innerNeeds(outcomes, score === null),
    facts: innerFacts('parts', outcomes),
  };
}
