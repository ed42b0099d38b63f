import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/db/client';
import { auditLog, sessions, users } from '../src/server/db/schema';
import type { MeDto } from '../src/shared/api/accounts';
import type { ErrorBody } from '../src/shared/errors';
import { createAppOn, createTestApp, logIn, type TestContext } from './support/app';
import { createProvinceWithCommunes, createUser, TEST_PASSWORD } from './support/factories';

function loginRequest(app: FastifyInstance, username: string, password: string, ip = '127.0.0.1') {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });
}

async function auditActions(db: Db, userId: string) {
  const rows = await db.select().from(auditLog).where(eq(auditLog.entityId, userId)).orderBy(auditLog.id);
  return rows.map((row) => row.action);
}

let ctx: TestContext;
let unitId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  unitId = (await createProvinceWithCommunes(ctx.database.db)).communeA;
});
afterAll(() => ctx.close());

describe('login, sessions and CSRF', () => {
  it('sets an HttpOnly SameSite session cookie and returns a CSRF token', async () => {
    const user = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
    const response = await loginRequest(ctx.app, user.username, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = [response.headers['set-cookie']].flat().find((c) => c?.startsWith('loaso_session='))!;
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    const { csrfToken } = response.json<{ csrfToken: string }>();
    expect(csrfToken.length).toBeGreaterThanOrEqual(20);
    // The cookie's token is not what the database stores.
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const stored = await ctx.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).not.toBe(token);

    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json<MeDto>()).toMatchObject({
      user: { id: user.id, username: user.username },
      csrfToken,
      canManageUsers: false,
    });
    expect(await auditActions(ctx.database.db, user.id)).toContain('auth.login');
  });

  it('accepts the username in any case and with spaces around it', async () => {
    const user = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
    expect((await loginRequest(ctx.app, `  ${user.username.toUpperCase()} `, TEST_PASSWORD)).statusCode).toBe(
      200,
    );
  });

  it('stores passwords as argon2id hashes', async () => {
    const user = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
    const [row] = await ctx.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(row!.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it('answers a wrong password and an unknown user with the same 401 body', async () => {
    const user = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
    const wrong = await loginRequest(ctx.app, user.username, 'sai-mat-khau-123');
    const unknown = await loginRequest(ctx.app, 'khong-ton-tai', 'sai-mat-khau-123');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: expect.stringMatching(/không đúng/),
      details: [],
    });
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(await auditActions(ctx.database.db, user.id)).toEqual(['user.create', 'auth.login_failed']);
  });

  it('refuses a state change without, or with a wrong, CSRF token', async () => {
    const user = await createUser(ctx.database.db, [{ role: 'unit_head', unitId }]);
    const session = await logIn(ctx.app, user.username);
    const url = `/api/units/${unitId}`;
    const payload = { websiteUrl: 'https://csrf.gov.vn' };
    const missing = await ctx.app.inject({
      method: 'PATCH',
      url,
      payload,
      headers: { cookie: session.cookie },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'CSRF_INVALID' });
    const wrong = await session.request({
      method: 'PATCH',
      url,
      payload,
      headers: { 'x-csrf-token': 'gia-mao' },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ code: 'CSRF_INVALID' });
    const logout = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie },
    });
    expect(logout.statusCode).toBe(403);
    // Reading needs no token; the right token passes.
    expect(
      (await ctx.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } })).statusCode,
    ).toBe(200);
    expect((await session.patch(url, payload)).statusCode).toBe(200);
  });

  it('ends the session on logout: the old cookie no longer works', async () => {
    const user = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
    const session = await logIn(ctx.app, user.username);
    const response = await session.post('/api/auth/logout');
    expect(response.statusCode).toBe(200);
    expect([response.headers['set-cookie']].flat().join()).toMatch(/loaso_session=;/);
    const after = await session.get('/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await ctx.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect(await auditActions(ctx.database.db, user.id)).toContain('auth.logout');
  });

  it('refuses an expired session', async () => {
    const user = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
    const session = await logIn(ctx.app, user.username);
    await ctx.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user.id));
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('changes the password: a wrong current one is refused naming the field; then only the new one works and other sessions end', async () => {
    const user = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
    const session = await logIn(ctx.app, user.username);
    const other = await logIn(ctx.app, user.username);

    const wrong = await session.post('/api/auth/password', {
      currentPassword: 'khong-dung-123',
      newPassword: 'mat-khau-moi-2026',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ErrorBody>()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'currentPassword' }],
    });
    expect(wrong.json<ErrorBody>().message).toMatch(/Mật khẩu hiện tại/);

    const tooShort = await session.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'ngan',
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json<ErrorBody>().details).toMatchObject([{ field: 'body.newPassword' }]);

    const changed = await session.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'mat-khau-moi-2026',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await session.get('/api/auth/me')).statusCode).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect((await loginRequest(ctx.app, user.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await loginRequest(ctx.app, user.username, 'mat-khau-moi-2026')).statusCode).toBe(200);
    expect(await auditActions(ctx.database.db, user.id)).toContain('user.password_change');
  });
});

