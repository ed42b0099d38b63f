import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, roleGrants, sessions } from '../src/server/db/schema';
import { createAppOn, createTestApp, logIn, type Session, type TestContext } from './support/app';
import { createProvinceWithCommunes, createUser, TEST_PASSWORD } from './support/factories';

/**
 * Issue 12, security review: sessions. A new id at every login (a cookie from before the login does
 * not survive it) and when the user's roles change; idle and absolute expiry; "log out everywhere";
 * an administrator disabling a user, a password reset and a password change end the user's sessions.
 */

let ctx: TestContext;
let app: FastifyInstance;
let unitId: string;
let otherUnitId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  ({ communeA: unitId, communeB: otherUnitId } = await createProvinceWithCommunes(ctx.database.db));
  // Many logins from one address in this file: the address limit is tested elsewhere.
  app = await createAppOn(ctx.database, { loginRateLimitPerMinute: 1000, sessionIdleMinutes: 30 });
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const cookieOf = (setCookie: string | string[] | undefined) =>
  [setCookie]
    .flat()
    .find((c) => c?.startsWith('loaso_session='))!
    .split(';')[0]!;

const isSignedIn = async (session: Session) => (await session.get('/api/auth/me')).statusCode === 200;

async function sessionCount(userId: string) {
  return (await ctx.database.db.select().from(sessions).where(eq(sessions.userId, userId))).length;
}

async function officer() {
  return createUser(ctx.database.db, [{ role: 'unit_officer', unitId }]);
}

describe('session fixation', () => {
  it('gives every login a new session id and ends the session of the cookie the login came with', async () => {
    const user = await officer();
    const first = await logIn(app, user.username);
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
      headers: { cookie: first.cookie },
    });
    expect(again.statusCode).toBe(200);
    const second = cookieOf(again.headers['set-cookie']);
    expect(second).not.toBe(first.cookie);
    expect(await isSignedIn(first)).toBe(false);
    expect(await sessionCount(user.id)).toBe(1);
  });

  it('ends the pre-login session even when it belonged to someone else (a planted cookie)', async () => {
    const attacker = await officer();
    const victim = await officer();
    const planted = await logIn(app, attacker.username);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: victim.username, password: TEST_PASSWORD },
      headers: { cookie: planted.cookie },
    });
    expect(login.statusCode).toBe(200);
    expect(await isSignedIn(planted)).toBe(false);
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: cookieOf(login.headers['set-cookie']) },
    });
    expect(me.json()).toMatchObject({ user: { id: victim.id } });
  });

  it('ignores a cookie the server never issued, and issues its own id instead', async () => {
    const user = await officer();
    const chosen = 'loaso_session=ke-tan-cong-chon-san';
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: chosen } })).statusCode,
    ).toBe(401);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
      headers: { cookie: chosen },
    });
    expect(cookieOf(login.headers['set-cookie'])).not.toBe(chosen);
  });

  it('ends the sessions of a user whose roles change (granted or revoked), so they sign in again with a new id', async () => {
    const admin = await logIn(
      app,
      (await createUser(ctx.database.db, [{ role: 'system_admin', unitId: null }])).username,
    );
    const user = await officer();
    const before = await logIn(app, user.username);
    const granted = await admin.post(`/api/users/${user.id}/grants`, { role: 'viewer', unitId: otherUnitId });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(await isSignedIn(before)).toBe(false);

    const after = await logIn(app, user.username);
    expect(after.cookie).not.toBe(before.cookie);
    const [grant] = await ctx.database.db
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.userId, user.id), eq(roleGrants.role, 'viewer')));
    const grantId = grant!.id;
    expect((await admin.delete(`/api/users/${user.id}/grants/${grantId}`)).statusCode).toBe(200);
    expect(await isSignedIn(after)).toBe(false);
    // The administrator's own session is untouched.
    expect(await isSignedIn(admin)).toBe(true);
  });
});

