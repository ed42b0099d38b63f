import type { Db } from '../../db/client';
import { getActivityRow, updateActivityRow } from '../../db/repositories/activities';
import { insertAuditEntries } from '../../db/repositories/audit';
import { AppError, notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';

/**
 * A reviewer accepts or rejects a record: the third date (reviewed_at) is set, the dates it happened
 * and was recorded stay. The note is kept in the audit log.
 */
export async function reviewActivity(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  activityId: string;
  status: 'accepted' | 'rejected';
  note?: string | null;
}): Promise<void> {
  const { db, principal, actor, activityId, status } = options;
  const row = await getActivityRow(db, activityId);
  if (!row) throw notFound();
  await authorizeUnit(db, principal, row.unitId, 'activity.review');
  if (row.deletedAt) throw new AppError('CONFLICT', 'Bản ghi đã bị xoá; không thẩm định được.');
  const reviewedAt = new Date();
  await db.transaction(async (tx) => {
    await updateActivityRow(tx, activityId, { reviewStatus: status, reviewedAt, reviewedBy: actor.userId });
    await insertAuditEntries(tx, actor, [
      {
        action: 'activity.review',
        entityType: 'activity',
        entityId: activityId,
        unitId: row.unitId,
        summary: `${status === 'accepted' ? 'Chấp nhận' : 'Không chấp nhận'} bản ghi "${row.title}"`,
        before: { reviewStatus: row.reviewStatus, reviewedAt: row.reviewedAt?.toISOString() ?? null },
        after: {
          reviewStatus: status,
          reviewedAt: reviewedAt.toISOString(),
          note: options.note?.trim() || null,
        },
      },
    ]);
  });
}
