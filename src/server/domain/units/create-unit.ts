import type { z } from 'zod';
import type { createUnitBody } from '../../../shared/api/unit-events';
import { normalizeText } from '../../../shared/text';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { findCurrentUnitsByCode, getUnitAsOf, insertUnits } from '../../db/repositories/units';
import { AppError, forbidden, validationError } from '../../errors';
import { authorizeUnit, isGlobal, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';

/**
 * Adds one unit. A DX office adds units below its province (departments, press agencies, culture
 * centres); units without a parent (provinces) are for system administrators.
 */
export async function createUnit(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  input: z.infer<typeof createUnitBody>;
}): Promise<string> {
  const { db, principal, actor, input } = options;
  if (input.parentId) await authorizeUnit(db, principal, input.parentId, 'unit.import');
  else if (!isGlobal(principal, 'unit.import'))
    throw forbidden('Chỉ quản trị hệ thống được tạo đơn vị không có cấp trên.');
  const name = normalizeText(input.name);
  const code = input.code ? normalizeText(input.code) : null;
  if (input.parentId && !(await getUnitAsOf(db, input.parentId, input.validFrom))) {
    throw validationError(`Đơn vị cấp trên không tồn tại vào ngày ${input.validFrom}.`, [
      { field: 'parentId', message: 'Không tồn tại vào ngày bắt đầu.' },
    ]);
  }
  if (code && (await findCurrentUnitsByCode(db, [code])).size > 0) {
    throw new AppError('CONFLICT', `Mã đơn vị ${code} đã được dùng.`, [
      { field: 'code', message: 'Đã được dùng.' },
    ]);
  }
  return db.transaction(async (tx) => {
    const [created] = await insertUnits(tx, [
      {
        kind: input.kind,
        code,
        name,
        parentId: input.parentId,
        validFrom: input.validFrom,
        websiteUrl: input.websiteUrl ?? null,
      },
    ]);
    await insertAuditEntries(tx, actor, [
      {
        action: 'unit.create',
        entityType: 'unit',
        entityId: created!.id,
        unitId: created!.id,
        summary: `Tạo đơn vị ${name}`,
        after: { ...input, name, code },
      },
    ]);
    return created!.id;
  });
}
