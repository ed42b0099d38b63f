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
  /** Largest file accepted by an upload (evidence, library), from UPLOAD_MAX_MB. */
  uploadMaxBytes: number;
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
    loginMaxFailures: readInt(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    lockoutMinutes: readInt(env, 'LOCKOUT_MINUTES', 15, 1, 24 * 60),
    loginRateLimitPerMinute: readInt(env, 'LOGIN_RATE_LIMIT', 20, 1, 10000),
    trustProxy: readBool(env, 'TRUST_PROXY', false),
    webDir,
    uploadMaxBytes: readInt(env, 'UPLOAD_MAX_MB', 25, 1, 1024) * 1024 * 1024,
  };
}

/** A config for tests and tools: defaults, overridden by what the caller passes. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', WEB_DIR: 'none' }), ...overrides };
}
