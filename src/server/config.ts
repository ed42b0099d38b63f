import path from 'node:path';

/**
 * The only module that reads process.env. Every setting is validated here once so that a bad value
 * stops start-up with a message naming the variable, instead of failing later in a request.
 */

export const PROCESS_ROLES = ['all', 'web', 'worker'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** A postgres:// URL switches from the embedded PGlite database to a PostgreSQL server. */
  databaseUrl: string | null;
  role: ProcessRole;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Seed the demo data when the database is empty (first start). */
  seedDemo: boolean;
  cookieSecure: boolean;
  sessionTtlHours: number;
  /** A session unused for this long ends (SESSION_IDLE_MINUTES); sessionTtlHours caps it anyway. */
  sessionIdleMinutes: number;
  loginMaxFailures: number;
  lockoutMinutes: number;
  /** Login attempts allowed per client address per minute before 429. */
  loginRateLimitPerMinute: number;
  /**
   * Take the client address from X-Forwarded-For. Only behind a reverse proxy that sets it: otherwise
   * any client could name its own address and step around the login rate limit.
   */
  trustProxy: boolean;
  /** Folder with the built web UI; null serves the API only. */
  webDir: string | null;
  /**
   * CHECK_RESPONSES: every API answer is also checked against its zod schema and serialised by zod,
   * and must decode to the same JSON as the fast serializer's (plugins/response-serializer.ts). Off by
   * default (it doubles the cost of an answer); the tests turn it on wherever they build or start a server.
   */
  checkResponses: boolean;
  /** Largest file accepted by an upload (evidence, library), from UPLOAD_MAX_MB. */
  uploadMaxBytes: number;
  /**
   * The address users open Loa Số at (PUBLIC_URL, no trailing slash), put in e-mails as the link
   * back to the app; null when unset (mails then say where to act without a link).
   */
  publicUrl: string | null;
  /** Outgoing mail; null = e-mail disabled (e-mail notifications are marked 'skipped' with the reason). */
  mail: MailConfig | null;
  /**
   * Hosts or IP literals the website monitor may reach although they are private or loopback
   * (MONITOR_ALLOW_HOSTS, comma-separated; tests and the demo's fixture sites use 127.0.0.1). Empty:
   * the monitor reaches public addresses only.
   */
  monitorAllowHosts: string[];
  /** Website checks one worker process runs at once (each on another host: one check per host anywhere). */
  monitorConcurrency: number;
  /**
   * Record imports of at most this many data rows run inside the request (IMPORT_INLINE_ROW_LIMIT);
   * a larger file is staged and imported by the `activities.import` job, one per user at a time.
   */
  importInlineRowLimit: number;
  /**
   * IMPORT_JOB_RETENTION_DAYS: a background import's row (its answer on the import page) is kept this
   * many days after it finished, then deleted by the `activities.import-cleanup` job.
   */
  importJobRetentionDays: number;
  /** Report and schedule documents (DOCX, XLSX) and evidence ZIPs one process builds at once (BUILD_CONCURRENCY). */
  buildConcurrency: number;
  /** Builds that may wait for a free slot (BUILD_QUEUE); past that the download is refused with 503. */
  buildQueue: number;
  /** The Prometheus endpoint (docs/operations.md, "Metrics"); off unless a token or a port is set. */
  metrics: MetricsConfig;
  /** Scheduled backups (the `backups.scheduled` job); off while BACKUP_DIR is unset. */
  backup: BackupConfig;
  /** How soon the job engine notices a dead worker's job and tries it again. */
  jobs: JobsConfig;
}

export interface JobsConfig {
  /**
   * JOB_SUPERVISE_SECONDS: how often a worker looks for jobs whose worker died (heartbeat silent,
   * or active past their expiry) and fails them for a retry; one worker does it per interval.
   */
  superviseSeconds: number;
  /**
   * JOB_RETRY_DELAY_MAX_SECONDS: the longest wait before any retry (each queue's own delay, and its
   * backoff, cut to this); null: each queue's own delays (a website check waits 5–10 minutes).
   */
  retryDelayMaxSeconds: number | null;
}

export interface MetricsConfig {
  /** METRICS_TOKEN: `/metrics` on the main port answers a request bearing it; null: not served there. */
  token: string | null;
  /** METRICS_PORT: a listener of its own serving only `/metrics`, in every role (the worker too). */
  port: number | null;
  /**
   * METRICS_HOST: the address that listener binds to. Without a token it must be loopback or a
   * private address, so the figures are never published to the Internet by a forgotten setting.
   */
  host: string;
}

export interface BackupConfig {
  /** BACKUP_DIR: where the nightly backup writes; null turns scheduled backups off. */
  dir: string | null;
  /** BACKUP_KEEP_DAILY: the newest backups kept, one per day. */
  keepDaily: number;
  /** BACKUP_KEEP_WEEKLY: besides those, the newest backup of each of this many recent ISO weeks. */
  keepWeekly: number;
}

