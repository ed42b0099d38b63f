import type { RuleSpec } from '../../../shared/frameworks/definition';
import { asOf, pointsOf } from '../explain';
import type { ScoringWords } from '../words';
import { EPSILON, type FactValue, type RuleContext, type RuleOutcome, uniqueMeasures } from './context';

/** How rules inside sum / all_of / any_of are evaluated: the dispatcher, passed in to avoid an import cycle. */
export type EvaluateRule = (rule: RuleSpec, context: RuleContext, max: number) => RuleOutcome;

/** A rule inside a composite, "finding (verdict, x/y)" or "finding (verdict)". */
export function innerFinding(outcome: RuleOutcome, w: ScoringWords, points?: number): string {
  const details = [
    outcome.score !== null ? outcome.verdict : undefined,
    points !== undefined && outcome.score !== null ? pointsOf(outcome.score, points, w) : undefined,
  ].filter((part) => part !== undefined);
  return details.length > 0 ? `${outcome.finding} (${details.join(', ')})` : outcome.finding;
}

/**
 * The findings of inner rules joined by "; ", saying "tính đến …" once at the end rather than in
 * every one of them.
 */
export function joinFindings(context: RuleContext, findings: readonly string[]): string {
  const suffix = asOf(context.facts.window, context.words);
  if (!suffix) return findings.join('; ');
  return `${findings.map((finding) => finding.replaceAll(suffix, '')).join('; ')}${suffix}`;
}

/** The facts of inner rules, prefixed by their position: "rules.0.count". */
export function innerFacts(prefix: string, outcomes: readonly RuleOutcome[]): Record<string, FactValue> {
  const facts: Record<string, FactValue> = {};
  outcomes.forEach((outcome, index) => {
    for (const [key, value] of Object.entries(outcome.facts)) facts[`${prefix}.${index}.${key}`] = value;
  });
  return facts;
}

/** Gaps, inputs and measures of inner rules; inputs only matter while the result waits for them. */
export function innerNeeds(outcomes: readonly RuleOutcome[], waiting: boolean) {
  const relevant = waiting ? outcomes : outcomes.filter((outcome) => outcome.score !== null);
  return {
    gaps: [...new Set(relevant.flatMap((outcome) => outcome.gaps))],
    missingInputs: waiting ? [...new Set(outcomes.flatMap((outcome) => outcome.missingInputs))] : [],
    measures: uniqueMeasures(outcomes.map((outcome) => outcome.measures)),
  };
}

export function isFull(value: number | null, max: number): boolean {
  return value !== null && value >= max - EPSILON;
}

/**
 * Whether a rule inside all_of / any_of is met: it reached the maximum it was scored out of (the
 * composite's own). A rule that can score partially (a ladder below that maximum, a proportional
 * count at 17/20, a monthly tier worth half, a ratio under 100%, a sum short of it) is not met, as
 * the guide says (§6.9); null while it waits for a person.
 */
export function innerMet(value: number | null, max: number): boolean | null {
  if (value === null) return null;
  return max > 0 && isFull(value, max);
}
