import type { ActivityDto, ActivityListQuery } from '../../../shared/api/activities';
import type { Db } from '../../db/client';
import { findActivities } from '../../db/repositories/activities';
import type { Principal } from '../../policies/principal';
import { rollupInScope, visibleUnitIds } from './visible-units';

/** The record list with its filters; a unit filter means its whole roll-up, within the user's scope. */
export async function findActivitiesInScope(options: {
  db: Db;
  principal: Principal;
  query: ActivityListQuery;
}): Promise<{ items: ActivityDto[]; total: number }> {
  const { db, principal, query } = options;
  const unitIds = query.unitId
    ? await rollupInScope(db, principal, query.unitId)
    : await visibleUnitIds(db, principal).then((ids) => (ids ? [...ids] : null));
  return findActivities(
    db,
    {
      unitIds,
      kind: query.kind,
      from: query.from,
      to: query.to,
      channelId: query.channelId,
      topic: query.topic,
      language: query.language,
      provenance: query.provenance,
      text: query.q,
      includeDeleted: query.includeDeleted,
      onlyDuplicates: query.onlyDuplicates,
    },
    { limit: query.limit, offset: query.offset },
  );
}
