import type { ActivityDto, ActivityListQuery } from '../../../shared/api/activities';
import type { Db } from '../../db/client';
import { findActivities } from '../../db/repositories/activities';
import type { Principal } from '../../policies/principal';
import { scopedActivityFilter } from './scoped-filter';

/** The record list with its filters; a unit filter means its whole roll-up, within the user's scope. */
export async function findActivitiesInScope(options: {
  db: Db;
  principal: Principal;
  query: ActivityListQuery;
}): Promise<{ items: ActivityDto[]; total: number }> {
  const { db, principal, query } = options;
  return findActivities(db, await scopedActivityFilter(db, principal, query), {
    limit: query.limit,
    offset: query.offset,
  });
}
