import { CHANNEL_KIND_LABELS, type ChannelKind } from '../../shared/activities';
import type { MeasureSource } from '../../shared/frameworks/definition';
import type { BucketKind } from './buckets';
import type { Period } from './periods';

/**
 * The words of every sentence the engine writes (explanations and gaps), in the language the user
 * reads: Vietnamese by default, English when the request asks for it (the web UI sends its language
 * as `lang`). What a framework file says in its own words (nouns, labels of inputs and tiers) is
 * shown as written. Counts are never written "a/b" (in Vietnamese "28/10 tin bài" reads as a date):
 * "28 tin bài trong năm 2026 (cần 10)", "51 trên 52 tuần"; only points keep "x/y điểm".
 */

export const SCORING_LANGUAGES = ['vi', 'en'] as const;
export type ScoringLanguage = (typeof SCORING_LANGUAGES)[number];

export interface ScoringWords {
  language: ScoringLanguage;
  decimalMark: string;
  and: string;
  or: string;
  sourceNoun(source: MeasureSource): string;
  channelKind(kind: ChannelKind): string;
  bucket(kind: BucketKind): string;
  /** "tuần" / "weeks", before numbers: "tuần 45 và 46" / "weeks 45 and 46". */
  bucketsNamed(kind: BucketKind, count: number): string;
  otherBuckets(count: number, kind: BucketKind): string;
  /** "5/10 điểm". */
  points(score: string, max: string): string;
  /** "28 tin bài … (cần 10)": the need after a count. */
  needed(threshold: string): string;
  /** "51 trên 52" / "51 of 52". */
  outOf(part: string | number, whole: string | number): string;
  hasAtLeast(atLeast: string, noun: string, one: boolean): string;
  lacks(atLeast: string, noun: string, one: boolean): string;
  periodName(period: Period): string;
  inPeriod(period: Period): string;
  runningAsOf(day: string): string;
  endedOn(day: string): string;
  before(shortDay: string): string;
  /** On the period's last day itself: "trong hôm nay (31/12)"; "trước 31/12" would read as too late. */
  byTonight(shortDay: string): string;
  // Rules.
  hasRecords(count: string, noun: string): string;
  noRecords(noun: string): string;
  needOne(noun: string, before: string): string;
  yesNo(flag: boolean): string;
  hasChannelSince(noun: string, since: string): string;
  hasChannelUndated(noun: string): string;
  noChannel(noun: string): string;
  declareChannel(noun: string): string;
  channelUndated(noun: string, deadline: string): string;
  declareStart(name: string): string;
  afterPeriodStart(day: string): string;
  after(day: string): string;
  channelOnlySince(noun: string, since: string, when: string): string;
  needMore(count: number, noun: string, before: string): string;
  toReach(points: string): string;
  stepFrom(atLeast: string): string;
  belowStep(atLeast: string): string;
  level(label: string): string;
  belowLevel(level: string): string;
  noLongerReaches(level: string): string;
  stillReachesIf(level: string, condition: string): string;
  noLongerScores: string;
  noBucketToCount(kind: BucketKind, period: string): string;
  noBucketEnded(kind: BucketKind, period: string): string;
  remainingNamed(buckets: string, need: boolean, atLeast: string, noun: string): string;
  remainingEach(kind: BucketKind, remaining: number, need: boolean, atLeast: string, noun: string): string;
  remainingMore(more: string, need: boolean): string;
  moreBuckets(needed: number, kind: BucketKind, has: string, remaining: number): string;
  zeroDenominator: string;
  notAnOption(value: string): string;
  waitingManual: string;
  needManual: string;
  manualScore: string;
  waitingFor(labels: string): string;
  needInput(label: string): string;
  notAllMet: string;
  noneMet: string;
  nowAndExpected(now: string, expected: string): string;
  /** An edge week whose only records fall outside the period: "chỉ có lượt phát trước ngày 01/01". */
  onlyOutside(noun: string, side: 'before' | 'after', shortDay: string): string;
}

