import type { RuleSpec } from '../../../shared/frameworks/definition';
import { evaluateAllOf } from './all-of';
import { evaluateAnyOf } from './any-of';
import { evaluateBoolean } from './boolean';
import { evaluateChoice } from './choice';
import type { RuleContext, RuleOutcome } from './context';
import { evaluateCount } from './count';
import { evaluateFrequency } from './frequency';
import { evaluateLadder } from './ladder';
import { evaluateManual } from './manual';
import { evaluateMinimumEach } from './minimum-each';
import { evaluateRatio } from './ratio';
import { evaluateSum } from './sum';

export type { RuleContext, RuleOutcome } from './context';

/** Scores one rule out of `max` (the criterion's maximum, a part's points, or 1 inside all_of / any_of). */
export function evaluateRule(rule: RuleSpec, context: RuleContext, max: number): RuleOutcome {
  switch (rule.type) {
    case 'boolean':
      return evaluateBoolean(rule, context, max);
    case 'count':
      return evaluateCount(rule, context, max);
    case 'ladder':
      return evaluateLadder(rule, context, max);
    case 'frequency':
      return evaluateFrequency(rule, context, max);
    case 'minimum_each':
      return evaluateMinimumEach(rule, context, max);
    case 'ratio':
      return evaluateRatio(rule, context, max);
    case 'choice':
      return evaluateChoice(rule, context, max);
    case 'sum':
      return evaluateSum(rule, context, max, evaluateRule);
    case 'all_of':
      return evaluateAllOf(rule, context, max, evaluateRule);
    case 'any_of':
      return evaluateAnyOf(rule, context, max, evaluateRule);
    case 'manual':
      return evaluateManual(context, max);
  }
}
