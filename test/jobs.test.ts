import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Database, openDatabase } from '../src/server/db/client';
import { insertSession } from '../src/server/db/repositories/users';
import { sessions } from '../src/server/db/schema';
import { newSessionToken } from '../src/server/domain/accounts/sessions';
import { deadLetterQueueOf, type JobEngine } from '../src/server/jobs/engine';
import { CRON_TIME_ZONE, defineQueue, QUEUES } from '../src/server/jobs/queues';
import { createTestDatabase } from './support/database';
import { createProvinceWithCommunes, createUser } from './support/factories';
import { CRASH_EFFECTS_TABLE, crashSafeQueue, startTestEngine } from './support/jobs';
import { TEST_DB } from './support/test-env';

const CHILD = path.join(import.meta.dirname, 'support', 'job-worker-child.ts');

/** Starts the child worker; resolves with it once it printed `started <key>` (its handler is running). */
function startChildWorker(env: Record<string, string>): Promise<{ child: ChildProcess; key: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`child worker did not start a job: ${out} ${err}`)),
      40_000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /started (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, key: match[1]! });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child worker exited (${code}) before starting a job: ${out} ${err}`));
    });
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('the job engine (pg-boss)', () => {
  let database: Database;
  let userId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { communeA } = await createProvinceWithCommunes(database.db);
    userId = (await createUser(database.db, [{ role: 'unit_officer', unitId: communeA }])).id;
  });
  afterAll(async () => {
    await database.close();
  });

  it('declares every queue once, with a dead-letter queue, and the hourly cleanup in Vietnamese time', async () => {
    const engine = await startTestEngine(database, { work: true });
    try {
      for (const queue of QUEUES) {
        const stored = await engine.boss.getQueue(queue.name);
        expect(stored).toMatchObject({
          name: queue.name,
          deadLetter: deadLetterQueueOf(queue.name),
          retryLimit: queue.settings.retryLimit,
          expireInSeconds: queue.settings.expireInSeconds,
          policy: queue.settings.policy,
        });
        expect(await engine.boss.getQueue(deadLetterQueueOf(queue.name))).not.toBeNull();
      }
      const schedules = await engine.boss.getSchedules();
      const byName = (a: string[], b: string[]) => a[0]!.localeCompare(b[0]!);
      expect(schedules.map((s) => [s.name, s.cron, s.timezone]).sort(byName)).toEqual(
        [
          ['sessions.cleanup', '17 * * * *', CRON_TIME_ZONE],
          // Every 10 minutes: one score change note per unit (migration 0015).
          ['scoring.merge-changes', '*/10 * * * *', CRON_TIME_ZONE],
          // Nightly: fresh planner statistics (PGlite has no autovacuum).
          ['database.analyze', '15 3 * * *', CRON_TIME_ZONE],
          ['reports.ensure-periods', '5 0 * * *', CRON_TIME_ZONE],
          ['reminders.deadlines', '0 7 * * *', CRON_TIME_ZONE],
          ['reminders.overdue', '10 7 * * *', CRON_TIME_ZONE],
          // Fridays: the week's DX broadcast check.
          ['reminders.weekly-broadcast', '0 7 * * 5', CRON_TIME_ZONE],
          // Hourly: the website checks due at each province's hour.
          ['monitor.schedule', '0 * * * *', CRON_TIME_ZONE],
          // Nightly: the scheduled backup (off, doing nothing, while BACKUP_DIR is unset).
          ['backups.scheduled', '30 2 * * *', CRON_TIME_ZONE],
          // Nightly: background imports past IMPORT_JOB_RETENTION_DAYS deleted with their files.
          ['activities.import-cleanup', '45 3 * * *', CRON_TIME_ZONE],
        ].sort(byName),
      );
      // Typed: an unknown queue or wrong data does not compile; at run time the data is checked too.
      await expect(
        engine.enqueue('notifications.deliver-email', { notificationId: 'not-a-uuid' }),
      ).rejects.toThrow();
    } finally {
      await engine.stop();
    }
  });

  it('runs sessions.cleanup: expired sessions are deleted, live ones kept', async () => {
    const expired = newSessionToken();
    const live = newSessionToken();
    for (const [token, offset] of [
      [expired, -60_000],
      [live, 3600_000],
    ] as const) {
      await insertSession(database.db, {
        id: token.id,
        userId,
        csrfToken: token.csrfToken,
        expiresAt: new Date(Date.now() + offset),
        ip: null,
        userAgent: null,
      });
    }
    const engine = await startTestEngine(database, { work: true });
    try {
      const id = await engine.enqueue('sessions.cleanup', {});
      expect(id).toEqual(expect.any(String));
      await expect
        .poll(async () => (await engine.boss.getJobById('sessions.cleanup', id!))?.state, { timeout: 15_000 })
        .toBe('completed');
      const job = await engine.boss.getJobById('sessions.cleanup', id!);
      expect(job!.output).toEqual({ summary: '1 phiên hết hạn đã xóa' });
      const remaining = await database.db
        .select({ id: sessions.id })
        .from(sessions)
        .where(eq(sessions.userId, userId));
      expect(remaining.map((row) => row.id)).toEqual([live.id]);
    } finally {
      await engine.stop();
    }
  });

  it('retries a failing job with growing backoff, then moves it to the dead-letter queue', async () => {
    const runs: number[] = [];
    const lastAttempts: boolean[] = [];
    const failing = defineQueue({
      name: 'test.always-fails',
      label: { vi: 'Thử: luôn lỗi', en: 'Test: always fails' },
      data: z.object({ n: z.number() }),
      settings: { retryLimit: 2, retryDelay: 1, retryBackoff: true, expireInSeconds: 30, policy: 'standard' },
      async handler({ lastAttempt }) {
        runs.push(Date.now());
        lastAttempts.push(lastAttempt);
        throw new Error('hỏng có chủ ý');
      },
    });
    const engine = await startTestEngine(database, { work: true, queues: [failing] as const });
    try {
      const id = await engine.enqueue('test.always-fails', { n: 1 });
      const dead = deadLetterQueueOf('test.always-fails');
      await expect
        .poll(async () => (await engine.boss.findJobs(dead)).length, { timeout: 30_000, interval: 200 })
        .toBe(1);
      expect(runs).toHaveLength(3);
      // Handlers are told which attempt no retry follows (the import deletes its upload then).
      expect(lastAttempts).toEqual([false, false, true]);
      // retryDelay 1 s doubling (pg-boss adds jitter within each step): a fixed delay would give ~1 s twice.
      expect(runs[1]! - runs[0]!).toBeGreaterThanOrEqual(900);
      expect(runs[2]! - runs[1]!).toBeGreaterThanOrEqual(1900);
      const job = await engine.boss.getJobById('test.always-fails', id!);
      expect(job).toMatchObject({ state: 'failed', retryCount: 2, output: { message: 'hỏng có chủ ý' } });
      const [letter] = await engine.boss.findJobs(dead);
      expect(letter).toMatchObject({
        data: { n: 1 },
        sourceName: 'test.always-fails',
        sourceId: id,
        sourceRetryCount: 2,
        sourceOutput: { message: 'hỏng có chủ ý' },
      });
      // Nobody works a dead-letter queue: it waits for an administrator.
      expect(letter!.state).toBe('created');
    } finally {
      await engine.stop();
    }
  });

  it('queues one job per singleton key on an exclusive queue', async () => {
    const engine = await startTestEngine(database, { work: false });
    try {
      const notificationId = '00000000-0000-4000-8000-000000000001';
      const first = await engine.enqueue(
        'notifications.deliver-email',
        { notificationId },
        { singletonKey: notificationId },
      );
      const second = await engine.enqueue(
        'notifications.deliver-email',
        { notificationId },
        { singletonKey: notificationId },
      );
      const other = await engine.enqueue(
        'notifications.deliver-email',
        { notificationId },
        { singletonKey: 'another-key' },
      );
      expect(first).toEqual(expect.any(String));
      expect(second).toBeNull();
      expect(other).toEqual(expect.any(String));
      expect(await engine.boss.findJobs('notifications.deliver-email', { key: notificationId })).toHaveLength(
        1,
      );
      await engine.boss.deleteAllJobs('notifications.deliver-email');
    } finally {
      await engine.stop();
    }
  });

  it('shares queues between engines: each job runs once, a cron occurrence is sent once', async () => {
    const runsByKey = new Map<string, number>();
    const shared = defineQueue({
      name: 'test.shared',
      label: { vi: 'Thử: chia sẻ', en: 'Test: shared' },
      data: z.object({ key: z.string() }),
      settings: {
        retryLimit: 0,
        retryDelay: 0,
        retryBackoff: false,
        expireInSeconds: 30,
        policy: 'standard',
      },
      async handler(_context, { key }) {
        runsByKey.set(key, (runsByKey.get(key) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 20));
        return key;
      },
    });
    const ticking = defineQueue({
      name: 'test.every-minute',
      label: { vi: 'Thử: mỗi phút', en: 'Test: every minute' },
      data: z.object({}),
      settings: {
        retryLimit: 0,
        retryDelay: 0,
        retryBackoff: false,
        expireInSeconds: 30,
        policy: 'standard',
      },
      cron: { expression: '* * * * *', label: { vi: 'Mỗi phút', en: 'Every minute' } },
      async handler() {
        return 'tick';
      },
    });
    const queues = [shared, ticking] as const;
    const first = await startTestEngine(database, { work: true, queues });
    const second = await startTestEngine(database, { work: true, queues });
    try {
      const keys = Array.from({ length: 20 }, (_, i) => `k${i}`);
      for (const key of keys) await first.enqueue('test.shared', { key });
      await expect.poll(() => runsByKey.size, { timeout: 20_000 }).toBe(20);
      expect([...runsByKey.values()].every((n) => n === 1)).toBe(true);
      // Both engines run a cron pass every second; the current minute's occurrence becomes one job.
      await expect
        .poll(async () => (await first.boss.findJobs('test.every-minute')).length, { timeout: 20_000 })
        .toBeGreaterThanOrEqual(1);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      // One job per occurrence. pg-boss files each occurrence under its minute slot in its internal
      // send-it queue (where two engines' sends of one occurrence collapse) and forwards it from there.
      // Counting slots, not the jobs' createdOn minutes: an engine can forward the last minute's
      // occurrence a moment into the next minute, beside that minute's own (a race seen once). Polled,
      // because a slot filed between the two reads is forwarded a moment later; a duplicate stays.
      await expect
        .poll(async () => {
          const forwarded = await first.boss.findJobs<{ name: string; slot: string }>('__pgboss__send-it');
          const slots = new Set(
            forwarded.filter((job) => job.data.name === 'test.every-minute').map((job) => job.data.slot),
          );
          const ticks = await first.boss.findJobs('test.every-minute');
          return slots.size >= 1 && ticks.length === slots.size;
        })
        .toBe(true);
    } finally {
      await second.stop();
      await first.stop();
    }
  });

  it.runIf(TEST_DB === 'postgres')(
    'completes a job elsewhere when its worker process is killed mid-job (PostgreSQL)',
    { timeout: 60_000 },
    async () => {
      await database.db.execute(sql.raw(CRASH_EFFECTS_TABLE));
      const parentQueue = crashSafeQueue(async () => {});
      const sender = await startTestEngine(database, { work: false, queues: [parentQueue] as const });
      const id = await sender.enqueue('test.crash-safe', { key: 'pg-1' });
      const { child, key } = await startChildWorker({ DATABASE_URL: database.databaseUrl! });
      expect(key).toBe('pg-1');
      expect((await sender.boss.getJobById('test.crash-safe', id!))?.state).toBe('active');
      await killed(child);
      await sender.stop();

      // A second worker: once the job has been active longer than expireInSeconds it is retried here.
      const worker = await startTestEngine(database, { work: true, queues: [parentQueue] as const });
      try {
        await expect
          .poll(async () => (await worker.boss.getJobById('test.crash-safe', id!))?.state, {
            timeout: 30_000,
            interval: 200,
          })
          .toBe('completed');
        const job = await worker.boss.getJobById('test.crash-safe', id!);
        expect(job!.retryCount).toBe(1);
        const effects = await database.db.execute(sql`select key from crash_effects`);
        expect((effects as unknown as { rows: unknown[] }).rows).toEqual([{ key: 'pg-1' }]);
      } finally {
        await worker.stop();
      }
    },
  );
});

describe.runIf(TEST_DB === 'pglite')('the embedded job engine when its process dies', () => {
  it('completes the job when the database folder is reopened by a new process (PGlite)', {
    timeout: 60_000,
  }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-jobs-'));
    const queue = crashSafeQueue(async () => {});
    let id: string | null;
    try {
      // This process prepares the folder and queues the job, then lets go of it (one process at a time).
      let database = await openDatabase({ databaseUrl: null, dataDir: dir });
      await database.migrate();
      await database.db.execute(sql.raw(CRASH_EFFECTS_TABLE));
      let engine: JobEngine<readonly [typeof queue]> = await startTestEngine(database, {
        work: false,
        queues: [queue] as const,
      });
      id = await engine.enqueue('test.crash-safe', { key: 'embedded-1' });
      await engine.stop();
      await database.close();

      // The server process takes the job and dies with it active.
      const { child, key } = await startChildWorker({ PGLITE_DIR: dir });
      expect(key).toBe('embedded-1');
      await killed(child);

      // Restarted on the same folder: the job expires and runs to completion.
      database = await openDatabase({ databaseUrl: null, dataDir: dir });
      engine = await startTestEngine(database, { work: true, queues: [queue] as const });
      try {
        await expect
          .poll(async () => (await engine.boss.getJobById('test.crash-safe', id!))?.state, {
            timeout: 30_000,
            interval: 200,
          })
          .toBe('completed');
        expect((await engine.boss.getJobById('test.crash-safe', id!))!.retryCount).toBe(1);
        const effects = await database.db.execute(sql`select key from crash_effects`);
        expect((effects as unknown as { rows: unknown[] }).rows).toEqual([{ key: 'embedded-1' }]);
      } finally {
        await engine.stop();
        await database.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
