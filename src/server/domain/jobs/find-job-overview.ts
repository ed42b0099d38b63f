import type { JobFailureDto, JobOverviewDto } from '../../../shared/api/jobs';
import { forbidden } from '../../errors';
import { deadLetterQueueOf, type JobEngine } from '../../jobs/engine';
import {
  countJobsByState,
  findDeadLetters,
  findFailedJobs,
  type StoredJobFailure,
} from '../../jobs/job-store';
import type { QueueDefinition } from '../../jobs/queues';
import { isGlobal, type Principal } from '../../policies/principal';

const LIST_LIMIT = 50;

function errorText(output: { message?: unknown } | null): string | null {
  if (!output) return null;
  if (typeof output.message === 'string') return output.message.slice(0, 2000);
  return JSON.stringify(output).slice(0, 2000);
}

/** The queues with their counts, the latest failed attempts and the dead letters (administrators). */
export async function findJobOverview(options: {
  jobs: JobEngine;
  principal: Principal;
}): Promise<JobOverviewDto> {
  const { jobs, principal } = options;
  if (!isGlobal(principal, 'jobs.view')) throw forbidden('Chỉ quản trị hệ thống xem được tác vụ nền.');
  const canRetry = isGlobal(principal, 'jobs.retry');
  const queues: readonly QueueDefinition[] = jobs.queues;
  const byName = new Map(queues.map((queue) => [queue.name, queue]));
  const names = queues.map((queue) => queue.name);
  const deadNames = names.map(deadLetterQueueOf);
  const db = jobs.boss.getDb();

  const counts = new Map<string, Map<string, number>>();
  for (const row of await countJobsByState(db, [...names, ...deadNames])) {
    const perState = counts.get(row.name) ?? new Map<string, number>();
    perState.set(row.state, row.n);
    counts.set(row.name, perState);
  }
  const count = (name: string, ...states: string[]) =>
    states.reduce((sum, state) => sum + (counts.get(name)?.get(state) ?? 0), 0);

  const present = (row: StoredJobFailure, isDead: boolean): JobFailureDto => {
    const sourceQueue = isDead ? (row.sourceName ?? row.name.replace(/\.dead$/, '')) : row.name;
    const queue = byName.get(sourceQueue);
    return {
      id: row.id,
      queue: row.name,
      sourceQueue,
      label: queue?.label ?? { vi: sourceQueue, en: sourceQueue },
      state: isDead ? 'dead_letter' : row.state === 'retry' ? 'retry' : 'failed',
      attempts: (isDead ? (row.sourceRetryCount ?? 0) : row.retryCount) + 1,
      maxAttempts: (queue?.settings.retryLimit ?? row.retryLimit) + 1,
      error: errorText(isDead ? row.sourceOutput : row.output),
      at: new Date(row.at),
      data: row.data ?? {},
      canRetry: canRetry && (isDead || row.state === 'failed'),
    };
  };

  return {
    queues: queues.map((queue) => ({
      name: queue.name,
      label: queue.label,
      cron: queue.cron ?? null,
      maxAttempts: queue.settings.retryLimit + 1,
      counts: {
        queued: count(queue.name, 'created'),
        active: count(queue.name, 'active'),
        completed: count(queue.name, 'completed'),
        retrying: count(queue.name, 'retry'),
        failed: count(queue.name, 'failed'),
        deadLetters: count(deadLetterQueueOf(queue.name), 'created', 'retry'),
      },
    })),
    failures: (await findFailedJobs(db, names, LIST_LIMIT)).map((row) => present(row, false)),
    deadLetters: (await findDeadLetters(db, deadNames, LIST_LIMIT)).map((row) => present(row, true)),
    canRetry,
  };
}
