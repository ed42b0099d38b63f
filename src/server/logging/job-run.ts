import type { FastifyBaseLogger } from 'fastify';
import { jobDuration, jobsRun } from '../metrics/registry';

/**
 * Runs one job's handler with its log lines and metrics: "job started", then "job done" with the
 * handler's summary or "job failed" with the error, each with the queue, the job's id and the
 * attempt, as JSON fields (`queue`, `jobId`, `attempt`, `durationMs`). The error is thrown on, so
 * pg-boss retries the job or sends it to its dead-letter queue as before.
 */
export async function runJobLogged<T>(
  log: FastifyBaseLogger,
  job: { queue: string; id: string; retryCount: number },
  run: () => Promise<T>,
  now: () => number = () => performance.now(),
): Promise<T> {
  const fields = { queue: job.queue, jobId: job.id, attempt: job.retryCount + 1 };
  const started = now();
  log.info(fields, 'job started');
  try {
    const result = await run();
    const ms = now() - started;
    jobsRun.inc({ queue: job.queue, outcome: 'completed' });
    jobDuration.observe({ queue: job.queue, outcome: 'completed' }, ms / 1000);
    log.info({ ...fields, durationMs: Math.round(ms), result }, 'job done');
    return result;
  } catch (error) {
    const ms = now() - started;
    jobsRun.inc({ queue: job.queue, outcome: 'failed' });
    jobDuration.observe({ queue: job.queue, outcome: 'failed' }, ms / 1000);
    log.error({ ...fields, durationMs: Math.round(ms), err: error }, 'job failed');
    throw error;
  }
}
