import type { Queryable } from '../../db/client';
import { loadUnitGraph } from './load-unit-graph';

/**
 * The two questions every access check asks, answered from the in-memory unit graph (one small read
 * of the units revision per call instead of a recursive query). See UnitGraph for the rules.
 */

/** Every unit whose records count toward the roots: their subtrees at any time and predecessors. */
export async function findRollupIds(
  q: Queryable,
  rootIds: readonly string[],
  knownRevision?: string,
): Promise<string[]> {
  if (rootIds.length === 0) return [];
  return (await loadUnitGraph(q, knownRevision)).rollupIds(rootIds);
}

/** The units a role granted on reaches this one (empty when the unit does not exist). */
export async function findGoverningIds(
  q: Queryable,
  unitId: string,
  knownRevision?: string,
): Promise<string[]> {
  return (await loadUnitGraph(q, knownRevision)).governingIds(unitId);
}
