import {
  ACTIVITY_LIST_COUNT_CAP,
  type ActivityListItemDto,
  type ActivityListQuery,
} from '../../../shared/api/activities';
import type { Db } from '../../db/client';
import { findActivities } from '../../db/repositories/activities';
import { type Principal, scopeIds } from '../../policies/principal';
import { scopedActivityFilter } from './scoped-filter';

/**
 * The record list with its filters; a unit filter means its whole roll-up, within the user's scope.
 * Each row says whether the user may review it, so the list offers selection for a bulk review only
 * where the server would accept it.
 */
export async function findActivitiesInScope(options: {
  db: Db;
  principal: Principal;
  query: ActivityListQuery;
}): Promise<{ items: ActivityListItemDto[]; total: number; totalIsAtLeast: boolean }> {
  const { db, principal, query } = options;
  const page = await findActivities(db, await scopedActivityFilter(db, principal, query), {
    limit: query.limit,
    offset: query.offset,
    countCap: ACTIVITY_LIST_COUNT_CAP,
  });
  const reviewScope = await scopeIds(db, principal, 'activity.review').then((ids) =>
    ids === null ? null : new Set(ids),
  );
  return {
    total: page.total,
    totalIsAtLeast: page.totalIsAtLeast,
    items: page.items.map((item) => ({
      ...item,
      canReview: !item.deletedAt && (reviewScope === null || reviewScope.has(item.unitId)),
    })),
  };
}
