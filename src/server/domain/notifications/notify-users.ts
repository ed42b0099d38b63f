import type { Queryable } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { insertNotifications } from '../../db/repositories/notifications';
import type { Actor } from '../actor';

export interface NotificationInput {
  recipientIds: readonly string[];
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  unitId?: string | null;
  subject?: { type: string; id: string };
}

/**
 * Tells users something in the app, in the caller's transaction: the notification exists exactly when
 * the step that caused it happened. One audit entry per notification names its recipient, so who
 * was told what, and when, can be shown later (the next issue's proof of urging builds on it).
 * The actor is never told about their own step.
 */
export async function notifyUsers(tx: Queryable, actor: Actor, input: NotificationInput): Promise<number> {
  const recipients = [...new Set(input.recipientIds)].filter((id) => id !== actor.userId);
  const rows = await insertNotifications(
    tx,
    recipients.map((recipientId) => ({
      recipientId,
      channel: 'in_app',
      kind: input.kind,
      title: input.title,
      body: input.body,
      link: input.link ?? null,
      unitId: input.unitId ?? null,
      subjectType: input.subject?.type ?? null,
      subjectId: input.subject?.id ?? null,
      actorId: actor.userId,
      deliveryStatus: 'delivered',
      deliveredAt: new Date(),
    })),
  );
  await insertAuditEntries(
    tx,
    actor,
    rows.map((row) => ({
      action: 'notification.create',
      entityType: 'notification',
      entityId: row.id,
      unitId: row.unitId,
      summary: `Thông báo trong ứng dụng: ${row.title}`,
      after: {
        recipientId: row.recipientId,
        channel: row.channel,
        kind: row.kind,
        ...(input.subject ? { subject: input.subject } : {}),
      },
    })),
  );
  return rows.length;
}
