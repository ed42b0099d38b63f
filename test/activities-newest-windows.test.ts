import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/db/client';
import { type ActivityFilter, findActivities } from '../src/server/db/repositories/activities';
import { queryRows } from '../src/server/db/sql';
import { addDays, todayVn } from '../src/shared/dates';
import { createTestDatabase } from './support/database';
import { createProvinceWithCommunes } from './support/factories';
import { addDxChannel, addDxRecords } from './support/scoring-records';

/**
 * The records list looks for its page in the last month, then the last year, before sorting every
 * record (findNewestRows): whatever window answers, each page must be the page of one full sort.
 * The days are counted back from today, so the windows are crossed on any day the test runs.
 */

let database: Database;
let units: Awaited<ReturnType<typeof createProvinceWithCommunes>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  units = await createProvinceWithCommunes(db);
  const today = todayVn();
  const channelA = await addDxChannel(db, units.communeA, 'website_column', '2020-01-01');
  const channelB = await addDxChannel(db, units.communeB, 'radio_programme', '2020-01-01');
  // Commune A: a few records this month, more over the year, many years back; B: only old ones.
  const back = (days: number[]) => days.map((n) => addDays(today, -n));
  await addDxRecords(db, 'post', units.communeA, channelA, back([0, 2, 2, 9, 20]));
  await addDxRecords(db, 'post', units.communeA, channelA, back([40, 95, 180, 181, 300, 365]));
  await addDxRecords(db, 'post', units.communeA, channelA, back([400, 700, 1000, 1500, 2000]));
  await addDxRecords(db, 'broadcast', units.communeB, channelB, back([800, 900, 1200, 1300]));
});

afterAll(async () => {
  await database?.close();
});

/** Every record of the filter, newest first, by one sort. */
async function fullSort(filter: { unitIds: string[]; kind?: 'post' | 'broadcast' }): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    database.db,
    sql`select id from activities where unit_id = any(${`{${filter.unitIds.join(',')}}`}::uuid[])
        and deleted_at is null ${filter.kind ? sql`and kind = ${filter.kind}` : sql``}
        order by occurred_at desc, id`,
  );
  return rows.map((row) => row.id);
}

describe('the records list, newest first, window by window', () => {
  it('gives every page of every size as one full sort would', async () => {
    const filters: ActivityFilter[] = [
      { unitIds: [units.provinceId, units.communeA, units.communeB] },
      { unitIds: [units.communeA] },
      // Only records older than both windows: the last step, the filter as asked.
      { unitIds: [units.communeB] },
      { unitIds: [units.communeA, units.communeB], kind: 'post' },
    ];
    for (const filter of filters) {
      const expected = await fullSort(filter as { unitIds: string[]; kind?: 'post' | 'broadcast' });
      expect(expected.length).toBeGreaterThan(0);
      for (const limit of [1, 2, 3, 5, 7, 50]) {
        for (let offset = 0; offset <= expected.length; offset += limit) {
          const page = await findActivities(database.db, filter, { limit, offset, countCap: 1000 });
          expect(page.items.map((item) => item.id)).toEqual(expected.slice(offset, offset + limit));
          expect(page.total).toBe(expected.length);
        }
      }
    }
  });

  it('keeps the filter’s own days: a range inside the window, and one that ends long ago', async () => {
    const today = todayVn();
    const unitIds = [units.communeA];
    const all = await findActivities(database.db, { unitIds }, { limit: 100, offset: 0, countCap: 1000 });
    const within = (from: string, to: string) =>
      all.items.filter((item) => item.occurredOn >= from && item.occurredOn <= to).map((item) => item.id);
    for (const [from, to] of [
      [addDays(today, -10), today],
      [addDays(today, -400), addDays(today, -30)],
      [addDays(today, -2500), addDays(today, -600)],
    ] as const) {
      const page = await findActivities(
        database.db,
        { unitIds, from, to },
        { limit: 3, offset: 0, countCap: 1000 },
      );
      expect(page.items.map((item) => item.id)).toEqual(within(from, to).slice(0, 3));
    }
  });
});
