import { sql } from 'drizzle-orm';
import type { Db } from './client';

/**
 * Refreshes the planner's statistics after a bulk load. PGlite runs no autovacuum, and a server's may
 * lag: without this the first queries after an import plan for empty tables (measured 3× slower).
 */
export async function analyzeDatabase(db: Db): Promise<void> {
  await db.execute(sql`analyze`);
}
