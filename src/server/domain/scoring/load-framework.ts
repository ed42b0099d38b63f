import { desc, eq } from 'drizzle-orm';
import { type FrameworkSpec, PERIOD_KINDS, type PeriodKind } from '../../../shared/frameworks/definition';
import type { Queryable } from '../../db/client';
import { frameworks } from '../../db/schema-scoring';
import { AppError, validationError } from '../../errors';
import { PERIOD_KEY_EXAMPLES, type Period, parsePeriod } from '../../scoring/periods';
import { pickVersionForPeriod } from '../frameworks/framework-for-period';
import { definitionOf } from './framework-definitions';

/** A stored framework version, as scoring needs it. */
export interface ScoringFramework {
  id: string;
  code: string;
  version: string;
  name: string;
  legalBasis: string;
  definition: FrameworkSpec;
}

/** A version's columns without its definition, which is read once per version (framework-definitions.ts). */
const headerColumns = {
  id: frameworks.id,
  code: frameworks.code,
  version: frameworks.version,
  name: frameworks.name,
  legalBasis: frameworks.legalBasis,
  sha256: frameworks.sha256,
};

async function withDefinition(
  q: Queryable,
  header: { id: string; code: string; version: string; name: string; legalBasis: string; sha256: string },
): Promise<ScoringFramework> {
  const { id, code, version, name, legalBasis } = header;
  return { id, code, version, name, legalBasis, definition: await definitionOf(q, header) };
}

/** The period kind column, written from the definition's `period` by the import. */
function toPeriodKind(column: string): PeriodKind {
  const kind = PERIOD_KINDS.find((known) => known === column);
  if (!kind) throw new Error(`Unknown period kind "${column}" in frameworks.period_kind`);
  return kind;
}

/**
 * The version of a framework in force for a period: the latest whose validity overlaps it. A new
 * year's version therefore never changes the scores of the years before it.
 */
export async function loadFrameworkForPeriod(
  q: Queryable,
  code: string,
  periodKey: string,
): Promise<{ framework: ScoringFramework; period: Period }> {
  const versions = await q
    .select({
      ...headerColumns,
      validFrom: frameworks.validFrom,
      validTo: frameworks.validTo,
      periodKind: frameworks.periodKind,
    })
    .from(frameworks)
    .where(eq(frameworks.code, code))
    .orderBy(desc(frameworks.validFrom));
  if (versions.length === 0)
    throw validationError('Không có bộ chỉ số với mã này.', [
      { field: 'framework', message: `Không có bộ chỉ số mã "${code}".` },
    ]);
  const periodKind = toPeriodKind(versions[0]!.periodKind);
  const period = parsePeriod(periodKind, periodKey);
  if (!period)
    throw validationError('Kỳ đánh giá không hợp lệ.', [
      { field: 'period', message: `Kỳ của bộ chỉ số này có dạng ${PERIOD_KEY_EXAMPLES[periodKind]}.` },
    ]);
  const inForce = pickVersionForPeriod(versions, period);
  if (!inForce)
    throw validationError('Bộ chỉ số chưa có hiệu lực trong kỳ này.', [
      {
        field: 'period',
        message: `Bộ chỉ số "${code}" không có phiên bản nào có hiệu lực trong ${period.label}.`,
      },
    ]);
  return { framework: await withDefinition(q, inForce), period };
}

/** The framework version by id (assessments keep the id of the version they were made with). */
export async function loadFrameworkById(q: Queryable, id: string): Promise<ScoringFramework | undefined> {
  const [header] = await q.select(headerColumns).from(frameworks).where(eq(frameworks.id, id));
  return header && withDefinition(q, header);
}

/** Like loadFrameworkForPeriod, but null when no version is in force (other failures still throw). */
export async function findFrameworkForPeriod(
  q: Queryable,
  code: string,
  periodKey: string,
): Promise<{ framework: ScoringFramework; period: Period } | null> {
  try {
    return await loadFrameworkForPeriod(q, code, periodKey);
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') return null;
    throw error;
  }
}
