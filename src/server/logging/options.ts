import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import pino, { type LoggerOptions } from 'pino';
import type { Config } from '../config';

/**
 * One JSON object per line on stdout (pino), for journald, `jq` and any log shipper. Every process
 * (web, worker, CLI-started servers) logs the same shape: `level`, `time` (ISO), `pid`, `hostname`,
 * `role`, `msg`, and per request `reqId` (and `userId` once signed in, see ../metrics/plugin.ts).
 * Secrets never reach a log line: the paths below are replaced by "[redacted]" wherever a caller
 * passes an object that holds them (a request's headers, a body, the configuration, an SMTP error).
 */
export const REDACTED = '[redacted]';

const SECRET_HEADERS = ['cookie', 'authorization', 'x-csrf-token', 'proxy-authorization', 'set-cookie'];
const SECRET_FIELDS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'csrfToken',
  'passwordHash',
  'tokenHash',
  'sessionToken',
  'databaseUrl',
  'connectionString',
  'smtp',
  'pass',
];

/** pino redact paths: headers of requests and answers, and secret fields at the top and one or two levels down. */
export const REDACT_PATHS = [
  ...SECRET_HEADERS.flatMap((name) => [
    `req.headers["${name}"]`,
    `res.headers["${name}"]`,
    `headers["${name}"]`,
    `request.headers["${name}"]`,
  ]),
  ...SECRET_FIELDS.flatMap((name) => [name, `*.${name}`, `*.*.${name}`]),
  'config.mail',
  'config.metrics.token',
  'mail',
];

export function baseLoggerOptions(config: Pick<Config, 'logLevel' | 'role'>): LoggerOptions {
  return {
    level: config.logLevel,
    base: { pid: process.pid, hostname: os.hostname(), role: config.role },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    formatters: {
      // The level as a word ("info"), which people and log tools read without a table.
      level: (label) => ({ level: label }),
    },
  };
}

/** The logger of main.ts and the job engine. */
export function createLogger(
  config: Pick<Config, 'logLevel' | 'role'>,
  destination?: pino.DestinationStream,
) {
  return destination ? pino(baseLoggerOptions(config), destination) : pino(baseLoggerOptions(config));
}

/** A request id a proxy may pass on (nginx `$request_id`): short, plain characters only. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Fastify's logger and request id options. The id comes from `X-Request-Id` only behind a trusted
 * proxy (TRUST_PROXY), which sets it for every request, so one id follows a request through nginx's
 * log and ours; otherwise, or when the header is malformed, a fresh UUID. The answer carries it back.
 */
export function fastifyLogOptions(
  config: Pick<Config, 'logLevel' | 'role' | 'trustProxy'>,
  /** Where the lines go instead of stdout (tests read them back). */
  destination?: pino.DestinationStream,
): {
  logger?: LoggerOptions | boolean;
  loggerInstance?: FastifyBaseLogger;
  genReqId(request: IncomingMessage): string;
} {
  const logging = destination
    ? { loggerInstance: createLogger(config, destination) }
    : { logger: config.logLevel === 'silent' ? false : baseLoggerOptions(config) };
  return {
    ...logging,
    genReqId(request: IncomingMessage) {
      const given = config.trustProxy ? request.headers['x-request-id'] : undefined;
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  };
}