export interface MailConfig {
  /** nodemailer SMTP transport options: from SMTP_URL, or SMTP_HOST/PORT/SECURE/USER/PASSWORD. */
  smtp:
    | { url: string }
    | { host: string; port: number; secure: boolean; auth: { user: string; pass: string } | null };
  /** The sender, e.g. "Loa Số <loaso@sotttt.gov.vn>" (MAIL_FROM). */
  from: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Cấu hình sai ${variable}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `"${raw}" không phải số nguyên (${min}–${max}).`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `${value} nằm ngoài khoảng ${min}–${max}.`);
  return value;
}

function readBool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `"${env[name]}" không phải giá trị đúng/sai (true/false).`);
}

function readEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `"${raw}" không hợp lệ; dùng một trong: ${allowed.join(', ')}.`);
  }
  return raw as T;
}

function readDatabaseUrl(env: Env): string | null {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'không phải URL; ví dụ postgres://user@127.0.0.1:5432/loaso');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `giao thức "${url.protocol}" không được hỗ trợ; dùng postgres://`);
  }
  if (url.pathname.length <= 1) throw new ConfigError('DATABASE_URL', 'thiếu tên cơ sở dữ liệu ở cuối URL.');
  return raw;
}

function readPublicUrl(env: Env): string | null {
  const raw = env.PUBLIC_URL;
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('PUBLIC_URL', 'không phải URL; ví dụ https://loaso.quangngai.gov.vn');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError('PUBLIC_URL', `giao thức "${url.protocol}" không được hỗ trợ; dùng https://`);
  }
  return raw.replace(/\/+$/, '');
}

