import { and, eq, gt, inArray, isNotNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { roleGrants, users } from '../schema';
import { activityImportJobs, storedFiles } from '../schema-activities';

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

/**
 * Marks a job that was never finished as failed (its last attempt threw, or its job is gone); a job
 * already done or failed keeps what it has. True when the row changed.
 */
export async function failUnfinishedActivityImportJob(
  q: Queryable,
  id: string,
  error: unknown,
  now: Date,
): Promise<boolean> {
  const rows = await q
    .update(activityImportJobs)
    .set({ status: 'failed', result: null, error, finishedAt: now })
    .where(and(eq(activityImportJobs.id, id), inArray(activityImportJobs.status, ['queued', 'running'])))
    .returning({ id: activityImportJobs.id });
  return rows.length > 0;
}

/**
 * Holds a stored file's key until the transaction ends. Taken by whoever adds a row naming an
 * import's upload and by whoever deletes the file, so a file is never deleted between another upload
 * of the same bytes (content-addressed: it finds the file there and keeps it) and that upload's row.
 */
export async function lockStorageKey(q: Queryable, storageKey: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`file:${storageKey}`}))`);
}

/**
 * Whether anything besides the import job `exceptJobId` still needs the bytes under a key: a
 * stored_files row (evidence, library items, page snapshots) or another import not finished yet. A
 * finished import needs its upload no more.
 */
export async function isStorageKeyInUse(
  q: Queryable,
  storageKey: string,
  exceptJobId: string,
): Promise<boolean> {
  const [file] = await q
    .select({ id: storedFiles.id })
    .from(storedFiles)
    .where(eq(storedFiles.storageKey, storageKey))
    .limit(1);
  if (file) return true;
  const [job] = await q
    .select({ id: activityImportJobs.id })
    .from(activityImportJobs)
    .where(
      and(
        eq(activityImportJobs.storageKey, storageKey),
        ne(activityImportJobs.id, exceptJobId),
        inArray(activityImportJobs.status, ['queued', 'running']),
      ),
    )
    .limit(1);
  return job !== undefined;
}

/**
 * Jobs past the retention: finished before `before`, or created before it and still not finished
 * (the caller checks that those can no longer run). A page of at most `limit` in id order, after the
 * id `after` (the last of the page before: rows the caller keeps are not read again).
 */
export async function findImportJobsOlderThan(
  q: Queryable,
  before: Date,
  limit: number,
  after?: string,
): Promise<Array<Pick<ActivityImportJobRow, 'id' | 'status' | 'storageKey'>>> {
  const t = activityImportJobs;
  return q
    .select({ id: t.id, status: t.status, storageKey: t.storageKey })
    .from(t)
    .where(
      and(
        or(
          and(isNotNull(t.finishedAt), lt(t.finishedAt, before)),
          and(inArray(t.status, ['queued', 'running']), lt(t.createdAt, before)),
        ),
        after ? gt(t.id, after) : undefined,
      ),
    )
    .orderBy(t.id)
    .limit(limit);
}

export async function deleteActivityImportJob(q: Queryable, id: string): Promise<boolean> {
  const rows = await q
    .delete(activityImportJobs)
    .where(eq(activityImportJobs.id, id))
    .returning({ id: activityImportJobs.id });
  return rows.length > 0;
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
