import type { z } from 'zod';
import type { countedRecordsSchema, UnitScoreQuery } from '../../../shared/api/scoring';
import type { Queryable } from '../../db/client';
import { findCountedRecords } from '../../db/repositories/scoring';
import { notFound } from '../../errors';
import type { Principal } from '../../policies/principal';
import { applicableCriteria } from '../../scoring/evaluate';
import { measureSpansOfRule } from '../../scoring/rule-measures';
import { resolveScoredUnit } from './score-unit';

/**
 * The records behind one criterion's number for a unit and period: exactly those the score counted
 * (same measures, same source units, same days: for weekly and monthly rules, the days of the weeks
 * or months judged), so a reviewer can open each one.
 */
export async function listCountedRecords(
  q: Queryable,
  principal: Principal,
  unitId: string,
  criterionCode: string,
  query: UnitScoreQuery & { limit: number; offset: number },
  today: string,
): Promise<z.infer<typeof countedRecordsSchema>> {
  const context = await resolveScoredUnit(q, principal, unitId, query, today);
  const ref = applicableCriteria(context.framework.definition, context.unit.kind).find(
    (candidate) => candidate.criterion.code === criterionCode,
  );
  if (!ref) throw notFound('Không có tiêu chí này trong bộ chỉ số cho đơn vị này.');
  return findCountedRecords(q, measureSpansOfRule(ref.criterion.rule, context.window), context.sourceIds, {
    limit: query.limit,
    offset: query.offset,
  });
}