/** A mailbox as in a From header: "name@host" or "Name <name@host>". */
const MAILBOX = /^(?:[^<>]*<\s*[^\s@<>]+@[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+)$/;

function readMail(env: Env): MailConfig | null {
  const url = env.SMTP_URL || '';
  const host = env.SMTP_HOST || '';
  if (!url && !host) {
    for (const name of ['SMTP_PORT', 'SMTP_USER', 'SMTP_PASSWORD', 'MAIL_FROM']) {
      if (env[name])
        throw new ConfigError(
          name,
          'đã đặt nhưng thiếu SMTP_HOST (hoặc SMTP_URL) nên không gửi được e-mail.',
        );
    }
    return null;
  }
  if (url && host) throw new ConfigError('SMTP_URL', 'chỉ đặt SMTP_URL hoặc SMTP_HOST, không đặt cả hai.');
  const from = env.MAIL_FROM || '';
  if (!from)
    throw new ConfigError('MAIL_FROM', 'thiếu địa chỉ người gửi, ví dụ "Loa Số <loaso@sotttt.gov.vn>".');
  if (from.length > 200 || !MAILBOX.test(from)) {
    throw new ConfigError(
      'MAIL_FROM',
      `"${from}" không phải địa chỉ e-mail; ví dụ "Loa Số <loaso@sotttt.gov.vn>".`,
    );
  }
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError('SMTP_URL', 'không phải URL; ví dụ smtps://user:pass@mail.example.vn:465');
    }
    if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
      throw new ConfigError(
        'SMTP_URL',
        `giao thức "${parsed.protocol}" không được hỗ trợ; dùng smtp:// hoặc smtps://`,
      );
    }
    if (!parsed.hostname) throw new ConfigError('SMTP_URL', 'thiếu tên máy chủ.');
    return { smtp: { url }, from };
  }
  if (!/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/.test(host)) {
    throw new ConfigError('SMTP_HOST', `"${host}" không phải tên máy chủ hay địa chỉ IP.`);
  }
  const secure = readBool(env, 'SMTP_SECURE', false);
  const port = readInt(env, 'SMTP_PORT', secure ? 465 : 587, 1, 65535);
  const user = env.SMTP_USER || '';
  const pass = env.SMTP_PASSWORD || '';
  if (user && !pass) throw new ConfigError('SMTP_PASSWORD', 'thiếu mật khẩu cho SMTP_USER.');
  if (pass && !user) throw new ConfigError('SMTP_USER', 'thiếu tên đăng nhập cho SMTP_PASSWORD.');
  return { smtp: { host, port, secure, auth: user ? { user, pass } : null }, from };
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const dataDir = path.resolve(cwd, env.DATA_DIR || 'data');
  const webDir = env.WEB_DIR === 'none' ? null : path.resolve(cwd, env.WEB_DIR || 'dist/web');
  return {
    port: readInt(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl: readDatabaseUrl(env),
    role: readEnum(env, 'ROLE', PROCESS_ROLES, 'all'),
    logLevel: readEnum(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      'info',
    ),
    seedDemo: readBool(env, 'SEED_DEMO', true),
    cookieSecure: readBool(env, 'COOKIE_SECURE', false),
    sessionTtlHours: readInt(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 90),
    sessionIdleMinutes: readInt(env, 'SESSION_IDLE_MINUTES', 60, 5, 24 * 60),
    loginMaxFailures: readInt(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    lockoutMinutes: readInt(env, 'LOCKOUT_MINUTES', 15, 1, 24 * 60),
    loginRateLimitPerMinute: readInt(env, 'LOGIN_RATE_LIMIT', 20, 1, 10000),
    trustProxy: readBool(env, 'TRUST_PROXY', false),
    webDir,
    checkResponses: readBool(env, 'CHECK_RESPONSES', false),
    uploadMaxBytes: readInt(env, 'UPLOAD_MAX_MB', 25, 1, 1024) * 1024 * 1024,
    publicUrl: readPublicUrl(env),
    mail: readMail(env),
    monitorAllowHosts: readHostList(env, 'MONITOR_ALLOW_HOSTS'),
    monitorConcurrency: readInt(env, 'MONITOR_CONCURRENCY', 8, 1, 64),
    importInlineRowLimit: readInt(env, 'IMPORT_INLINE_ROW_LIMIT', 2000, 1, 100_000),
    importJobRetentionDays: readInt(env, 'IMPORT_JOB_RETENTION_DAYS', 30, 1, 3650),
    buildConcurrency: readInt(env, 'BUILD_CONCURRENCY', 2, 1, 32),
    buildQueue: readInt(env, 'BUILD_QUEUE', 8, 0, 1000),
    metrics: readMetrics(env),
    backup: {
      dir: env.BACKUP_DIR ? path.resolve(cwd, env.BACKUP_DIR) : null,
      keepDaily: readInt(env, 'BACKUP_KEEP_DAILY', 7, 1, 3650),
      keepWeekly: readInt(env, 'BACKUP_KEEP_WEEKLY', 4, 0, 520),
    },
    jobs: {
      superviseSeconds: readInt(env, 'JOB_SUPERVISE_SECONDS', 60, 1, 3600),
      retryDelayMaxSeconds: env.JOB_RETRY_DELAY_MAX_SECONDS
        ? readInt(env, 'JOB_RETRY_DELAY_MAX_SECONDS', 0, 0, 86_400)
        : null,
    },
  };
}

/** Loopback and private (RFC 1918, unique-local IPv6) addresses: reachable from the site's own network only. */
export function isPrivateAddress(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1' || /^127\./.test(bare)) return true;
  if (/^10\./.test(bare) || /^192\.168\./.test(bare)) return true;
  if (/^172\.(1[6-9]|2\d|3[01])\./.test(bare)) return true;
  return /^f[cd][0-9a-f]{2}:/.test(bare);
}

function readMetrics(env: Env): MetricsConfig {
  const token = env.METRICS_TOKEN || null;
  // A bearer token guessed in a few tries would publish the figures: ask for a generated one.
  if (token !== null && (token.length < 24 || !/^[\x21-\x7e]+$/.test(token))) {
    throw new ConfigError(
      'METRICS_TOKEN',
      'cần ít nhất 24 ký tự in được, không dấu cách; tạo bằng: openssl rand -hex 32',
    );
  }
  const port = env.METRICS_PORT ? readInt(env, 'METRICS_PORT', 0, 1, 65535) : null;
  const host = env.METRICS_HOST || '127.0.0.1';
  if (!/^[A-Za-z0-9.-]+$|^\[?[0-9a-fA-F:.]+\]?$/.test(host)) {
    throw new ConfigError('METRICS_HOST', `"${host}" không phải tên máy chủ hay địa chỉ IP.`);
  }
  if (port !== null && token === null && !isPrivateAddress(host)) {
    throw new ConfigError(
      'METRICS_HOST',
      `"${host}" không phải địa chỉ nội bộ (127.0.0.1, 10.x, 172.16–31.x, 192.168.x); đặt METRICS_TOKEN nếu cần mở ra ngoài.`,
    );
  }
  return { token, port, host };
}

function readHostList(env: Env, name: string): string[] {
  const hosts = (env[name] || '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  for (const host of hosts)
    if (!/^[a-z0-9.-]+$|^\[?[0-9a-f:.]+\]?$/.test(host))
      throw new ConfigError(name, `"${host}" không phải tên máy chủ hay địa chỉ IP.`);
  return hosts;
}

/** A config for tests and tools: defaults, overridden by what the caller passes. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  // Tests check every answer against its schema (CHECK_RESPONSES); a benchmark passes checkResponses: false.
  return {
    ...loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', WEB_DIR: 'none', CHECK_RESPONSES: 'true' }),
    ...overrides,
  };
}
