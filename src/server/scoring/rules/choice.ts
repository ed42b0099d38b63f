import type { RuleSpec } from '../../../shared/frameworks/definition';
import { inputLabel, inputSpecOf, type RuleContext, type RuleOutcome, waitingForInputs } from './context';

type ChoiceRule = Extract<RuleSpec, { type: 'choice' }>;

/** One of a list entered by a person, each option worth a fraction of the maximum (head = 1, deputy = ½). */
export function evaluateChoice(rule: ChoiceRule, context: RuleContext, max: number): RuleOutcome {
  const entered = context.facts.input(rule.input);
  if (entered === undefined || entered === '') return waitingForInputs(context, [rule.input]);
  const value = String(entered);
  const option = rule.options.find((candidate) => candidate.value === value);
  const label = inputLabel(context, rule.input);
  const optionLabel = inputSpecOf(context, rule.input)?.options?.find(
    (candidate) => candidate.value === value,
  )?.label;
  const score = option ? max * option.fraction : 0;
  return {
    score,
    projectedScore: score,
    finding: option ? `${label}: ${optionLabel ?? value}` : `${label}: ${context.words.notAnOption(value)}`,
    gaps: [],
    missingInputs: [],
    measures: [],
    facts: { [rule.input]: value, fraction: option?.fraction ?? null },
  };
}
