import { isoWeekOf } from '../../shared/dates';
import { fromEpochDay, mondayOfEpochDay, shortVnDay, toEpochDay } from './day-numbers';
import type { Period } from './periods';

/**
 * The weeks and months a frequency rule looks at, and how the edges of a period count.
 *
 * - A **week** is an ISO week (Monday–Sunday). It belongs to the period when its Thursday lies in the
 *   period: a calendar year then holds exactly the 52 or 53 ISO weeks of that ISO year. Only records
 *   dated inside the period count for it, so the week 30/12/2024–05/01/2025 is week 1 of 2025 and
 *   counts the records of 1–5 January only.
 * - A **month** is a calendar month; periods are whole months, so months never straddle an edge.
 * - A unit created during the period (a merged commune from 01/07/2025) is judged only on the weeks
 *   whose Thursday, and the months whose 15th, fall on or after the day it started; a unit that ended
 *   during the period (a district dissolved on 01/07/2025, shown as it was) only on those whose
 *   Thursday or 15th fall on or before its last day.
 * - While the period runs, a week or month that has not ended yet counts only once it already has
 *   enough records; otherwise it is "remaining", not "missing".
 */

export type BucketKind = 'week' | 'month';

/** The slice of time a unit is judged on. */
export interface ScoringWindow {
  period: Period;
  /** The first day the unit (or, when its predecessors count, the earliest of them) existed in the period. */
  activeFrom: string;
  /** The last day with data: the period's end, or today while the period runs (never after activeUntil). */
  through: string;
  /**
   * Set when `through` is today: the day is not over, so records dated today can still be added and
   * the period still runs on its own last day (the deadline day is when officers most need the gaps).
   */
  throughIsToday?: boolean;
  /**
   * The unit's last day, when it ended before the period did: the weeks and months after it are not
   * its to fill, and once it has passed the unit's score is final.
   */
  activeUntil?: string;
}

export interface Bucket {
  kind: BucketKind;
  /** First and last day, both included. */
  start: string;
  end: string;
  /** "tuần 47 (17/11–23/11)" or "tháng 3/2025". */
  label: string;
  /** "tuần 47" or "tháng 3": for lists of several. */
  shortLabel: string;
}

/** The last day the unit is judged on: the period's end, or its own last day when it ended sooner. */
export function lastJudgedDay(window: ScoringWindow): string {
  return window.activeUntil !== undefined && window.activeUntil < window.period.to
    ? window.activeUntil
    : window.period.to;
}

export function windowIsRunning(window: ScoringWindow): boolean {
  return window.through < lastJudgedDay(window) || window.throughIsToday === true;
}

/** Every week or month of the period the unit is judged on, in order (shared, frozen: do not change). */
export function bucketsOf(kind: BucketKind, window: ScoringWindow): Bucket[] {
  return spansOf(kind, window).map((span) => span.bucket);
}

/** A bucket and the days of it whose records count for the period: itself, clipped at the period's edges. */
export interface CountedBucket {
  bucket: Bucket;
  /** First and last day whose records count (both included); the bucket's own days inside the period. */
  countedFrom: string;
  countedTo: string;
}

/**
 * The buckets of the window with the days of each that count: the one definition of the period's
 * edge weeks, shared by the scores and the year calendar (week 1 of 2026 runs 29/12/2025–04/01/2026
 * but counts 01–04/01/2026 only).
 */
export function countedBucketsOf(kind: BucketKind, window: ScoringWindow): CountedBucket[] {
  return spansOf(kind, window).map((span) => ({
    bucket: span.bucket,
    countedFrom: fromEpochDay(span.first),
    countedTo: fromEpochDay(span.last),
  }));
}

/** A bucket with its days as epoch days, clipped to the period (records outside it never count). */
interface BucketSpan {
  bucket: Bucket;
  start: number;
  first: number;
  last: number;
}

/**
 * Buckets depend only on the period and the unit's first day, and a scoreboard asks for the same
 * ones thousands of times (every unit × every frequency tier): building them converts dates to
 * strings and back, which dominated the national scoreboard's time. So they are built once per
 * window shape and shared.
 */
const spanCache = new Map<string, readonly BucketSpan[]>();
const SPAN_CACHE_LIMIT = 1024;

