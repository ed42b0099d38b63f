import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createUserBody,
  grantInput,
  updateUserBody,
  userListQuery,
  userSchema,
} from '../../shared/api/accounts';
import { commonErrors, errorBodySchema } from '../../shared/api/common';
import {
  createUser,
  findUsers,
  getUser,
  grantRole,
  revokeGrant,
  updateUserAccount,
} from '../domain/accounts/manage-users';
import { actorOf, principalOf } from '../plugins/auth';
import { type RouteDeps, typed } from './deps';

const userParams = z.object({ userId: z.uuid() });

export function userRoutes(app: FastifyInstance, { database }: RouteDeps) {
  const db = database.db;
  const api = typed(app);

  api.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Người dùng trong phạm vi bạn quản lý',
        querystring: userListQuery,
        response: { 200: z.object({ items: z.array(userSchema), total: z.number().int() }), ...commonErrors },
      },
    },
    async (request) =>
      findUsers({
        db,
        principal: principalOf(request),
        text: request.query.q,
        limit: request.query.limit,
        offset: request.query.offset,
      }),
  );

  api.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Tạo tài khoản',
        body: createUserBody,
        response: { 200: userSchema, 409: errorBodySchema, ...commonErrors },
      },
    },
    async (request) =>
      createUser({ db, principal: principalOf(request), actor: actorOf(request), input: request.body }),
  );

  api.get(
    '/api/users/:userId',
    {
      schema: {
        tags: ['users'],
        summary: 'Một tài khoản và vai trò',
        params: userParams,
        response: { 200: userSchema, ...commonErrors },
      },
    },
    async (request) => getUser({ db, principal: principalOf(request), userId: request.params.userId }),
  );

  api.patch(
    '/api/users/:userId',
    {
      schema: {
        tags: ['users'],
        summary: 'Sửa tài khoản: họ tên, email, kích hoạt, đặt lại mật khẩu, mở khóa',
        params: userParams,
        body: updateUserBody,
        response: { 200: userSchema, ...commonErrors },
      },
    },
    async (request) =>
      updateUserAccount({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        userId: request.params.userId,
        update: request.body,
      }),
  );

  api.post(
    '/api/users/:userId/grants',
    {
      schema: {
        tags: ['users'],
        summary: 'Cấp vai trò trên một đơn vị (áp dụng cho cả cây con)',
        params: userParams,
        body: grantInput,
        response: { 200: userSchema, 409: errorBodySchema, ...commonErrors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { userId } = request.params;
      await grantRole({
        db,
        principal,
        actor: actorOf(request),
        userId,
        role: request.body.role,
        unitId: request.body.unitId,
      });
      return getUser({ db, principal, userId });
    },
  );

  api.delete(
    '/api/users/:userId/grants/:grantId',
    {
      schema: {
        tags: ['users'],
        summary: 'Thu hồi vai trò',
        params: z.object({ userId: z.uuid(), grantId: z.uuid() }),
        response: { 200: z.object({ ok: z.literal(true) }), ...commonErrors },
      },
    },
    async (request) => {
      await revokeGrant({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        userId: request.params.userId,
        grantId: request.params.grantId,
      });
      return { ok: true as const };
    },
  );
}
