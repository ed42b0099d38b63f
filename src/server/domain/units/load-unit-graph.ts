import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { readUnitGraphRows, readUnitsRevision } from '../../db/repositories/unit-graph';
import { UnitGraph } from './unit-graph';

interface CachedGraph {
  revision: string;
  graph: Promise<UnitGraph>;
}

/** One graph per database handle: tests and the bench open several databases in one process. */
const cache = new WeakMap<object, CachedGraph>();

/**
 * The unit graph as the database holds it now. Outside a transaction it is kept in memory and
 * reloaded when the units revision (bumped by triggers on every change to the unit tables, by any
 * server sharing the database) differs from the one it was loaded at: one small read per call.
 * Inside a transaction it is read afresh, since the transaction may see changes no one else does.
 */
export async function loadUnitGraph(q: Queryable): Promise<UnitGraph> {
  if (q instanceof PgTransaction) return new UnitGraph(await readUnitGraphRows(q));
  // Read before the rows: a change landing in between makes the next call reload, never miss it.
  const revision = await readUnitsRevision(q);
  const cached = cache.get(q);
  if (cached?.revision === revision) return cached.graph;
  // Concurrent first readers share one load; a failed load is not kept.
  const graph = readUnitGraphRows(q).then((rows) => new UnitGraph(rows));
  cache.set(q, { revision, graph });
  graph.catch(() => {
    if (cache.get(q)?.graph === graph) cache.delete(q);
  });
  return graph;
}
