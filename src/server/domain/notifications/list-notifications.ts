import type { NotificationListDto, NotificationListQuery } from '../../../shared/api/notifications';
import type { Queryable } from '../../db/client';
import { findNotificationsOf, type NotificationRow } from '../../db/repositories/notifications';
import type { Principal } from '../../policies/principal';

export function presentNotification(row: NotificationRow): NotificationListDto['items'][number] {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    unitId: row.unitId,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

/** The signed-in user's own in-app notifications; nobody reads another user's. */
export async function listNotifications(
  q: Queryable,
  principal: Principal,
  query: NotificationListQuery,
): Promise<NotificationListDto> {
  const found = await findNotificationsOf(q, principal.userId, {
    unreadOnly: query.unread,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: found.items.map(presentNotification), total: found.total, unread: found.unread };
}
