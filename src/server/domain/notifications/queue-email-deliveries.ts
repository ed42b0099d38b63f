import type { Queryable } from '../../db/client';
import { currentJobEngine } from '../../jobs/engine';

/**
 * Queues the delivery of e-mail notifications the caller has just inserted (channel 'email',
 * delivery_status 'pending'). Pass the transaction that inserted them: the jobs are written in it,
 * so a rolled-back reminder sends nothing. One job per notification (the notification id is the
 * singleton key), so calling this twice for the same rows queues nothing more. Queued in batches:
 * a reminder sweep over every commune writes thousands at once.
 */
export async function queueEmailDeliveries(
  q: Queryable,
  notificationIds: readonly string[],
): Promise<number> {
  const jobs = [...new Set(notificationIds)].map((notificationId) => ({
    data: { notificationId },
    singletonKey: notificationId,
  }));
  if (jobs.length === 0) return 0;
  return currentJobEngine().enqueueMany('notifications.deliver-email', jobs, { db: q });
}
