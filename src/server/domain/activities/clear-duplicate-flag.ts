import type { Db } from '../../db/client';
import { getActivityRow, updateActivityRow } from '../../db/repositories/activities';
import { insertAuditEntries } from '../../db/repositories/audit';
import { AppError, notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';

/**
 * A reviewer decides a suspected duplicate is a record of its own: the flag goes and the record
 * counts again. (A real repeat is deleted instead, with that as the reason.) Idempotent.
 */
export async function clearDuplicateFlag(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  activityId: string;
}): Promise<void> {
  const { db, principal, actor, activityId } = options;
  const row = await getActivityRow(db, activityId);
  if (!row) throw notFound();
  await authorizeUnit(db, principal, row.unitId, 'activity.review');
  if (row.deletedAt) throw new AppError('CONFLICT', 'Bản ghi đã bị xoá.');
  if (!row.duplicateOfId) return;
  await db.transaction(async (tx) => {
    await updateActivityRow(tx, activityId, { duplicateOfId: null });
    await insertAuditEntries(tx, actor, [
      {
        action: 'activity.not_duplicate',
        entityType: 'activity',
        entityId: activityId,
        unitId: row.unitId,
        summary: `Xác nhận không trùng: "${row.title}"`,
        before: { duplicateOfId: row.duplicateOfId },
        after: { duplicateOfId: null },
      },
    ]);
  });
}
