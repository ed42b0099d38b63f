import type { UnitEventBody } from '../../../shared/api/unit-events';
import type { Db } from '../../db/client';
import { forbidden } from '../../errors';
import { isGlobal, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { recordUnitEvent } from './record-unit-event';

/**
 * Records a merge, split, dissolution, rename or re-parent. Reorganisations cross provinces (Kon Tum
 * into Quảng Ngãi), so only a system administrator records them.
 */
export async function createUnitEvent(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  input: UnitEventBody;
}): Promise<string> {
  const { db, principal, actor, input } = options;
  if (!isGlobal(principal, 'unit.import'))
    throw forbidden('Chỉ quản trị hệ thống được ghi nhận sáp nhập, chia tách, đổi tên đơn vị.');
  return db.transaction((tx) =>
    recordUnitEvent(tx, actor, {
      ...input,
      ...(input.kind === 'rename' ? { newName: input.newName.normalize('NFC').trim() } : {}),
    } as typeof input),
  );
}
