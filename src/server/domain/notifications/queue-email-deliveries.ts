import type { Queryable } from '../../db/client';
import { currentJobEngine } from '../../jobs/engine';

/**
 * Queues the delivery of e-mail notifications the caller has just inserted (channel 'email',
 * delivery_status 'pending'). Pass the transaction that inserted them: the jobs are written in it,
 * so a rolled-back reminder sends nothing. One job per notification (the notification id is the
 * singleton key), so calling this twice for the same rows queues nothing more.
 */
export async function queueEmailDeliveries(
  q: Queryable,
  notificationIds: readonly string[],
): Promise<number> {
  const engine = currentJobEngine();
  let queued = 0;
  for (const notificationId of new Set(notificationIds)) {
    const id = await engine.enqueue(
      'notifications.deliver-email',
      { notificationId },
      { singletonKey: notificationId, db: q },
    );
    if (id) queued += 1;
  }
  return queued;
}
