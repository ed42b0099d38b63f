import type { Db, Queryable } from '../../db/client';
import {
  getActivityRow,
  markActivitiesReviewed,
  type ReviewTargetRow,
} from '../../db/repositories/activities';
import { insertAuditEntries } from '../../db/repositories/audit';
import { AppError, notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';

export type ReviewDecision = 'accepted' | 'rejected';

/**
 * A reviewer accepts or rejects a record: the third date (reviewed_at) is set, the dates it happened
 * and was recorded stay. The note is kept in the audit log.
 */
export async function reviewActivity(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  activityId: string;
  status: ReviewDecision;
  note?: string | null;
}): Promise<void> {
  const { db, principal, actor, activityId, status } = options;
  const row = await getActivityRow(db, activityId);
  if (!row) throw notFound();
  await authorizeUnit(db, principal, row.unitId, 'activity.review');
  if (row.deletedAt) throw new AppError('CONFLICT', 'Bản ghi đã bị xoá; không thẩm định được.');
  await db.transaction((tx) => applyReviews(tx, actor, [row], status, options.note));
}

/**
 * The review itself, shared by one record's review and a bulk review: the records get the status and
 * the reviewed date, and each its own audit entry with the status before and after.
 */
export async function applyReviews(
  q: Queryable,
  actor: Actor,
  rows: ReviewTargetRow[],
  status: ReviewDecision,
  note?: string | null,
  reviewedAt: Date = new Date(),
): Promise<void> {
  await markActivitiesReviewed(
    q,
    rows.map((row) => row.id),
    { reviewStatus: status, reviewedAt, reviewedBy: actor.userId },
  );
  await insertAuditEntries(
    q,
    actor,
    rows.map((row) => ({
      action: 'activity.review',
      entityType: 'activity',
      entityId: row.id,
      unitId: row.unitId,
      summary: `${status === 'accepted' ? 'Chấp nhận' : 'Không chấp nhận'} bản ghi "${row.title}"`,
      before: { reviewStatus: row.reviewStatus, reviewedAt: row.reviewedAt?.toISOString() ?? null },
      after: { reviewStatus: status, reviewedAt: reviewedAt.toISOString(), note: note?.trim() || null },
    })),
  );
}
