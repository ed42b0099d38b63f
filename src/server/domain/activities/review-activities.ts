import type { BulkReviewResultDto } from '../../../shared/api/activities';
import type { Db } from '../../db/client';
import { findActivityRowsByIds } from '../../db/repositories/activities';
import { AppError, forbidden, notFound } from '../../errors';
import { actionsOnUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { findGoverningIds } from '../units/unit-scope';
import { applyReviews, type ReviewDecision } from './review-activity';

/**
 * Accepts or rejects many records of the list at once, all or nothing, in one transaction. Every id
 * is checked: one the caller cannot see (or that does not exist) makes the whole request "not found",
 * naming nothing; a visible one the caller may not review makes it forbidden; a deleted one is a
 * conflict naming it. Records already in the status are left as they are; each other is reviewed and
 * audited on its own, as if reviewed one by one.
 */
export async function reviewActivities(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  ids: string[];
  status: ReviewDecision;
  note?: string | null;
}): Promise<BulkReviewResultDto> {
  const { db, principal, actor, status } = options;
  const ids = [...new Set(options.ids.map((id) => id.toLowerCase()))];
  const rows = await findActivityRowsByIds(db, ids);
  if (rows.length !== ids.length) throw notFound();

  // Visibility of every unit first, so that one foreign id is always "not found", never "forbidden".
  const actionsByUnit = new Map<string, ReturnType<typeof actionsOnUnit>>();
  for (const unitId of new Set(rows.map((row) => row.unitId)))
    actionsByUnit.set(unitId, actionsOnUnit(principal, await findGoverningIds(db, unitId)));
  if ([...actionsByUnit.values()].some((actions) => !actions.includes('unit.view'))) throw notFound();
  if ([...actionsByUnit.values()].some((actions) => !actions.includes('activity.review')))
    throw forbidden('Bạn không có quyền thẩm định một số bản ghi đã chọn.');

  const deleted = rows.filter((row) => row.deletedAt);
  if (deleted.length)
    throw new AppError(
      'CONFLICT',
      `${deleted.length} bản ghi đã chọn đã bị xoá; không thẩm định được. Bỏ chọn chúng rồi thử lại.`,
      deleted.map((row) => ({ field: row.id, message: `Đã bị xoá: "${row.title}"` })),
    );

  const changing = rows.filter((row) => row.reviewStatus !== status);
  if (changing.length) await db.transaction((tx) => applyReviews(tx, actor, changing, status, options.note));
  return { status, reviewed: changing.length, unchanged: rows.length - changing.length };
}
