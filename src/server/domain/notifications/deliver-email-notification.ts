import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { getEmailNotification, setDeliveryOutcome } from '../../db/repositories/notifications';
import { mailerFor } from '../../mail/mailer';
import { renderNotificationEmail } from '../../mail/notification-email';
import { countEmailDelivery } from '../../metrics/hooks';

export const NO_EMAIL_ADDRESS = 'Người dùng chưa có địa chỉ e-mail';
export const MAIL_DISABLED = 'Máy chủ chưa cấu hình gửi e-mail (SMTP_HOST hoặc SMTP_URL, MAIL_FROM)';

/** An SMTP answer worth trying again later: 4xx, or no answer at all (connection, timeout). */
export class TransientMailError extends Error {}

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

/**
 * Sends one 'email' notification and records the outcome on its row: 'sent' with the server's answer
 * and message id, 'failed' with the error, 'skipped' when e-mail is not configured. Idempotent: a row
 * already 'sent' is left alone, so a job that runs twice (a worker died after sending, before the job
 * was marked done) sends no second mail unless it died between the SMTP answer and this update; the
 * Message-ID is fixed per notification so a mail server can drop that duplicate too.
 * A refusal that may pass later (4xx, network) is recorded and thrown, so the job is retried with
 * backoff; a permanent refusal (5xx) is recorded and not retried.
 */
export async function deliverEmailNotification(options: {
  db: Db;
  config: Config;
  now: Date;
  notificationId: string;
}): Promise<string> {
  const { db, config, notificationId } = options;
  const row = await getEmailNotification(db, notificationId);
  if (!row) return `Không có thông báo e-mail ${notificationId}`;
  if (row.deliveryStatus === 'sent') return 'Đã gửi trước đó; không gửi lại';
  const record = (status: 'sent' | 'failed' | 'skipped', result: Record<string, unknown>) => {
    countEmailDelivery(status);
    return setDeliveryOutcome(db, row.id, { status, at: new Date(), result });
  };

  if (!config.mail) {
    await record('skipped', { error: MAIL_DISABLED });
    return `Bỏ qua: ${MAIL_DISABLED}`;
  }
  const to = row.recipientEmail?.trim();
  if (!to) {
    await record('failed', { error: NO_EMAIL_ADDRESS });
    return `Không gửi: ${NO_EMAIL_ADDRESS}`;
  }
  const mail = renderNotificationEmail({
    recipientName: row.recipientName,
    title: row.title,
    body: row.body,
    unitName: row.unitName,
    link: row.link,
    publicUrl: config.publicUrl,
  });
  const host = config.publicUrl ? new URL(config.publicUrl).hostname : 'loaso.local';
  try {
    const info = await mailerFor(config.mail).sendMail({
      to: { name: row.recipientName, address: to },
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<notification-${row.id}@${host}>`,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    await record('sent', {
      to,
      messageId: info.messageId,
      response: info.response,
      accepted: info.accepted.map(String),
      rejected: info.rejected.map(String),
    });
    return `Đã gửi tới ${to}: ${info.response}`;
  } catch (caught) {
    const error = caught as SmtpError;
    const isPermanent = typeof error.responseCode === 'number' && error.responseCode >= 500;
    await record('failed', {
      to,
      error: error.message.slice(0, 2000),
      ...(error.code ? { code: error.code } : {}),
      ...(error.responseCode ? { responseCode: error.responseCode } : {}),
      ...(error.command ? { command: error.command } : {}),
      willRetry: !isPermanent,
    });
    if (isPermanent) return `Máy chủ thư từ chối ${to}: ${error.message}`;
    throw new TransientMailError(`Chưa gửi được tới ${to} (sẽ thử lại): ${error.message}`);
  }
}
