import type { InputSpec, MeasureSpec } from '../../../shared/frameworks/definition';
import { lastJudgedDay, windowIsRunning } from '../buckets';
import { toEpochDay } from '../day-numbers';
import { lowerFirst, measureNoun } from '../explain';
import { measureKey } from '../measure-key';
import type { InputValue, UnitFacts } from '../types';
import type { ScoringWords } from '../words';

/** What a rule may look at: the unit's facts and the inputs its criterion declares (for labels). */
export interface RuleContext {
  facts: UnitFacts;
  inputs: readonly InputSpec[];
  /** The words of the language the explanation is written in. */
  words: ScoringWords;
}

export type FactValue = number | string | boolean | null;

/**
 * A rule's verdict before it becomes a `RuleResult`. Rules say what they found in words (`finding`,
 * the part before the arrow) and leave points, rounding, status and the arrow to `finishOutcome`,
 * so that all_of / any_of / sum can reuse the findings of the rules inside them.
 *
 * `score` is what the unit has secured: the points it keeps if nothing more is recorded before the
 * period ends (after the end, simply the score). `projectedScore` is the score at the period's end
 * at the current pace.
 */
export interface RuleOutcome {
  score: number | null;
  projectedScore: number | null;
  /** "17/20 tin bài trong năm 2024", "Có chuyên mục CĐS … từ 15/03/2023". */
  finding: string;
  /** Names the level reached, said before the points: "mức hằng tháng". */
  verdict?: string;
  /** The level expected at the period's end, when it differs. */
  projectedVerdict?: string;
  gaps: string[];
  missingInputs: string[];
  measures: MeasureSpec[];
  facts: Record<string, FactValue>;
}

export function isRunning(context: RuleContext): boolean {
  return windowIsRunning(context.facts.window);
}

/** The label of an input from the criterion's `inputs`, or its key when the file declares none. */
export function inputSpecOf(context: RuleContext, key: string): InputSpec | undefined {
  return context.inputs.find((input) => input.key === key);
}

export function inputLabel(context: RuleContext, key: string): string {
  return inputSpecOf(context, key)?.label ?? key;
}

/** The outcome of a rule that cannot be scored until a person enters these inputs. */
export function waitingForInputs(context: RuleContext, keys: readonly string[]): RuleOutcome {
  const labels = keys.map((key) => inputLabel(context, key));
  return {
    score: null,
    projectedScore: null,
    finding: context.words.waitingFor(labels.join('; ')),
    gaps: labels.map((label) => context.words.needInput(lowerFirst(label))),
    missingInputs: [...keys],
    measures: [],
    facts: {},
  };
}

/** A number from an input: numbers as they are, yes/no as 1/0, "12" or "7,5" parsed; otherwise none. */
export function inputNumber(value: InputValue | undefined): number | null {
  if (value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const text = value.trim().replace(',', '.');
  if (text === '') return null;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : null;
}

/** Yes/no from an input: true, a positive number, or "true"/"có"/"yes"; none when not entered. */
export function inputFlag(value: InputValue | undefined): boolean | null {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value > 0;
  const text = value.trim().toLocaleLowerCase('vi');
  if (text === '') return null;
  return ['true', 'yes', 'có', 'co', '1', 'đạt'].includes(text);
}

/**
 * How much larger a count will be at the period's end if the current pace holds: days judged
 * (from the day the unit became active to the period's end) over days elapsed so far. 1 once the
 * period has ended, and when nothing has elapsed yet (no pace to go by).
 */
export function paceFactor(context: RuleContext): number {
  const window = context.facts.window;
  if (!windowIsRunning(window)) return 1;
  const start = Math.max(toEpochDay(window.period.from), toEpochDay(window.activeFrom));
  const elapsed = toEpochDay(window.through) - start + 1;
  const judged = toEpochDay(lastJudgedDay(window)) - start + 1;
  if (elapsed <= 0 || judged <= 0) return 1;
  return Math.max(1, judged / elapsed);
}

/** A number a rule scores: counted from records, or entered by a person. */
export interface Quantity {
  /** null while the input is missing. */
  value: number | null;
  /** At the period's end at the current pace (inputs are taken as they are). */
  projected: number | null;
  /** "tin bài", or the unit of an input ("văn bản"), or "" */
  noun: string;
  /** The input's label; for measures the noun. */
  label: string;
  measure?: MeasureSpec;
  inputKey?: string;
}

export function readQuantity(
  context: RuleContext,
  source: { measure?: MeasureSpec; input?: string },
): Quantity {
  if (source.measure) {
    const value = context.facts.series(source.measure).total;
    return {
      value,
      projected: value * paceFactor(context),
      noun: measureNoun(source.measure, context.words),
      label: measureNoun(source.measure, context.words),
      measure: source.measure,
    };
  }
  const key = source.input ?? '';
  const value = inputNumber(context.facts.input(key));
  const spec = inputSpecOf(context, key);
  return { value, projected: value, noun: spec?.unit ?? '', label: spec?.label ?? key, inputKey: key };
}

/** Distinct measures, first occurrence first. */
export function uniqueMeasures(lists: ReadonlyArray<readonly MeasureSpec[]>): MeasureSpec[] {
  const seen = new Set<string>();
  const result: MeasureSpec[] = [];
  for (const list of lists)
    for (const measure of list) {
      const key = measureKey(measure);
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(measure);
    }
  return result;
}

/** Nothing of `a` below `b` within rounding: shares and points are compared with this tolerance. */
export const EPSILON = 1e-9;
