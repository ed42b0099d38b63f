import type { PeriodKind } from '../../shared/frameworks/definition';

/**
 * Scoring periods: a year ("2024"), a half year ("2024-H1"), a quarter ("2024-Q3") or a month
 * ("2024-11"). Each is whole calendar months, so month buckets never straddle its edges; ISO weeks
 * can, and `buckets.ts` says how edge weeks count.
 */
export interface Period {
  kind: PeriodKind;
  key: string;
  /** First and last day, both included. */
  from: string;
  to: string;
  /** Vietnamese, for explanations: "năm 2024", "6 tháng đầu năm 2025", "quý III/2025", "tháng 11/2025". */
  label: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

function lastDayOfMonth(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

function monthsPeriod(
  kind: PeriodKind,
  key: string,
  year: number,
  firstMonth: number,
  months: number,
  label: string,
) {
  const lastMonth = firstMonth + months - 1;
  return {
    kind,
    key,
    from: `${year}-${String(firstMonth).padStart(2, '0')}-01`,
    to: lastDayOfMonth(year, lastMonth),
    label,
  } satisfies Period;
}

/** The period of a kind named by a key, or null when the key does not name one. */
export function parsePeriod(kind: PeriodKind, key: string): Period | null {
  const patterns: Record<PeriodKind, RegExp> = {
    year: /^(\d{4})$/,
    half_year: /^(\d{4})-H([12])$/,
    quarter: /^(\d{4})-Q([1-4])$/,
    month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  };
  const match = patterns[kind].exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return null;
  const part = Number(match[2] ?? 1);
  switch (kind) {
    case 'year':
      return monthsPeriod(kind, key, year, 1, 12, `năm ${year}`);
    case 'half_year':
      return monthsPeriod(
        kind,
        key,
        year,
        part === 1 ? 1 : 7,
        6,
        `6 tháng ${part === 1 ? 'đầu' : 'cuối'} năm ${year}`,
      );
    case 'quarter':
      return monthsPeriod(kind, key, year, 3 * part - 2, 3, `quý ${ROMAN[part - 1]}/${year}`);
    case 'month':
      return monthsPeriod(kind, key, year, part, 1, `tháng ${part}/${year}`);
  }
}

/** The period of a kind that holds a day. */
export function periodContaining(kind: PeriodKind, day: string): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const keys: Record<PeriodKind, string> = {
    year: String(year),
    half_year: `${year}-H${month <= 6 ? 1 : 2}`,
    quarter: `${year}-Q${Math.ceil(month / 3)}`,
    month: day.slice(0, 7),
  };
  const period = parsePeriod(kind, keys[kind]);
  if (!period) throw new Error(`No ${kind} period holds ${day}`);
  return period;
}

/** The previous period of the same kind (for year-over-year and trend views). */
export function previousPeriod(period: Period): Period {
  const dayBefore = new Date(`${period.from}T00:00:00Z`);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  return periodContaining(period.kind, dayBefore.toISOString().slice(0, 10));
}

/** What a period key should look like, for error messages. */
export const PERIOD_KEY_EXAMPLES: Record<PeriodKind, string> = {
  year: '2024',
  half_year: '2024-H1 hoặc 2024-H2',
  quarter: '2024-Q1 … 2024-Q4',
  month: '2024-01 … 2024-12',
};