describe('lockout after repeated failures', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    // The address limit out of the way (it is counted in the database, across apps): the lockout is tested.
    app = await createAppOn(ctx.database, {
      loginMaxFailures: 3,
      lockoutMinutes: 15,
      loginRateLimitPerMinute: 1000,
    });
  });
  afterAll(() => app.close());

  it('locks the account after LOGIN_MAX_FAILURES wrong passwords, even for the right one, then unlocks after the lockout', async () => {
    const user = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
    for (let i = 0; i < 2; i++)
      expect((await loginRequest(app, user.username, 'sai-mat-khau')).statusCode).toBe(401);
    // Two failures are not yet a lock.
    const [afterTwo] = await ctx.database.db.select().from(users).where(eq(users.id, user.id));
    expect(afterTwo!.lockedUntil).toBeNull();
    expect((await loginRequest(app, user.username, 'sai-mat-khau')).statusCode).toBe(401);

    const locked = await loginRequest(app, user.username, TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringMatching(/khóa/) });
    expect(locked.headers['set-cookie']).toBeUndefined();
    // While locked no password is checked, so the answer does not tell a right password from a wrong one.
    expect((await loginRequest(app, user.username, 'sai-mat-khau')).json()).toMatchObject({
      code: 'ACCOUNT_LOCKED',
    });

    const [row] = await ctx.database.db.select().from(users).where(eq(users.id, user.id));
    const minutes = (row!.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(await auditActions(ctx.database.db, user.id)).toEqual([
      'user.create',
      'auth.login_failed',
      'auth.login_failed',
      'auth.locked',
    ]);

    // The lockout is over.
    await ctx.database.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, user.id));
    expect((await loginRequest(app, user.username, TEST_PASSWORD)).statusCode).toBe(200);
    const [reset] = await ctx.database.db.select().from(users).where(eq(users.id, user.id));
    expect(reset).toMatchObject({ lockedUntil: null, failedLoginCount: 0 });
  });

  it('counts failures in a row only: a success resets the count', async () => {
    const user = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
    for (let i = 0; i < 2; i++) await loginRequest(app, user.username, 'sai-mat-khau');
    expect((await loginRequest(app, user.username, TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 2; i++) await loginRequest(app, user.username, 'sai-mat-khau');
    expect((await loginRequest(app, user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('lets an administrator unlock an account', async () => {
    const user = await createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
    const admin = await createUser(ctx.database.db, [{ role: 'system_admin', unitId: null }]);
    const adminSession = await logIn(app, admin.username);
    for (let i = 0; i < 3; i++) await loginRequest(app, user.username, 'sai-mat-khau');
    expect((await loginRequest(app, user.username, TEST_PASSWORD)).statusCode).toBe(423);
    const unlocked = await adminSession.patch(`/api/users/${user.id}`, { unlock: true });
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    expect(unlocked.json()).toMatchObject({ isLocked: false });
    expect((await loginRequest(app, user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('login rate limit', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await createAppOn(ctx.database, { loginRateLimitPerMinute: 3 });
  });
  afterAll(() => app.close());

  it('answers 429 RATE_LIMITED after the allowed attempts per minute from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await loginRequest(app, 'ai-do', 'sai-mat-khau', '10.0.0.1')).statusCode);
    expect(statuses).toEqual([401, 401, 401]);
    const limited = await loginRequest(app, 'ai-do', 'sai-mat-khau', '10.0.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/Quá nhiều/),
      details: [],
    });
    // Another address is not affected.
    expect((await loginRequest(app, 'ai-do', 'sai-mat-khau', '10.0.0.2')).statusCode).toBe(401);
  });

  it('does not let a client name its own address in X-Forwarded-For to escape the limit', async () => {
    const attempt = (forwardedFor: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'ai-khac', password: 'sai-mat-khau' },
        remoteAddress: '10.0.0.3',
        headers: { 'x-forwarded-for': forwardedFor },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt(`192.0.2.${i + 1}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});
