import type { ItemListQuery, MonitorItemDto } from '../../../shared/api/monitor';
import type { Queryable } from '../../db/client';
import { findItems } from '../../db/repositories/monitor';
import { authorizeUnit, type Principal, scopeIds } from '../../policies/principal';
import { findRollupIds } from '../units/unit-scope';
import { presentItem } from './present-monitor';

/**
 * The items the monitor found, by default the review queue: within the viewer's subtree (or the
 * roll-up of one unit they see), newest first; each says whether the viewer may decide it.
 */
export async function findMonitorItems(
  q: Queryable,
  principal: Principal,
  query: ItemListQuery,
): Promise<{ items: MonitorItemDto[]; total: number }> {
  let unitIds = await scopeIds(q, principal, 'unit.view');
  if (query.unitId) {
    await authorizeUnit(q, principal, query.unitId, 'unit.view');
    unitIds = await findRollupIds(q, [query.unitId]);
  }
  const rows = await findItems(q, {
    unitIds,
    state: query.state,
    channelId: query.channelId,
    limit: query.limit,
    offset: query.offset,
  });
  const deciders = await scopeIds(q, principal, 'monitor.check');
  const mayDecide = deciders === null ? null : new Set(deciders);
  return {
    items: rows.map((row) => presentItem(row, mayDecide === null || mayDecide.has(row.unitId))),
    total: rows[0]?.total ?? 0,
  };
}
