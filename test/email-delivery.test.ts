import { eq, sql } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Config, type MailConfig, testConfig } from '../src/server/config';
import type { Database } from '../src/server/db/client';
import { insertNotifications } from '../src/server/db/repositories/notifications';
import { notifications } from '../src/server/db/schema-notifications';
import {
  MAIL_DISABLED,
  NO_EMAIL_ADDRESS,
} from '../src/server/domain/notifications/deliver-email-notification';
import { queueEmailDeliveries } from '../src/server/domain/notifications/queue-email-deliveries';
import type { JobEngine } from '../src/server/jobs/engine';
import { renderNotificationEmail } from '../src/server/mail/notification-email';
import { createTestDatabase } from './support/database';
import { createProvinceWithCommunes, createUser } from './support/factories';
import { startTestEngine } from './support/jobs';

/** A real SMTP server on 127.0.0.1: refuses recipients at refused.example, keeps every mail it accepts. */
async function startSmtpServer() {
  const received: Array<{ envelopeTo: string[]; mail: ParsedMail }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@refused.example')) {
        const error = Object.assign(new Error('5.1.1 Hộp thư không tồn tại'), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    received,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('e-mail delivery of notifications', () => {
  let database: Database;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let engine: JobEngine;
  let config: Config;
  let communeA: string;

  const mailConfig = (): MailConfig => ({
    smtp: { host: '127.0.0.1', port: smtp.port, secure: false, auth: null },
    from: 'Loa Số <loaso@sotttt.example>',
  });

  async function startEngine(overrides: Partial<Config>) {
    config = testConfig(overrides);
    engine = await startTestEngine(database, { work: true, config });
  }

  async function emailNotificationFor(email: string | null, text: { title: string; body: string }) {
    const user = await createUser(database.db, [{ role: 'unit_officer', unitId: communeA }]);
    await database.db.execute(sql`update users set email = ${email} where id = ${user.id}`);
    const [row] = await insertNotifications(database.db, [
      {
        recipientId: user.id,
        channel: 'email',
        kind: 'report.due_soon',
        title: text.title,
        body: text.body,
        link: '/reports/periods/123',
        unitId: communeA,
        deliveryStatus: 'pending',
      },
    ]);
    return { user, notificationId: row!.id };
  }

  const rowOf = async (id: string) => {
    const [row] = await database.db.select().from(notifications).where(eq(notifications.id, id));
    return row!;
  };
  const settled = (id: string) =>
    expect
      .poll(async () => (await rowOf(id)).deliveryStatus, { timeout: 20_000, interval: 100 })
      .not.toBe('pending');

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ communeA } = await createProvinceWithCommunes(database.db));
    smtp = await startSmtpServer();
  });
  afterEach(async () => {
    await engine?.stop();
  });
  afterAll(async () => {
    await smtp.close();
    await database.close();
  });

  it('sends the mail to the recipient, escaped, with the link to the app, and records the answer', async () => {
    await startEngine({ mail: mailConfig(), publicUrl: 'https://loaso.example.vn' });
    const { notificationId } = await emailNotificationFor('can.bo@xa.example', {
      title: 'Sắp đến hạn báo cáo 6 tháng',
      body: 'Báo cáo hạn 05/06/2026.\n<script>alert("x")</script> & "trích dẫn"',
    });
    // In the transaction that would insert the rows: the job commits with them.
    await database.db.transaction((tx) => queueEmailDeliveries(tx, [notificationId]));
    await settled(notificationId);

    const row = await rowOf(notificationId);
    expect(row.deliveryStatus).toBe('sent');
    expect(row.deliveredAt).toBeInstanceOf(Date);
    expect(row.deliveryResult).toMatchObject({
      to: 'can.bo@xa.example',
      messageId: `<notification-${notificationId}@loaso.example.vn>`,
      accepted: ['can.bo@xa.example'],
      rejected: [],
    });
    expect(String(row.deliveryResult!.response)).toMatch(/^250/);

    expect(smtp.received).toHaveLength(1);
    const { envelopeTo, mail } = smtp.received[0]!;
    expect(envelopeTo).toEqual(['can.bo@xa.example']);
    expect(mail.subject).toBe('[Loa Số] Sắp đến hạn báo cáo 6 tháng');
    expect(mail.from?.text).toContain('loaso@sotttt.example');
    expect(mail.messageId).toBe(`<notification-${notificationId}@loaso.example.vn>`);
    expect(mail.text).toContain('Báo cáo hạn 05/06/2026.');
    expect(mail.text).toContain('<script>alert("x")</script> & "trích dẫn"');
    expect(mail.text).toContain('https://loaso.example.vn/reports/periods/123');
    expect(mail.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;trích dẫn&quot;',
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('<a href="https://loaso.example.vn/reports/periods/123">');

    // Queued again (a reminder sweep that ran twice): the row is already sent, no second mail.
    await queueEmailDeliveries(database.db, [notificationId, notificationId]);
    await expect
      .poll(
        async () =>
          (await engine.boss.findJobs('notifications.deliver-email', { key: notificationId })).filter(
            (job) => job.state === 'completed',
          ).length,
        { timeout: 20_000 },
      )
      .toBe(2);
    const outputs = (await engine.boss.findJobs('notifications.deliver-email', { key: notificationId })).map(
      (job) => (job.output as { summary: string }).summary,
    );
    expect(outputs).toContain('Đã gửi trước đó; không gửi lại');
    expect(smtp.received).toHaveLength(1);
  });

  it('marks a recipient without an address failed, with the reason', async () => {
    await startEngine({ mail: mailConfig() });
    const { notificationId } = await emailNotificationFor(null, { title: 'Nhắc', body: 'Nội dung' });
    await queueEmailDeliveries(database.db, [notificationId]);
    await settled(notificationId);
    const row = await rowOf(notificationId);
    expect(row.deliveryStatus).toBe('failed');
    expect(row.deliveryResult).toEqual({ error: NO_EMAIL_ADDRESS });
    expect(NO_EMAIL_ADDRESS).toBe('Người dùng chưa có địa chỉ e-mail');
  });

  it('stores the refusal of a server that rejects the recipient, without retrying a permanent error', async () => {
    await startEngine({ mail: mailConfig() });
    const before = smtp.received.length;
    const { notificationId } = await emailNotificationFor('khong.co@refused.example', {
      title: 'Quá hạn',
      body: 'Đơn vị chưa nộp báo cáo.',
    });
    await queueEmailDeliveries(database.db, [notificationId]);
    await settled(notificationId);
    const row = await rowOf(notificationId);
    expect(row.deliveryStatus).toBe('failed');
    expect(row.deliveryResult).toMatchObject({
      to: 'khong.co@refused.example',
      responseCode: 550,
      command: 'RCPT TO',
      willRetry: false,
    });
    expect(String(row.deliveryResult!.error)).toContain('Hộp thư không tồn tại');
    // The row is written inside the handler; pg-boss marks the job completed only after it returns.
    await expect
      .poll(
        async () => {
          const [job] = await engine.boss.findJobs('notifications.deliver-email', { key: notificationId });
          return job && { state: job.state, retryCount: job.retryCount };
        },
        { timeout: 20_000 },
      )
      .toEqual({ state: 'completed', retryCount: 0 });
    expect(smtp.received.length).toBe(before);
  });

  it('retries when the server cannot be reached, recording each failed attempt', async () => {
    await startEngine({
      mail: { ...mailConfig(), smtp: { host: '127.0.0.1', port: 1, secure: false, auth: null } },
    });
    const { notificationId } = await emailNotificationFor('can.bo2@xa.example', { title: 'Nhắc', body: 'x' });
    await queueEmailDeliveries(database.db, [notificationId]);
    await settled(notificationId);
    const row = await rowOf(notificationId);
    expect(row.deliveryStatus).toBe('failed');
    expect(row.deliveryResult).toMatchObject({ code: 'ESOCKET', willRetry: true });
    await expect
      .poll(
        async () =>
          (await engine.boss.findJobs('notifications.deliver-email', { key: notificationId }))[0]?.state,
      )
      .toBe('retry');
  });

  it('skips e-mail rows with the reason when no SMTP server is configured', async () => {
    await startEngine({ mail: null });
    const { notificationId } = await emailNotificationFor('can.bo3@xa.example', { title: 'Nhắc', body: 'x' });
    await queueEmailDeliveries(database.db, [notificationId]);
    await settled(notificationId);
    const row = await rowOf(notificationId);
    expect(row.deliveryStatus).toBe('skipped');
    expect(row.deliveryResult).toEqual({ error: MAIL_DISABLED });
  });
});

describe('the notification e-mail', () => {
  it('keeps the subject on one line and links only to paths inside the app', () => {
    const mail = renderNotificationEmail({
      recipientName: 'A',
      title: 'Dòng 1\r\nBcc: x@y.z',
      body: 'b',
      unitName: null,
      link: '//evil.example/x',
      publicUrl: 'https://loaso.example.vn',
    });
    expect(mail.subject).toBe('[Loa Số] Dòng 1 Bcc: x@y.z');
    expect(mail.text).toContain('https://loaso.example.vn/\n');
    expect(mail.html).not.toContain('evil.example');
    const withoutUrl = renderNotificationEmail({
      recipientName: 'A',
      title: 't',
      body: 'b',
      unitName: 'Xã Đăk Rve',
      link: '/x',
      publicUrl: null,
    });
    expect(withoutUrl.text).toContain('Đăng nhập Loa Số để xem và xử lý.');
    expect(withoutUrl.text).toContain('Đơn vị: Xã Đăk Rve');
  });
});
