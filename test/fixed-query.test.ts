import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/db/client';
import { fixedQuery } from '../src/server/db/fixed-query';
import { findChildrenAsOf } from '../src/server/db/repositories/units';
import { createTestDatabase } from './support/database';
import { createUnit } from './support/factories';

describe('fixedQuery: a statement of fixed text', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  const namesBelow = fixedQuery<{ name: string; n: number }>(
    `select v.name, $2::int as n from unit_versions v where v.parent_id = $1 order by v.name`,
  );

  it('answers the same rows on the database and, with its own connection, in a transaction', async () => {
    const { db } = database;
    const parentId = await createUnit(db, { kind: 'province', name: 'Tỉnh Cố Định' });
    await createUnit(db, { parentId, name: 'Xã Một' });
    expect(await namesBelow(db, [parentId, 7])).toEqual([{ name: 'Xã Một', n: 7 }]);

    // A row written in the transaction and not yet committed: only the transaction's own connection
    // sees it (on PostgreSQL the pool's other connections would not; PGlite would wait for the
    // transaction to end, which never comes).
    await db
      .transaction(async (tx) => {
        await createUnit(tx, { parentId, name: 'Xã Hai' });
        expect(await namesBelow(tx, [parentId, 8])).toEqual([
          { name: 'Xã Hai', n: 8 },
          { name: 'Xã Một', n: 8 },
        ]);
        throw new Error('rollback');
      })
      .catch((error: Error) => {
        if (error.message !== 'rollback') throw error;
      });
    expect(await namesBelow(db, [parentId, 9])).toEqual([{ name: 'Xã Một', n: 9 }]);
  });

  it('refuses a call with the wrong number of parameters', async () => {
    await expect(namesBelow(database.db, ['x'])).rejects.toThrow(/1 parameters given, the text uses 2/);
  });

  it('keeps the children of a unit in Vietnamese order, with their parent and child counts', async () => {
    const { db } = database;
    const provinceId = await createUnit(db, { kind: 'province', name: 'Tỉnh Thứ Tự' });
    const second = await createUnit(db, { parentId: provinceId, name: 'Phường Đông Hải' });
    await createUnit(db, { parentId: second, name: 'Khu Một' });
    await createUnit(db, { parentId: provinceId, name: 'Phường Dương Kinh' });
    await createUnit(db, { parentId: provinceId, name: 'Xã Cũ', validTo: '2025-07-01' });
    const rows = await findChildrenAsOf(db, provinceId, '2026-01-15');
    // "D" before "Đ" in Vietnamese; the commune that ended in 2025 is not a child in 2026.
    expect(rows.map((row) => [row.name, row.parentName, row.childCount, row.depth])).toEqual([
      ['Phường Dương Kinh', 'Tỉnh Thứ Tự', 0, 1],
      ['Phường Đông Hải', 'Tỉnh Thứ Tự', 1, 1],
    ]);
    await db.transaction(async (tx) => {
      expect(await findChildrenAsOf(tx, provinceId, '2026-01-15')).toEqual(rows);
    });
    expect((await findChildrenAsOf(db, provinceId, '2024-01-15')).map((row) => row.name)).toEqual([
      'Phường Dương Kinh',
      'Phường Đông Hải',
      'Xã Cũ',
    ]);
  });
});
