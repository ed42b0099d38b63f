import { CHANNEL_KIND_LABELS } from '../../shared/activities';
import {
  type ChannelMeasureSpec,
  type MeasureSource,
  type MeasureSpec,
  measureSources,
} from '../../shared/frameworks/definition';
import type { Bucket, BucketKind, ScoringWindow } from './buckets';
import { lastJudgedDay, windowIsRunning } from './buckets';
import { shortVnDay, vnDay } from './day-numbers';

/**
 * The words of explanations. Every sentence the engine shows a unit is built from these pieces, so
 * that "17/20 tin bài trong năm 2024 → 0/10 điểm" reads the same in every rule.
 */

const SOURCE_NOUNS: Record<MeasureSource, string> = {
  posts: 'tin bài',
  broadcasts: 'lượt phát',
  press_issues: 'kỳ báo',
  banners: 'banner',
};

/** What a measure counts, in the words of the framework file or by its sources ("tin bài hoặc kỳ báo"). */
export function measureNoun(measure: MeasureSpec): string {
  return measure.noun ?? joinOr(measureSources(measure).map((source) => SOURCE_NOUNS[source]));
}

/** "chuyên mục CĐS trên trang thông tin điện tử" (or "… hoặc …" for several kinds). */
export function channelNoun(spec: ChannelMeasureSpec): string {
  if (spec.noun) return lowerFirst(spec.noun);
  return joinOr(spec.channelKinds.map((kind) => lowerFirst(CHANNEL_KIND_LABELS[kind].vi)));
}

export const BUCKET_NOUNS: Record<BucketKind, string> = { week: 'tuần', month: 'tháng' };

/** Points and counts the Vietnamese way: 7,5 rather than 7.5; at most two decimals. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded).replace('.', ',');
}

/** "5/10 điểm". */
export function pointsOf(score: number, max: number): string {
  return `${formatNumber(score)}/${formatNumber(max)} điểm`;
}

/** "a", "a và b", "a, b và c". */
export function joinAnd(items: readonly string[]): string {
  return joinWith(items, 'và');
}

export function joinOr(items: readonly string[]): string {
  return joinWith(items, 'hoặc');
}

function joinWith(items: readonly string[], word: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

/** At most this many weeks or months are named in one gap; the rest are counted. */
const LISTED_BUCKETS = 8;

/** "tuần 45, 47 và 48"; "tháng 3"; "tuần 2, 3, …, 9 và 12 tuần khác". */
export function listBuckets(buckets: readonly Bucket[]): string {
  const first = buckets[0];
  if (!first) return '';
  const noun = BUCKET_NOUNS[first.kind];
  const numbers = buckets.map((bucket) => bucket.shortLabel.replace(/^(tuần|tháng) /, ''));
  const shown = numbers.slice(0, buckets.length > LISTED_BUCKETS ? LISTED_BUCKETS - 1 : LISTED_BUCKETS);
  const hidden = buckets.length - shown.length;
  const items = hidden > 0 ? [...shown, `${hidden} ${noun} khác`] : shown;
  return `${noun} ${joinAnd(items)}`;
}

/** "có lượt phát" or "có ít nhất 2 lượt phát". */
export function hasAtLeast(atLeast: number, noun: string): string {
  return atLeast <= 1 ? `có ${noun}` : `có ít nhất ${formatNumber(atLeast)} ${noun}`;
}

/** "chưa có lượt phát" or "chưa đủ 2 lượt phát". */
export function lacks(atLeast: number, noun: string): string {
  return atLeast <= 1 ? `chưa có ${noun}` : `chưa đủ ${formatNumber(atLeast)} ${noun}`;
}

/** "trong năm 2024", "trong quý III/2025". */
export function inPeriod(window: ScoringWindow): string {
  return `trong ${window.period.label}`;
}

/**
 * ", tính đến 15/10/2024" while the period runs; ", đến 30/06/2025, ngày cuối của đơn vị" for a unit
 * that ended during it; nothing otherwise.
 */
export function asOf(window: ScoringWindow): string {
  if (windowIsRunning(window)) return `, tính đến ${vnDay(window.through)}`;
  const last = lastJudgedDay(window);
  return last < window.period.to ? `, đến ${vnDay(last)}, ngày cuối của đơn vị` : '';
}

/** "trước 31/12": the last day the unit is judged on (the period's end, as a rule), for gaps. */
export function beforeEnd(window: ScoringWindow): string {
  return `trước ${shortVnDay(lastJudgedDay(window))}`;
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
