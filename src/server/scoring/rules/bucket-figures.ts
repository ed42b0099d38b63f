import type { MeasureSpec } from '../../../shared/frameworks/definition';
import { type BucketKind, type BucketTally, tallyBuckets, windowIsRunning } from '../buckets';
import { asOf, formatNumber, hasAtLeast, lacks, listBuckets } from '../explain';
import type { ScoringWords } from '../words';
import { EPSILON, type FactValue, type RuleContext } from './context';

/**
 * Weeks or months with at least k records, shared by frequency and minimum_each. Three readings of
 * one tally:
 * - secured: qualifying / all buckets (the buckets still to come count as failing);
 * - projected: the buckets still to come qualify at the rate seen so far (qualifying / counted;
 *   nothing counted yet → 0), i.e. qualifying + remaining × rate;
 * - best: every bucket still to come qualifies (tells whether a level can still be reached).
 */
export interface BucketFigures extends BucketTally {
  projectedQualifying: number;
}

export function tallyMeasure(
  context: RuleContext,
  measure: MeasureSpec,
  kind: BucketKind,
  atLeast: number,
): BucketFigures {
  const series = context.facts.series(measure);
  const tally = tallyBuckets(kind, atLeast, context.facts.window, (day) => series.countOn(day));
  const rate = tally.counted > 0 ? tally.qualifying / tally.counted : 0;
  return { ...tally, projectedQualifying: tally.qualifying + tally.remaining.length * rate };
}

/** Whether `qualifying` of `total` buckets reach a share (no buckets never reach any share). */
export function meetsShare(qualifying: number, total: number, share: number): boolean {
  return total > 0 && qualifying >= share * total - EPSILON;
}

/** More qualifying buckets needed to reach a share (0 when already reached). */
export function bucketsNeeded(figures: BucketFigures, share: number): number {
  return Math.max(0, Math.ceil(share * figures.total - EPSILON) - figures.qualifying);
}

export function canStillReach(figures: BucketFigures, share: number): boolean {
  return meetsShare(figures.qualifying + figures.remaining.length, figures.total, share);
}

/** Share of buckets, 0 when there are none. */
export function shareOf(qualifying: number, total: number): number {
  return total > 0 ? qualifying / total : 0;
}

/**
 * "38/52 tuần có lượt phát"; "30/52 tuần, 9/12 tháng có lượt phát"; while the period runs, the
 * buckets judged so far: "10/11 tuần có lượt phát, tính đến 15/03/2025".
 */
export function figuresPhrase(context: RuleContext, all: readonly BucketFigures[], noun: string): string {
  const window = context.facts.window;
  const w = context.words;
  const running = windowIsRunning(window);
  const judged = running ? all.filter((figures) => figures.counted > 0) : [...all];
  const first = all[0];
  if (judged.length === 0 || !first) {
    const kind = first?.kind ?? 'week';
    const period = w.periodName(window.period);
    return first && first.total === 0
      ? w.noBucketToCount(kind, period)
      : `${w.noBucketEnded(kind, period)}${asOf(window, w)}`;
  }
  // "51 trên 52 tuần", never "51/52", which reads as a date.
  const part = (figures: BucketFigures) =>
    `${w.outOf(figures.qualifying, running ? figures.counted : figures.total)} ${w.bucket(figures.kind)}`;
  const sameAtLeast = judged.every((figures) => figures.atLeast === judged[0]!.atLeast);
  const text = sameAtLeast
    ? `${judged.map(part).join(', ')} ${hasAtLeast(judged[0]!.atLeast, noun, w)}`
    : judged.map((figures) => `${part(figures)} ${hasAtLeast(figures.atLeast, noun, w)}`).join(', ');
  return `${text}${asOf(window, w)}`;
}

/** "tuần 47 và 48 chưa có lượt phát". */
export function missingPhrase(figures: BucketFigures, noun: string, w: ScoringWords): string {
  return `${listBuckets(figures.missing, w)} ${lacks(figures.atLeast, noun, w)}`;
}

const NAMED_REMAINING = 2;

/**
 * What the buckets still to come must hold, as a need ("mỗi tuần còn lại (4 tuần) cần ít nhất 1
 * lượt phát") or as a condition after "nếu" ("mỗi tháng còn lại (2 tháng) có ít nhất 1 lượt phát").
 */
export function remainingPhrase(
  figures: BucketFigures,
  needed: number,
  noun: string,
  mood: 'need' | 'if',
  w: ScoringWords,
): string {
  const remaining = figures.remaining.length;
  const k = formatNumber(figures.atLeast, w);
  const need = mood === 'need';
  // A few buckets left are named ("tuần 51 và 52 cần …"), more are counted.
  if (needed >= remaining && remaining <= NAMED_REMAINING)
    return w.remainingNamed(listBuckets(figures.remaining, w), need, k, noun);
  if (needed >= remaining) return w.remainingEach(figures.kind, remaining, need, k, noun);
  const more = w.moreBuckets(needed, figures.kind, hasAtLeast(figures.atLeast, noun, w), remaining);
  return w.remainingMore(more, need);
}

/** The figures behind a tally for `RuleResult.facts`: weeks, weeks_qualifying, … (weeks_2_… for k = 2). */
export function figuresFacts(figures: BucketFigures): Record<string, FactValue> {
  const prefix = `${figures.kind}s${figures.atLeast > 1 ? `_${figures.atLeast}` : ''}`;
  return {
    [prefix]: figures.total,
    [`${prefix}_qualifying`]: figures.qualifying,
    [`${prefix}_counted`]: figures.counted,
    [`${prefix}_missing`]: figures.missing.length,
    [`${prefix}_remaining`]: figures.remaining.length,
  };
}
