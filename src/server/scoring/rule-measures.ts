import type { MeasureSpec, RuleSpec } from '../../shared/frameworks/definition';
import { type BucketKind, bucketsOf, type ScoringWindow } from './buckets';

/** Every measure a rule counts, looking into composite rules. */
export function measuresOfRule(rule: RuleSpec): MeasureSpec[] {
  switch (rule.type) {
    case 'boolean':
    case 'count':
    case 'ladder':
      return rule.measure ? [rule.measure] : [];
    case 'frequency':
    case 'minimum_each':
      return [rule.measure];
    case 'ratio':
      return [rule.numerator.measure, rule.denominator.measure].filter(
        (m): m is MeasureSpec => m !== undefined,
      );
    case 'sum':
      return rule.parts.flatMap((part) => measuresOfRule(part.rule));
    case 'all_of':
    case 'any_of':
      return rule.rules.flatMap(measuresOfRule);
    case 'choice':
    case 'manual':
      return [];
  }
}

/** A measure and the days, both included, on which a rule looks at its records. */
export interface MeasureSpan {
  measure: MeasureSpec;
  from: string;
  to: string;
}

/**
 * The days each measure of a rule is counted on, so that the records listed behind a number are
 * those the rule looked at. Counts take every record of the period up to the last day counted.
 * Weekly and monthly rules only see the weeks (months) the unit is judged on: in 2025 the days from
 * 29/12 belong to week 1 of 2026, and a unit created on 01/07/2025 has no week before that day.
 */
export function measureSpansOfRule(rule: RuleSpec, window: ScoringWindow): MeasureSpan[] {
  switch (rule.type) {
    case 'frequency':
      return bucketSpan(rule.measure, [...new Set(rule.tiers.map((tier) => tier.every))], window);
    case 'minimum_each':
      return bucketSpan(rule.measure, [rule.every], window);
    case 'sum':
      return rule.parts.flatMap((part) => measureSpansOfRule(part.rule, window));
    case 'all_of':
    case 'any_of':
      return rule.rules.flatMap((inner) => measureSpansOfRule(inner, window));
    default:
      return measuresOfRule(rule).map((measure) => ({
        measure,
        from: window.period.from,
        to: window.through,
      }));
  }
}

/** The days of the weeks or months judged, within the period and up to the last day counted. */
function bucketSpan(
  measure: MeasureSpec,
  kinds: readonly BucketKind[],
  window: ScoringWindow,
): MeasureSpan[] {
  const buckets = kinds.flatMap((kind) => bucketsOf(kind, window));
  if (buckets.length === 0) return [];
  const first = buckets.reduce((day, bucket) => (bucket.start < day ? bucket.start : day), buckets[0]!.start);
  const last = buckets.reduce((day, bucket) => (bucket.end > day ? bucket.end : day), buckets[0]!.end);
  const from = first > window.period.from ? first : window.period.from;
  const end = last < window.period.to ? last : window.period.to;
  const to = end < window.through ? end : window.through;
  return from <= to ? [{ measure, from, to }] : [];
}
