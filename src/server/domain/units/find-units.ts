import type { UnitKind } from '../../../shared/units';
import type { Db } from '../../db/client';
import {
  findRootsAsOf,
  findScopeRootsAsOf,
  findSubtreeAsOf,
  searchUnits,
  today,
  type UnitAsOf,
} from '../../db/repositories/units';
import { authorizeUnit, type Principal, scopeIds } from '../../policies/principal';
import { loadUnitGraph } from './load-unit-graph';
import { findRollupIds } from './unit-scope';

/**
 * The top of the tree the principal sees on a day: every province for a national admin; otherwise
 * the units of their scope that existed that day and whose parent that day lies outside it: the units
 * their roles are on and, before a merge, the predecessors (Tỉnh Kon Tum for Quảng Ngãi before
 * 01/07/2025, the former communes for today's commune).
 */
export async function findTreeRoots(options: {
  db: Db;
  principal: Principal;
  date?: string;
}): Promise<UnitAsOf[]> {
  const { db, principal } = options;
  const date = options.date ?? today();
  const scope = await scopeIds(db, principal, 'unit.view');
  if (scope === null) return findRootsAsOf(db, date);
  return findScopeRootsAsOf(db, scope, date);
}

/**
 * Keeps the rows the principal may see. A unit reached only as the predecessor of a unit in scope (a
 * dissolved district) is visible, but of its children only those that went to that unit are.
 */
async function visibleRows<T extends { id: string }>(db: Db, principal: Principal, rows: T[]): Promise<T[]> {
  const scope = await scopeIds(db, principal, 'unit.view');
  if (scope === null) return rows;
  const visible = new Set(scope);
  return rows.filter((row) => visible.has(row.id));
}

/**
 * Direct children of a unit on a day: the tree page expands one level at a time. They come from the
 * unit graph of the request's units revision, the one its access checks use, so a read makes no
 * statement; findChildrenAsOf is the same answer in SQL (test/unit-graph.test.ts compares them).
 */
export async function findChildren(options: { db: Db; principal: Principal; unitId: string; date?: string }) {
  const { db, principal, unitId } = options;
  await authorizeUnit(db, principal, unitId, 'unit.view');
  const graph = await loadUnitGraph(db);
  return visibleRows(db, principal, graph.childrenOn(unitId, options.date ?? today()));
}

export async function findSubtree(options: {
  db: Db;
  principal: Principal;
  unitId: string;
  date?: string;
  maxDepth?: number;
}) {
  const { db, principal, unitId } = options;
  await authorizeUnit(db, principal, unitId, 'unit.view');
  return visibleRows(
    db,
    principal,
    await findSubtreeAsOf(db, unitId, options.date ?? today(), options.maxDepth ?? 10),
  );
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
  return searchUnits(db, {
    text: options.text,
    kinds: options.kinds,
    date: options.date,
    scopeIds: ids,
    limit: options.limit,
  });
}

/** The units whose records count toward this one: its subtree and, through merges, its predecessors. */
export async function findRollup(options: { db: Db; principal: Principal; unitId: string }) {
  const { db, principal, unitId } = options;
  await authorizeUnit(db, principal, unitId, 'unit.view');
  const ids = await findRollupIds(db, [unitId]);
  return searchUnits(db, { scopeIds: ids, limit: 100_000 });
}
