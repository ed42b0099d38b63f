import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../client';
import { roleGrants, users } from '../schema';
import { activityImportJobs } from '../schema-activities';

/** Rows of `activity_import_jobs`: a large records import waiting for, or done by, its job. */

export type ActivityImportJobRow = typeof activityImportJobs.$inferSelect;

export async function insertActivityImportJob(
  q: Queryable,
  row: typeof activityImportJobs.$inferInsert,
): Promise<void> {
  await q.insert(activityImportJobs).values(row);
}

export async function getActivityImportJob(
  q: Queryable,
  id: string,
): Promise<ActivityImportJobRow | undefined> {
  const [row] = await q.select().from(activityImportJobs).where(eq(activityImportJobs.id, id));
  return row;
}

/** Marks a queued or interrupted job as running; false when it has already finished (done or failed). */
export async function markActivityImportJobRunning(q: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await q
    .update(activityImportJobs)
    .set({ status: 'running', startedAt: now })
    .where(and(eq(activityImportJobs.id, id), inArray(activityImportJobs.status, ['queued', 'running'])))
    .returning({ id: activityImportJobs.id });
  return rows.length > 0;
}

export async function finishActivityImportJob(
  q: Queryable,
  id: string,
  outcome: { status: 'done'; result: unknown } | { status: 'failed'; error: unknown },
  now: Date,
): Promise<void> {
  await q
    .update(activityImportJobs)
    .set({
      status: outcome.status,
      result: outcome.status === 'done' ? outcome.result : null,
      error: outcome.status === 'failed' ? outcome.error : null,
      finishedAt: now,
    })
    .where(eq(activityImportJobs.id, id));
}

/** The user's account and grants, read afresh: a job imports with the grants its owner has when it runs. */
export async function findActiveUserGrants(
  q: Queryable,
  userId: string,
): Promise<
  { username: string; grants: Array<{ id: string; role: string; unitId: string | null }> } | undefined
> {
  const [user] = await q
    .select({ username: users.username, isActive: users.isActive })
    .from(users)
    .where(eq(users.id, userId));
  if (!user?.isActive) return undefined;
  const grants = await q
    .select({ id: roleGrants.id, role: roleGrants.role, unitId: roleGrants.unitId })
    .from(roleGrants)
    .where(eq(roleGrants.userId, userId));
  return { username: user.username, grants };
}
