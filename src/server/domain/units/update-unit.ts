import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { getUnitRow, updateUnitFields } from '../../db/repositories/units';
import { notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';

/** Editable facts of a unit that are not history: its website. Names change through dated events. */
export async function updateUnit(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  unitId: string;
  websiteUrl?: string | null;
}) {
  const { db, principal, actor, unitId } = options;
  await authorizeUnit(db, principal, unitId, 'unit.update');
  const unit = await getUnitRow(db, unitId);
  if (!unit) throw notFound();
  await db.transaction(async (tx) => {
    if (options.websiteUrl !== undefined)
      await updateUnitFields(tx, unitId, { websiteUrl: options.websiteUrl });
    await insertAuditEntries(tx, actor, [
      {
        action: 'unit.update',
        entityType: 'unit',
        entityId: unitId,
        unitId,
        summary: `Cập nhật đơn vị ${unit.name}`,
        before: { websiteUrl: unit.websiteUrl },
        after: { websiteUrl: options.websiteUrl ?? unit.websiteUrl },
      },
    ]);
  });
}
