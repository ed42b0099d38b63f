import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { MailConfig } from '../config';

export type Mailer = Transporter<SMTPTransport.SentMessageInfo>;

const mailers = new WeakMap<MailConfig, Mailer>();

/** One pooled SMTP transport per mail configuration (the configuration is read once per process). */
export function mailerFor(mail: MailConfig): Mailer {
  let mailer = mailers.get(mail);
  if (!mailer) {
    const timeouts = { connectionTimeout: 20_000, greetingTimeout: 15_000, socketTimeout: 60_000 };
    mailer =
      'url' in mail.smtp
        ? nodemailer.createTransport(mail.smtp.url, { from: mail.from })
        : nodemailer.createTransport(
            {
              host: mail.smtp.host,
              port: mail.smtp.port,
              secure: mail.smtp.secure,
              ...(mail.smtp.auth ? { auth: mail.smtp.auth } : {}),
              ...timeouts,
            },
            { from: mail.from },
          );
    mailers.set(mail, mailer);
  }
  return mailer;
}
