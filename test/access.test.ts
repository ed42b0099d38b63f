/// <reference types="vite/client" />
import { eq } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../src/server/app';
import { roleGrants, units, users } from '../src/server/db/schema';
import type { MeDto } from '../src/shared/api/accounts';
import type { UnitDto } from '../src/shared/api/units';
import type { AccessEnv, AccessFixtures } from './support/access-types';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { createSignedInUser } from './support/scenarios';

// Each area of the API describes how to reach its routes in test/access-fixtures/<area>.ts.
const fixtureModules = import.meta.glob<{ accessFixtures: AccessFixtures }>('./access-fixtures/*.ts', {
  eager: true,
});
const fixtures = Object.values(fixtureModules).map((module) => module.accessFixtures);
const fixtureParams = Object.assign({}, ...fixtures.map((f) => f.params ?? {})) as NonNullable<
  AccessFixtures['params']
>;
const fixtureBodies = Object.assign({}, ...fixtures.map((f) => f.bodies ?? {})) as NonNullable<
  AccessFixtures['bodies']
>;
const fixturePlain = Object.assign({}, ...fixtures.map((f) => f.plain ?? {})) as NonNullable<
  AccessFixtures['plain']
>;
const fixtureQueries = Object.assign({}, ...fixtures.map((f) => f.queries ?? {})) as NonNullable<
  AccessFixtures['queries']
>;
const fixtureShared = Object.assign({}, ...fixtures.map((f) => f.shared ?? {})) as NonNullable<
  AccessFixtures['shared']
>;

/**
 * The access proof: every API route, taken from the route table, is tried by an officer of
 * one commune against another commune's unit, user and grant, and must answer 404. A route whose path
 * parameter this file does not know fails the test, so a new route cannot slip through unchecked.
 */

interface Target {
  label: string;
  unitId: string;
  unitName: string;
  userId: string;
  grantId: string;
  /** Ids of the target's objects of other areas (channels, records…), by path parameter name. */
  extraIds: Record<string, string>;
  env: AccessEnv | null;
}

const key = (route: RouteEntry) => `${route.method} ${route.url}`;

function fillPath(url: string, target: Target): string {
  const ids: Record<string, string> = {
    unitId: target.unitId,
    userId: target.userId,
    grantId: target.grantId,
    ...target.extraIds,
  };
  return url.replace(/:(\w+)/g, (_match, name: string) => {
    const id = ids[name];
    if (!id)
      throw new Error(
        `${url}: no id for path parameter :${name}; teach test/access.test.ts which object it names`,
      );
    return id;
  });
}

/** A body that would be accepted from someone allowed, so that a refusal is about access, not a 400. */
function bodyFor(route: RouteEntry, target: Target): Record<string, unknown> | undefined {
  // A fixture may give a body to any method (a deletion that needs a reason, say).
  const fromFixture = fixtureBodies[key(route)];
  if (fromFixture && target.env)
    return fromFixture(target.env, { unitId: target.unitId, ...target.extraIds }) as Record<string, unknown>;
  if (route.method === 'GET' || route.method === 'DELETE') return undefined;
  const bodies: Record<string, Record<string, unknown>> = {
    'PATCH /api/units/:unitId': { websiteUrl: 'https://khac.gov.vn' },
    'PATCH /api/users/:userId': { fullName: 'Tên Đã Đổi' },
    'POST /api/users/:userId/grants': { role: 'viewer', unitId: target.unitId },
  };
  const body = bodies[key(route)];
  if (!body) throw new Error(`${key(route)}: no plausible body; add one to test/access.test.ts`);
  return body;
}

const hasParams = (route: RouteEntry) => route.url.includes(':');

/** The path with the route's required query fields, when a fixture names them. */
function withQuery(route: RouteEntry, path: string): string {
  const query = fixtureQueries[key(route)];
  return query ? `${path}?${query}` : path;
}

