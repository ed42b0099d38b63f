import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../src/server/config';
import type { Database } from '../src/server/db/client';
import { QUEUES } from '../src/server/jobs/queues';
import { createTestDatabase } from './support/database';
import { createProvinceWithCommunes } from './support/factories';
import { silentLog } from './support/jobs';

/**
 * The nightly `database.analyze` job: PGlite has no autovacuum, so without it the planner keeps the
 * statistics of the day the data was seeded (docs/operations.md, "What runs").
 */

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** The first row of a statement's answer (both drivers answer with `rows`). */
async function firstRow<T>(statement: ReturnType<typeof sql>): Promise<T> {
  const result = await database.db.execute(statement);
  return (result as unknown as { rows: T[] }).rows[0]!;
}

async function unitsRowEstimate(): Promise<number> {
  const row = await firstRow<{ reltuples: number }>(
    sql`select reltuples::float8 as reltuples from pg_class where relname = 'units' and relkind = 'r'`,
  );
  return Number(row.reltuples);
}

describe('database.analyze', () => {
  it('is scheduled nightly and refreshes the planner statistics of the tables', async () => {
    const queue = QUEUES.find((candidate) => candidate.name === 'database.analyze');
    expect(queue?.cron?.expression).toBe('15 3 * * *');
    for (let i = 0; i < 20; i++) await createProvinceWithCommunes(database.db);
    const before = await unitsRowEstimate();
    await queue!.handler(
      { db: database.db, log: silentLog, now: new Date(), config: testConfig(), lastAttempt: true },
      {},
    );
    const after = await unitsRowEstimate();
    const count = await firstRow<{ n: number }>(sql`select count(*)::int as n from units`);
    // The estimate now counts the rows written since the last statistics (60 units more at least).
    expect(after).toBe(count.n);
    expect(after).toBeGreaterThan(before);
  });
});
