import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../src/server/db/schema';
import type { ErrorBody } from '../src/shared/errors';
import { createAppOn, createTestApp, logIn, type TestContext } from './support/app';
import { createProvinceWithCommunes, createUser, TEST_PASSWORD } from './support/factories';

/** Holes a hostile probe found in accounts: the lockout race, weak passwords, NUL in a username. */

let ctx: TestContext;
let app: FastifyInstance;
let unitId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  unitId = (await createProvinceWithCommunes(ctx.database.db)).communeA;
  // The policy of the issue (5), and a rate limit out of the way: the lockout is what is tested.
  app = await createAppOn(ctx.database, {
    loginMaxFailures: 5,
    lockoutMinutes: 15,
    loginRateLimitPerMinute: 1000,
  });
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

function login(username: string, password: string) {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
}

describe('lockout under parallel attempts', () => {
  it('locks after 25 wrong passwords sent at once, and the right one is then refused', async () => {
    const user = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
    const answers = await Promise.all(
      Array.from({ length: 25 }, () => login(user.username, 'sai-mat-khau-1')),
    );
    // Five tries are checked (wrong: 401); the other twenty find the tries used up or the lock (423)
    // and their passwords are never checked.
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 423)).toHaveLength(20);
    const [row] = await ctx.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    const locked = await login(user.username, TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    const actions = (await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, user.id))).map(
      (entry) => entry.action,
    );
    // Exactly the attempts up to the lock were counted; the rest found it locked.
    expect(actions.filter((action) => action === 'auth.login_failed')).toHaveLength(4);
    expect(actions.filter((action) => action === 'auth.locked')).toHaveLength(1);
  });

  it('counts wrong current passwords on a password change, and locks the account after the limit', async () => {
    const user = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
    const session = await logIn(app, user.username);
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () =>
        session.post('/api/auth/password', {
          currentPassword: 'doan-mo-mat-khau',
          newPassword: 'Cum-tu-moi-2026!',
        }),
      ),
    );
    expect(attempts.every((answer) => [400, 423].includes(answer.statusCode))).toBe(true);
    expect(attempts.some((answer) => answer.statusCode === 423)).toBe(true);
    // Locked: even the right current password is refused now, and so is a login.
    const right = await session.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Cum-tu-moi-2026!',
    });
    expect(right.statusCode).toBe(423);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(423);
  });
});

describe('password strength', () => {
  it('refuses 12345678, password123 and keyboard walks with a Vietnamese message, and accepts a good one', async () => {
    const user = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
    const session = await logIn(app, user.username);
    for (const weak of ['12345678', '1234567890', 'password123', 'qwertyuiop', `${user.username}2026`]) {
      const answer = await session.post('/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: weak,
      });
      expect(answer.statusCode, weak).toBe(400);
      expect(answer.json<ErrorBody>().details).toMatchObject([
        { field: expect.stringMatching(/newPassword/) },
      ]);
      expect(answer.json<ErrorBody>().details[0]!.message).toMatch(/ít nhất 10 ký tự|dễ đoán|tên đăng nhập/i);
    }
    // The demo password is strong enough.
    const good = await session.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'LoaSo@2026',
    });
    expect(good.statusCode, good.body).toBe(200);
  });
});

describe('hostile text at the door', () => {
  it('answers a NUL or a lone surrogate in the username with 400 naming the field', async () => {
    for (const username of ['a\u0000b', '\ud800x']) {
      const answer = await login(username, 'bat-ky-mat-khau');
      expect(answer.statusCode).toBe(400);
      expect(answer.json<ErrorBody>().details).toMatchObject([{ field: 'body.username' }]);
    }
  });
});
