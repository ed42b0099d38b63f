import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { queryOne } from '../../db/sql';
import { loadUnitGraph } from '../units/load-unit-graph';

/**
 * What the public pages depend on, in one cheap value: the published appraisals (the latest
 * publication and how many stand: a supersession or a new publication changes it), the provinces'
 * switches, the set of evidence items marked public, the units' revision (names, merges) and the
 * counting day (official scores are "as of today"). Records, live scores and drafts are not in it:
 * the pages never show them. While it stays the same, a rendered page stays right: its ETag is
 * answered with 304 and its body served from memory, without ranking anything again.
 */
export async function findPublicResultsStamp(q: Queryable, today: string): Promise<string> {
  const row = await queryOne<{ stamp: string }>(
    q,
    sql`select concat_ws('|',
          (select concat(max(published_at), '/', count(*)) from assessments where status = 'published'),
          (select concat(max(updated_at), '/', count(*) filter (where is_enabled)) from public_results),
          (select concat(count(*), '/', coalesce(sum(hashtext(id::text)), 0)) from evidence where is_public)
        ) as stamp`,
  );
  const graph = await loadUnitGraph(q);
  return `${row?.stamp ?? ''}|${graph.revision}|${today}`;
}
