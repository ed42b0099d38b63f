import { type ScoringWindow, windowIsRunning } from '../buckets';
import { pointsOf, upperFirst } from '../explain';
import type { RuleResult, ScoreStatus } from '../types';
import { SCORING_WORDS, type ScoringWords } from '../words';
import { EPSILON, type RuleOutcome } from './context';

/** Points as shown and summed: two decimals, within 0..max. */
export function roundPoints(value: number, max: number): number {
  const clamped = Math.min(max, Math.max(0, Number.isFinite(value) ? value : 0));
  return Math.round(clamped * 100) / 100;
}

/**
 * Traffic light. After the period: green = full, amber = some, red = none. While it runs the
 * projection counts too: green = full already or on pace to full, amber = some points now or on
 * pace to some, red = none and none in sight. Grey = waiting for a person.
 */
export function statusOf(
  score: number | null,
  projectedScore: number | null,
  max: number,
  isRunning: boolean,
): ScoreStatus {
  if (score === null) return 'grey';
  const projected = isRunning && projectedScore !== null ? projectedScore : score;
  if (score >= max - EPSILON || projected >= max - EPSILON) return 'green';
  if (score > 0 || projected > 0) return 'amber';
  return 'red';
}

/**
 * Turns a rule's outcome into the result users see: points rounded and clamped, the projection
 * (equal to the score once the period has ended, never below it), the status, and one sentence:
 * "17/20 tin bài trong năm 2024 → 0/10 điểm"; while the period runs and the projection differs,
 * "… → hiện 0/10 điểm; dự kiến 10/10 điểm".
 */
export function finishOutcome(
  outcome: RuleOutcome,
  max: number,
  window: ScoringWindow,
  w: ScoringWords = SCORING_WORDS.vi,
): RuleResult {
  const running = windowIsRunning(window);
  const score = outcome.score === null ? null : roundPoints(outcome.score, max);
  const projectedScore =
    score === null || outcome.projectedScore === null
      ? score
      : running
        ? Math.max(score, roundPoints(outcome.projectedScore, max))
        : score;
  const status = statusOf(score, projectedScore, max, running);
  return {
    score,
    max,
    status,
    explanation: upperFirst(explain(outcome, score, projectedScore, max, running, w)),
    projectedScore,
    gaps: score !== null && score >= max ? [] : outcome.gaps,
    missingInputs: outcome.missingInputs,
    measures: outcome.measures,
    facts: outcome.facts,
  };
}

function explain(
  outcome: RuleOutcome,
  score: number | null,
  projected: number | null,
  max: number,
  running: boolean,
  w: ScoringWords,
): string {
  if (score === null) return outcome.finding;
  const level = (verdict: string | undefined) => (verdict ? `${verdict}, ` : '');
  if (running && projected !== null && projected !== score)
    return `${outcome.finding} → ${w.nowAndExpected(pointsOf(score, max, w), `${level(outcome.projectedVerdict)}${pointsOf(projected, max, w)}`)}`;
  return `${outcome.finding} → ${level(outcome.verdict)}${pointsOf(score, max, w)}`;
}
