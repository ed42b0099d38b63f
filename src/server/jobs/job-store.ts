import type { Db as BossDb } from 'pg-boss';

/**
 * Reads of pg-boss's job table for the administrators' page, the only SQL on pg-boss's own schema
 * (`pgboss.job`, documented by pg-boss for non-Node callers). pg-boss's API answers per queue and
 * per id; the page wants counts per state and the latest failures across queues in one read each.
 */
const SCHEMA = 'pgboss';

export interface JobStateCount {
  name: string;
  state: string;
  n: number;
}

export async function countJobsByState(db: BossDb, names: readonly string[]): Promise<JobStateCount[]> {
  const { rows } = await db.executeSql(
    `select name, state::text as state, count(*)::int as n from ${SCHEMA}.job
      where name = any($1::text[]) group by name, state`,
    [names],
  );
  return rows as JobStateCount[];
}

export interface StoredJobFailure {
  id: string;
  name: string;
  state: string;
  retryCount: number;
  retryLimit: number;
  output: { message?: unknown } | null;
  data: Record<string, unknown> | null;
  at: Date;
  sourceName: string | null;
  sourceRetryCount: number | null;
  sourceOutput: { message?: unknown } | null;
}

const FAILURE_COLUMNS = `id, name, state::text as state, retry_count as "retryCount", retry_limit as "retryLimit",
  output, data, source_name as "sourceName", source_retry_count as "sourceRetryCount", source_output as "sourceOutput"`;

/** Attempts that failed (waiting for a retry, or given up), newest first. */
export async function findFailedJobs(
  db: BossDb,
  names: readonly string[],
  limit: number,
): Promise<StoredJobFailure[]> {
  const { rows } = await db.executeSql(
    `select ${FAILURE_COLUMNS}, coalesce(completed_on, started_on, created_on) as at from ${SCHEMA}.job
      where name = any($1::text[]) and state in ('retry', 'failed')
      order by coalesce(completed_on, started_on, created_on) desc, id limit $2`,
    [names, limit],
  );
  return rows as StoredJobFailure[];
}

/** Jobs waiting in dead-letter queues (nobody works them: an administrator retries them), newest first. */
export async function findDeadLetters(
  db: BossDb,
  names: readonly string[],
  limit: number,
): Promise<StoredJobFailure[]> {
  const { rows } = await db.executeSql(
    `select ${FAILURE_COLUMNS}, created_on as at from ${SCHEMA}.job
      where name = any($1::text[]) and state in ('created', 'retry')
      order by created_on desc, id limit $2`,
    [names, limit],
  );
  return rows as StoredJobFailure[];
}

export async function getJobState(db: BossDb, name: string, id: string): Promise<string | undefined> {
  const { rows } = await db.executeSql(
    `select state::text as state from ${SCHEMA}.job where name = $1 and id = $2`,
    [name, id],
  );
  return (rows[0] as { state: string } | undefined)?.state;
}

/** Removes the dead-letter copies of a failed job that is being run again in its own queue. */
export async function deleteDeadLetterCopies(
  db: BossDb,
  deadLetterQueue: string,
  sourceId: string,
): Promise<number> {
  const { rows } = await db.executeSql(
    `delete from ${SCHEMA}.job where name = $1 and source_id = $2 and state in ('created', 'retry') returning id`,
    [deadLetterQueue, sourceId],
  );
  return rows.length;
}

/**
 * Of the given job ids of a queue, those that may still run: waiting, retrying or active, failed in
 * their own queue (an administrator may retry them until pg-boss deletes them), or with a copy waiting
 * in the dead-letter queue (an administrator may move it back).
 */
export async function findJobsThatMayRun(
  db: BossDb,
  name: string,
  deadLetterQueue: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await db.executeSql(
    `select id::text as id from ${SCHEMA}.job
      where name = $1 and id::text = any($3::text[]) and state in ('created', 'retry', 'active', 'failed')
     union
     select source_id::text as id from ${SCHEMA}.job
      where name = $2 and source_id::text = any($3::text[]) and state in ('created', 'retry')`,
    [name, deadLetterQueue, ids],
  );
  return new Set((rows as Array<{ id: string }>).map((row) => row.id));
}