/** A valid request to any route, so that an answer other than 2xx is about who asks. */
function requestFor(route: RouteEntry, target: Target): InjectOptions {
  const shared = fixtureShared[key(route)];
  if (shared && target.env)
    return {
      method: route.method as 'GET',
      ...shared.request(target.env, { unitId: target.unitId, ...target.extraIds }),
    };
  if (hasParams(route)) {
    return {
      method: route.method as 'GET',
      url: withQuery(route, fillPath(route.url, target)),
      payload: bodyFor(route, target),
    };
  }
  const plain: Record<string, Omit<InjectOptions, 'method'>> = {
    'POST /api/auth/password': {
      url: route.url,
      payload: { currentPassword: 'mat-khau-cu-123', newPassword: 'mat-khau-moi-123' },
    },
    'POST /api/units': {
      url: route.url,
      payload: { kind: 'other', name: 'Đơn Vị Lạ', parentId: target.unitId, validFrom: '2026-01-01' },
    },
    'POST /api/unit-events': {
      url: route.url,
      payload: { kind: 'rename', unitId: target.unitId, newName: 'Xã Đổi Tên', date: '2026-01-01' },
    },
    'POST /api/units/import': {
      url: `${route.url}?fileName=x.csv`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('code,name,type,parent_code\n99,Tỉnh Lạ,province,'),
    },
    'POST /api/users': {
      url: route.url,
      payload: {
        username: 'lau.vao',
        fullName: 'Lẻn Vào',
        password: 'mat-khau-lau-vao',
        grants: [{ role: 'unit_officer', unitId: target.unitId }],
      },
    },
  };
  const known = plain[key(route)];
  if (known) return { method: route.method as 'POST', ...known };
  const fromFixture = fixturePlain[key(route)];
  if (fromFixture && target.env) return { method: route.method as 'POST', ...fromFixture(target.env) };
  if (
    route.method !== 'GET' &&
    route.method !== 'DELETE' &&
    route.url !== '/api/auth/logout' &&
    route.url !== '/api/auth/logout-all'
  ) {
    throw new Error(`${key(route)}: no plausible request; add one to test/access.test.ts`);
  }
  return { method: route.method as 'GET', url: route.url };
}

