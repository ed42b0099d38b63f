import {
  type ChannelMeasureSpec,
  type MeasureSpec,
  measureSources,
} from '../../shared/frameworks/definition';
import type { Bucket, ScoringWindow } from './buckets';
import { lastJudgedDay, windowIsRunning } from './buckets';
import { shortVnDay, vnDay } from './day-numbers';
import { SCORING_WORDS, type ScoringWords } from './words';

/**
 * The pieces of explanations. Every sentence the engine shows a unit is built from these and from
 * the words of its language (words.ts), so that "17 tin bài trong năm 2024 (cần 20) → 0/10 điểm"
 * reads the same in every rule.
 */

const VI = SCORING_WORDS.vi;

/** What a measure counts, in the words of the framework file or by its sources ("tin bài hoặc kỳ báo"). */
export function measureNoun(measure: MeasureSpec, w: ScoringWords = VI): string {
  return (
    measure.noun ??
    joinOr(
      measureSources(measure).map((source) => w.sourceNoun(source)),
      w,
    )
  );
}

/** "chuyên mục CĐS trên trang thông tin điện tử" (or "… hoặc …" for several kinds). */
export function channelNoun(spec: ChannelMeasureSpec, w: ScoringWords = VI): string {
  if (spec.noun) return lowerFirst(spec.noun);
  return joinOr(
    spec.channelKinds.map((kind) => lowerFirst(w.channelKind(kind))),
    w,
  );
}

/** Points and counts the way the language writes them: 7,5 in Vietnamese; at most two decimals. */
export function formatNumber(value: number, w: ScoringWords = VI): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded).replace('.', w.decimalMark);
}

/** "5/10 điểm". */
export function pointsOf(score: number, max: number, w: ScoringWords = VI): string {
  return w.points(formatNumber(score, w), formatNumber(max, w));
}

/** "a", "a và b", "a, b và c". */
export function joinAnd(items: readonly string[], w: ScoringWords = VI): string {
  return joinWith(items, w.and);
}

export function joinOr(items: readonly string[], w: ScoringWords = VI): string {
  return joinWith(items, w.or);
}

function joinWith(items: readonly string[], word: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

/** At most this many weeks or months are named in one gap; the rest are counted. */
const LISTED_BUCKETS = 8;

/** "tuần 45, 47 và 48"; "tháng 3"; "tuần 2, 3, …, 9 và 12 tuần khác". */
export function listBuckets(buckets: readonly Bucket[], w: ScoringWords = VI): string {
  const first = buckets[0];
  if (!first) return '';
  const numbers = buckets.map((bucket) => bucket.shortLabel.replace(/^(tuần|tháng) /, ''));
  const shown = numbers.slice(0, buckets.length > LISTED_BUCKETS ? LISTED_BUCKETS - 1 : LISTED_BUCKETS);
  const hidden = buckets.length - shown.length;
  const items = hidden > 0 ? [...shown, w.otherBuckets(hidden, first.kind)] : shown;
  return `${w.bucketsNamed(first.kind, buckets.length)} ${joinAnd(items, w)}`;
}

/** "có lượt phát" or "có ít nhất 2 lượt phát". */
export function hasAtLeast(atLeast: number, noun: string, w: ScoringWords = VI): string {
  return w.hasAtLeast(formatNumber(atLeast, w), noun, atLeast <= 1);
}

/** "chưa có lượt phát" or "chưa đủ 2 lượt phát". */
export function lacks(atLeast: number, noun: string, w: ScoringWords = VI): string {
  return w.lacks(formatNumber(atLeast, w), noun, atLeast <= 1);
}

/** "trong năm 2024", "trong quý III/2025". */
export function inPeriod(window: ScoringWindow, w: ScoringWords = VI): string {
  return w.inPeriod(window.period);
}

/**
 * ", tính đến 15/10/2024" while the period runs; ", đến 30/06/2025, ngày cuối của đơn vị" for a unit
 * that ended during it; nothing otherwise.
 */
export function asOf(window: ScoringWindow, w: ScoringWords = VI): string {
  if (windowIsRunning(window)) return w.runningAsOf(vnDay(window.through));
  const last = lastJudgedDay(window);
  return last < window.period.to ? w.endedOn(vnDay(last)) : '';
}

/** "trước 31/12": the last day the unit is judged on (the period's end, as a rule), for gaps. */
export function beforeEnd(window: ScoringWindow, w: ScoringWords = VI): string {
  const lastDay = lastJudgedDay(window);
  return window.throughIsToday && window.through === lastDay
    ? w.byTonight(shortVnDay(lastDay))
    : w.before(shortVnDay(lastDay));
}

export function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** Lowers the first letter of a label used mid-sentence, but leaves abbreviations ("UBND") alone. */
export function lowerFirst(text: string): string {
  const second = text.charAt(1);
  if (second && second !== second.toLocaleLowerCase('vi')) return text;
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}
