import type { Queryable } from '../../db/client';
import type { NewNotification } from '../../db/repositories/notifications';
import {
  insertNewNotifications,
  type UnitRecipient,
  type WrittenNotification,
} from '../../db/repositories/reminders';
import { countRemindersWritten } from '../../metrics/hooks';
import { queueEmailDeliveries } from '../notifications/queue-email-deliveries';
import { NO_EMAIL_REASON } from './reminder-texts';

/** One message to the people of one unit (or to one office), in the app and by e-mail. */
export interface UnitMessage {
  unitId: string;
  recipients: readonly Pick<UnitRecipient, 'userId' | 'email'>[];
  kind: string;
  title: string;
  body: string;
  link: string;
  subject: { type: string; id: string } | null;
  /** The person who urged; null for the system's reminders. */
  actorId: string | null;
  /**
   * What makes the message unique, e.g. 'due-soon:<period>:<unit>:3'; each row's key adds the
   * recipient and channel. Null for messages sent every time they are asked for (an urge).
   */
  dedupeBase: string | null;
}

export interface TellResult {
  /** Rows written, both channels; rows already stored under the same key are not counted. */
  written: WrittenNotification[];
}

/**
 * Writes, for every recipient of every message, an in-app notification (delivered by being stored)
 * and an e-mail notification: 'pending' for the mail worker, or 'skipped' with the reason when the
 * person has no address, so that the urging list shows it. Rows whose key is already stored are
 * skipped silently (idempotent jobs). The pending e-mails are handed to the delivery queue.
 */
export async function tellUnitPeople(
  q: Queryable,
  messages: readonly UnitMessage[],
  now: Date,
): Promise<TellResult> {
  const rows: NewNotification[] = [];
  for (const message of messages) {
    const seen = new Set<string>();
    for (const recipient of message.recipients) {
      if (seen.has(recipient.userId)) continue;
      seen.add(recipient.userId);
      const base = {
        recipientId: recipient.userId,
        kind: message.kind,
        title: message.title,
        body: message.body,
        link: message.link,
        unitId: message.unitId,
        subjectType: message.subject?.type ?? null,
        subjectId: message.subject?.id ?? null,
        actorId: message.actorId,
        createdAt: now,
      };
      const key = (channel: string) =>
        message.dedupeBase === null ? null : `${message.dedupeBase}:${recipient.userId}:${channel}`;
      rows.push({
        ...base,
        channel: 'in_app',
        deliveryStatus: 'delivered',
        deliveredAt: now,
        dedupeKey: key('in_app'),
      });
      rows.push(
        recipient.email
          ? { ...base, channel: 'email', deliveryStatus: 'pending', dedupeKey: key('email') }
          : {
              ...base,
              channel: 'email',
              deliveryStatus: 'skipped',
              deliveryResult: { reason: NO_EMAIL_REASON },
              dedupeKey: key('email'),
            },
      );
    }
  }
  const written = await insertNewNotifications(q, rows);
  countRemindersWritten(rows, written);
  // Skipped rows need no delivery; the queue is told only about the mails to send.
  const toSend = written.filter((row) => row.channel === 'email' && row.deliveryStatus === 'pending');
  if (toSend.length)
    await queueEmailDeliveries(
      q,
      toSend.map((row) => row.id),
    );
  return { written };
}
