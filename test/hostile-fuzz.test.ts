import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../src/server/app';
import type { AccessEnv } from './support/access-types';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createRouteSweep, mergedFixtures } from './support/route-sweep';

/**
 * Hostile text to every route of the route table, as a system administrator (who reaches the deepest
 * code): a NUL, a lone surrogate, the year 0000, a right-to-left override, in every string field of a
 * plausible body and in the query; and a multipart body without a boundary. The answer may be a
 * refusal, never a 5xx. A new route is fuzzed as soon as it is registered.
 */

const fixtureBodies = mergedFixtures('bodies');
const fixturePlain = mergedFixtures('plain');

const HOSTILE = ['a\u0000b', '\ud800x', '0000-01-01', 'hoso\u202Efdp.exe', '2026-01-01T08:00:00\u0000'];
const HOSTILE_QUERY = ['a%00b', '0000-01-01', '%ED%A0%80x'];
/** Keys that many routes read: a body with each of them hostile reaches fields no fixture sets. */
const GENERIC_KEYS = [
  'title',
  'name',
  'username',
  'password',
  'fullName',
  'reason',
  'note',
  'url',
  'occurredOn',
  'date',
  'validFrom',
  'effectiveDate',
  'month',
  'q',
];

const key = (route: RouteEntry) => `${route.method} ${route.url}`;

/** Every string leaf of a JSON value, by path. */
function stringPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([name, child]) => stringPaths(child, [...path, name]));
  return [];
}

function replaced(value: unknown, path: Array<string | number>, by: string): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head!] = replaced(copy[head!], rest, by);
  return copy;
}

describe('hostile input on every route', () => {
  let ctx: TestContext;
  let admin: Session;
  let env: AccessEnv;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    const sweep = await createRouteSweep(ctx, 'Thử Lửa');
    ({ admin, env } = sweep);
    Object.assign(ids, sweep.ids);
  });
  afterAll(() => ctx.close());

  function baseRequest(route: RouteEntry): {
    url: string;
    payload?: unknown;
    headers?: Record<string, string>;
  } {
    const url = route.url.replace(
      /:(\w+)/g,
      (_m, name: string) => ids[name] ?? '00000000-0000-4000-8000-000000000000',
    );
    const plain = fixturePlain[key(route)];
    if (plain) return plain(env) as { url: string; payload?: unknown; headers?: Record<string, string> };
    const body = fixtureBodies[key(route)];
    return { url, payload: body ? body(env, ids) : undefined };
  }

  it('never answers 5xx', async () => {
    const routes = ctx.app.routeTable.filter(
      (route) => !['/api/auth/logout', '/api/auth/logout-all', '/api/auth/password'].includes(route.url),
    );
    expect(routes.length).toBeGreaterThan(50);
    const failures: string[] = [];
    let sent = 0;
    const send = async (label: string, options: InjectOptions) => {
      sent++;
      const response = await admin.request(options);
      if (response.statusCode >= 500)
        failures.push(`${label}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    };

    for (const route of routes) {
      const method = route.method as NonNullable<InjectOptions['method']>;
      const base = baseRequest(route);
      const isWrite = route.method !== 'GET';
      const sep = base.url.includes('?') ? '&' : '?';
      for (const value of HOSTILE_QUERY)
        await send(`${key(route)} ?q=${value}`, {
          method,
          url: `${base.url}${sep}q=${value}&from=${value}&to=${value}&date=${value}&fileName=${value}`,
          payload: isWrite && !Buffer.isBuffer(base.payload) ? (base.payload as object) : undefined,
          headers: base.headers,
        });
      if (!isWrite) continue;
      const json = Buffer.isBuffer(base.payload) ? undefined : base.payload;
      for (const value of HOSTILE) {
        for (const path of stringPaths(json ?? {}))
          await send(`${key(route)} ${path.join('.')}=${JSON.stringify(value)}`, {
            method,
            url: base.url,
            payload: replaced(json, path, value) as object,
          });
        await send(`${key(route)} generic ${JSON.stringify(value)}`, {
          method,
          url: base.url,
          payload: Object.fromEntries(GENERIC_KEYS.map((name) => [name, value])),
        });
      }
      await send(`${key(route)} multipart without boundary`, {
        method,
        url: base.url,
        headers: { 'content-type': 'multipart/form-data' },
        payload: '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--x--',
      });
    }
    // A CSV whose cells hold a NUL, through the import.
    await send('import CSV with NUL', {
      method: 'POST',
      url: '/api/activity-files/import?kind=post&fileName=a.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('Mã đơn vị,Tiêu đề,Ngày\n1,a\u0000b,0000-01-01\n'),
    });
    expect(sent).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  });

  it('answers NUL in the login with 400 naming the field, before any database query', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a\u0000b', password: 'x' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ details: [{ field: 'body.username' }] });
  });

  it('answers a multipart upload without a boundary with 400', async () => {
    const response = await admin.request({
      method: 'POST',
      url: `/api/units/${ids.unitId}/library`,
      headers: { 'content-type': 'multipart/form-data' },
      payload: 'x',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/multipart/),
    });
  });

  it('answers the year 0000 in a date with 400 naming the field', async () => {
    const response = await admin.get(`/api/activities?from=0000-01-01`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ details: [{ field: 'querystring.from' }] });
  });
});