const vi: ScoringWords = {
  language: 'vi',
  decimalMark: ',',
  and: 'và',
  or: 'hoặc',
  sourceNoun: (source) =>
    ({ posts: 'tin bài', broadcasts: 'lượt phát', press_issues: 'kỳ báo', banners: 'banner' })[source],
  channelKind: (kind) => CHANNEL_KIND_LABELS[kind].vi,
  bucket: (kind) => (kind === 'week' ? 'tuần' : 'tháng'),
  bucketsNamed: (kind) => (kind === 'week' ? 'tuần' : 'tháng'),
  otherBuckets: (count, kind) => `${count} ${kind === 'week' ? 'tuần' : 'tháng'} khác`,
  points: (score, max) => `${score}/${max} điểm`,
  needed: (threshold) => ` (cần ${threshold})`,
  outOf: (part, whole) => `${part} trên ${whole}`,
  hasAtLeast: (atLeast, noun, one) => (one ? `có ${noun}` : `có ít nhất ${atLeast} ${noun}`),
  lacks: (atLeast, noun, one) => (one ? `chưa có ${noun}` : `chưa đủ ${atLeast} ${noun}`),
  periodName: (period) => period.label,
  inPeriod: (period) => `trong ${period.label}`,
  runningAsOf: (day) => `, tính đến ${day}`,
  endedOn: (day) => `, đến ${day}, ngày cuối của đơn vị`,
  before: (day) => `trước ${day}`,
  byTonight: (day) => `trong hôm nay (${day})`,
  hasRecords: (count, noun) => `Có ${count} ${noun}`,
  noRecords: (noun) => `Chưa có ${noun} nào`,
  needOne: (noun, before) => `cần ít nhất 1 ${noun} ${before}`,
  yesNo: (flag) => (flag ? 'có' : 'không'),
  hasChannelSince: (noun, since) => `Có ${noun} từ ${since}`,
  hasChannelUndated: (noun) => `Có ${noun} (chưa khai báo ngày bắt đầu)`,
  noChannel: (noun) => `Chưa có ${noun}`,
  declareChannel: (noun) => `Chưa khai báo kênh ${noun}: thêm kênh trong trang đơn vị`,
  channelUndated: (noun, deadline) => `Có ${noun} nhưng chưa khai báo ngày bắt đầu (cần có từ ${deadline})`,
  declareStart: (name) => `khai báo ngày bắt đầu của ${name} trong trang đơn vị`,
  afterPeriodStart: (day) => `sau ngày đầu kỳ ${day}`,
  after: (day) => `sau ${day}`,
  channelOnlySince: (noun, since, when) => `${noun} chỉ có từ ${since}, ${when}`,
  needMore: (count, noun, before) => `cần thêm ${count} ${noun} ${before}`,
  toReach: (points) => ` để đạt ${points}`,
  stepFrom: (atLeast) => `mức từ ${atLeast}`,
  belowStep: (atLeast) => `dưới mức ${atLeast}`,
  level: (label) => (/^mức\s/i.test(label) ? label : `mức ${label}`),
  belowLevel: (level) => `dưới ${level}`,
  noLongerReaches: (level) => `: không còn đạt ${level}`,
  stillReachesIf: (level, condition) => `vẫn đạt ${level} nếu ${condition}`,
  noLongerScores: ': không còn đạt điểm tiêu chí này',
  noBucketToCount: (kind, period) => `Không có ${vi.bucket(kind)} nào để tính trong ${period}`,
  noBucketEnded: (kind, period) => `Chưa hết ${vi.bucket(kind)} nào của ${period}`,
  remainingNamed: (buckets, need, atLeast, noun) =>
    `${buckets} ${need ? 'cần' : 'có'} ít nhất ${atLeast} ${noun}`,
  remainingEach: (kind, remaining, need, atLeast, noun) =>
    `mỗi ${vi.bucket(kind)} còn lại (${remaining} ${vi.bucket(kind)}) ${need ? 'cần' : 'có'} ít nhất ${atLeast} ${noun}`,
  remainingMore: (more, need) => (need ? `cần thêm ${more}` : `thêm ${more}`),
  moreBuckets: (needed, kind, has, remaining) =>
    `${needed} ${vi.bucket(kind)} ${has} trong ${remaining} ${vi.bucket(kind)} còn lại`,
  zeroDenominator: 'mẫu số bằng 0, không tính được tỉ lệ',
  notAnOption: (value) => `"${value}" không có trong danh sách lựa chọn`,
  waitingManual: 'Chờ chấm điểm: tiêu chí chấm thủ công',
  needManual: 'cần nhập điểm chấm thủ công',
  manualScore: 'Điểm chấm thủ công',
  waitingFor: (labels) => `Chờ nhập: ${labels}`,
  needInput: (label) => `cần nhập ${label}`,
  notAllMet: 'chưa đủ các điều kiện',
  noneMet: 'chưa đạt điều kiện nào',
  nowAndExpected: (now, expected) => `hiện ${now}; dự kiến ${expected}`,
  onlyOutside: (noun, side, day) => `chỉ có ${noun} ${side === 'before' ? 'trước' : 'sau'} ngày ${day}`,
};

const EN_PERIOD: Record<Period['kind'], (key: string) => string> = {
  year: (key) => key,
  half_year: (key) => `${key.slice(5)} ${key.slice(0, 4)}`,
  quarter: (key) => `${key.slice(5)} ${key.slice(0, 4)}`,
  month: (key) => `${key.slice(5)}/${key.slice(0, 4)}`,
};

