import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { changePasswordBody, loginBody, meSchema } from '../../shared/api/accounts';
import { commonErrors, errorBodySchema } from '../../shared/api/common';
import { type Action, ROLES } from '../../shared/roles';
import { insertAuditEntries } from '../db/repositories/audit';
import {
  deleteSession,
  deleteSessionsOfUser,
  findGrantsOfUsers,
  getUserById,
} from '../db/repositories/users';
import { changePassword } from '../domain/accounts/change-password';
import { logIn } from '../domain/accounts/log-in';
import {
  actorOf,
  clearSessionCookie,
  presentedSessionId,
  principalOf,
  setSessionCookie,
} from '../plugins/auth';
import { GRANTABLE_ROLES, ROLES_BY_ACTION } from '../policies/permissions';
import { actionsOnUnit, isGlobal, type Principal } from '../policies/principal';
import { type RouteDeps, typed } from './deps';

const okSchema = z.object({ ok: z.literal(true) });

/** The units of the user's own grants whose role allows the action. */
function grantUnitsAllowing(principal: Principal, action: Action): string[] {
  const units = principal.grants
    .filter((grant) => grant.unitId !== null && ROLES_BY_ACTION[action].includes(grant.role))
    .map((grant) => grant.unitId!);
  return [...new Set(units)];
}

export function authRoutes(app: FastifyInstance, { database, config }: RouteDeps) {
  const db = database.db;
  const api = typed(app);

  api.post(
    '/api/auth/login',
    {
      // The per-address and per-username limits are counted in the database by logIn (shared by every
      // instance, atomic under parallel attempts), not in this process's memory.
      config: { isPublic: true },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập bằng mật khẩu; đặt cookie phiên HttpOnly',
        body: loginBody,
        response: {
          200: z.object({ csrfToken: z.string() }),
          400: errorBodySchema,
          401: errorBodySchema,
          423: errorBodySchema,
          429: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const result = await logIn({
        db,
        config,
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
        previousSessionId: presentedSessionId(request),
      });
      setSessionCookie(reply, config, result.token, result.expiresAt);
      return { csrfToken: result.csrfToken };
    },
  );

  api.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 200: okSchema, ...commonErrors } } },
    async (request, reply) => {
      const principal = principalOf(request);
      await db.transaction(async (tx) => {
        await deleteSession(tx, request.sessionId!);
        await insertAuditEntries(tx, actorOf(request), [
          { action: 'auth.logout', entityType: 'user', entityId: principal.userId, summary: 'Đăng xuất' },
        ]);
      });
      clearSessionCookie(reply, config);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/auth/logout-all',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đăng xuất khỏi mọi thiết bị (kết thúc mọi phiên của mình)',
        response: { 200: okSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      await db.transaction(async (tx) => {
        await deleteSessionsOfUser(tx, principal.userId);
        await insertAuditEntries(tx, actorOf(request), [
          {
            action: 'auth.logout_all',
            entityType: 'user',
            entityId: principal.userId,
            summary: 'Đăng xuất khỏi mọi thiết bị',
          },
        ]);
      });
      clearSessionCookie(reply, config);
      return { ok: true as const };
    },
  );

  api.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Người dùng đang đăng nhập, vai trò và mã CSRF',
        response: { 200: meSchema, ...commonErrors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const user = await getUserById(db, principal.userId);
      const grants = (await findGrantsOfUsers(db, [principal.userId])).get(principal.userId) ?? [];
      // Menus: the actions the user holds on the units of their own grants.
      const held = new Set(
        actionsOnUnit(
          principal,
          principal.grants.map((grant) => grant.unitId).filter((id): id is string => id !== null),
        ),
      );
      return {
        user: {
          id: principal.userId,
          username: principal.username,
          fullName: user?.fullName ?? principal.username,
        },
        grants: grants.map((grant) => ({
          ...grant,
          role: grant.role as (typeof principal.grants)[number]['role'],
        })),
        csrfToken: request.csrfToken!,
        canManageUsers: held.has('user.manage'),
        canViewAudit: held.has('audit.view'),
        canViewJobs: isGlobal(principal, 'jobs.view'),
        grantableRoles: ROLES.filter((role) =>
          principal.grants.some((grant) => GRANTABLE_ROLES[grant.role].includes(role)),
        ),
        recordUnitIds: grantUnitsAllowing(principal, 'activity.record'),
        issueUnitIds: grantUnitsAllowing(principal, 'schedule.issue'),
      };
    },
  );

  api.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu của chính mình',
        body: changePasswordBody,
        response: { 200: okSchema, ...commonErrors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      await changePassword({
        db,
        config,
        actor: actorOf(request),
        userId: principal.userId,
        sessionId: request.sessionId!,
        currentPassword: request.body.currentPassword,
        newPassword: request.body.newPassword,
      });
      return { ok: true as const };
    },
  );
}
