import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { queryOne } from '../../db/sql';
import { findGoverningIds } from '../units/unit-scope';

/**
 * The current province a unit belongs to, through parents and merges: Xã Đăk Rve and the former
 * Huyện Kon Rẫy both belong to Quảng Ngãi. Null for a unit outside any province.
 */
export async function findCurrentProvinceId(q: Queryable, unitId: string): Promise<string | null> {
  const governing = await findGoverningIds(q, unitId);
  if (governing.length === 0) return null;
  const row = await queryOne<{ id: string }>(
    q,
    sql`select id from units where id = any(${`{${governing.join(',')}}`}::uuid[]) and kind = 'province' and valid_to is null limit 1`,
  );
  return row?.id ?? null;
}
