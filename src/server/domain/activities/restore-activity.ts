import type { Db } from '../../db/client';
import { getActivityRow, updateActivityRow } from '../../db/repositories/activities';
import { insertAuditEntries } from '../../db/repositories/audit';
import { notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { refuseIfExternalIdTaken } from '../radio/refuse-taken-external-id';
import { findDuplicates } from './record-activities';

/**
 * Undoes a deletion (system administrators). Restoring a live record changes nothing. If the record
 * was entered again meanwhile, the restored one comes back flagged as a suspected duplicate.
 */
export async function restoreActivity(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  activityId: string;
}): Promise<void> {
  const { db, principal, actor, activityId } = options;
  const row = await getActivityRow(db, activityId);
  if (!row) throw notFound();
  await authorizeUnit(db, principal, row.unitId, 'activity.restore');
  const deletedAt = row.deletedAt;
  if (!deletedAt) return;
  await db.transaction(async (tx) => {
    await refuseIfExternalIdTaken(tx, row);
    const [finding = null] = await findDuplicates(tx, [row], [row.id]);
    const duplicateOfId = finding?.duplicateOfId ?? row.duplicateOfId;
    await updateActivityRow(tx, activityId, {
      deletedAt: null,
      deletedBy: null,
      deleteReason: null,
      duplicateOfId,
    });
    await insertAuditEntries(tx, actor, [
      {
        action: 'activity.restore',
        entityType: 'activity',
        entityId: activityId,
        unitId: row.unitId,
        summary: `Khôi phục bản ghi "${row.title}"${finding ? ' (nghi trùng)' : ''}`,
        before: { deletedAt: deletedAt.toISOString(), deleteReason: row.deleteReason },
        after: { deletedAt: null, duplicateOfId },
      },
    ]);
  });
}
