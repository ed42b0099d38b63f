import type { SQL } from 'drizzle-orm';
import type { Queryable } from './client';

/**
 * Runs a raw SQL query and returns its rows. Both drivers answer with an object holding `rows`;
 * the cast is confined here so repositories stay typed.
 */
export async function queryRows<T>(q: Queryable, query: SQL): Promise<T[]> {
  const result = (await q.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function queryOne<T>(q: Queryable, query: SQL): Promise<T | undefined> {
  const rows = await queryRows<T>(q, query);
  return rows[0];
}
