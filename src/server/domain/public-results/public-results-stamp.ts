import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { queryOne } from '../../db/sql';
import { loadUnitGraph } from '../units/load-unit-graph';

/**
 * What the public pages depend on, in one cheap value: the latest audit entry (every write that can
 * change them — a publication, a supersession, the province's switch, an evidence item made public —
 * is audited in its own transaction), the units' revision (names, merges) and the counting day
 * (official scores are "as of today"). While it stays the same, a rendered page stays right: its ETag
 * is answered with 304 and its body is served from memory, without ranking anything again.
 */
export async function findPublicResultsStamp(q: Queryable, today: string): Promise<string> {
  const row = await queryOne<{ id: string }>(q, sql`select coalesce(max(id), 0)::text as id from audit_log`);
  const graph = await loadUnitGraph(q);
  return `${row?.id ?? '0'}|${graph.revision}|${today}`;
}
