import type { MeasureSpec, RuleSpec } from '../../../shared/frameworks/definition';

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
