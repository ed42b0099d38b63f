import type { RuleContext, RuleOutcome } from './context';

/** A score a person gives (a reviewer, with evidence), kept within 0..max; grey until given. */
export function evaluateManual(context: RuleContext, max: number): RuleOutcome {
  const given = context.facts.manualScore;
  if (given === undefined || !Number.isFinite(given))
    return {
      score: null,
      projectedScore: null,
      finding: context.words.waitingManual,
      gaps: [context.words.needManual],
      missingInputs: [],
      measures: [],
      facts: { manualScore: null },
    };
  const score = Math.min(max, Math.max(0, given));
  return {
    score,
    projectedScore: score,
    finding: context.words.manualScore,
    gaps: [],
    missingInputs: [],
    measures: [],
    facts: { manualScore: given },
  };
}
