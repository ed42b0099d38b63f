import type { FastifyInstance } from 'fastify';
import { commonErrors } from '../../shared/api/common';
import {
  notificationListQuery,
  notificationListSchema,
  notificationsReadBody,
  notificationsReadSchema,
} from '../../shared/api/notifications';
import { listNotifications } from '../domain/notifications/list-notifications';
import { markRead } from '../domain/notifications/mark-notifications-read';
import { actorOf, principalOf } from '../plugins/auth';
import { type RouteDeps, typed } from './deps';

/** The signed-in user's in-app notifications: only their own, ever. */
export function notificationRoutes(app: FastifyInstance, { database }: RouteDeps) {
  const db = database.db;
  const api = typed(app);

  api.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Thông báo trong ứng dụng của người đang đăng nhập, mới nhất trước, kèm số chưa đọc',
        querystring: notificationListQuery,
        response: { 200: notificationListSchema, ...commonErrors },
      },
    },
    async (request) => listNotifications(db, principalOf(request), request.query),
  );

  api.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Đánh dấu đã đọc các thông báo đã chọn (ids), hoặc mọi thông báo chưa đọc',
        body: notificationsReadBody,
        response: { 200: notificationsReadSchema, ...commonErrors },
      },
    },
    async (request) =>
      markRead({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        ...(request.body.ids ? { ids: request.body.ids } : {}),
      }),
  );
}
