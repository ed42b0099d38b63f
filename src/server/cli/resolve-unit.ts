import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { today } from '../db/repositories/units';
import { queryRows } from '../db/sql';
import { AppError } from '../errors';

export interface ResolvedUnit {
  id: string;
  code: string | null;
  name: string;
  validTo: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A unit named on the command line by id or by official code. Codes are reused after the 2025
 * reorganisation (Xã Đăk Rve took the code of Thị trấn Đắk Rve), so a code means the unit that
 * holds it now: in force today, or else not yet started but not ended. A former unit is reached by id only.
 */
export async function resolveUnit(q: Queryable, reference: string): Promise<ResolvedUnit> {
  if (UUID.test(reference)) {
    const [unit] = await queryRows<ResolvedUnit>(
      q,
      sql`select id, code, name, valid_to::text as "validTo" from units where id = ${reference}::uuid`,
    );
    if (!unit) throw new AppError('NOT_FOUND', `Không có đơn vị id ${reference}.`);
    return unit;
  }
  const day = today();
  const candidates = await queryRows<ResolvedUnit & { isCurrent: boolean }>(
    q,
    sql`select id, code, name, valid_to::text as "validTo",
          (valid_from <= ${day}::date and (valid_to is null or valid_to > ${day}::date)) as "isCurrent"
        from units where code = ${reference}
        order by (valid_to is null or valid_to > ${day}::date) desc, "isCurrent" desc, valid_from desc`,
  );
  const [best] = candidates;
  if (!best) throw new AppError('NOT_FOUND', `Không có đơn vị mã ${reference}.`);
  if (best.validTo !== null && best.validTo <= day) {
    const formers = candidates
      .map((unit) => `${unit.name} (id ${unit.id}, hết hiệu lực từ ${unit.validTo})`)
      .join('; ');
    throw new AppError(
      'NOT_FOUND',
      `Mã ${reference} chỉ thuộc đơn vị cũ đã kết thúc: ${formers}. Dùng id nếu thật sự muốn chọn đơn vị cũ.`,
    );
  }
  const { isCurrent: _, ...unit } = best;
  return unit;
}

export function describeUnit(unit: ResolvedUnit): string {
  return unit.code ? `${unit.name} (mã ${unit.code})` : unit.name;
}
