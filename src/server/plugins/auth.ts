import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { readUnitsRevision } from '../db/repositories/unit-graph';
import { getLiveSessionWithGrants, touchSession } from '../db/repositories/users';
import type { SessionCache, SessionState } from '../domain/accounts/session-cache';
import { sessionIdOf } from '../domain/accounts/sessions';
import type { Actor } from '../domain/actor';
import { runWithUnitsRevision } from '../domain/units/request-units-revision';
import { AppError } from '../errors';
import type { Principal } from '../policies/principal';

export const SESSION_COOKIE = 'loaso_session';
export const CSRF_HEADER = 'x-csrf-token';
/**
 * How often a session's last_seen_at is written: at most every five minutes (one write instead of one
 * per request), and well within the idle limit so that a session in use never looks idle.
 */
function touchIntervalMs(config: Config): number {
  return Math.min(5 * 60_000, (config.sessionIdleMinutes * 60_000) / 4);
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (health, login, the API reference). */
    isPublic?: boolean;
    /**
     * Called by another system, not a browser: the route authenticates its own bearer token (a radio
     * station's) in a hook, so no session and no CSRF header are asked for. A cookie cannot forge it.
     */
    isMachineRoute?: boolean;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const READS = new Set(['GET', 'HEAD']);
/**
 * Writes that never change the unit tables (records and reports: the deadline rush's writes), so the
 * units revision read with the session holds for them too, as it does for every read.
 */
const UNIT_NEUTRAL_WRITE_PREFIXES = ['/api/activities', '/api/reports/', '/api/report-periods/'];

function keepsUnits(request: FastifyRequest): boolean {
  if (READS.has(request.method)) return true;
  const url = request.routeOptions.url ?? '';
  return UNIT_NEUTRAL_WRITE_PREFIXES.some((prefix) => url.startsWith(prefix));
}

interface AuthDeps {
  db: Db;
  config: Config;
  /** The sessions this process holds in memory (session-cache.ts). */
  sessions: SessionCache;
}

/**
 * Reads the session cookie on every API request, and on state changes demands the session's CSRF
 * token in a header: a cross-site form can send the cookie but cannot read or set that header.
 */
export function registerAuth(app: FastifyInstance, deps: AuthDeps) {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', (request, _reply, done) => {
    authenticate(request, deps).then((unitsRevision) => {
      // The rest of a read request (its handler included) runs with the revision read with its session,
      // so that no unit-graph load reads it again (request-units-revision.ts). A callback hook, not an
      // async one: only a `done` called inside the store's run carries the store to what follows.
      if (unitsRevision !== undefined) runWithUnitsRevision(unitsRevision, done);
      else done();
    }, done);
  });

  // A write that may have changed sessions, users, grants or units (any write but records and reports)
  // drops what this process holds before its answer leaves: the writer's next request (a log-out's, a
  // disabled user's, a unit renamed) must never be answered from the state before it, even if the
  // change feed's announcement of it has not arrived yet. Again once it is sent, for a request whose
  // answer never went out (the client gone): cheap, and writes of this kind are rare.
  // Anonymous writes (a log-in, a wrong password) change no session a request could be answered from;
  // the announcements cover them, and leaving them out keeps a flood of them from emptying the cache.
  const forgetAfterWrite = (request: FastifyRequest) => {
    if (request.principal && STATE_CHANGING.has(request.method) && !keepsUnits(request))
      deps.sessions.forgetAll();
  };
  app.addHook('onSend', (request, _reply, payload, done) => {
    forgetAfterWrite(request);
    done(null, payload);
  });
  app.addHook('onResponse', (request, _reply, done) => {
    forgetAfterWrite(request);
    done();
  });

  // Before validation: an anonymous or forged request learns nothing about what a valid body looks like.
  app.addHook('preValidation', async (request) => {
    if (!request.routeOptions.url?.startsWith('/api/')) return;
    if (request.routeOptions.config.isPublic || request.routeOptions.config.isMachineRoute) return;
    if (!request.principal) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập.');
    if (STATE_CHANGING.has(request.method) && !isSameToken(request.headers[CSRF_HEADER], request.csrfToken)) {
      throw new AppError('CSRF_INVALID', 'Phiên làm việc không hợp lệ (thiếu mã CSRF). Hãy tải lại trang.');
    }
  });
}

/**
 * The live session of a cookie: from memory when this process holds it and it has neither expired nor
 * gone idle by what it holds (another instance may have seen it since: then it is read again before
 * being refused), else from the database, kept for the next request. With it, the units revision when
 * the request needs one.
 */
async function findLiveSession(
  deps: AuthDeps,
  id: string,
  options: { now: Date; idleSince: Date; needsUnitsRevision: boolean },
): Promise<{ session: SessionState; unitsRevision: string | undefined } | undefined> {
  const { sessions } = deps;
  const startedAt = sessions.currentGeneration;
  const held = sessions.session(id);
  if (held && held.expiresAt > options.now && held.lastSeenAt > options.idleSince) {
    if (!options.needsUnitsRevision) return { session: held, unitsRevision: undefined };
    let unitsRevision = sessions.cachedUnitsRevision();
    if (unitsRevision === undefined) {
      unitsRevision = await readUnitsRevision(deps.db);
      sessions.rememberUnitsRevision(unitsRevision, startedAt);
    }
    return { session: held, unitsRevision };
  }
  const found = await getLiveSessionWithGrants(deps.db, id, options);
  if (!found?.isActive) return undefined;
  const { isActive: _isActive, unitsRevision, ...session } = found;
  sessions.remember(id, session, unitsRevision, startedAt);
  return { session, unitsRevision };
}

/** Sets the request's principal from its session cookie; the units revision of a signed-in read. */
async function authenticate(request: FastifyRequest, deps: AuthDeps): Promise<string | undefined> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return undefined;
  const id = sessionIdOf(token);
  const now = new Date();
  const isRead = READS.has(request.method);
  const found = await findLiveSession(deps, id, {
    now,
    idleSince: new Date(now.getTime() - deps.config.sessionIdleMinutes * 60_000),
    needsUnitsRevision: keepsUnits(request),
  });
  if (!found) return undefined;
  const { session, unitsRevision } = found;
  request.principal = {
    userId: session.userId,
    username: session.username,
    grants: session.grants,
    // A read changes no units: the revision read with the session holds for the whole request.
    ...(isRead && unitsRevision !== undefined ? { unitsRevision } : {}),
  };
  request.sessionId = id;
  request.csrfToken = session.csrfToken;
  if (now.getTime() - session.lastSeenAt.getTime() > touchIntervalMs(deps.config)) {
    await touchSession(deps.db, id);
    deps.sessions.touched(id, now);
  }
  return unitsRevision || undefined;
}

/** Compared in constant time, so the answer's timing does not tell how much of a guess was right. */
function isSameToken(given: string | string[] | undefined, expected: string | null): boolean {
  if (typeof given !== 'string' || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The session id (hash) of the cookie a request came with, signed in or not. */
export function presentedSessionId(request: FastifyRequest): string | null {
  const token = request.cookies[SESSION_COOKIE];
  return token ? sessionIdOf(token) : null;
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
  });
}

/** The signed-in principal; the preValidation hook has already refused anonymous requests. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập.');
  return request.principal;
}

export function actorOf(request: FastifyRequest): Actor {
  const principal = request.principal;
  return {
    userId: principal?.userId ?? null,
    label: principal?.username ?? 'anonymous',
    ip: request.ip,
    requestId: request.id,
  };
}