function spansOf(kind: BucketKind, window: ScoringWindow): readonly BucketSpan[] {
  const key = `${kind}|${window.period.from}|${window.period.to}|${window.activeFrom}|${lastJudgedDay(window)}`;
  let spans = spanCache.get(key);
  if (!spans) {
    const periodFrom = toEpochDay(window.period.from);
    // Records after the period, or after the unit's last day, never count.
    const periodTo = toEpochDay(lastJudgedDay(window));
    const buckets = kind === 'week' ? weeksOf(window) : monthsOf(window);
    spans = Object.freeze(
      buckets.map((bucket) => {
        const start = toEpochDay(bucket.start);
        return Object.freeze({
          bucket: Object.freeze(bucket),
          start,
          first: Math.max(start, periodFrom),
          last: Math.min(toEpochDay(bucket.end), periodTo),
        });
      }),
    );
    if (spanCache.size >= SPAN_CACHE_LIMIT) spanCache.clear();
    spanCache.set(key, spans);
  }
  return spans;
}

function weeksOf(window: ScoringWindow): Bucket[] {
  const from = toEpochDay(window.period.from);
  const to = toEpochDay(window.period.to);
  const activeFrom = toEpochDay(window.activeFrom);
  const activeUntil = toEpochDay(lastJudgedDay(window));
  const weeks: Bucket[] = [];
  for (let monday = mondayOfEpochDay(from); monday <= to; monday += 7) {
    const thursday = monday + 3;
    if (thursday < from || thursday > to || thursday < activeFrom || thursday > activeUntil) continue;
    const start = fromEpochDay(monday);
    const end = fromEpochDay(monday + 6);
    const { week } = isoWeekOf(start);
    weeks.push({
      kind: 'week',
      start,
      end,
      label: `tuần ${week} (${shortVnDay(start)}–${shortVnDay(end)})`,
      shortLabel: `tuần ${week}`,
    });
  }
  return weeks;
}

function monthsOf(window: ScoringWindow): Bucket[] {
  const activeUntil = lastJudgedDay(window);
  const months: Bucket[] = [];
  let year = Number(window.period.from.slice(0, 4));
  let month = Number(window.period.from.slice(5, 7));
  for (;;) {
    const start = `${year}-${String(month).padStart(2, '0')}-01`;
    if (start > window.period.to) break;
    const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    const middle = `${start.slice(0, 8)}15`;
    if (middle >= window.activeFrom && middle <= activeUntil)
      months.push({
        kind: 'month',
        start,
        end,
        label: `tháng ${month}/${year}`,
        shortLabel: `tháng ${month}`,
      });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** How a unit's weeks or months stand against "at least k records each". */
export interface BucketTally {
  kind: BucketKind;
  atLeast: number;
  /** Buckets that already have k records (ended or not). */
  qualifying: number;
  /** Buckets judged so far: ended ones, plus running ones that already qualify. */
  counted: number;
  /** Ended buckets without k records, in order. */
  missing: Bucket[];
  /** Buckets that can still be met: the running one without k records yet, and those to come. */
  remaining: Bucket[];
  /** All buckets of the period the unit is judged on (counted + remaining). */
  total: number;
}

/** Tallies dated counts (epoch day → records that day) into the window's weeks or months. */
export function tallyBuckets(
  kind: BucketKind,
  atLeast: number,
  window: ScoringWindow,
  countOnDay: (epochDay: number) => number,
): BucketTally {
  const through = toEpochDay(window.through);
  const tally: BucketTally = {
    kind,
    atLeast,
    qualifying: 0,
    counted: 0,
    missing: [],
    remaining: [],
    total: 0,
  };
  for (const { bucket, start, first, last } of spansOf(kind, window)) {
    tally.total += 1;
    if (start > through) {
      tally.remaining.push(bucket);
      continue;
    }
    // Only records dated inside the period count, even for a week that straddles its edge.
    let records = 0;
    for (let day = first; day <= last && records < atLeast; day += 1) records += countOnDay(day);
    // A week straddling the period's end (week 53 of 2026 ends on 03/01/2027) has ended for the
    // period once the period's last day has passed.
    const hasEnded = last <= through;
    if (records >= atLeast) {
      tally.qualifying += 1;
      tally.counted += 1;
    } else if (hasEnded) {
      tally.counted += 1;
      tally.missing.push(bucket);
    } else {
      tally.remaining.push(bucket);
    }
  }
  return tally;
}
