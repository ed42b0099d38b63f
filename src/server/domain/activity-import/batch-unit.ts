import type { Queryable } from '../../db/client';
import { loadUnitGraph } from '../units/load-unit-graph';

/**
 * The unit an import batch belongs to: the nearest unit governing every row's unit (a commune's file
 * is the commune's; a file of two communes is their district's or province's). Its history is seen,
 * and the batch undone, by whoever may record for that unit. Null when no unit governs them all.
 */
export async function findBatchUnit(q: Queryable, unitIds: readonly string[]): Promise<string | null> {
  const distinct = [...new Set(unitIds)];
  if (distinct.length === 0) return null;
  if (distinct.length === 1) return distinct[0]!;
  const graph = await loadUnitGraph(q);
  let common = new Set(graph.governingIds(distinct[0]!));
  for (const unitId of distinct.slice(1)) {
    const governing = new Set(graph.governingIds(unitId));
    common = new Set([...common].filter((id) => governing.has(id)));
  }
  // The nearest is the one with the longest way up: every other common unit governs it too.
  let nearest: { id: string; depth: number } | null = null;
  for (const id of common) {
    const depth = graph.governingIds(id).length;
    if (!nearest || depth > nearest.depth) nearest = { id, depth };
  }
  return nearest?.id ?? null;
}
