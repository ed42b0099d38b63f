import type { Queryable } from '../../db/client';
import { getUnitRow } from '../../db/repositories/units';
import { forbidden, validationError } from '../../errors';
import { actionsOnUnit, authorizeUnit, type Principal } from '../../policies/principal';
import { findCurrentProvinceId } from '../units/find-province';
import { findGoverningIds } from '../units/unit-scope';

/** Whether the principal may edit a province's lists (settings.manage on the province itself). */
export async function canManageProvince(
  q: Queryable,
  principal: Principal,
  provinceId: string | null,
): Promise<boolean> {
  if (!provinceId) return false;
  return actionsOnUnit(principal, await findGoverningIds(q, provinceId)).includes('settings.manage');
}

/**
 * The province whose lists a unit's page edits. The unit must be visible (else "not found"); the
 * user must manage the province (else "forbidden": a commune sees the lists but cannot change them).
 */
export async function authorizeProvinceOf(
  q: Queryable,
  principal: Principal,
  unitId: string,
): Promise<{ provinceId: string; provinceName: string }> {
  await authorizeUnit(q, principal, unitId, 'unit.view');
  const provinceId = await findCurrentProvinceId(q, unitId);
  if (!provinceId)
    throw validationError('Đơn vị không thuộc tỉnh nào nên không có danh mục riêng.', [
      { field: 'unitId', message: 'Không thuộc tỉnh nào.' },
    ]);
  if (!(await canManageProvince(q, principal, provinceId))) {
    throw forbidden('Chỉ cơ quan chuyển đổi số của tỉnh được sửa danh mục chủ đề và ngôn ngữ.');
  }
  const province = await getUnitRow(q, provinceId);
  return { provinceId, provinceName: province?.name ?? '' };
}
