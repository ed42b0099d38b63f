import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/roles';
import { foldForSearch } from '../../../shared/text';
import type { Queryable } from '../client';
import { roleGrants, sessions, units, users } from '../schema';
import { queryRows } from '../sql';

export type UserRow = typeof users.$inferSelect;

export async function getUserById(q: Queryable, id: string): Promise<UserRow | undefined> {
  const [row] = await q.select().from(users).where(eq(users.id, id));
  return row;
}

export async function getUserByUsername(q: Queryable, username: string): Promise<UserRow | undefined> {
  const [row] = await q.select().from(users).where(eq(users.username, username));
  return row;
}

/**
 * Reserves one password try before the password is checked, in one statement: refused (false) while
 * the account is locked or while `maxTries` tries are already counted. The count goes up before the
 * slow hash check, so parallel attempts cannot all pass the same count: fifty at once get exactly
 * `maxTries` checks, on one instance or several. A try that succeeds clears the count
 * (recordSuccessfulLogin); one that fails is settled by settleWrongPassword.
 */
export async function reservePasswordTry(
  q: Queryable,
  id: string,
  options: { maxTries: number; now: Date },
): Promise<number | null> {
  const [row] = await q
    .update(users)
    .set({ failedLoginCount: sql`${users.failedLoginCount} + 1` })
    .where(
      and(
        eq(users.id, id),
        sql`(${users.lockedUntil} IS NULL OR ${users.lockedUntil} <= ${options.now.toISOString()}::timestamptz)`,
        sql`${users.failedLoginCount} < ${options.maxTries}`,
      ),
    )
    .returning({ failedLoginCount: users.failedLoginCount });
  return row ? row.failedLoginCount : null;
}

/**
 * A reserved try whose password was wrong. The try that finds `maxTries` counted locks the account
 * until `lockedUntil` and restarts the count; true when this call locked it.
 */
export async function settleWrongPassword(
  q: Queryable,
  id: string,
  options: { maxTries: number; now: Date; lockedUntil: Date },
): Promise<boolean> {
  const [row] = await queryRows<{ locked: boolean }>(
    q,
    sql`with old as (select id, failed_login_count as n from users where id = ${id} for update)
        update users u set
          locked_until = case when old.n >= ${options.maxTries} then ${options.lockedUntil.toISOString()}::timestamptz else u.locked_until end,
          failed_login_count = case when old.n >= ${options.maxTries} then 0 else u.failed_login_count end,
          updated_at = ${options.now.toISOString()}::timestamptz
        from old where u.id = old.id
        returning old.n >= ${options.maxTries} as locked`,
  );
  return row?.locked ?? false;
}

/**
 * A right password: clears the count and records the login, unless the account is locked (a lock
 * set by a parallel attempt after the user was read counts too). False when locked.
 */
export async function recordSuccessfulLogin(q: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await q
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now, updatedAt: now })
    .where(
      and(
        eq(users.id, id),
        sql`(${users.lockedUntil} IS NULL OR ${users.lockedUntil} <= ${now.toISOString()}::timestamptz)`,
      ),
    )
    .returning({ id: users.id });
  return rows.length > 0;
}

/** A right password that is not a login (the current one, when changing it): the count restarts. */
export async function clearPasswordTries(q: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await q
    .update(users)
    .set({ failedLoginCount: 0 })
    .where(
      and(
        eq(users.id, id),
        sql`(${users.lockedUntil} IS NULL OR ${users.lockedUntil} <= ${now.toISOString()}::timestamptz)`,
      ),
    )
    .returning({ id: users.id });
  return rows.length > 0;
}

export async function insertUser(
  q: Queryable,
  values: { username: string; fullName: string; email: string | null; passwordHash: string },
): Promise<UserRow> {
  const searchText = foldForSearch(`${values.username} ${values.fullName}`);
  const [row] = await q
    .insert(users)
    .values({ ...values, searchText })
    .returning();
  return row!;
}

