import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import {
  getUserByUsername,
  insertSession,
  recordFailedPassword,
  recordSuccessfulLogin,
} from '../../db/repositories/users';
import { AppError } from '../../errors';
import type { Actor } from '../actor';
import { getDummyHash, verifyPassword } from './passwords';
import { newSessionToken } from './sessions';

export interface LogInOptions {
  db: Db;
  config: Pick<Config, 'loginMaxFailures' | 'lockoutMinutes' | 'sessionTtlHours'>;
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId?: string;
}

export interface LogInResult {
  token: string;
  csrfToken: string;
  userId: string;
  expiresAt: Date;
}

const INVALID = () => new AppError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');

/**
 * Checks a password and opens a session. After `loginMaxFailures` wrong passwords in a row the
 * account is locked for `lockoutMinutes`; the lock is only revealed to someone who knows the password,
 * so it cannot be used to learn which usernames exist.
 */
export async function logIn(options: LogInOptions): Promise<LogInResult> {
  const { db, config } = options;
  const username = options.username.normalize('NFC').trim().toLowerCase();
  const user = await getUserByUsername(db, username);
  if (!user) {
    await verifyPassword(await getDummyHash(), options.password);
    throw INVALID();
  }
  const actor = {
    userId: user.id,
    label: user.username,
    ip: options.ip,
    requestId: options.requestId ?? null,
  };
  const now = new Date();
  const isValid = await verifyPassword(user.passwordHash, options.password);

  if (!isValid) {
    await countWrongPassword(db, config, actor, now);
    throw INVALID();
  }
  if (user.lockedUntil !== null && user.lockedUntil > now) throw accountLocked(user.lockedUntil, now);
  if (!user.isActive) throw INVALID();

  const session = newSessionToken();
  const expiresAt = new Date(now.getTime() + config.sessionTtlHours * 3600_000);
  await db.transaction(async (tx) => {
    // Checked again as it is cleared: parallel wrong passwords may have locked it since it was read.
    if (!(await recordSuccessfulLogin(tx, user.id, now))) {
      const current = await getUserByUsername(tx, username);
      throw accountLocked(current?.lockedUntil ?? now, now);
    }
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

/**
 * Counts a wrong password (at login, or as the current password when changing it) in one atomic
 * statement and audits it; the attempt that reaches the limit locks the account. While the account
 * is locked nothing more is counted. Returns whether the account is now locked.
 */
export async function countWrongPassword(
  db: Db,
  config: Pick<Config, 'loginMaxFailures' | 'lockoutMinutes'>,
  actor: Actor & { userId: string },
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const counted = await recordFailedPassword(tx, actor.userId, {
      maxFailures: config.loginMaxFailures,
      now,
      lockedUntil: new Date(now.getTime() + config.lockoutMinutes * 60_000),
    });
    if (!counted) return true;
    await insertAuditEntries(tx, actor, [
      {
        action: counted.locked ? 'auth.locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: actor.userId,
        summary: counted.locked
          ? `Khóa tạm thời ${config.lockoutMinutes} phút sau ${counted.failures} lần sai mật khẩu`
          : `Sai mật khẩu lần ${counted.failures}`,
      },
    ]);
    return counted.locked;
  });
}
