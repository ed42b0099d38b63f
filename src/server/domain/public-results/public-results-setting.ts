import { and, eq, isNull } from 'drizzle-orm';
import type { PublicResultsSettingDto } from '../../../shared/api/public-results';
import type { Db, Queryable } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { units } from '../../db/schema';
import { publicResults } from '../../db/schema-public';
import { forbidden, validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { findCurrentProvinceId } from '../units/find-province';
import { canManageProvince } from '../vocabulary/province-settings';

/** A province that publishes its results, found by its code: null when unknown or not turned on (alike). */
export async function findPublicProvince(
  q: Queryable,
  code: string,
): Promise<{ id: string; code: string; name: string; updatedAt: Date } | null> {
  const [row] = await q
    .select({ id: units.id, code: units.code, name: units.name, updatedAt: publicResults.updatedAt })
    .from(units)
    .innerJoin(publicResults, eq(publicResults.provinceId, units.id))
    .where(
      and(
        eq(units.code, code),
        eq(units.kind, 'province'),
        isNull(units.validTo),
        eq(publicResults.isEnabled, true),
      ),
    );
  return row ? { ...row, code: row.code ?? code } : null;
}

/** The province of a unit and whether it publishes its results; any user of the unit may read it. */
export async function getPublicResultsSetting(options: {
  db: Queryable;
  principal: Principal;
  unitId: string;
}): Promise<PublicResultsSettingDto> {
  const { db, principal, unitId } = options;
  await authorizeUnit(db, principal, unitId, 'unit.view');
  const province = await provinceOf(db, unitId);
  const [row] = await db.select().from(publicResults).where(eq(publicResults.provinceId, province.id));
  const isEnabled = row?.isEnabled ?? false;
  return {
    provinceId: province.id,
    provinceName: province.name,
    isEnabled,
    canManage: await canManageProvince(db, principal, province.id),
    publicPath: isEnabled && province.code ? `/public/${encodeURIComponent(province.code)}` : null,
  };
}

/** Turns the public results page of a unit's province on or off (its DX office; audited). */
export async function setPublicResults(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  unitId: string;
  isEnabled: boolean;
}): Promise<PublicResultsSettingDto> {
  const { db, principal, actor, unitId, isEnabled } = options;
  await authorizeUnit(db, principal, unitId, 'unit.view');
  const province = await provinceOf(db, unitId);
  if (!(await canManageProvince(db, principal, province.id)))
    throw forbidden('Chỉ cơ quan chuyển đổi số của tỉnh được bật hoặc tắt trang công khai kết quả.');
  if (isEnabled && !province.code)
    throw validationError('Tỉnh chưa có mã nên chưa có địa chỉ trang công khai.', [
      { field: 'isEnabled', message: 'Cần mã tỉnh.' },
    ]);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(publicResults).where(eq(publicResults.provinceId, province.id));
    if ((before?.isEnabled ?? false) === isEnabled) return;
    await tx
      .insert(publicResults)
      .values({ provinceId: province.id, isEnabled, updatedBy: actor.userId, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: publicResults.provinceId,
        set: { isEnabled, updatedBy: actor.userId, updatedAt: new Date() },
      });
    await insertAuditEntries(tx, actor, [
      {
        action: isEnabled ? 'public_results.enable' : 'public_results.disable',
        entityType: 'public_results',
        entityId: province.id,
        unitId: province.id,
        summary: `${isEnabled ? 'Bật' : 'Tắt'} trang công khai kết quả của ${province.name}`,
        before: { isEnabled: before?.isEnabled ?? false },
        after: { isEnabled },
      },
    ]);
  });
  return getPublicResultsSetting({ db, principal, unitId });
}

async function provinceOf(q: Queryable, unitId: string) {
  const provinceId = await findCurrentProvinceId(q, unitId);
  if (!provinceId)
    throw validationError('Đơn vị không thuộc tỉnh nào.', [
      { field: 'unitId', message: 'Không thuộc tỉnh nào.' },
    ]);
  const [row] = await q
    .select({ id: units.id, name: units.name, code: units.code })
    .from(units)
    .where(eq(units.id, provinceId));
  return row!;
}
