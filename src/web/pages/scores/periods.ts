import type { PeriodKind } from '../../../shared/frameworks/definition';
import type { FrameworkVersion } from '../../api/scoring';
import type { I18n } from '../../i18n/I18nProvider';

/**
 * Scoring periods on the browser side: the keys the API takes ("2024", "2024-H1", "2024-Q3",
 * "2024-11"), which of them a framework offers, and their names.
 */

/** The framework everyone is scored on unless they choose another. */
export const DEFAULT_FRAMEWORK = 'kontum-780';

/** The day the 2025 reorganisation took effect: earlier periods may show former units as they were. */
export const REORGANISATION_DAY = '2025-07-01';

/** The key of the period of a kind that holds a yyyy-MM-dd day. */
export function periodKeyOf(kind: PeriodKind, day: string): string {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  switch (kind) {
    case 'year':
      return year;
    case 'half_year':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'month':
      return day.slice(0, 7);
  }
}

/** The first day of a period named by its key. */
export function periodStart(key: string): string {
  const [year = '2000', part] = key.split('-');
  if (!part) return `${year}-01-01`;
  const first = part.startsWith('H')
    ? Number(part.slice(1)) * 6 - 5
    : part.startsWith('Q')
      ? Number(part.slice(1)) * 3 - 2
      : Number(part);
  return `${year}-${String(first).padStart(2, '0')}-01`;
}

/** The key of the period just before the one named by a key. */
function previousKey(kind: PeriodKind, key: string): string {
  const start = periodStart(key);
  let year = Number(start.slice(0, 4));
  let month = Number(start.slice(5, 7)) - 1;
  if (month === 0) {
    year -= 1;
    month = 12;
  }
  return periodKeyOf(kind, `${year}-${String(month).padStart(2, '0')}-01`);
}

/** Every period of a kind that holds a day from `first` to `last`, newest first. */
export function periodKeysBetween(kind: PeriodKind, first: string, last: string): string[] {
  const keys: string[] = [];
  const firstKey = periodKeyOf(kind, first);
  // A hundred years of months at most: a malformed day must not spin forever.
  for (let key = periodKeyOf(kind, last); keys.length < 1200; key = previousKey(kind, key)) {
    keys.push(key);
    if (key <= firstKey) break;
  }
  return keys;
}

/** The span of a framework over all its versions: the first day of the first, the last of the last. */
export function frameworkSpan(versions: FrameworkVersion[]): { from: string; to: string | null } | null {
  if (versions.length === 0) return null;
  const from = versions.map((version) => version.validFrom).sort()[0]!;
  const ends = versions.map((version) => version.validTo);
  const to = ends.includes(null) ? null : (ends as string[]).sort().at(-1)!;
  return { from, to };
}

/**
 * The periods offered for a framework, newest first: from its first valid day up to the period
 * running today (never a future one), or up to its last valid day when it has ended.
 */
export function offeredPeriods(kind: PeriodKind, versions: FrameworkVersion[], today: string): string[] {
  const span = frameworkSpan(versions);
  const last = span?.to && span.to < today ? span.to : today;
  // Without the framework list, the five years before this one are offered.
  const first = span?.from ?? `${Number(today.slice(0, 4)) - 5}-01-01`;
  return periodKeysBetween(kind, first, last);
}

/** The period a page opens on: the one running today, or the latest the framework has. */
export function defaultPeriod(kind: PeriodKind, versions: FrameworkVersion[], today: string): string {
  return offeredPeriods(kind, versions, today)[0] ?? periodKeyOf(kind, today);
}

/** "Năm 2024", "6 tháng đầu năm 2025", "Quý III/2025", "Tháng 11/2025". */
export function periodName(key: string, t: I18n['t']): string {
  const [year = '', part] = key.split('-');
  if (!part) return t('scoring.periodYear', { year });
  if (part === 'H1') return t('scoring.periodHalf1', { year });
  if (part === 'H2') return t('scoring.periodHalf2', { year });
  if (part.startsWith('Q'))
    return t('scoring.periodQuarter', {
      quarter: ['I', 'II', 'III', 'IV'][Number(part.slice(1)) - 1] ?? part,
      year,
    });
  return t('scoring.periodMonth', { month: Number(part), year });
}
