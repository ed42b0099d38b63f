import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { getLiveSessionWithGrants, touchSession } from '../db/repositories/users';
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

/**
 * Reads the session cookie on every API request, and on state changes demands the session's CSRF
 * token in a header: a cross-site form can send the cookie but cannot read or set that header.
 */
export function registerAuth(app: FastifyInstance, deps: { db: Db; config: Config }) {
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

/** Sets the request's principal from its session cookie; the units revision of a signed-in read. */
async function authenticate(
  request: FastifyRequest,
  deps: { db: Db; config: Config },
): Promise<string | undefined> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return undefined;
  const id = sessionIdOf(token);
  const now = new Date();
  const found = await getLiveSessionWithGrants(deps.db, id, {
    now,
    idleSince: new Date(now.getTime() - deps.config.sessionIdleMinutes * 60_000),
  });
  if (!found?.isActive) return undefined;
  const isRead = READS.has(request.method);
  request.principal = {
    userId: found.userId,
    username: found.username,
    grants: found.grants,
    // A read changes no units: the revision read with the session holds for the whole request.
    ...(isRead ? { unitsRevision: found.unitsRevision } : {}),
  };
  request.sessionId = id;
  request.csrfToken = found.csrfToken;
  if (now.getTime() - found.lastSeenAt.getTime() > touchIntervalMs(deps.config))
    await touchSession(deps.db, id);
  return keepsUnits(request) && found.unitsRevision ? found.unitsRevision : undefined;
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
