import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../src/server/app';
import { queryRows } from '../src/server/db/sql';
import type { AccessEnv } from './support/access-types';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createRouteSweep, mergedFixtures } from './support/route-sweep';

/**
 * Issue 12, security review: audit-log completeness. Every state-changing route of the route table that
 * the access fixtures know how to call successfully is called once by a system administrator, and
 * must add at least one audit entry. Routes that change nothing people need to account for are
 * listed below with the reason; any other route that succeeds without an entry fails the test.
 */

const fixtureBodies = mergedFixtures('bodies');
const fixturePlain = mergedFixtures('plain');
const fixtureShared = mergedFixtures('shared');
const fixtureQueries = mergedFixtures('queries');

/** State-changing routes that write no audit entry on purpose. */
const NOT_AUDITED: Record<string, string> = {
  'POST /api/auth/login': 'audited itself (auth.login / auth.login_failed); not called here',
  'POST /api/auth/logout': 'audited (auth.logout); ends the session this test uses',
  'POST /api/auth/logout-all': 'audited (auth.logout_all); ends the session this test uses',
  'POST /api/auth/password': 'audited (user.password_change); tested in test/auth.test.ts',
};

/**
 * Routes that answered 200 here without changing anything, so without an entry: checks that write
 * nothing, and idempotent steps called on an object already in the asked state (they audit when they
 * change something: restore-activity.ts, clear-duplicate-flag.ts, open-report.ts,
 * mark-notifications-read.ts; request-checks.ts audits each check it queues).
 */
const NO_ENTRY_HERE: Record<string, string> = {
  'POST /api/frameworks/validate': 'checks a framework file, stores nothing',
  'POST /api/monitor/columns/:columnId/overrides/test': 'tries a listing layout on a page, stores nothing',
  'POST /api/activities/:activityId/restore': 'the record is not deleted: nothing to restore',
  'POST /api/activities/:activityId/not-duplicate': 'the record is not flagged: nothing to clear',
  'POST /api/notifications/read': 'no unread notification: nothing marked',
  'POST /api/report-periods/:reportPeriodId/units/:unitId/report':
    'the report exists: the same one is answered',
  'POST /api/units/:unitId/monitor/checks':
    'a check of the column is already waiting (the checkId fixture): it is answered, none is queued',
};

const key = (route: RouteEntry) => `${route.method} ${route.url}`;

describe('audit-log completeness', () => {
  let ctx: TestContext;
  let admin: Session;
  let env: AccessEnv;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    const sweep = await createRouteSweep(ctx, 'Sổ Sách');
    ({ admin, env } = sweep);
    Object.assign(ids, sweep.ids);
  });
  afterAll(() => ctx.close());

  function requestFor(route: RouteEntry): Omit<InjectOptions, 'method'> | null {
    const shared = fixtureShared[key(route)];
    if (shared) return shared.request(env, { ...ids });
    const plain = fixturePlain[key(route)];
    if (plain) return plain(env);
    const body = fixtureBodies[key(route)];
    if (!body && route.method !== 'DELETE' && route.url.includes(':') === false) return null;
    let url = route.url.replace(/:(\w+)/g, (_m, name: string) => ids[name] ?? 'unknown');
    if (url.includes('unknown')) return null;
    const query = fixtureQueries[key(route)];
    if (query) url = `${url}?${query}`;
    return {
      url,
      payload: body ? (body(env, { unitId: ids.unitId!, ...ids }) as InjectOptions['payload']) : undefined,
    };
  }

  it('adds an audit entry for every state-changing route that succeeds', async () => {
    const writes = ctx.app.routeTable
      .filter((route) => route.method !== 'GET' && !NOT_AUDITED[key(route)])
      .sort((x, y) => Number(x.method === 'DELETE') - Number(y.method === 'DELETE'));
    const count = async () =>
      (await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from audit_log`))[0]!.n;
    const exercised: string[] = [];
    const missing: string[] = [];
    const notReached: string[] = [];
    for (const route of writes) {
      const request = requestFor(route);
      if (!request) {
        notReached.push(key(route));
        continue;
      }
      const before = await count();
      const response = await admin.request({ method: route.method as 'POST', ...request });
      if (response.statusCode >= 300) {
        notReached.push(`${key(route)} (${response.statusCode})`);
        continue;
      }
      exercised.push(key(route));
      if ((await count()) === before && !NO_ENTRY_HERE[key(route)]) missing.push(key(route));
    }
    // A representative matrix at least: most write routes are reached with a valid request.
    expect(exercised.length, `not reached: ${notReached.join(', ')}`).toBeGreaterThanOrEqual(30);
    expect(missing, 'state-changing routes that succeeded without an audit entry').toEqual([]);
  });
});