const en: ScoringWords = {
  language: 'en',
  decimalMark: '.',
  and: 'and',
  or: 'or',
  sourceNoun: (source) =>
    ({ posts: 'posts', broadcasts: 'broadcasts', press_issues: 'press issues', banners: 'banners' })[source],
  channelKind: (kind) => CHANNEL_KIND_LABELS[kind].en,
  bucket: (kind) => (kind === 'week' ? 'weeks' : 'months'),
  bucketsNamed: (kind, count) => (kind === 'week' ? 'week' : 'month') + (count > 1 ? 's' : ''),
  otherBuckets: (count, kind) => `${count} other ${kind === 'week' ? 'weeks' : 'months'}`,
  points: (score, max) => `${score}/${max} points`,
  needed: (threshold) => ` (${threshold} needed)`,
  outOf: (part, whole) => `${part} of ${whole}`,
  hasAtLeast: (atLeast, noun, one) => (one ? `with ${noun}` : `with at least ${atLeast} ${noun}`),
  lacks: (atLeast, noun, one) => (one ? `have no ${noun}` : `have fewer than ${atLeast} ${noun}`),
  periodName: (period) => EN_PERIOD[period.kind](period.key),
  inPeriod: (period) => `in ${EN_PERIOD[period.kind](period.key)}`,
  runningAsOf: (day) => `, as of ${day}`,
  endedOn: (day) => `, up to ${day}, the unit's last day`,
  before: (day) => `before ${day}`,
  byTonight: (day) => `today (${day})`,
  hasRecords: (count, noun) => `${count} ${noun}`,
  noRecords: (noun) => `No ${noun}`,
  needOne: (noun, before) => `at least 1 of the ${noun} needed ${before}`,
  yesNo: (flag) => (flag ? 'yes' : 'no'),
  hasChannelSince: (noun, since) => `Has a ${noun} since ${since}`,
  hasChannelUndated: (noun) => `Has a ${noun} (start date not declared)`,
  noChannel: (noun) => `No ${noun}`,
  declareChannel: (noun) => `No ${noun} declared: add the channel on the unit's page`,
  channelUndated: (noun, deadline) => `Has a ${noun} without a start date (needed from ${deadline})`,
  declareStart: (name) => `declare the start date of ${name} on the unit's page`,
  afterPeriodStart: (day) => `after the period's first day ${day}`,
  after: (day) => `after ${day}`,
  channelOnlySince: (noun, since, when) => `${noun} only since ${since}, ${when}`,
  needMore: (count, noun, before) => `${count} more ${noun} needed ${before}`,
  toReach: (points) => ` to reach ${points}`,
  stepFrom: (atLeast) => `step from ${atLeast}`,
  belowStep: (atLeast) => `below step ${atLeast}`,
  level: (label) => `level "${label}"`,
  belowLevel: (level) => `below ${level}`,
  noLongerReaches: (level) => `: ${level} is out of reach`,
  stillReachesIf: (level, condition) => `${level} is still reached if ${condition}`,
  noLongerScores: ': this criterion can no longer score',
  noBucketToCount: (kind, period) => `No ${en.bucket(kind)} to count in ${period}`,
  noBucketEnded: (kind, period) => `No ${kind} of ${period} has ended yet`,
  remainingNamed: (buckets, need, atLeast, noun) =>
    `${buckets} ${need ? 'need' : 'have'} at least ${atLeast} ${noun}`,
  remainingEach: (kind, remaining, need, atLeast, noun) =>
    `each remaining ${kind} (${remaining} ${en.bucket(kind)}) ${need ? 'needs' : 'has'} at least ${atLeast} ${noun}`,
  remainingMore: (more, need) => (need ? `${more} needed` : more),
  moreBuckets: (needed, kind, has, remaining) =>
    `${needed} more ${en.bucket(kind)} ${has} among the ${remaining} remaining`,
  zeroDenominator: 'the denominator is 0, no ratio',
  notAnOption: (value) => `"${value}" is not one of the options`,
  waitingManual: 'Waiting for a score: a manually scored criterion',
  needManual: 'enter the manual score',
  manualScore: 'Manual score',
  waitingFor: (labels) => `Waiting for input: ${labels}`,
  needInput: (label) => `enter ${label}`,
  notAllMet: 'not every condition is met',
  noneMet: 'no condition is met',
  nowAndExpected: (now, expected) => `now ${now}; expected ${expected}`,
  onlyOutside: (noun, side, day) => `${noun} only ${side} ${day}, outside the period`,
};

export const SCORING_WORDS: Record<ScoringLanguage, ScoringWords> = { vi, en };

/** The words of a language; Vietnamese for anything else. */
export function wordsFor(language: string | undefined): ScoringWords {
  return language === 'en' ? en : vi;
}
