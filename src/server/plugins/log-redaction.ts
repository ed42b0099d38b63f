import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config';

/**
 * What the logs never show: session cookies, bearer tokens (radio stations), CSRF tokens and passwords,
 * wherever a log line carries a request's headers or body. Fastify's own request lines hold only the
 * method, URL and address, but an error logged with its request, or a future line that adds headers,
 * must not leak a credential into files that many people read.
 */
export const LOG_REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'headers.cookie',
  'headers.authorization',
  'headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'body.password',
  'body.currentPassword',
  'body.newPassword',
  'body.token',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.passwordHash',
  '*.csrfToken',
  '*.token',
];

export function loggerOptions(config: Pick<Config, 'logLevel'>): FastifyServerOptions['logger'] {
  if (config.logLevel === 'silent') return false;
  return { level: config.logLevel, redact: { paths: LOG_REDACT_PATHS, censor: '[ẩn]' } };
}
