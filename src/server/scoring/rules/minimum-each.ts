import type { RuleSpec } from '../../../shared/frameworks/definition';
import { measureNoun } from '../explain';
import {
  figuresFacts,
  figuresPhrase,
  meetsShare,
  missingPhrase,
  remainingPhrase,
  shareOf,
  tallyMeasure,
} from './bucket-figures';
import { isRunning, type RuleContext, type RuleOutcome } from './context';
import { edgeWeekGaps } from './edge-weeks';

type MinimumEachRule = Extract<RuleSpec, { type: 'minimum_each' }>;

/**
 * At least k records in every week (or month): full points when every one has them, else 0; with
 * `partial: proportional`, max × the share of weeks that have them.
 */
export function evaluateMinimumEach(rule: MinimumEachRule, context: RuleContext, max: number): RuleOutcome {
  const w = context.words;
  const noun = measureNoun(rule.measure, w);
  const figures = tallyMeasure(context, rule.measure, rule.every, rule.atLeast);
  const proportional = rule.partial === 'proportional';
  const pointsFor = (qualifying: number) =>
    proportional
      ? max * Math.min(1, shareOf(qualifying, figures.total))
      : meetsShare(qualifying, figures.total, 1)
        ? max
        : 0;
  const score = pointsFor(figures.qualifying);
  const projectedScore = Math.max(score, pointsFor(figures.projectedQualifying));
  const gaps: string[] = [];
  if (isRunning(context) && score < max) {
    const remaining = figures.remaining.length;
    if (figures.missing.length > 0)
      gaps.push(`${missingPhrase(figures, noun, w)}${proportional ? '' : w.noLongerScores}`);
    if (remaining > 0 && (proportional || figures.missing.length === 0))
      gaps.push(remainingPhrase(figures, remaining, noun, 'need', w));
    gaps.push(...edgeWeekGaps(context, rule.measure, [figures], noun, w));
  }
  return {
    score,
    projectedScore,
    finding: figuresPhrase(context, [figures], noun),
    gaps,
    missingInputs: [],
    measures: [rule.measure],
    facts: figuresFacts(figures),
  };
}
