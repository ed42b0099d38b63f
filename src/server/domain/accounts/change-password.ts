import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import {
  clearPasswordTries,
  deleteSessionsOfUser,
  getUserById,
  reservePasswordTry,
  updateUser,
} from '../../db/repositories/users';
import { AppError, notFound } from '../../errors';
import type { Actor } from '../actor';
import { accountLocked, lockedAccount, settleWrongTry } from './log-in';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './passwords';

/**
 * A user changes their own password; their other sessions are closed, this one stays. A wrong current
 * password counts towards the lockout like a wrong login (a stolen session must not be a way to guess
 * the password), reserved before the check as at login so that parallel guesses get no more tries,
 * and a locked account cannot change its password until the lock ends.
 */
export async function changePassword(options: {
  db: Db;
  config: Pick<Config, 'loginMaxFailures' | 'lockoutMinutes'>;
  actor: Actor;
  userId: string;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
}): Promise<void> {
  const { db, actor, userId } = options;
  const user = await getUserById(db, userId);
  if (!user) throw notFound();
  const now = new Date();
  if (user.lockedUntil !== null && user.lockedUntil > now) throw accountLocked(user.lockedUntil, now);
  const tries = await reservePasswordTry(db, userId, { maxTries: options.config.loginMaxFailures, now });
  if (tries === null) throw await lockedAccount(db, options.config, userId, now);
  if (!(await verifyPassword(user.passwordHash, options.currentPassword))) {
    if (await settleWrongTry(db, options.config, { ...actor, userId }, tries, now)) {
      throw await lockedAccount(db, options.config, userId, now);
    }
    throw new AppError('VALIDATION_FAILED', 'Mật khẩu hiện tại không đúng.', [
      { field: 'currentPassword', message: 'Không đúng.' },
    ]);
  }
  // The right current password: the try is given back (unless a parallel wrong one locked the account).
  if (!(await clearPasswordTries(db, userId, now)))
    throw await lockedAccount(db, options.config, userId, now);
  assertPasswordAcceptable(options.newPassword, 'newPassword', user.username);
  if (options.newPassword === options.currentPassword) {
    throw new AppError('VALIDATION_FAILED', 'Mật khẩu mới phải khác mật khẩu hiện tại.', [
      { field: 'newPassword', message: 'Trùng mật khẩu hiện tại.' },
    ]);
  }
  const passwordHash = await hashPassword(options.newPassword);
  await db.transaction(async (tx) => {
    await updateUser(tx, userId, { passwordHash, passwordChangedAt: new Date() });
    await deleteSessionsOfUser(tx, userId, options.sessionId);
    await insertAuditEntries(tx, actor, [
      { action: 'user.password_change', entityType: 'user', entityId: userId, summary: 'Đổi mật khẩu' },
    ]);
  });
}