export async function updateUser(
  q: Queryable,
  id: string,
  values: Partial<Omit<UserRow, 'id' | 'createdAt' | 'searchText'>>,
) {
  const searchText =
    values.fullName === undefined
      ? {}
      : { searchText: sql`${users.username} || ' ' || ${foldForSearch(values.fullName)}` };
  const [row] = await q
    .update(users)
    .set({ ...values, ...searchText, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export interface GrantView {
  id: string;
  role: Role;
  unitId: string | null;
  unitName: string | null;
  unitCode: string | null;
}

export async function findGrantsOfUsers(q: Queryable, userIds: string[]): Promise<Map<string, GrantView[]>> {
  const byUser = new Map<string, GrantView[]>();
  if (userIds.length === 0) return byUser;
  const rows = await q
    .select({
      id: roleGrants.id,
      userId: roleGrants.userId,
      role: roleGrants.role,
      unitId: roleGrants.unitId,
      unitName: units.name,
      unitCode: units.code,
    })
    .from(roleGrants)
    .leftJoin(units, eq(units.id, roleGrants.unitId))
    .where(inArray(roleGrants.userId, userIds))
    .orderBy(roleGrants.createdAt);
  for (const { userId, ...grant } of rows) {
    const list = byUser.get(userId) ?? [];
    list.push({ ...grant, role: grant.role as Role });
    byUser.set(userId, list);
  }
  return byUser;
}

export interface UserSearch {
  text?: string;
  /** Only users whose every grant is on one of these units; null: all users. */
  unitIds: string[] | null;
  /** With unitIds: only users whose every grant is of one of these roles. */
  roles?: readonly Role[];
  limit: number;
  offset: number;
}

export async function searchUsers(
  q: Queryable,
  search: UserSearch,
): Promise<{ ids: string[]; total: number }> {
  const conditions = [sql`true`];
  const folded = search.text ? foldForSearch(search.text) : '';
  for (const word of folded.split(' ').filter(Boolean)) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`u.search_text like ${pattern}`);
  }
  if (search.unitIds) {
    if (search.unitIds.length === 0) return { ids: [], total: 0 };
    // The users a manager reaches, as in assertManagesUser: at least one grant, none outside the
    // manager's units or roles (a user with a grant elsewhere belongs to someone else too).
    const unitList = `{${search.unitIds.join(',')}}`;
    const roleCheck = search.roles
      ? sql`or not (g.role = any(${`{${search.roles.join(',')}}`}::text[]))`
      : sql``;
    conditions.push(sql`exists (select 1 from role_grants g where g.user_id = u.id)`);
    conditions.push(
      sql`not exists (select 1 from role_grants g where g.user_id = u.id
        and (g.unit_id is null or not (g.unit_id = any(${unitList}::uuid[])) ${roleCheck}))`,
    );
  }
  const where = sql.join(conditions, sql` and `);
  const rows = await queryRows<{ id: string; total: number }>(
    q,
    sql`select u.id, count(*) over ()::int as total from users u where ${where}
        order by u.username limit ${search.limit} offset ${search.offset}`,
  );
  return { ids: rows.map((row) => row.id), total: rows[0]?.total ?? 0 };
}

export async function insertGrant(
  q: Queryable,
  values: { userId: string; role: string; unitId: string | null; createdBy: string | null },
) {
  const [row] = await q.insert(roleGrants).values(values).returning();
  return row!;
}

export async function getGrant(q: Queryable, grantId: string) {
  const [row] = await q.select().from(roleGrants).where(eq(roleGrants.id, grantId));
  return row;
}

export async function deleteGrant(q: Queryable, grantId: string) {
  await q.delete(roleGrants).where(eq(roleGrants.id, grantId));
}

export async function insertSession(
  q: Queryable,
  values: {
    id: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
) {
  await q.insert(sessions).values(values);
}

export async function touchSession(q: Queryable, id: string) {
  await q.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
}

export async function deleteSession(q: Queryable, id: string) {
  await q.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfUser(q: Queryable, userId: string, exceptId?: string) {
  await q
    .delete(sessions)
    .where(
      exceptId
        ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${exceptId}`)
        : eq(sessions.userId, userId),
    );
}

export async function deleteExpiredSessions(q: Queryable): Promise<number> {
  const rows = await q
    .delete(sessions)
    .where(lt(sessions.expiresAt, new Date()))
    .returning({ id: sessions.id });
  return rows.length;
}

export interface LiveSession {
  userId: string;
  username: string;
  isActive: boolean;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  grants: Array<{ id: string; role: Role; unitId: string | null }>;
  /** The units revision in the same snapshot (data_revisions): a read request's unit graph key. */
  unitsRevision: string;
}

/**
 * The session, its user, the user's grants and the units revision in one round trip: this runs on a
 * request whose session the web process does not hold in memory (session-cache.ts), where each query
 * costs a millisecond or two on the embedded database. Expiry (absolute, and idle since the last
 * request seen) is judged by the application clock, the one that set it (log-in), not by the database
 * server's now(), which may differ.
 */
export async function getLiveSessionWithGrants(
  q: Queryable,
  id: string,
  options: { now: Date; idleSince: Date },
): Promise<LiveSession | undefined> {
  const [row] = await queryRows<
    Omit<LiveSession, 'lastSeenAt' | 'expiresAt'> & { lastSeenAt: Date | string; expiresAt: Date | string }
  >(
    q,
    sql`select u.id as "userId", u.username, u.is_active as "isActive", s.csrf_token as "csrfToken",
          s.last_seen_at as "lastSeenAt", s.expires_at as "expiresAt",
          coalesce((select json_agg(json_build_object('id', g.id, 'role', g.role, 'unitId', g.unit_id))
                    from role_grants g where g.user_id = u.id), '[]'::json) as grants,
          coalesce((select revision from data_revisions where topic = 'units'), '') as "unitsRevision"
        from sessions s join users u on u.id = s.user_id
        where s.id = ${id} and s.expires_at > ${options.now} and s.last_seen_at > ${options.idleSince}`,
  );
  return row
    ? { ...row, lastSeenAt: new Date(row.lastSeenAt), expiresAt: new Date(row.expiresAt) }
    : undefined;
}
