import type { Queryable } from '../../db/client';
import { findSystemAdmins } from '../../db/repositories/backup-alerts';
import type { NewNotification } from '../../db/repositories/notifications';
import { insertNewNotifications } from '../../db/repositories/reminders';
import { queueEmailDeliveries } from '../notifications/queue-email-deliveries';

export const BACKUP_FAILED_KIND = 'backup.failed';

/**
 * Tells every system administrator, in the app and by e-mail (the notifications of reminders: one
 * `in_app` and one `email` row per person, the e-mail sent by its job), that tonight's backup failed
 * and why. Once per Vietnamese day: the dedupe key names the day, so the job's retries and a second
 * failure the same night add nothing. Returns the rows written.
 */
export async function alertBackupFailure(
  q: Queryable,
  options: { day: string; reason: string; now: Date },
): Promise<number> {
  const { day, reason, now } = options;
  const admins = await findSystemAdmins(q);
  const base = {
    kind: BACKUP_FAILED_KIND,
    title: `Sao lưu định kỳ ngày ${day.split('-').reverse().join('/')} không thành công`,
    body: `Bản sao lưu dữ liệu tự động chưa được ghi: ${reason.slice(0, 500)}. Hệ thống sẽ thử lại; nếu vẫn lỗi, kiểm tra thư mục BACKUP_DIR (còn chỗ, quyền ghi) và nhật ký của tiến trình worker (docs/operations.md, mục Sao lưu).`,
    link: '/admin/jobs',
    unitId: null,
    actorId: null,
    createdAt: now,
  };
  const rows: NewNotification[] = admins.flatMap((admin) => {
    const key = (channel: string) => `backup-failed:${day}:${admin.userId}:${channel}`;
    return [
      {
        ...base,
        recipientId: admin.userId,
        channel: 'in_app',
        deliveryStatus: 'delivered',
        deliveredAt: now,
        dedupeKey: key('in_app'),
      },
      admin.email
        ? {
            ...base,
            recipientId: admin.userId,
            channel: 'email',
            deliveryStatus: 'pending',
            dedupeKey: key('email'),
          }
        : {
            ...base,
            recipientId: admin.userId,
            channel: 'email',
            deliveryStatus: 'skipped',
            deliveryResult: { reason: 'Người dùng chưa có địa chỉ e-mail' },
            dedupeKey: key('email'),
          },
    ];
  });
  const written = await insertNewNotifications(q, rows);
  const toSend = written.filter((row) => row.channel === 'email' && row.deliveryStatus === 'pending');
  if (toSend.length)
    await queueEmailDeliveries(
      q,
      toSend.map((row) => row.id),
    );
  return written.length;
}
