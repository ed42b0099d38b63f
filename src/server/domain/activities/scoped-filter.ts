import type { ActivityListQuery } from '../../../shared/api/activities';
import type { Db } from '../../db/client';
import type { ActivityFilter } from '../../db/repositories/activities';
import { getChannelRow } from '../../db/repositories/channels';
import { notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { rollupInScope, visibleUnitIds } from './visible-units';

/**
 * The list's query as a repository filter, limited to what the principal sees: a unit filter means
 * its whole roll-up. The list and the exports share it, so an export holds exactly the listed rows.
 */
export async function scopedActivityFilter(
  db: Db,
  principal: Principal,
  query: Omit<ActivityListQuery, 'limit' | 'offset'>,
): Promise<ActivityFilter> {
  // A channel the caller cannot see is "not found", not an empty list that confirms nothing.
  if (query.channelId) {
    const channel = await getChannelRow(db, query.channelId);
    if (!channel) throw notFound();
    await authorizeUnit(db, principal, channel.unitId, 'unit.view');
  }
  const unitIds = query.unitId
    ? await rollupInScope(db, principal, query.unitId)
    : await visibleUnitIds(db, principal).then((ids) => (ids ? [...ids] : null));
  return {
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
    reviewStatus: query.reviewStatus,
    hasEvidence: query.hasEvidence,
  };
}
