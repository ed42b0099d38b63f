import type { InjectOptions } from 'fastify';
import type { Db } from '../../src/server/db/client';
import type { Session } from './app';

/** What a fixture gets: the database, the other commune (the target) and an admin session. */
export interface AccessEnv {
  db: Db;
  targetUnitId: string;
  targetUserId: string;
  adminSession: Session;
}

/**
 * How test/access.test.ts reaches the routes of one area: for each path parameter, a function creating
 * the target commune's object and returning its id; a valid body for each POST/PATCH/PUT route with
 * parameters; and a whole request for routes without path parameters that take a unit in their body
 * or query.
 */
export interface AccessFixtures {
  params?: Record<string, (env: AccessEnv) => Promise<string>>;
  bodies?: Record<string, (env: AccessEnv, ids: Record<string, string>) => unknown>;
  plain?: Record<string, (env: AccessEnv) => Omit<InjectOptions, 'method'>>;
}
