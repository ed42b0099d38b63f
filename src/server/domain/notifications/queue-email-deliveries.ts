import type { Queryable } from '../../db/client';

// placeholder: replaced at merge by the jobs helper
/**
 * Sends each `notifications` row of channel 'email' among the ids and fills its delivery_status,
 * delivered_at and delivery_result. Until the jobs helper's version is merged, the rows stay
 * 'pending' (or 'skipped' when the recipient has no address, which the reminders write themselves).
 */
export async function queueEmailDeliveries(_q: Queryable, _notificationIds: string[]): Promise<void> {}
