import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from './client';

/** What both drivers answer to query(text, params): PGlite's instance and pg's Pool. */
interface DriverClient {
  query(text: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * The driver under the database itself (drizzle keeps it as `$client`); undefined for a transaction,
 * whose connection only drizzle knows, and whose own uncommitted writes only it sees.
 */
export function databaseDriverOf(q: Queryable): DriverClient | undefined {
  return (q as { $client?: DriverClient }).$client;
}

/**
 * A statement of fixed text with $1, $2… parameters, for the reads every page makes.
 *
 * Why not drizzle's `sql` template: it walks the template's fragments and numbers its parameters
 * again on every call, and its driver session wraps every query. For the units tree's children (the
 * HTTP bench's signed-in read, 113 rows) that made the query cost 0.59 ms of Node CPU against 0.40 ms
 * for the same rows straight to the driver (7 December). On the database itself the text goes to the
 * driver as it is; in a transaction, which has its own connection that only drizzle knows, the same
 * text goes through drizzle.
 */
export function fixedQuery<Row>(text: string): (q: Queryable, params: readonly unknown[]) => Promise<Row[]> {
  const pieces = text.split(/\$(\d+)/);
  const parameterCount = Math.max(0, ...pieces.filter((_, i) => i % 2 === 1).map(Number));
  return async (q, params) => {
    if (params.length !== parameterCount)
      throw new Error(`fixedQuery: ${params.length} parameters given, the text uses ${parameterCount}`);
    const client = databaseDriverOf(q);
    if (client) return (await client.query(text, [...params])).rows as Row[];
    const chunks: SQL[] = pieces.map((piece, i) =>
      i % 2 === 0 ? sql.raw(piece) : sql`${params[Number(piece) - 1]}`,
    );
    const result = (await q.execute(sql.join(chunks))) as unknown as { rows: Row[] };
    return result.rows;
  };
}
