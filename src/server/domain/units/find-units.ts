import type { UnitKind } from '../../../shared/units';
import type { Db } from '../../db/client';
import {
  findRollupIds,
  findRootsAsOf,
  findSubtreeAsOf,
  getUnitAsOf,
  searchUnits,
  today,
  type UnitAsOf,
} from '../../db/repositories/units';
import { authorizeUnit, type Principal, scopeIds } from '../../policies/principal';

/**
 * The top of the tree the principal sees: every province for a national admin, otherwise the units
 * their roles are granted on (as they are on the day asked).
 */
export async function findTreeRoots(options: { db: Db; principal: Principal; date?: string }): Promise<UnitAsOf[]> {
  const { db, principal } = options;
  const date = options.date ?? today();
  if ((await scopeIds(db, principal, 'unit.view')) === null) return findRootsAsOf(db, date);
  const grantUnitIds = [...new Set(principal.grants.map((grant) => grant.unitId).filter((id): id is string => id !== null))];
  const roots: UnitAsOf[] = [];
  for (const id of grantUnitIds) {
    const unit = await getUnitAsOf(db, id, date);
    if (unit) roots.push(unit);
  }
  // A grant below another grant of the same user is already shown inside it.
  const ids = new Set(roots.map((unit) => unit.id));
  return roots.filter((unit) => !unit.parentId || !ids.has(unit.parentId)).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** Direct children of a unit on a day: the tree page expands one level at a time. */
export async function findChildren(options: { db: Db; principal: Principal; unitId: string; date?: string }) {
  const { db, principal, unitId } = options;
  await authorizeUnit(db, principal, unitId, 'unit.view');
  const rows = await findSubtreeAsOf(db, unitId, options.date ?? today(), 1);
  return rows.filter((row) => row.depth === 1);
}

export async function findSubtree(options: { db: Db; principal: Principal; unitId: string; date?: string; maxDepth?: number }) {
  const { db, principal, unitId } = options;
  await authorizeUnit(db, principal, unitId, 'unit.view');
  return findSubtreeAsOf(db, unitId, options.date ?? today(), options.maxDepth ?? 10);
}

export async function searchUnitsInScope(options: {
  db: Db;
  principal: Principal;
  text?: string;
  kinds?: UnitKind[];
  date?: string;
  limit: number;
}): Promise<UnitAsOf[]> {
  const { db, principal } = options;
  const ids = await scopeIds(db, principal, 'unit.view');
  return searchUnits(db, { text: options.text, kinds: options.kinds, date: options.date, scopeIds: ids, limit: options.limit });
}

/** The units whose records count toward this one: its subtree and, through merges, its predecessors. */
export async function findRollup(options: { db: Db; principal: Principal; unitId: string }) {
  const { db, principal, unitId } = options;
  await authorizeUnit(db, principal, unitId, 'unit.view');
  const ids = await findRollupIds(db, [unitId]);
  return searchUnits(db, { scopeIds: ids, limit: 100_000 });
}
