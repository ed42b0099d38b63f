import type { RuleSpec } from '../../../shared/frameworks/definition';
import { asOf, formatNumber, inPeriod } from '../explain';
import { type RuleContext, type RuleOutcome, readQuantity, waitingForInputs } from './context';

type RatioRule = Extract<RuleSpec, { type: 'ratio' }>;

/**
 * max × a / b, capped at max. A denominator of 0 scores 0 and says so. The ratio is not projected:
 * when both numbers grow at the same pace it stays as it is.
 */
export function evaluateRatio(rule: RatioRule, context: RuleContext, max: number): RuleOutcome {
  const numerator = readQuantity(context, rule.numerator);
  const denominator = readQuantity(context, rule.denominator);
  const missing = [numerator, denominator].flatMap((quantity) =>
    quantity.value === null && quantity.inputKey !== undefined ? [quantity.inputKey] : [],
  );
  if (missing.length > 0) return waitingForInputs(context, [...new Set(missing)]);
  const a = numerator.value ?? 0;
  const b = denominator.value ?? 0;
  const measures = [numerator.measure, denominator.measure].filter((measure) => measure !== undefined);
  const window = context.facts.window;
  const w = context.words;
  const within = measures.length > 0 ? ` ${inPeriod(window, w)}${asOf(window, w)}` : '';
  const names = `${numerator.label}/${denominator.label}`;
  if (b <= 0)
    return {
      score: 0,
      projectedScore: 0,
      finding: `${names}: ${w.outOf(formatNumber(a, w), formatNumber(b, w))}${within}`,
      verdict: w.zeroDenominator,
      gaps: [],
      missingInputs: [],
      measures,
      facts: { numerator: a, denominator: b, ratio: null },
    };
  const ratio = Math.min(1, Math.max(0, a / b));
  const score = max * ratio;
  return {
    score,
    projectedScore: score,
    finding: `${names}: ${w.outOf(formatNumber(a, w), formatNumber(b, w))} (${formatNumber(ratio * 100, w)}%)${within}`,
    gaps: [],
    missingInputs: [],
    measures,
    facts: { numerator: a, denominator: b, ratio: Math.round(ratio * 10_000) / 10_000 },
  };
}
