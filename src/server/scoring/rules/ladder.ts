import type { RuleSpec } from '../../../shared/frameworks/definition';
import { beforeEnd, formatNumber, pointsOf } from '../explain';
import { isRunning, type RuleContext, type RuleOutcome, readQuantity, waitingForInputs } from './context';
import { countFinding } from './count';

type LadderRule = Extract<RuleSpec, { type: 'ladder' }>;
type Step = LadderRule['steps'][number];

/** A count mapped to points by a table: the highest step reached counts, capped at the maximum. */
export function evaluateLadder(rule: LadderRule, context: RuleContext, max: number): RuleOutcome {
  const quantity = readQuantity(context, rule);
  if (quantity.value === null) return waitingForInputs(context, [quantity.inputKey ?? '']);
  const value = quantity.value;
  const projected = quantity.projected ?? value;
  const steps = [...rule.steps].sort((a, b) => a.atLeast - b.atLeast || a.points - b.points);
  const reached = stepReached(steps, value);
  const projectedStep = stepReached(steps, projected);
  const score = reached ? Math.min(max, reached.points) : 0;
  const next = steps.find((step) => step.atLeast > value && Math.min(max, step.points) > score);
  const w = context.words;
  const gaps =
    next && quantity.measure && isRunning(context)
      ? [
          `${w.needMore(Math.ceil(next.atLeast - value), quantity.noun, beforeEnd(context.facts.window, w))}${w.toReach(pointsOf(Math.min(max, next.points), max, w))}`,
        ]
      : [];
  const lowest = steps[0]!;
  return {
    score,
    projectedScore: projectedStep ? Math.min(max, projectedStep.points) : 0,
    finding: countFinding(context, quantity, formatNumber(value, w)),
    verdict: reached
      ? w.stepFrom(formatNumber(reached.atLeast, w))
      : w.belowStep(formatNumber(lowest.atLeast, w)),
    projectedVerdict: projectedStep ? w.stepFrom(formatNumber(projectedStep.atLeast, w)) : undefined,
    gaps,
    missingInputs: [],
    measures: quantity.measure ? [quantity.measure] : [],
    facts: { count: value, step: reached?.atLeast ?? null, projectedCount: Math.round(projected * 10) / 10 },
  };
}

/** The step with the highest `atLeast` not above the value (steps sorted ascending). */
function stepReached(steps: readonly Step[], value: number): Step | undefined {
  let found: Step | undefined;
  for (const step of steps) if (step.atLeast <= value) found = step;
  return found;
}
