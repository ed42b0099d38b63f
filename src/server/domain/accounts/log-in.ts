import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { getUserByUsername, insertSession, updateUser } from '../../db/repositories/users';
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
  const actor: Actor = {
    userId: user.id,
    label: user.username,
    ip: options.ip,
    requestId: options.requestId ?? null,
  };
  const now = new Date();
  const isLocked = user.lockedUntil !== null && user.lockedUntil > now;
  const isValid = await verifyPassword(user.passwordHash, options.password);

  if (!isValid) {
    if (!isLocked) {
      const failures = user.failedLoginCount + 1;
      const lock = failures >= config.loginMaxFailures;
      await updateUser(db, user.id, {
        failedLoginCount: lock ? 0 : failures,
        lockedUntil: lock ? new Date(now.getTime() + config.lockoutMinutes * 60_000) : user.lockedUntil,
      });
      await insertAuditEntries(db, actor, [
        {
          action: lock ? 'auth.locked' : 'auth.login_failed',
          entityType: 'user',
          entityId: user.id,
          summary: lock
            ? `Khóa tạm thời ${config.lockoutMinutes} phút sau ${failures} lần sai mật khẩu`
            : `Sai mật khẩu lần ${failures}`,
        },
      ]);
    }
    throw INVALID();
  }
  if (isLocked) {
    const minutes = Math.ceil((user.lockedUntil!.getTime() - now.getTime()) / 60_000);
    throw new AppError(
      'ACCOUNT_LOCKED',
      `Tài khoản đang bị khóa tạm thời do đăng nhập sai nhiều lần. Thử lại sau ${minutes} phút.`,
    );
  }
  if (!user.isActive) throw INVALID();

  const session = newSessionToken();
  const expiresAt = new Date(now.getTime() + config.sessionTtlHours * 3600_000);
  await db.transaction(async (tx) => {
    await insertSession(tx, {
      id: session.id,
      userId: user.id,
      csrfToken: session.csrfToken,
      expiresAt,
      ip: options.ip,
      userAgent: options.userAgent?.slice(0, 300) ?? null,
    });
    await updateUser(tx, user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now });
    await insertAuditEntries(tx, actor, [
      { action: 'auth.login', entityType: 'user', entityId: user.id, summary: 'Đăng nhập' },
    ]);
  });
  return { token: session.token, csrfToken: session.csrfToken, userId: user.id, expiresAt };
}
