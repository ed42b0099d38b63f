import type { RuleSpec } from '../../../shared/frameworks/definition';
import { asOf, beforeEnd, formatNumber, inPeriod } from '../explain';
import {
  isRunning,
  type Quantity,
  type RuleContext,
  type RuleOutcome,
  readQuantity,
  waitingForInputs,
} from './context';

type CountRule = Extract<RuleSpec, { type: 'count' }>;

/**
 * A count against a threshold: all or nothing by default, or `partial: proportional` for
 * max × count / threshold (capped at max).
 */
export function evaluateCount(rule: CountRule, context: RuleContext, max: number): RuleOutcome {
  const quantity = readQuantity(context, rule);
  if (quantity.value === null) return waitingForInputs(context, [quantity.inputKey ?? '']);
  const pointsFor = (count: number) =>
    rule.partial === 'proportional'
      ? max * Math.min(1, Math.max(0, count) / rule.threshold)
      : count >= rule.threshold
        ? max
        : 0;
  const score = pointsFor(quantity.value);
  const projected = quantity.projected ?? quantity.value;
  const missing = Math.ceil(rule.threshold - quantity.value);
  const w = context.words;
  const gaps =
    quantity.measure && isRunning(context) && missing > 0
      ? [w.needMore(missing, quantity.noun, beforeEnd(context.facts.window, w))]
      : [];
  return {
    score,
    projectedScore: pointsFor(projected),
    finding: countFinding(
      context,
      quantity,
      formatNumber(quantity.value, w),
      w.needed(formatNumber(rule.threshold, w)),
    ),
    gaps,
    missingInputs: [],
    measures: quantity.measure ? [quantity.measure] : [],
    facts: { count: quantity.value, threshold: rule.threshold, projectedCount: round1(projected) },
  };
}

/**
 * "17 tin bài trong năm 2024 (cần 20)" for records, "Số văn bản: 3 văn bản (cần 5)" for an input:
 * never "17/20", which reads as a date.
 */
export function countFinding(context: RuleContext, quantity: Quantity, figure: string, need = ''): string {
  const window = context.facts.window;
  const w = context.words;
  if (quantity.measure) return `${figure} ${quantity.noun} ${inPeriod(window, w)}${need}${asOf(window, w)}`;
  return `${quantity.label}: ${figure}${quantity.noun ? ` ${quantity.noun}` : ''}${need}`;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
