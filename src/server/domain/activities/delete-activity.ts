import { ACTIVITY_KIND_LABELS, type ActivityKind } from '../../../shared/activities';
import { normalizeText } from '../../../shared/text';
import type { Db, Queryable } from '../../db/client';
import { type ActivityRow, getActivityRow, markActivitiesDeleted } from '../../db/repositories/activities';
import { insertAuditEntries } from '../../db/repositories/audit';
import { AppError, notFound, validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';

/**
 * Deletes a record softly, with the reason: it leaves lists and counts, stays in the database and
 * can be brought back by an administrator.
 */
export async function deleteActivity(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  activityId: string;
  reason?: string | null;
}): Promise<void> {
  const { db, principal, actor, activityId } = options;
  const row = await getActivityRow(db, activityId);
  if (!row) throw notFound();
  await authorizeUnit(db, principal, row.unitId, 'activity.record');
  const reason = normalizeText(options.reason ?? '');
  if (!reason) throw validationError('Nhập lý do xoá bản ghi.', [{ field: 'reason', message: 'Bắt buộc.' }]);
  if (row.deletedAt) throw new AppError('CONFLICT', 'Bản ghi đã bị xoá trước đó.');
  await db.transaction((tx) => softDeleteActivities(tx, actor, [row], reason));
}

/**
 * The deletion itself, shared by one record's delete and an import batch undone: the records leave
 * lists and counts with the reason, and each gets its own audit entry.
 */
export async function softDeleteActivities(
  q: Queryable,
  actor: Actor,
  rows: ActivityRow[],
  reason: string,
  deletedAt: Date = new Date(),
): Promise<void> {
  await markActivitiesDeleted(
    q,
    rows.map((row) => row.id),
    { deletedAt, deletedBy: actor.userId, deleteReason: reason },
  );
  await insertAuditEntries(
    q,
    actor,
    rows.map((row) => ({
      action: 'activity.delete',
      entityType: 'activity',
      entityId: row.id,
      unitId: row.unitId,
      summary: `Xoá ${ACTIVITY_KIND_LABELS[row.kind as ActivityKind].vi.toLowerCase()} "${row.title}": ${reason}`,
      before: { deletedAt: null },
      after: { reason },
    })),
  );
}
