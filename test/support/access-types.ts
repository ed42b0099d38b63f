import type { InjectOptions } from 'fastify';
import type { Db } from '../../src/server/db/client';
import type { Session } from './app';

/** What a fixture gets: the database, the other commune (the target) and an admin session. */
export interface AccessEnv {
  db: Db;
  targetUnitId: string;
  targetUserId: string;
  adminSession: Session;
  /** The app's DATA_DIR, for objects whose files the app reads from its store. */
  dataDir: string;
}

/**
 * How test/access.test.ts reaches the routes of one area: for each path parameter, a function creating
 * the target commune's object and returning its id; a valid body for each POST/PATCH/PUT route with
 * parameters; and a whole request for routes without path parameters that take a unit in their body
 * or query.
 */
export interface AccessFixtures {
  params?: Record<string, (env: AccessEnv) => Promise<string>>;
  /** Routes about objects that belong to no unit (see SharedRoute), by "METHOD /url". */
  shared?: Record<string, SharedRoute>;
  bodies?: Record<string, (env: AccessEnv, ids: Record<string, string>) => unknown>;
  /** The query string ("a=1&b=2") of a route with path parameters whose query has required fields. */
  queries?: Record<string, string>;
  plain?: Record<string, (env: AccessEnv) => Omit<InjectOptions, 'method'>>;
}

/**
 * A route about objects that belong to no unit, such as the scoring frameworks every unit may be
 * scored on: it is left out of the "another commune's object is not found" sweep and states instead
 * what an officer of a commune and a system administrator get.
 */
export interface SharedRoute {
  /** A valid request; `ids` holds the objects the fixtures' `params` created for the target. */
  request: (env: AccessEnv, ids: Record<string, string>) => Omit<InjectOptions, 'method'>;
  officer: number;
  admin: number;
}
