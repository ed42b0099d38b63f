import type { Queryable } from '../../db/client';
import { authorizeUnit, type Principal, scopeIds } from '../../policies/principal';
import { findRollupIds } from '../units/unit-scope';

/** Units whose records the principal sees; null: every unit. */
export async function visibleUnitIds(q: Queryable, principal: Principal): Promise<Set<string> | null> {
  const ids = await scopeIds(q, principal, 'unit.view');
  return ids === null ? null : new Set(ids);
}

/**
 * The roll-up of a unit (its subtree and, through merges, its predecessors) cut to what the
 * principal sees. The unit itself must be visible: outsiders get "not found".
 */
export async function rollupInScope(q: Queryable, principal: Principal, unitId: string): Promise<string[]> {
  await authorizeUnit(q, principal, unitId, 'unit.view');
  const rollup = await findRollupIds(q, [unitId]);
  const visible = await visibleUnitIds(q, principal);
  return visible ? rollup.filter((id) => visible.has(id)) : rollup;
}
