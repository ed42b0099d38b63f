import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client';
import { queryOne } from '../db/sql';
import { JOB_DEFINITIONS, RECURRING_JOBS } from './definitions';

interface ClaimedJob {
  id: number;
  kind: string;
  version: number;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
}

export async function enqueueJob(
  db: Db,
  kind: string,
  options: { payload?: Record<string, unknown>; uniqueKey?: string; runAt?: Date } = {},
) {
  const definition = JOB_DEFINITIONS.find((d) => d.kind === kind);
  if (!definition) throw new Error(`unknown job kind ${kind}`);
  await db.execute(sql`insert into jobs (kind, version, payload, unique_key, run_at, max_attempts)
    values (${kind}, ${definition.version}, ${JSON.stringify(options.payload ?? {})}::jsonb, ${options.uniqueKey ?? null},
            ${(options.runAt ?? new Date()).toISOString()}::timestamptz, ${definition.maxAttempts})
    on conflict (unique_key) do nothing`);
}

/** Takes one due job; SKIP LOCKED lets several workers share the table without taking the same job. */
async function claimJob(db: Db, workerId: string): Promise<ClaimedJob | undefined> {
  return queryOne<ClaimedJob>(
    db,
    sql`update jobs set status = 'running', locked_by = ${workerId}, locked_at = now(), attempts = attempts + 1
      where id = (select id from jobs where status = 'queued' and run_at <= now() order by run_at, id
                  for update skip locked limit 1)
      returning id, kind, version, payload, attempts, max_attempts as "maxAttempts"`,
  );
}

export async function runOneJob(db: Db, workerId: string, log?: FastifyBaseLogger): Promise<boolean> {
  const job = await claimJob(db, workerId);
  if (!job) return false;
  const definition = JOB_DEFINITIONS.find((d) => d.kind === job.kind && d.version === job.version);
  try {
    if (!definition) throw new Error(`no definition for ${job.kind} v${job.version}`);
    const result = await definition.run({ db, payload: job.payload });
    await db.execute(
      sql`update jobs set status = 'done', finished_at = now(), last_error = null, locked_by = null where id = ${job.id}`,
    );
    log?.info({ job: job.kind, id: job.id, result }, 'job done');
  } catch (error) {
    const message = (error as Error).message.slice(0, 2000);
    const isFinal = job.attempts >= job.maxAttempts;
    // Exponential backoff: 30 s, 1 min, 2 min…
    const delaySeconds = 30 * 2 ** (job.attempts - 1);
    await db.execute(sql`update jobs set status = ${isFinal ? 'failed' : 'queued'}, last_error = ${message}, locked_by = null,
      run_at = now() + make_interval(secs => ${delaySeconds}) where id = ${job.id}`);
    log?.warn({ job: job.kind, id: job.id, attempt: job.attempts, err: message }, 'job failed');
  }
  return true;
}

async function enqueueRecurring(db: Db, now: Date) {
  for (const recurring of RECURRING_JOBS) {
    const slot = Math.floor(now.getTime() / (recurring.everyMinutes * 60_000));
    await enqueueJob(db, recurring.kind, { uniqueKey: `${recurring.kind}:${slot}` });
  }
}

/** Polls the job table until stopped; returns the function that stops it. */
export function startWorker(db: Db, log: FastifyBaseLogger, pollMs = 2000): () => Promise<void> {
  const workerId = `worker-${randomUUID().slice(0, 8)}`;
  let stopped = false;
  let idle: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      try {
        await enqueueRecurring(db, new Date());
        while (!stopped && (await runOneJob(db, workerId, log))) {}
      } catch (error) {
        log.error({ err: error }, 'worker loop error');
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        idle = setTimeout(resolve, pollMs);
      });
    }
  })();
  log.info({ workerId }, 'worker started');
  return async () => {
    stopped = true;
    if (idle) clearTimeout(idle);
    wake?.();
    await loop;
  };
}
