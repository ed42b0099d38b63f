import type { Database } from '../src/server/db/client';
import { statementKindOf, statementTextOf } from './http-profile';
import { driverClientOf } from './targets';

/**
 * The SQL a signed-in read needs, taken from the route itself: the driver calls one request makes,
 * kept with their arguments, to be sent again straight to the same driver as the read's lower bound.
 * Only the route's own statements are kept; the session, the units revision and the unit graph
 * belong to being signed in (and are answered from memory when nothing has changed).
 *
 * Why not a hand-written statement, as for the other lower bounds: here the question is what the
 * HTTP request costs around its SQL (issue 12: "remove what is not the query itself"), so the SQL
 * must be the same on both sides; a faster hand-written query is the database benchmark's subject.
 */
export interface RouteStatements {
  calls: Array<{ text: string; args: unknown[] }>;
  /** The rows each call returned to the route, to check that a replay reads the same. */
  rowCounts: number[];
}

function rowCountOf(result: { rows: unknown[] }): number {
  return result.rows.length;
}

/** Runs `send` (one request) with every driver call of the route recorded. */
export async function captureRouteStatements<T>(
  database: Database,
  send: () => Promise<T>,
): Promise<{ statements: RouteStatements; answer: T }> {
  const client = driverClientOf(database);
  const original = client.query;
  const statements: RouteStatements = { calls: [], rowCounts: [] };
  client.query = async function (this: unknown, ...args: unknown[]) {
    const text = statementTextOf(args);
    const result = await original.apply(client, args);
    if (statementKindOf(text) === 'query') {
      statements.calls.push({ text, args });
      statements.rowCounts.push(rowCountOf(result));
    }
    return result;
  };
  try {
    return { statements, answer: await send() };
  } finally {
    client.query = original;
  }
}

/** Sends the recorded calls again, one after the other as the route sent them; answers the row counts. */
export async function replayRouteStatements(
  database: Database,
  statements: RouteStatements,
): Promise<number[]> {
  const client = driverClientOf(database);
  const counts: number[] = [];
  for (const call of statements.calls) counts.push(rowCountOf(await client.query(...call.args)));
  return counts;
}
