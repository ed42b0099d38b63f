import type { FrequencyTier, RuleSpec } from '../../../shared/frameworks/definition';
import { measureNoun } from '../explain';
import type { ScoringWords } from '../words';
import {
  type BucketFigures,
  bucketsNeeded,
  canStillReach,
  figuresFacts,
  figuresPhrase,
  meetsShare,
  missingPhrase,
  remainingPhrase,
  tallyMeasure,
} from './bucket-figures';
import { type FactValue, isRunning, type RuleContext, type RuleOutcome } from './context';
import { edgeWeekGaps } from './edge-weeks';

type FrequencyRule = Extract<RuleSpec, { type: 'frequency' }>;

/**
 * Frequency tiers from dated records: the tiers are tried in order and the first whose share of
 * weeks (or months) with at least k records is reached wins ("every week → full, every month →
 * half, else 0"). Tiers are meant from the best down; a file that lists them otherwise still gets
 * the first one reached.
 */
export function evaluateFrequency(rule: FrequencyRule, context: RuleContext, max: number): RuleOutcome {
  const w = context.words;
  const noun = measureNoun(rule.measure, w);
  const tallies = new Map<string, BucketFigures>();
  const figuresOf = (tier: FrequencyTier) => {
    const key = `${tier.every}:${tier.atLeast}`;
    let figures = tallies.get(key);
    if (!figures) {
      figures = tallyMeasure(context, rule.measure, tier.every, tier.atLeast);
      tallies.set(key, figures);
    }
    return figures;
  };
  const tiers = rule.tiers.map((tier) => ({ tier, figures: figuresOf(tier) }));
  const secured = tiers.findIndex(({ tier, figures }) =>
    meetsShare(figures.qualifying, figures.total, tier.share),
  );
  const projected = tiers.findIndex(({ tier, figures }) =>
    meetsShare(figures.projectedQualifying, figures.total, tier.share),
  );
  const pointsAt = (index: number) => (index >= 0 ? max * tiers[index]!.tier.fraction : 0);
  const score = pointsAt(secured);
  const projectedScore = Math.max(score, pointsAt(projected));
  const running = isRunning(context);
  // The explanation shows the figures of the tiers that failed above the one reached (why not
  // higher) and of that tier when it is the best; all of them when none is reached.
  const shown = running ? projected : secured;
  const explained = shown > 0 ? tiers.slice(0, shown) : shown === 0 ? tiers.slice(0, 1) : tiers;
  const distinct = [...new Set(explained.map(({ figures }) => figures))];
  const last = tiers[tiers.length - 1]!.tier;
  const facts: Record<string, FactValue> = {
    tier: secured >= 0 ? tiers[secured]!.tier.label : null,
    projectedTier: projected >= 0 ? tiers[projected]!.tier.label : null,
  };
  for (const figures of tallies.values()) Object.assign(facts, figuresFacts(figures));
  return {
    score,
    projectedScore,
    finding: figuresPhrase(context, distinct, noun),
    verdict:
      secured >= 0
        ? w.level(tiers[secured]!.tier.label)
        : running && tiers.some(({ tier, figures }) => canStillReach(figures, tier.share))
          ? undefined
          : w.belowLevel(w.level(last.label)),
    projectedVerdict: projected >= 0 ? w.level(tiers[projected]!.tier.label) : undefined,
    gaps:
      running && score < max
        ? [
            ...frequencyGaps(tiers, secured, score, max, noun, w),
            ...edgeWeekGaps(context, rule.measure, tallies.values(), noun, w),
          ]
        : [],
    missingInputs: [],
    measures: [rule.measure],
    facts,
  };
}

/**
 * For each better tier than the one secured, from the best: the ended weeks that failed it, then
 * what the weeks to come need; when the best can no longer be reached, the next tier that still can.
 */
function frequencyGaps(
  tiers: ReadonlyArray<{ tier: FrequencyTier; figures: BucketFigures }>,
  secured: number,
  score: number,
  max: number,
  noun: string,
  w: ScoringWords,
): string[] {
  const gaps: string[] = [];
  const better = tiers
    .slice(0, secured >= 0 ? secured : tiers.length)
    .filter(({ tier }) => max * tier.fraction > score);
  const reported = new Set<BucketFigures>();
  for (const [position, { tier, figures }] of better.entries()) {
    const reachable = canStillReach(figures, tier.share);
    if (!reachable) {
      // Say once per tally which weeks or months closed this tier, then try the next one down.
      if (!reported.has(figures) && figures.missing.length > 0)
        gaps.push(`${missingPhrase(figures, noun, w)}${w.noLongerReaches(w.level(tier.label))}`);
      reported.add(figures);
      continue;
    }
    if (position === 0 && figures.missing.length > 0) gaps.push(missingPhrase(figures, noun, w));
    const needed = bucketsNeeded(figures, tier.share);
    if (needed === 0) break;
    gaps.push(
      position === 0
        ? remainingPhrase(figures, needed, noun, 'need', w)
        : w.stillReachesIf(w.level(tier.label), remainingPhrase(figures, needed, noun, 'if', w)),
    );
    break;
  }
  return gaps;
}