describe('access: an officer of one commune and the routes of another', () => {
  let ctx: TestContext;
  let routes: RouteEntry[];
  let officer: Session;
  let ownUnitId: string;
  let admin: Session;
  let sibling: Target;
  let elsewhere: Target;

  async function createTarget(label: string, parentId: string, unitName: string): Promise<Target> {
    const unitId = await createUnit(ctx.database.db, { name: unitName, parentId, validFrom: '2025-07-01' });
    const other = await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'unit_officer', unitId }]);
    const [grant] = await ctx.database.db
      .select()
      .from(roleGrants)
      .where(eq(roleGrants.userId, other.userId));
    const env: AccessEnv = {
      db: ctx.database.db,
      targetUnitId: unitId,
      targetUserId: other.userId,
      adminSession: admin,
      dataDir: ctx.dataDir,
    };
    const extraIds: Record<string, string> = {};
    for (const [name, create] of Object.entries(fixtureParams)) extraIds[name] = await create(env);
    return { label, unitId, unitName, userId: other.userId, grantId: grant!.id, extraIds, env };
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    routes = ctx.app.routeTable;
    const db = ctx.database.db;
    const province = await createUnit(db, {
      kind: 'province',
      name: 'Tỉnh Phạm Vi',
      validFrom: '2020-01-01',
    });
    const otherProvince = await createUnit(db, {
      kind: 'province',
      name: 'Tỉnh Bên Cạnh',
      validFrom: '2020-01-01',
    });
    ownUnitId = await createUnit(db, { name: 'Xã Nhà Mình', parentId: province, validFrom: '2025-07-01' });
    // A child of the officer's commune, so that children/subtree answers are not trivially empty.
    await createUnit(db, {
      kind: 'culture_centre',
      name: 'Trung tâm Văn hóa Nhà Mình',
      parentId: ownUnitId,
      validFrom: '2025-07-01',
    });
    admin = (await createSignedInUser(ctx.app, db, [{ role: 'system_admin', unitId: null }])).session;
    sibling = await createTarget('a commune of the same province', province, 'Xã Hàng Xóm');
    elsewhere = await createTarget('a commune of another province', otherProvince, 'Xã Tỉnh Khác');
    officer = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: ownUnitId }])).session;
  });
  afterAll(() => ctx.close());

  it('has a route table with the unit-scoped routes in it', () => {
    const urls = routes.map(key);
    expect(urls).toEqual(
      expect.arrayContaining([
        'GET /api/units/:unitId',
        'GET /api/units/:unitId/history',
        'PATCH /api/units/:unitId',
        'GET /api/users/:userId',
        'DELETE /api/users/:userId/grants/:grantId',
      ]),
    );
    expect(routes.filter((route) => !route.isPublic && hasParams(route)).length).toBeGreaterThanOrEqual(10);
    // Only these are reachable without signing in.
    expect(
      routes
        .filter((route) => route.isPublic)
        .map(key)
        .sort(),
    ).toEqual(['GET /api/health', 'GET /api/openapi.json', 'POST /api/auth/login'].sort());
  });

  it('answers 200 on every GET route of the officer’s own commune', async () => {
    const own: Target = {
      label: 'own',
      unitId: ownUnitId,
      unitName: '',
      userId: '',
      grantId: '',
      extraIds: {},
      env: null,
    };
    const unitGets = routes.filter(
      (route) => route.method === 'GET' && hasParams(route) && !/:(?!unitId\b)\w+/.test(route.url),
    );
    expect(unitGets.length).toBeGreaterThanOrEqual(5);
    for (const route of unitGets) {
      const response = await officer.get(withQuery(route, fillPath(route.url, own)));
      expect(response.statusCode, `${key(route)}: ${response.body}`).toBe(200);
    }
  });

  for (const which of ['sibling', 'elsewhere'] as const) {
    it(`answers 404 NOT_FOUND on every route with a path parameter for ${which === 'sibling' ? 'a commune of the same province' : 'a commune of another province'}`, async () => {
      const target = which === 'sibling' ? sibling : elsewhere;
      const scoped = routes.filter(
        (route) => !route.isPublic && hasParams(route) && !fixtureShared[key(route)],
      );
      const [unitBefore] = await ctx.database.db.select().from(units).where(eq(units.id, target.unitId));
      const [userBefore] = await ctx.database.db.select().from(users).where(eq(users.id, target.userId));
      const grantsBefore = await ctx.database.db
        .select()
        .from(roleGrants)
        .where(eq(roleGrants.userId, target.userId));

      const refusals: Array<[string, number, unknown]> = [];
      for (const route of scoped) {
        const response = await officer.request(requestFor(route, target));
        refusals.push([key(route), response.statusCode, response.json()]);
      }
      for (const [route, status, body] of refusals) {
        expect(status, route).toBe(404);
        expect(body, route).toEqual({ code: 'NOT_FOUND', message: expect.any(String), details: [] });
      }

      // Nothing changed…
      const [unitAfter] = await ctx.database.db.select().from(units).where(eq(units.id, target.unitId));
      const [userAfter] = await ctx.database.db.select().from(users).where(eq(users.id, target.userId));
      expect(unitAfter).toEqual(unitBefore);
      expect(userAfter).toEqual(userBefore);
      expect(
        await ctx.database.db.select().from(roleGrants).where(eq(roleGrants.userId, target.userId)),
      ).toEqual(grantsBefore);

      // …and the same requests succeed for someone allowed: the ids and bodies were valid. DELETE goes last.
      const ordered = [...scoped].sort(
        (x, y) => Number(x.method === 'DELETE') - Number(y.method === 'DELETE'),
      );
      for (const route of ordered) {
        const response: LightMyRequestResponse = await admin.request(requestFor(route, target));
        expect(response.statusCode, `${key(route)} as admin: ${response.body}`).toBe(200);
      }
    });
  }

  it('keeps other communes out of the routes without path parameters', async () => {
    const route = (name: string) => routes.find((r) => key(r) === name)!;
    // Every such route must be classified here; a new one fails until it is.
    const checks: Record<string, () => Promise<void>> = {
      'GET /api/units': async () => {
        for (const target of [sibling, elsewhere]) {
          const response = await officer.get(`/api/units?q=${encodeURIComponent(target.unitName)}`);
          expect(response.statusCode).toBe(200);
          expect(response.json<{ items: UnitDto[] }>().items).toEqual([]);
          const asAdmin = (await admin.get(`/api/units?q=${encodeURIComponent(target.unitName)}`)).json<{
            items: UnitDto[];
          }>();
          expect(asAdmin.items.map((unit) => unit.id)).toEqual([target.unitId]);
        }
        const all = (await officer.get('/api/units?limit=500'))
          .json<{ items: UnitDto[] }>()
          .items.map((unit) => unit.name)
          .sort();
        expect(all).toEqual(['Trung tâm Văn hóa Nhà Mình', 'Xã Nhà Mình'].sort());
      },
      'GET /api/units/roots': async () => {
        const roots = (await officer.get('/api/units/roots')).json<{ items: UnitDto[] }>().items;
        expect(roots.map((unit) => unit.id)).toEqual([ownUnitId]);
      },
      'GET /api/auth/me': async () => {
        const me = (await officer.get('/api/auth/me')).json<MeDto>();
        expect(me.grants.map((grant) => grant.unitId)).toEqual([ownUnitId]);
      },
      'POST /api/units': async () => {
        for (const target of [sibling, elsewhere]) {
          const response = await officer.request(requestFor(route('POST /api/units'), target));
          expect(response.statusCode).toBe(404);
          expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
        }
      },
      'POST /api/unit-events': async () => {
        // Reorganisations are for national administrators: refused whatever the unit, so nothing leaks.
        const own: Target = { ...sibling, unitId: ownUnitId };
        for (const target of [sibling, elsewhere, own]) {
          const response = await officer.request(requestFor(route('POST /api/unit-events'), target));
          expect(response.statusCode).toBe(403);
          expect(response.json()).toMatchObject({ code: 'FORBIDDEN' });
        }
      },
      'POST /api/units/import': async () => {
        const response = await officer.request(requestFor(route('POST /api/units/import'), sibling));
        expect(response.statusCode).toBe(403);
      },
      'GET /api/users': async () => {
        expect((await officer.get('/api/users')).statusCode).toBe(404);
      },
      'POST /api/users': async () => {
        const response = await officer.request(requestFor(route('POST /api/users'), sibling));
        expect([403, 404]).toContain(response.statusCode);
        expect(await ctx.database.db.select().from(users).where(eq(users.username, 'lau.vao'))).toEqual([]);
      },
      'GET /api/audit': async () => {
        expect((await officer.get('/api/audit')).statusCode).toBe(403);
      },
      // The installation's background jobs: administrators only, whatever the unit.
      'GET /api/admin/jobs': async () => {
        expect((await officer.get('/api/admin/jobs')).statusCode).toBe(403);
        expect((await admin.get('/api/admin/jobs')).statusCode).toBe(200);
      },
      // Routes of other areas that take a unit in their body or query: refused for another commune.
      ...Object.fromEntries(
        Object.keys(fixturePlain).map((name) => [
          name,
          async () => {
            for (const target of [sibling, elsewhere]) {
              const response = await officer.request(requestFor(route(name), target));
              expect(response.statusCode, `${name}: ${response.body}`).toBe(404);
              const asAdmin = await admin.request(requestFor(route(name), target));
              expect(asAdmin.statusCode, `${name} as admin: ${asAdmin.body}`).toBe(200);
            }
          },
        ]),
      ),
      // Objects shared by every unit: checked by their own test below.
      ...Object.fromEntries(Object.keys(fixtureShared).map((name) => [name, async () => {}])),
      // The signed-in user's own session and password: not about any unit.
      'POST /api/auth/logout': async () => {},
      'POST /api/auth/logout-all': async () => {},
      'POST /api/auth/password': async () => {},
    };
    const unscoped = routes.filter((route) => !route.isPublic && !hasParams(route)).map(key);
    expect(
      unscoped.filter((route) => !checks[route]),
      'routes without a check in test/access.test.ts',
    ).toEqual([]);
    for (const name of unscoped) await checks[name]!();
  });

  it('answers the routes of objects shared by every unit as their fixtures say', async () => {
    for (const [name, shared] of Object.entries(fixtureShared)) {
      const route = routes.find((candidate) => key(candidate) === name);
      expect(route, `${name} is not a route`).toBeDefined();
      for (const target of [sibling, elsewhere]) {
        const asOfficer = await officer.request(requestFor(route!, target));
        expect(asOfficer.statusCode, `${name}: ${asOfficer.body}`).toBe(shared.officer);
        const asAdmin = await admin.request(requestFor(route!, target));
        expect(asAdmin.statusCode, `${name} as admin: ${asAdmin.body}`).toBe(shared.admin);
      }
    }
  });

  it('answers 401 to anonymous requests on every route that is not public', async () => {
    for (const route of routes.filter((r) => !r.isPublic)) {
      const response = await ctx.app.inject(requestFor(route, sibling));
      expect(response.statusCode, key(route)).toBe(401);
      expect(response.json(), key(route)).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('declares request and response schemas for every route in the OpenAPI document', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
    const paths = response.json<{ paths: Record<string, Record<string, Operation>> }>().paths;
    // The document itself is the one route not described in it.
    for (const route of routes.filter((r) => r.url !== '/api/openapi.json')) {
      const operation = paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect(operation, `${key(route)} is missing from the OpenAPI document`).toBeDefined();
      const ok = operation!.responses?.['200'];
      // JSON for most routes; a file download (DOCX, XLSX, CSV) declares its own content type.
      const schemas = Object.values(ok?.content ?? {}).map((content) => content.schema);
      expect(schemas.length > 0 && schemas.every(Boolean), `${key(route)}: 200 response schema`).toBe(true);
      if (!route.isPublic) {
        for (const status of ['401', '404']) {
          expect(operation!.responses?.[status], `${key(route)}: ${status} response`).toBeDefined();
        }
      }
    }
  });
});
