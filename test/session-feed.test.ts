import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HomeDto } from '../src/shared/api/home';
import { createAppOn, createTestApp, logIn, type Session, type TestContext } from './support/app';
import { createProvinceWithCommunes, createUser } from './support/factories';
import { TEST_DB } from './support/test-env';

/**
 * Issue 12, item 1: a signed-in read sends no statement for its session once its web process holds
 * it, and a session, user, grant or unit change made anywhere (another instance, the CLI, a script:
 * here plain SQL beside the app) reaches every process that holds it, through the announcements of
 * migration 0018. Without them a held session would stay valid for up to five minutes after being
 * ended: the polls below would run out.
 */

let ctx: TestContext;
let appA: FastifyInstance;
let appB: FastifyInstance;
let unitId: string;
let otherUnitId: string;

type QueryFn = (...args: unknown[]) => Promise<unknown>;
const driver = () => (ctx.database.db as unknown as { $client: { query: QueryFn } }).$client;
let statements: string[] = [];
let originalQuery: QueryFn;

beforeAll(async () => {
  ctx = await createTestApp();
  ({ communeA: unitId, communeB: otherUnitId } = await createProvinceWithCommunes(ctx.database.db));
  appA = await createAppOn(ctx.database, { loginRateLimitPerMinute: 1000 });
  appB = await createAppOn(ctx.database, { loginRateLimitPerMinute: 1000 });
  const client = driver();
  originalQuery = client.query;
  client.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    statements.push(typeof first === 'string' ? first : String((first as { text?: string }).text ?? ''));
    return originalQuery.apply(this, args);
  };
});
afterEach(() => {
  statements = [];
});
afterAll(async () => {
  driver().query = originalQuery;
  await appA.close();
  await appB.close();
  await ctx.close();
});

/** Plain SQL on the database, beside the apps, as another process would write. */
async function runSql(text: string, params: unknown[] = []): Promise<void> {
  await originalQuery.call(driver(), text, params);
}

const sessionStatements = () =>
  statements.filter((text) => /from sessions s\s+join users/i.test(text)).length;

async function officer() {
  const user = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
  return { user, a: await logIn(appA, user.username), b: await logIn(appB, user.username) };
}

const status = async (session: Session, url = '/api/auth/me') => (await session.get(url)).statusCode;
const sessionIdOf = async (session: Session) => {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(session.cookie.split('=')[1]!).digest('hex');
};

describe('a held session', () => {
  it('is read from the database once, then answered from memory', async () => {
    const { a } = await officer();
    statements = [];
    expect(await status(a)).toBe(200);
    expect(sessionStatements()).toBe(1);
    statements = [];
    for (let i = 0; i < 5; i++) expect(await status(a)).toBe(200);
    expect(sessionStatements()).toBe(0);
  });

  it('is read again after a write that may change sessions or units, before the answer leaves', async () => {
    const { a } = await officer();
    expect(await status(a)).toBe(200);
    // Any write outside records and reports: here a wrong current password (a refused write).
    const write = await a.post('/api/auth/password', {
      currentPassword: 'wrong-Passw0rd!',
      newPassword: 'x',
    });
    expect(write.statusCode).toBeGreaterThanOrEqual(400);
    statements = [];
    expect(await status(a)).toBe(200);
    expect(sessionStatements()).toBe(1);
  });
});

describe('a change made outside the process that holds the session', () => {
  it('ends a held session deleted by another process', async () => {
    const { a, b } = await officer();
    expect(await status(a)).toBe(200);
    expect(await status(b)).toBe(200);
    await runSql('delete from sessions where id = $1', [await sessionIdOf(b)]);
    await expect.poll(() => status(b), { timeout: 5_000 }).toBe(401);
    // The other session of the same user stays.
    expect(await status(a)).toBe(200);
  });

  it('ends the held sessions of a user disabled by another process', async () => {
    const { user, a, b } = await officer();
    expect(await status(a)).toBe(200);
    expect(await status(b)).toBe(200);
    await runSql('update users set is_active = false where id = $1', [user.id]);
    await expect.poll(() => status(a), { timeout: 5_000 }).toBe(401);
    await expect.poll(() => status(b), { timeout: 5_000 }).toBe(401);
  });

  it("sees a grant changed by another process in the held session's next request", async () => {
    const { user, a } = await officer();
    // Access is judged on the held grants: the other commune's records are out of scope, then in it.
    const otherUnitsRecords = () => status(a, `/api/activities?unitId=${otherUnitId}`);
    expect(await otherUnitsRecords()).toBe(404);
    expect(await status(a, `/api/activities?unitId=${unitId}`)).toBe(200);
    await runSql('update role_grants set unit_id = $1 where user_id = $2', [otherUnitId, user.id]);
    await expect.poll(otherUnitsRecords, { timeout: 5_000 }).toBe(200);
    expect(await status(a, `/api/activities?unitId=${unitId}`)).toBe(404);
  });

  it('shows a unit renamed by another process in the next read', async () => {
    const { a } = await officer();
    const unitName = async () =>
      (await a.get('/api/home')).json<HomeDto>().blocks.find((block) => block.role === 'officer')?.unit?.name;
    const before = await unitName();
    expect(before).toBeTruthy();
    const renamed = `${before} (đổi tên)`;
    await runSql('update unit_versions set name = $1 where unit_id = $2 and valid_to is null', [
      renamed,
      unitId,
    ]);
    await expect.poll(unitName, { timeout: 5_000 }).toBe(renamed);
  });

  it('ends, on the other instance, a session logged out on one', async () => {
    const user = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
    const onA = await logIn(appA, user.username);
    const sameCookieOnB: Session = {
      ...onA,
      get: (url) => appB.inject({ method: 'GET', url, headers: { cookie: onA.cookie } }),
    };
    expect(await status(sameCookieOnB)).toBe(200);
    expect((await onA.post('/api/auth/logout')).statusCode).toBeLessThan(300);
    expect(await status(onA)).toBe(401);
    await expect.poll(() => status(sameCookieOnB), { timeout: 5_000 }).toBe(401);
  });
});

describe('when the change feed is lost', () => {
  it.runIf(TEST_DB === 'postgres')(
    'reads every session from the database until it listens again, missing nothing said meanwhile',
    async () => {
      const { b } = await officer();
      expect(await status(b)).toBe(200);
      const listeners = async () => {
        const client = driver() as unknown as {
          query: (text: string) => Promise<{ rows: Array<{ pid: number }> }>;
        };
        const result = await originalQuery.call(
          client,
          `select pid from pg_stat_activity where datname = current_database() and query ilike 'LISTEN loaso_auth%'`,
        );
        return (result as { rows: Array<{ pid: number }> }).rows.map((row) => row.pid);
      };
      const before = await listeners();
      expect(before.length).toBe(3); // ctx.app, appA, appB
      await runSql('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [before]);
      // Said while nobody listens: no announcement reaches the apps.
      await runSql('delete from sessions where id = $1', [await sessionIdOf(b)]);
      await expect.poll(() => status(b), { timeout: 5_000 }).toBe(401);
      // Listening again on new connections, the apps hold sessions again.
      await expect
        .poll(async () => (await listeners()).filter((pid) => !before.includes(pid)).length, {
          timeout: 10_000,
        })
        .toBe(3);
      const { a } = await officer();
      expect(await status(a)).toBe(200);
      statements = [];
      await expect
        .poll(
          async () => {
            statements = [];
            await status(a);
            return sessionStatements();
          },
          { timeout: 5_000 },
        )
        .toBe(0);
    },
  );
});
