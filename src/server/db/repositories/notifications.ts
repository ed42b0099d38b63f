import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../client';
import { roleGrants, unitVersions, users } from '../schema';
import { notifications } from '../schema-notifications';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;

export async function insertNotifications(q: Queryable, rows: NewNotification[]): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  return q.insert(notifications).values(rows).returning();
}

/** Active users holding one of the roles on one of the units (each user once). */
export async function findUsersWithRoles(
  q: Queryable,
  unitIds: readonly string[],
  roles: readonly string[],
): Promise<string[]> {
  if (unitIds.length === 0 || roles.length === 0) return [];
  const rows = await q
    .selectDistinct({ id: users.id })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        inArray(roleGrants.unitId, [...unitIds]),
        inArray(roleGrants.role, [...roles]),
        eq(users.isActive, true),
      ),
    );
  return rows.map((row) => row.id);
}

/** A user's in-app notifications, newest first, with how many are unread. */
export async function findNotificationsOf(
  q: Queryable,
  recipientId: string,
  options: { unreadOnly: boolean; limit: number; offset: number },
): Promise<{ items: NotificationRow[]; total: number; unread: number }> {
  const mine = and(eq(notifications.recipientId, recipientId), eq(notifications.channel, 'in_app'));
  const filter = options.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
  const items = await q
    .select()
    .from(notifications)
    .where(filter)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit)
    .offset(options.offset);
  const [total] = await q.select({ n: count() }).from(notifications).where(filter);
  const [unread] = await q
    .select({ n: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  return { items, total: total?.n ?? 0, unread: unread?.n ?? 0 };
}

export async function getNotificationRow(q: Queryable, id: string): Promise<NotificationRow | undefined> {
  const [row] = await q.select().from(notifications).where(eq(notifications.id, id));
  return row;
}

/** Marks the user's unread in-app notifications read (all of them, or the ones given); returns their ids. */
export async function markNotificationsRead(
  q: Queryable,
  recipientId: string,
  ids: readonly string[] | null,
  at: Date,
): Promise<string[]> {
  const rows = await q
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(
        eq(notifications.recipientId, recipientId),
        eq(notifications.channel, 'in_app'),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, [...ids]) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.map((row) => row.id);
}

/** An e-mail notification with what the mail needs of its recipient and unit. */
export interface EmailNotificationRow extends NotificationRow {
  recipientEmail: string | null;
  recipientName: string;
  unitName: string | null;
}

export async function getEmailNotification(
  q: Queryable,
  id: string,
): Promise<EmailNotificationRow | undefined> {
  const [row] = await q
    .select({ notification: notifications, recipientEmail: users.email, recipientName: users.fullName })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.recipientId))
    .where(and(eq(notifications.id, id), eq(notifications.channel, 'email')));
  if (!row) return undefined;
  const unitName = row.notification.unitId ? await findUnitNameNow(q, row.notification.unitId) : null;
  return {
    ...row.notification,
    recipientEmail: row.recipientEmail,
    recipientName: row.recipientName,
    unitName,
  };
}

async function findUnitNameNow(q: Queryable, unitId: string): Promise<string | null> {
  const [row] = await q
    .select({ name: unitVersions.name })
    .from(unitVersions)
    .where(and(eq(unitVersions.unitId, unitId), isNull(unitVersions.validTo)))
    .limit(1);
  return row?.name ?? null;
}

/** Records the outcome of one delivery attempt. */
export async function setDeliveryOutcome(
  q: Queryable,
  id: string,
  outcome: { status: 'sent' | 'failed' | 'skipped'; at: Date; result: Record<string, unknown> },
): Promise<void> {
  await q
    .update(notifications)
    .set({ deliveryStatus: outcome.status, deliveredAt: outcome.at, deliveryResult: outcome.result })
    .where(eq(notifications.id, id));
}
