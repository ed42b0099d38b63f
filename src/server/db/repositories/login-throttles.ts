import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { loginThrottles } from '../schema';
import { queryRows } from '../sql';

/**
 * Counts one attempt of `key` in a fixed window, in one upsert: the row lock makes parallel attempts
 * (on one instance or several) see each other, so the count cannot be read twice and written back
 * once. Returns the attempts in the current window, this one included, and when the window started.
 */
export async function countWindowAttempt(
  q: Queryable,
  key: string,
  options: { now: Date; windowMs: number },
): Promise<{ attempts: number; windowStartedAt: Date }> {
  const now = options.now.toISOString();
  const windowOpenedAfter = new Date(options.now.getTime() - options.windowMs).toISOString();
  const [row] = await queryRows<{ attempts: number; windowStartedAt: Date | string }>(
    q,
    sql`insert into login_throttles as t (key, attempts, window_started_at)
        values (${key}, 1, ${now}::timestamptz)
        on conflict (key) do update set
          attempts = case when t.window_started_at <= ${windowOpenedAfter}::timestamptz then 1 else t.attempts + 1 end,
          window_started_at = case when t.window_started_at <= ${windowOpenedAfter}::timestamptz
                                   then ${now}::timestamptz else t.window_started_at end
        returning t.attempts, t.window_started_at as "windowStartedAt"`,
  );
  return { attempts: row!.attempts, windowStartedAt: new Date(row!.windowStartedAt) };
}

/**
 * Reserves one password try for a username that names no account, before the (dummy) check runs:
 * refused (false) while the name is locked or while `maxTries` tries are already counted, so that
 * fifty parallel attempts get exactly as many tries as sequential ones. The same rule as an account's
 * (users.reservePasswordTry), so a lock does not tell whether the account exists.
 */
export async function reserveThrottledTry(
  q: Queryable,
  key: string,
  options: { maxTries: number; now: Date },
): Promise<boolean> {
  const now = options.now.toISOString();
  const rows = await queryRows<{ attempts: number }>(
    q,
    sql`insert into login_throttles as t (key, attempts, window_started_at)
        values (${key}, 1, ${now}::timestamptz)
        on conflict (key) do update set attempts = t.attempts + 1
          where (t.locked_until is null or t.locked_until <= ${now}::timestamptz) and t.attempts < ${options.maxTries}
        returning t.attempts`,
  );
  return rows.length > 0;
}

/** A reserved try that failed: the try that finds `maxTries` counted locks the name and restarts the count. */
export async function settleThrottledFailure(
  q: Queryable,
  key: string,
  options: { maxTries: number; lockedUntil: Date },
): Promise<void> {
  await q
    .update(loginThrottles)
    .set({
      lockedUntil: sql`case when ${loginThrottles.attempts} >= ${options.maxTries} then ${options.lockedUntil.toISOString()}::timestamptz else ${loginThrottles.lockedUntil} end`,
      attempts: sql`case when ${loginThrottles.attempts} >= ${options.maxTries} then 0 else ${loginThrottles.attempts} end`,
    })
    .where(eq(loginThrottles.key, key));
}

export async function getThrottleLock(q: Queryable, key: string, now: Date): Promise<Date | null> {
  const [row] = await q
    .select({ lockedUntil: loginThrottles.lockedUntil })
    .from(loginThrottles)
    .where(eq(loginThrottles.key, key));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

export async function deleteLoginThrottle(q: Queryable, key: string) {
  await q.delete(loginThrottles).where(eq(loginThrottles.key, key));
}

/** Rows whose window and lock are both over: run by the hourly sessions clean-up. */
export async function deleteStaleLoginThrottles(q: Queryable, olderThan: Date): Promise<number> {
  const rows = await q
    .delete(loginThrottles)
    .where(
      and(
        lt(loginThrottles.windowStartedAt, olderThan),
        or(sql`${loginThrottles.lockedUntil} is null`, lt(loginThrottles.lockedUntil, olderThan)),
      ),
    )
    .returning({ key: loginThrottles.key });
  return rows.length;
}
