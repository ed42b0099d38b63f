import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The units revision a read request's session statement returned, for every unit-graph load of that
 * request (loadUnitGraph): without it, each function that needs the tree read the revision again,
 * about one statement in three of a role home. Reads set it, and the writes that never change units
 * (records, reports: plugins/auth.ts), so the revision read with the session holds for the whole
 * request. Other writes and jobs have none and read it.
 */
const requestRevision = new AsyncLocalStorage<string>();

/** Runs `work` (and everything it starts) with the request's known units revision. */
export function runWithUnitsRevision<T>(revision: string, work: () => T): T {
  return requestRevision.run(revision, work);
}

export function currentUnitsRevision(): string | undefined {
  return requestRevision.getStore();
}
