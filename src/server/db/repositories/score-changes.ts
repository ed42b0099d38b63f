import { sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { queryOne } from '../sql';

/** Above this many units, reading every unit's stamp costs less than filtering by them. */
const UNIT_FILTER_LIMIT = 2000;

/**
 * Per unit, the ids of its rows in `score_changes` (migration 0015) joined by commas: a stamp that
 * differs from every earlier one as soon as a change to the unit's records, channels or assessments
 * commits. Units never changed are absent. One row of JSON, however many units.
 */
export async function readScoreStamps(
  q: Queryable,
  unitIds: readonly string[],
): Promise<Record<string, string>> {
  if (unitIds.length === 0) return {};
  const filter =
    unitIds.length <= UNIT_FILTER_LIMIT
      ? sql`where unit_id = any(array(select unnest(${`{${unitIds.join(',')}}`}::uuid[])))`
      : sql``;
  const row = await queryOne<{ stamps: Record<string, string> | null }>(
    q,
    sql`select json_object_agg(unit_id, ids) as stamps from (
          select unit_id, string_agg(id::text, ',' order by id) as ids
          from score_changes ${filter} group by unit_id) s`,
  );
  return row?.stamps ?? {};
}

/** Leaves one row per unit (see merge_score_changes in migration 0015); returns the units merged. */
export async function mergeScoreChanges(q: Queryable): Promise<number> {
  const row = await queryOne<{ merged: number }>(q, sql`select merge_score_changes() as merged`);
  return row?.merged ?? 0;
}
