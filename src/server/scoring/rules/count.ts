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
  const gaps =
    quantity.measure && isRunning(context) && missing > 0
      ? [`cần thêm ${missing} ${quantity.noun} ${beforeEnd(context.facts.window)}`]
      : [];
  return {
    score,
    projectedScore: pointsFor(projected),
    finding: countFinding(
      context,
      quantity,
      `${formatNumber(quantity.value)}/${formatNumber(rule.threshold)}`,
    ),
    gaps,
    missingInputs: [],
    measures: quantity.measure ? [quantity.measure] : [],
    facts: { count: quantity.value, threshold: rule.threshold, projectedCount: round1(projected) },
  };
}

/** "17/20 tin bài trong năm 2024" for records, "Số văn bản: 3/5 văn bản" for an input. */
export function countFinding(context: RuleContext, quantity: Quantity, figure: string): string {
  const window = context.facts.window;
  if (quantity.measure) return `${figure} ${quantity.noun} ${inPeriod(window)}${asOf(window)}`;
  return `${quantity.label}: ${figure}${quantity.noun ? ` ${quantity.noun}` : ''}`;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