describe('expiry', () => {
  it('ends a session idle for longer than SESSION_IDLE_MINUTES, and keeps one in use', async () => {
    const user = await officer();
    const idle = await logIn(app, user.username);
    const active = await logIn(app, user.username);
    // Both last seen 29 minutes ago: alive. A request renews the one in use.
    await ctx.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 29 * 60_000) })
      .where(eq(sessions.userId, user.id));
    expect(await isSignedIn(active)).toBe(true);
    // Two minutes later the unused one has been idle for 31 minutes.
    await ctx.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(and(eq(sessions.userId, user.id), lt(sessions.lastSeenAt, new Date(Date.now() - 60_000))));
    expect(await isSignedIn(idle)).toBe(false);
    expect(await isSignedIn(active)).toBe(true);
  });

  it('writes last_seen_at while a session is used, so that use keeps it alive', async () => {
    const user = await officer();
    const session = await logIn(app, user.username);
    const old = new Date(Date.now() - 20 * 60_000);
    await ctx.database.db.update(sessions).set({ lastSeenAt: old }).where(eq(sessions.userId, user.id));
    expect(await isSignedIn(session)).toBe(true);
    const [row] = await ctx.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(row!.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('ends a session at its absolute expiry (SESSION_TTL_HOURS) however busy it is', async () => {
    const user = await officer();
    const session = await logIn(app, user.username);
    const [row] = await ctx.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect((row!.expiresAt.getTime() - row!.createdAt.getTime()) / 3600_000).toBeCloseTo(12, 1);
    await ctx.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() })
      .where(eq(sessions.userId, user.id));
    expect(await isSignedIn(session)).toBe(false);
  });
});

describe('ending sessions', () => {
  it('logs a user out everywhere: every session of theirs ends, with the CSRF token asked and an audit entry', async () => {
    const user = await officer();
    const laptop = await logIn(app, user.username);
    const phone = await logIn(app, user.username);
    const someoneElse = await logIn(app, (await officer()).username);
    const withoutToken = await app.inject({
      method: 'POST',
      url: '/api/auth/logout-all',
      headers: { cookie: laptop.cookie },
    });
    expect(withoutToken.statusCode).toBe(403);
    const response = await laptop.post('/api/auth/logout-all');
    expect(response.statusCode).toBe(200);
    expect([response.headers['set-cookie']].flat().join()).toMatch(/loaso_session=;/);
    expect(await isSignedIn(laptop)).toBe(false);
    expect(await isSignedIn(phone)).toBe(false);
    expect(await isSignedIn(someoneElse)).toBe(true);
    expect(await sessionCount(user.id)).toBe(0);
    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(audit.map((entry) => entry.action)).toContain('auth.logout_all');
  });

  it('ends the sessions of a user an administrator disables, or whose password an administrator resets', async () => {
    const admin = await logIn(
      app,
      (await createUser(ctx.database.db, [{ role: 'system_admin', unitId: null }])).username,
    );
    const disabled = await officer();
    const disabledSession = await logIn(app, disabled.username);
    expect((await admin.patch(`/api/users/${disabled.id}`, { isActive: false })).statusCode).toBe(200);
    expect(await isSignedIn(disabledSession)).toBe(false);
    expect(await sessionCount(disabled.id)).toBe(0);
    // Nor can they sign in again.
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: disabled.username, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);

    const reset = await officer();
    const resetSession = await logIn(app, reset.username);
    const answer = await admin.patch(`/api/users/${reset.id}`, { password: 'Lua-chon-moi-tu-quan-tri-7' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(await isSignedIn(resetSession)).toBe(false);
  });

  it('ends the other sessions of a user who changes their password (the one they use stays)', async () => {
    const user = await officer();
    const here = await logIn(app, user.username);
    const elsewhere = await logIn(app, user.username);
    const changed = await here.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Mot-cum-tu-dai-hon-9',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await isSignedIn(here)).toBe(true);
    expect(await isSignedIn(elsewhere)).toBe(false);
  });
});
