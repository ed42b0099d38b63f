import { sql } from 'drizzle-orm';
import pino from 'pino';
import { z } from 'zod';
import { testConfig } from '../../src/server/config';
import type { Database } from '../../src/server/db/client';
import { type JobEngine, type StartJobEngineOptions, startJobEngine } from '../../src/server/jobs/engine';
import { defineQueue, type QUEUES, type QueueDefinition } from '../../src/server/jobs/queues';

/** Timings short enough for tests: poll twice a second, supervise (expiry) and cron every second. */
export const FAST_TIMING = {
  pollingIntervalSeconds: 0.5,
  superviseIntervalSeconds: 1,
  cronIntervalSeconds: 1,
};

export const silentLog = pino({ level: 'silent' });

export function startTestEngine<Q extends readonly QueueDefinition[] = typeof QUEUES>(
  database: Database,
  options: { work: boolean; queues?: Q } & Partial<StartJobEngineOptions<Q>>,
): Promise<JobEngine<Q>> {
  return startJobEngine<Q>({
    database,
    config: testConfig(),
    log: silentLog,
    timing: FAST_TIMING,
    ...options,
  });
}

/**
 * The queue of the "worker killed mid-job" tests, shared by the test and its child worker process.
 * Its handler records the job's effect under a unique key (the idempotence rule) and lets the
 * caller decide what happens on start (the child hangs there until it is killed).
 */
export function crashSafeQueue(onStart: (key: string) => Promise<void>) {
  return defineQueue({
    name: 'test.crash-safe',
    label: { vi: 'Thử: sống sót khi tiến trình chết', en: 'Test: survives a dead worker' },
    data: z.object({ key: z.string() }),
    settings: { retryLimit: 3, retryDelay: 0, retryBackoff: false, expireInSeconds: 2, policy: 'standard' },
    async handler({ db }, { key }) {
      await onStart(key);
      await db.execute(sql`insert into crash_effects (key) values (${key}) on conflict do nothing`);
      return `effect ${key} written`;
    },
  });
}

export const CRASH_EFFECTS_TABLE =
  'create table if not exists crash_effects (key text primary key, at timestamptz not null default now())';
