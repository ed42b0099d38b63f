import type { Queryable } from '../../db/client';
import { readUnitGraphRows, readUnitsRevision } from '../../db/repositories/unit-graph';
import { currentUnitsRevision, runWithUnitsRevision } from './request-units-revision';
import { UnitGraph } from './unit-graph';

/**
 * Graphs by units revision. A revision is a random stamp set on every change to the unit tables
 * (migration 0006), so a stamp names exactly one state of them, whichever database, copy of a
 * database or transaction shows it: the cache needs no other key. A few are kept, for a process
 * that has several databases open (tests, the bench) and for a transaction that changed units.
 */
const graphs = new Map<string, Promise<UnitGraph>>();
const KEPT_GRAPHS = 4;

/**
 * The unit graph as the caller sees the database now: one small read of the revision, and the rows
 * only when that revision has not been loaded yet (after a start or a change to the units). Inside
 * a transaction that changed units, its own revision is seen, so it gets its own graph.
 * `knownRevision` is a revision the caller has just read itself (a read request, with its session):
 * the read is then skipped, as it is inside a read request that runs with its session's revision
 * (runWithUnitsRevision). The stamp still comes from the database, so a change made on another
 * instance is seen by the next request.
 */
export async function loadUnitGraph(q: Queryable, knownRevision?: string): Promise<UnitGraph> {
  const revision = knownRevision || currentUnitsRevision() || (await readUnitsRevision(q));
  const cached = graphs.get(revision);
  if (cached) {
    // Most recently used last, so that the oldest is dropped first.
    graphs.delete(revision);
    graphs.set(revision, cached);
    return cached;
  }
  const loading = readUnitGraphRows(q).then((rows) => {
    const graph = new UnitGraph(rows);
    // A change that landed between the two reads: the rows are of a newer revision, which is then
    // the key they are kept under.
    if (rows.revision !== revision) {
      graphs.delete(revision);
      remember(rows.revision, Promise.resolve(graph));
    }
    return graph;
  });
  remember(revision, loading);
  // A failed load is not kept: the next call tries again.
  loading.catch(() => {
    if (graphs.get(revision) === loading) graphs.delete(revision);
  });
  return loading;
}

/**
 * Runs a read with one units revision for all its unit-graph loads: the request's when it runs in
 * one, else one read now. A board outside a request (a job, the CLI, the bench) read it three times
 * (its authorisation, its root and its units), and two reads a moment apart could even see two trees.
 */
export async function withOneUnitsRevision<T>(q: Queryable, work: () => Promise<T>): Promise<T> {
  if (currentUnitsRevision()) return work();
  return runWithUnitsRevision(await readUnitsRevision(q), work);
}

function remember(revision: string, graph: Promise<UnitGraph>): void {
  graphs.set(revision, graph);
  while (graphs.size > KEPT_GRAPHS) graphs.delete(graphs.keys().next().value!);
}
