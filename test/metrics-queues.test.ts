import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../src/server/db/client';
import type { JobEngine } from '../src/server/jobs/engine';
import { defineQueue } from '../src/server/jobs/queues';
import {
  bossSource,
  refreshQueueGauges,
  STATS_TTL_MS,
  setQueueStatsSource,
} from '../src/server/metrics/queue-gauges';
import { registry } from '../src/server/metrics/registry';
import { createTestDatabase } from './support/database';
import { startTestEngine } from './support/jobs';

/** Two queues of the test's own: one whose jobs fail at once, one whose jobs wait a day. */
const QUEUES = [
  defineQueue({
    name: 'test.always-fails',
    label: { vi: 'Thử: luôn lỗi', en: 'Test: always fails' },
    data: z.object({ n: z.number() }),
    settings: { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 60, policy: 'standard' },
    async handler() {
      throw new Error('broken on purpose');
    },
  }),
  defineQueue({
    name: 'test.later',
    label: { vi: 'Thử: để sau', en: 'Test: later' },
    data: z.object({ n: z.number() }),
    settings: { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 60, policy: 'standard' },
    async handler() {
      return 'done';
    },
  }),
] as const;

const series = async (name: string) => (await registry.getSingleMetricAsString(name)).split('\n');
const valueOf_ = (lines: string[], prefix: string) =>
  Number(lines.find((line) => line.startsWith(`${prefix} `))?.split(' ')[1] ?? Number.NaN);

describe('job metrics from a working engine', () => {
  let database: Database;
  let engine: JobEngine<typeof QUEUES>;
  beforeAll(async () => {
    database = await createTestDatabase();
    engine = await startTestEngine(database, { work: true, queues: QUEUES });
    setQueueStatsSource(bossSource(() => engine.boss));
  });
  afterAll(async () => {
    setQueueStatsSource(null);
    await engine.stop();
    await database.close();
  });

  it('count failed runs per queue, and show failures, dead letters and waiting jobs from pg-boss', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    for (let n = 0; n < 3; n++) await engine.enqueue('test.always-fails', { n });
    for (let n = 0; n < 2; n++) await engine.enqueue('test.later', { n }, { startAfter: tomorrow });

    // The runs are counted in this process as they happen…
    await expect
      .poll(
        async () =>
          valueOf_(
            await series('loaso_jobs_total'),
            'loaso_jobs_total{queue="test.always-fails",outcome="failed"}',
          ),
        {
          timeout: 20_000,
        },
      )
      .toBe(3);
    // …and the queue figures follow pg-boss's monitor pass (every second here, every minute in production).
    let clock = 10_000_000;
    await expect
      .poll(
        async () => {
          clock += STATS_TTL_MS;
          await refreshQueueGauges(clock);
          const lines = await series('loaso_job_queue_jobs');
          return [
            valueOf_(lines, 'loaso_job_queue_jobs{queue="test.always-fails",state="failed"}'),
            valueOf_(lines, 'loaso_job_queue_jobs{queue="test.always-fails.dead",state="queued"}'),
            valueOf_(lines, 'loaso_job_queue_jobs{queue="test.later",state="deferred"}'),
            valueOf_(lines, 'loaso_job_queue_jobs{queue="test.later",state="ready"}'),
          ];
        },
        { timeout: 30_000, interval: 500 },
      )
      .toEqual([3, 3, 2, 0]);
  });
});
