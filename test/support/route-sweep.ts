/// <reference types="vite/client" />
import { eq } from 'drizzle-orm';
import { roleGrants } from '../../src/server/db/schema';
import type { AccessEnv, AccessFixtures } from './access-types';
import type { Session, TestContext } from './app';
import { createUnit } from './factories';
import { createSignedInUser } from './scenarios';

/**
 * What the sweeps over every route share (the hostile fuzz, the OpenAPI property tests, the audit
 * completeness test): the access fixtures of every area merged into one table per kind, and a
 * target commune with an officer, a system administrator to send the requests, and the objects
 * each path parameter names.
 */

const fixtureModules = import.meta.glob<{ accessFixtures: AccessFixtures }>('../access-fixtures/*.ts', {
  eager: true,
});
const fixtures = Object.values(fixtureModules).map((module) => module.accessFixtures);

/** One table of the access fixtures' `name` part, every area's entries together. */
export function mergedFixtures<K extends keyof AccessFixtures>(name: K): NonNullable<AccessFixtures[K]> {
  return Object.assign({}, ...fixtures.map((f) => f[name] ?? {})) as NonNullable<AccessFixtures[K]>;
}

export interface RouteSweep {
  admin: Session;
  env: AccessEnv;
  /** Path parameter name → the id of the target's object (unitId, userId, grantId and every fixture's). */
  ids: Record<string, string>;
}

/** A province and its commune named `name` ("Thử Lửa" → "Tỉnh Thử Lửa", "Xã Thử Lửa"), and what the sweep needs. */
export async function createRouteSweep(ctx: TestContext, name: string): Promise<RouteSweep> {
  const db = ctx.database.db;
  const province = await createUnit(db, { kind: 'province', name: `Tỉnh ${name}`, validFrom: '2020-01-01' });
  const unitId = await createUnit(db, { name: `Xã ${name}`, parentId: province, validFrom: '2025-07-01' });
  const admin = (await createSignedInUser(ctx.app, db, [{ role: 'system_admin', unitId: null }])).session;
  const other = await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId }]);
  const [grant] = await db.select().from(roleGrants).where(eq(roleGrants.userId, other.userId));
  const env: AccessEnv = {
    db,
    targetUnitId: unitId,
    targetUserId: other.userId,
    adminSession: admin,
    dataDir: ctx.dataDir,
  };
  const ids: Record<string, string> = { unitId, userId: other.userId, grantId: grant!.id };
  for (const [param, create] of Object.entries(mergedFixtures('params'))) ids[param] = await create(env);
  return { admin, env, ids };
}
