import type { ChannelMeasureSpec, MeasureSpec } from '../../shared/frameworks/definition';
import type { ScoringWindow } from './buckets';

/**
 * The rule engine's contract. The engine is pure: it gets, per unit, the facts the database supplied
 * (dated record counts per measure, channels, a person's inputs) and returns a score with a
 * Vietnamese explanation. It never reads the database or the clock.
 */

/** Records per day of one measure for one unit (its predecessors' records merged in when they count). */
export interface DaySeries {
  /** Sum over the whole window. */
  readonly total: number;
  /** Records on one epoch day (0 when none). */
  countOn(epochDay: number): number;
  /**
   * Records on a day of the period's edge weeks that lies outside the window (29–31/12/2025 for
   * week 1 of 2026): never counted, only told in the gaps (rules/edge-weeks.ts).
   */
  countOutsideOn?(epochDay: number): number;
}

/** A channel that matched a channel measure. */
export interface ChannelFact {
  name: string;
  kind: string;
  startedOn: string | null;
  endedOn: string | null;
}

/** A value a person entered in the assessment. */
export type InputValue = number | boolean | string;

/** Everything the engine knows about one unit for one period. */
export interface UnitFacts {
  window: ScoringWindow;
  /** The series of a measure; an empty one when the unit has no such records. */
  series(measure: MeasureSpec): DaySeries;
  /** Channels of the unit matching the spec and live at some day of the period, earliest start first. */
  channels(spec: ChannelMeasureSpec): ChannelFact[];
  /** A person's input by key, undefined when not entered yet. */
  input(key: string): InputValue | undefined;
  /** The score a person gave a manual criterion, undefined when not given yet. */
  manualScore?: number;
}

/**
 * Traffic light: green = full points (or on pace to them while the period runs), amber = some points,
 * red = none, grey = waiting for a person's input.
 */
export type ScoreStatus = 'green' | 'amber' | 'red' | 'grey';

export interface RuleResult {
  /** Points earned, 0..max, rounded to two decimals; null while an input or manual score is missing. */
  score: number | null;
  max: number;
  status: ScoreStatus;
  /** One sentence in Vietnamese: "17/20 tin bài trong năm 2024 → 0/10 điểm". */
  explanation: string;
  /**
   * While the period runs: the score at its end if the current pace holds (null when it depends on
   * a person's input).
   */
  projectedScore: number | null;
  /** What is still needed for full points before the period ends: "cần thêm 3 tin bài trước 31/12". */
  gaps: string[];
  /** Input keys the rule is waiting for. */
  missingInputs: string[];
  /** The measures counted, so the UI can open the records behind the number. */
  measures: MeasureSpec[];
  /** Figures behind the score, for the JSON output and tests (count, threshold, weeks…). */
  facts: Record<string, number | string | boolean | null>;
}
