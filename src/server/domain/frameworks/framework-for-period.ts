import type { Queryable } from '../../db/client';
import {
  type FrameworkRow,
  findFrameworkInForce,
  findVersionsOfCode,
} from '../../db/repositories/frameworks';
import { notFound } from '../../errors';
import type { Period } from '../../scoring/periods';

/**
 * The version of a framework code that scores a period: valid on at least one day of the period
 * (validFrom ≤ period end, and validTo empty or ≥ period start), the latest validFrom winning. A new
 * year's version therefore takes over from its first period and leaves earlier periods to the
 * version that scored them.
 */
export async function getFrameworkForPeriod(options: {
  db: Queryable;
  code: string;
  period: Pick<Period, 'from' | 'to' | 'label'>;
}): Promise<FrameworkRow> {
  const { db, code, period } = options;
  const row = await findFrameworkInForce(db, code, period);
  if (row) return row;
  const known = (await findVersionsOfCode(db, code)).length > 0;
  throw notFound(
    known
      ? `Bộ chỉ số ${code} không có phiên bản nào hiệu lực trong ${period.label}.`
      : `Không có bộ chỉ số mã ${code}.`,
  );
}

/** The same choice among versions already loaded (pure: for tests and for callers holding every version). */
export function pickVersionForPeriod<T extends { validFrom: string; validTo: string | null }>(
  versions: readonly T[],
  period: { from: string; to: string },
): T | null {
  let best: T | null = null;
  for (const version of versions) {
    const covers =
      version.validFrom <= period.to && (version.validTo === null || version.validTo >= period.from);
    if (covers && (best === null || version.validFrom > best.validFrom)) best = version;
  }
  return best;
}
