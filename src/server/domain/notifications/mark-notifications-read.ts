import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import {
  findNotificationsOf,
  getNotificationRow,
  markNotificationsRead,
} from '../../db/repositories/notifications';
import { notFound } from '../../errors';
import type { Principal } from '../../policies/principal';
import type { Actor } from '../actor';

/**
 * Marks the user's own notifications read: the ones given, or all unread. A notification of another
 * user is "not found", like one that does not exist.
 */
export async function markRead(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  ids?: string[];
}): Promise<{ marked: number; unread: number }> {
  const { db, principal, actor } = options;
  return db.transaction(async (tx) => {
    if (options.ids)
      for (const id of options.ids) {
        const row = await getNotificationRow(tx, id);
        if (!row || row.recipientId !== principal.userId) throw notFound();
      }
    const marked = await markNotificationsRead(tx, principal.userId, options.ids ?? null, new Date());
    if (marked.length)
      await insertAuditEntries(tx, actor, [
        {
          action: 'notification.read',
          entityType: 'notification',
          entityId: marked.length === 1 ? marked[0]! : null,
          summary: `Đánh dấu đã đọc ${marked.length} thông báo`,
          after: { ids: marked },
        },
      ]);
    const { unread } = await findNotificationsOf(tx, principal.userId, {
      unreadOnly: true,
      limit: 1,
      offset: 0,
    });
    return { marked: marked.length, unread };
  });
}
