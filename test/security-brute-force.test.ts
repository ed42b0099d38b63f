import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions } from '../src/server/db/schema';
import { addressKey } from '../src/server/domain/accounts/log-in';
import { createAppOn, createTestApp, type TestContext } from './support/app';
import { createProvinceWithCommunes, createUser, TEST_PASSWORD } from './support/factories';

/**
 * Issue 12, security review: login brute force. The per-username and per-address limits are counted
 * in the database, one row-locked statement per attempt, so they hold for attempts sent all at once
 * and across several web instances (two apps on one database here; on PostgreSQL each request has
 * its own connection, so the attempts really run in parallel).
 */

let ctx: TestContext;
let unitId: string;
/** Two "instances" on one database, five tries per username, the address limit out of the way. */
let web1: FastifyInstance;
let web2: FastifyInstance;

beforeAll(async () => {
  ctx = await createTestApp();
  unitId = (await createProvinceWithCommunes(ctx.database.db)).communeA;
  const limits = { loginMaxFailures: 5, lockoutMinutes: 15, loginRateLimitPerMinute: 10_000 };
  web1 = await createAppOn(ctx.database, limits);
  web2 = await createAppOn(ctx.database, limits);
});
afterAll(async () => {
  await web1.close();
  await web2.close();
  await ctx.close();
});

function login(app: FastifyInstance, username: string, password: string, ip = '198.51.100.7') {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });
}

async function evaluatedTries(userId: string): Promise<number> {
  const rows = await ctx.database.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.entityId, userId))
    .then((entries) =>
      entries.filter((entry) => ['auth.login_failed', 'auth.locked'].includes(entry.action)),
    );
  return rows.length;
}

describe('per username', () => {
  it('checks no more than five of 50 wrong passwords sent at once to two instances, and the right one among them does not get in', async () => {
    const user = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
    const attempts = Array.from({ length: 50 }, (_, i) =>
      login(i % 2 ? web2 : web1, user.username, i === 49 ? TEST_PASSWORD : `sai-mat-khau-${i}`),
    );
    const statuses = (await Promise.all(attempts)).map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 200)).toEqual([]);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 423)).toHaveLength(45);
    // One audit entry per password checked: four failures and the lock.
    expect(await evaluatedTries(user.id)).toBe(5);
    expect(await ctx.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
  });

  it('does not check passwords while locked, so the answer to the right one is the answer to a wrong one', async () => {
    const user = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
    for (let i = 0; i < 5; i++) await login(web1, user.username, 'sai-mat-khau');
    const right = await login(web2, user.username, TEST_PASSWORD);
    const wrong = await login(web1, user.username, 'sai-mat-khau-nua');
    expect(right.statusCode).toBe(423);
    expect(right.json()).toEqual(wrong.json());
    expect(right.headers['set-cookie']).toBeUndefined();
    expect(await evaluatedTries(user.id)).toBe(5);
  });

  it('locks a username without an account exactly like one with an account, so a lock tells nothing', async () => {
    const user = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
    const answers = async (username: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await login(web1, username, 'sai-mat-khau')).statusCode);
      return statuses;
    };
    const existing = await answers(user.username);
    const unknown = await answers('khong-co-tai-khoan-nay');
    expect(existing).toEqual([401, 401, 401, 401, 401, 423, 423]);
    expect(unknown).toEqual(existing);
    // And in parallel too.
    const parallel = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(i % 2 ? web2 : web1, 'ten-doan-mo', 'sai')),
    );
    expect(parallel.filter((answer) => answer.statusCode === 401)).toHaveLength(5);
  });

  it('counts wrong current passwords of a password change in parallel the same way', async () => {
    const user = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
    const signedIn = await login(web1, user.username, TEST_PASSWORD);
    const cookie = String([signedIn.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const csrf = signedIn.json<{ csrfToken: string }>().csrfToken;
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? web2 : web1).inject({
          method: 'POST',
          url: '/api/auth/password',
          headers: { cookie, 'x-csrf-token': csrf },
          payload: { currentPassword: `doan-${i}`, newPassword: 'Mot-cum-tu-dai-hon-9' },
        }),
      ),
    );
    expect(answers.every((answer) => [400, 423].includes(answer.statusCode))).toBe(true);
    expect(await evaluatedTries(user.id)).toBe(5);
  });
});

describe('per address', () => {
  it('lets 10 of 50 attempts from one address sent at once to two instances through (LOGIN_RATE_LIMIT=10)', async () => {
    const limited1 = await createAppOn(ctx.database, { loginRateLimitPerMinute: 10 });
    const limited2 = await createAppOn(ctx.database, { loginRateLimitPerMinute: 10 });
    try {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          login(i % 2 ? limited2 : limited1, `ten-${i}`, 'sai-mat-khau', '203.0.113.9'),
        ),
      );
      const statuses = answers.map((answer) => answer.statusCode);
      expect(statuses.filter((status) => status === 429)).toHaveLength(40);
      expect(statuses.filter((status) => status === 401)).toHaveLength(10);
      const limited = answers.find((answer) => answer.statusCode === 429)!;
      expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/giây/) });
      // Another address is not affected; nor were the usernames refused here counted.
      expect((await login(limited1, 'ten-49', 'sai-mat-khau', '203.0.113.10')).statusCode).toBe(401);
    } finally {
      await limited1.close();
      await limited2.close();
    }
  });

  it('counts IPv6 clients by their /64 and IPv4-mapped addresses as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002::')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
  });

  it('keeps one count for the addresses of one IPv6 /64', async () => {
    const limited = await createAppOn(ctx.database, { loginRateLimitPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 1; i <= 5; i++)
        statuses.push((await login(limited, `v6-${i}`, 'sai', `2001:db8:77:1::${i}`)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
