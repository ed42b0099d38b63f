import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/db/client';
import { insertSession } from '../src/server/db/repositories/users';
import { jobs, sessions } from '../src/server/db/schema';
import { newSessionToken } from '../src/server/domain/accounts/sessions';
import { JOB_DEFINITIONS, type JobDefinition } from '../src/server/jobs/definitions';
import { enqueueJob, runOneJob, startWorker } from '../src/server/jobs/runner';
import { createTestDatabase } from './support/database';
import { createProvinceWithCommunes, createUser } from './support/factories';

/** A job that fails every time: registered for this file only. */
const FAILING: JobDefinition = {
  kind: 'test.always_fails',
  version: 1,
  maxAttempts: 3,
  async run() {
    throw new Error('hỏng có chủ ý');
  },
};

describe('the job runner', () => {
  let database: Database;
  let userId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { communeA } = await createProvinceWithCommunes(database.db);
    userId = (await createUser(database.db, [{ role: 'unit_officer', unitId: communeA }])).id;
    JOB_DEFINITIONS.push(FAILING);
  });
  afterAll(async () => {
    JOB_DEFINITIONS.splice(JOB_DEFINITIONS.indexOf(FAILING), 1);
    await database.close();
  });
  afterEach(async () => {
    await database.db.delete(jobs);
  });

  const jobRows = () => database.db.select().from(jobs).orderBy(jobs.id);
  const secondsUntilRun = async (id: number) => {
    const [row] = await database.db
      .select({ seconds: sql<number>`extract(epoch from ${jobs.runAt} - now())::float` })
      .from(jobs)
      .where(eq(jobs.id, id));
    return row!.seconds;
  };
  const makeDue = (id: number) =>
    database.db.update(jobs).set({ runAt: sql`now() - interval '1 second'` }).where(eq(jobs.id, id));

  it('runs sessions.cleanup: expired sessions are deleted, live ones kept', async () => {
    const expired = newSessionToken();
    const live = newSessionToken();
    await insertSession(database.db, {
      id: expired.id,
      userId,
      csrfToken: expired.csrfToken,
      expiresAt: new Date(Date.now() - 60_000),
      ip: null,
      userAgent: null,
    });
    await insertSession(database.db, {
      id: live.id,
      userId,
      csrfToken: live.csrfToken,
      expiresAt: new Date(Date.now() + 3600_000),
      ip: null,
      userAgent: null,
    });

    await enqueueJob(database.db, 'sessions.cleanup');
    expect(await runOneJob(database.db, 'worker-test')).toBe(true);
    const remaining = await database.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.userId, userId));
    expect(remaining.map((row) => row.id)).toEqual([live.id]);
    const [job] = await jobRows();
    expect(job).toMatchObject({
      kind: 'sessions.cleanup',
      status: 'done',
      attempts: 1,
      lastError: null,
      lockedBy: null,
    });
    expect(job!.finishedAt).toBeInstanceOf(Date);
    // Nothing left to do.
    expect(await runOneJob(database.db, 'worker-test')).toBe(false);
  });

  it('enqueues a job with a unique key once', async () => {
    await enqueueJob(database.db, 'sessions.cleanup', { uniqueKey: 'sessions.cleanup:1' });
    await enqueueJob(database.db, 'sessions.cleanup', { uniqueKey: 'sessions.cleanup:1' });
    await enqueueJob(database.db, 'sessions.cleanup', { uniqueKey: 'sessions.cleanup:2' });
    expect(await jobRows()).toHaveLength(2);
    await expect(enqueueJob(database.db, 'no.such_job')).rejects.toThrow(/unknown job kind/);
  });

  it('waits for a job whose time has not come', async () => {
    await enqueueJob(database.db, 'sessions.cleanup', { runAt: new Date(Date.now() + 3600_000) });
    expect(await runOneJob(database.db, 'worker-test')).toBe(false);
    expect((await jobRows())[0]!.status).toBe('queued');
  });

  it('retries a failing job with growing backoff and marks it failed after its last attempt', async () => {
    await enqueueJob(database.db, FAILING.kind);
    const [queued] = await jobRows();
    expect(queued).toMatchObject({ maxAttempts: 3, status: 'queued' });

    expect(await runOneJob(database.db, 'worker-test')).toBe(true);
    let [job] = await jobRows();
    expect(job).toMatchObject({ status: 'queued', attempts: 1, lastError: 'hỏng có chủ ý', lockedBy: null });
    expect(await secondsUntilRun(job!.id)).toBeGreaterThan(25);
    expect(await secondsUntilRun(job!.id)).toBeLessThanOrEqual(30);
    // Not due yet: the worker finds nothing.
    expect(await runOneJob(database.db, 'worker-test')).toBe(false);

    await makeDue(job!.id);
    expect(await runOneJob(database.db, 'worker-test')).toBe(true);
    [job] = await jobRows();
    expect(job).toMatchObject({ status: 'queued', attempts: 2 });
    expect(await secondsUntilRun(job!.id)).toBeGreaterThan(55);
    expect(await secondsUntilRun(job!.id)).toBeLessThanOrEqual(60);

    await makeDue(job!.id);
    expect(await runOneJob(database.db, 'worker-test')).toBe(true);
    [job] = await jobRows();
    expect(job).toMatchObject({ status: 'failed', attempts: 3, lastError: 'hỏng có chủ ý' });
    await makeDue(job!.id);
    expect(await runOneJob(database.db, 'worker-test')).toBe(false);
  });

  it('refuses a job of a version it does not know instead of guessing', async () => {
    await database.db.insert(jobs).values({ kind: 'sessions.cleanup', version: 99, maxAttempts: 1 });
    expect(await runOneJob(database.db, 'worker-test')).toBe(true);
    const [job] = await jobRows();
    expect(job).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'no definition for sessions.cleanup v99',
    });
  });

  it('runs the recurring cleanup from a started worker, once per slot', async () => {
    const stop = startWorker(database.db, pino({ level: 'silent' }), 20);
    try {
      await expect
        .poll(async () => (await jobRows()).map((job) => [job.kind, job.status]), {
          timeout: 10_000,
          interval: 50,
        })
        .toEqual([['sessions.cleanup', 'done']]);
    } finally {
      await stop();
    }
    const [job] = await jobRows();
    expect(job!.uniqueKey).toMatch(/^sessions\.cleanup:\d+$/);
  });
});
