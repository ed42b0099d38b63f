import type { PeriodKind } from '../../../../shared/frameworks/definition';

/**
 * The version code and first day proposed for a copy of a framework version. Stored versions never
 * change and a new one must start after every stored one (decide-version.ts on the server), so the
 * proposal is the first scoring period that starts after today and after every stored version starts
 * or ends: next year for a yearly framework. The officer may change both; the server has the last word.
 */

const MONTHS_PER_PERIOD: Record<PeriodKind, number> = { year: 12, half_year: 6, quarter: 3, month: 1 };

interface StoredVersion {
  version: string;
  validFrom: string;
  validTo: string | null;
}

/** The first day of the period after the one holding `day` (yyyy-MM-dd). */
export function nextPeriodStart(day: string, period: PeriodKind): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const size = MONTHS_PER_PERIOD[period];
  // Months counted from 0; the period holding `day` starts at the multiple of its size below it.
  const next = year * 12 + Math.floor((month - 1) / size) * size + size;
  const nextYear = Math.floor(next / 12);
  const nextMonth = (next % 12) + 1;
  return `${nextYear}-${String(nextMonth).padStart(2, '0')}-01`;
}

export function proposeNewVersion(options: {
  period: PeriodKind;
  versions: readonly StoredVersion[];
  today: string;
}): { version: string; validFrom: string } {
  const latest = options.versions
    .flatMap((stored) => [stored.validFrom, stored.validTo ?? ''])
    .reduce((max, day) => (day > max ? day : max), options.today);
  const validFrom = nextPeriodStart(latest, options.period);
  const base = options.period === 'year' ? validFrom.slice(0, 4) : validFrom.slice(0, 7).replace('-', '.');
  const taken = new Set(options.versions.map((stored) => stored.version));
  let version = base;
  for (let n = 2; taken.has(version); n += 1) version = `${base}-${n}`;
  return { version, validFrom };
}
