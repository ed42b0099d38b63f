import type { Config } from '../../config';
import type { Db, Queryable } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import {
  countWindowAttempt,
  getThrottleLock,
  reserveThrottledTry,
  settleThrottledFailure,
} from '../../db/repositories/login-throttles';
import {
  clearPasswordTries,
  deleteSession,
  getUserById,
  getUserByUsername,
  insertSession,
  recordSuccessfulLogin,
  reservePasswordTry,
  settleWrongPassword,
} from '../../db/repositories/users';
import { AppError } from '../../errors';
import type { Actor } from '../actor';
import { getDummyHash, verifyPassword } from './passwords';
import { newSessionToken } from './sessions';

export type LoginLimits = Pick<Config, 'loginMaxFailures' | 'lockoutMinutes'>;

export interface LogInOptions {
  db: Db;
  config: LoginLimits & Pick<Config, 'sessionTtlHours' | 'loginRateLimitPerMinute'>;
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId?: string;
  /** The session of the cookie the request came with, if any: it ends, so no pre-login id survives. */
  previousSessionId?: string | null;
}

export interface LogInResult {
  token: string;
  csrfToken: string;
  userId: string;
  expiresAt: Date;
}

const INVALID = () => new AppError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');

/**
 * Checks a password and opens a session with a new id. Limits, all counted in the database so that
 * they hold across parallel requests and several web instances:
 * - per client address: `loginRateLimitPerMinute` attempts a minute, then 429;
 * - per username: a try is reserved before the password is checked, at most `loginMaxFailures` in a
 *   row; the one that fails last locks the name for `lockoutMinutes`. While locked (or while the
 *   allowed tries are all in flight) the password is not checked at all, so a lock cannot be used as
 *   an oracle (right password → "locked", wrong → "wrong"). Names without an account are counted and
 *   locked the same way, so "locked" does not tell which usernames exist.
 */
export async function logIn(options: LogInOptions): Promise<LogInResult> {
  const { db, config } = options;
  const now = new Date();
  await countAddressAttempt(db, config, options.ip, now);
  const username = options.username.normalize('NFC').trim().toLowerCase();
  const user = await getUserByUsername(db, username);
  if (!user) {
    await tryUnknownAccount(db, config, username, options.password, now);
    throw INVALID();
  }
  const actor = {
    userId: user.id,
    label: user.username,
    ip: options.ip,
    requestId: options.requestId ?? null,
  };
  const tries = await reservePasswordTry(db, user.id, { maxTries: config.loginMaxFailures, now });
  if (tries === null) throw await lockedAccount(db, config, user.id, now);
  if (!(await verifyPassword(user.passwordHash, options.password))) {
    await settleWrongTry(db, config, actor, tries, now);
    throw INVALID();
  }
  if (!user.isActive) {
    // The right password of a disabled account: not a guess, so the try is given back; the answer is
    // the one of a wrong password.
    await clearPasswordTries(db, user.id, now);
    throw INVALID();
  }

  const session = newSessionToken();
  const expiresAt = new Date(now.getTime() + config.sessionTtlHours * 3600_000);
  await db.transaction(async (tx) => {
    // Refused if a parallel wrong try locked the account since this one was reserved.
    if (!(await recordSuccessfulLogin(tx, user.id, now))) throw await lockedAccount(tx, config, user.id, now);
    if (options.previousSessionId) await deleteSession(tx, options.previousSessionId);
    await insertSession(tx, {
      id: session.id,
      userId: user.id,
      csrfToken: session.csrfToken,
      expiresAt,
      ip: options.ip,
      userAgent: options.userAgent?.slice(0, 300) ?? null,
    });
    await insertAuditEntries(tx, actor, [
      { action: 'auth.login', entityType: 'user', entityId: user.id, summary: 'Đăng nhập' },
    ]);
  });
  return { token: session.token, csrfToken: session.csrfToken, userId: user.id, expiresAt };
}

export function accountLocked(lockedUntil: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return new AppError(
    'ACCOUNT_LOCKED',
    `Tài khoản đang bị khóa tạm thời do đăng nhập sai nhiều lần. Thử lại sau ${minutes} phút.`,
  );
}

/** The lock of an account whose try was refused; the allowed tries may be in flight, not yet a lock. */
export async function lockedAccount(
  q: Queryable,
  config: LoginLimits,
  userId: string,
  now: Date,
): Promise<AppError> {
  const user = await getUserById(q, userId);
  const lockedUntil =
    user?.lockedUntil && user.lockedUntil > now
      ? user.lockedUntil
      : new Date(now.getTime() + config.lockoutMinutes * 60_000);
  return accountLocked(lockedUntil, now);
}

/**
 * Settles a reserved try whose password was wrong (at login, or as the current password when
 * changing it) and audits it; the try that reaches the limit locks the account. Returns whether this
 * try locked it.
 */
export async function settleWrongTry(
  db: Db,
  config: LoginLimits,
  actor: Actor & { userId: string },
  tries: number,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const locked = await settleWrongPassword(tx, actor.userId, {
      maxTries: config.loginMaxFailures,
      now,
      lockedUntil: new Date(now.getTime() + config.lockoutMinutes * 60_000),
    });
    await insertAuditEntries(tx, actor, [
      {
        action: locked ? 'auth.locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: actor.userId,
        summary: locked
          ? `Khóa tạm thời ${config.lockoutMinutes} phút sau ${config.loginMaxFailures} lần sai mật khẩu`
          : `Sai mật khẩu lần ${tries}`,
      },
    ]);
    return locked;
  });
}

/** A name without an account: the same reservation, hash check (of a dummy) and lock as an account's. */
async function tryUnknownAccount(db: Db, config: LoginLimits, username: string, password: string, now: Date) {
  const key = `account:${username}`;
  if (!(await reserveThrottledTry(db, key, { maxTries: config.loginMaxFailures, now }))) {
    const lockedUntil =
      (await getThrottleLock(db, key, now)) ?? new Date(now.getTime() + config.lockoutMinutes * 60_000);
    throw accountLocked(lockedUntil, now);
  }
  await verifyPassword(await getDummyHash(), password);
  await settleThrottledFailure(db, key, {
    maxTries: config.loginMaxFailures,
    lockedUntil: new Date(now.getTime() + config.lockoutMinutes * 60_000),
  });
}

/**
 * Counts the attempt against its client address before anything else runs. An IPv6 client is
 * counted by its /64 (one subscriber's prefix), or it could take a new address for every attempt.
 */
async function countAddressAttempt(
  db: Db,
  config: Pick<Config, 'loginRateLimitPerMinute'>,
  ip: string | null,
  now: Date,
) {
  if (!ip) return;
  const windowMs = 60_000;
  const { attempts, windowStartedAt } = await countWindowAttempt(db, `ip:${addressKey(ip)}`, {
    now,
    windowMs,
  });
  if (attempts <= config.loginRateLimitPerMinute) return;
  const seconds = Math.max(1, Math.ceil((windowStartedAt.getTime() + windowMs - now.getTime()) / 1000));
  throw new AppError(
    'RATE_LIMITED',
    `Quá nhiều lần đăng nhập từ địa chỉ này. Vui lòng thử lại sau ${seconds} giây.`,
  );
}

export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  // The first four groups of the expanded address: the /64 prefix.
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]!.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = ip.includes('::')
    ? [...headGroups, ...Array(Math.max(0, missing)).fill('0'), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
