import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/server/db/schema';
import { currentJobEngine, deadLetterQueueOf, type JobEngine } from '../src/server/jobs/engine';
import type { JobOverviewDto } from '../src/shared/api/jobs';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createProvinceWithCommunes } from './support/factories';
import { createSignedInUser } from './support/scenarios';

const EMAILS = 'notifications.deliver-email';
const DEAD = deadLetterQueueOf(EMAILS);

describe('the background jobs page (API)', () => {
  let ctx: TestContext;
  let admin: Session;
  let office: Session;
  let jobs: JobEngine;

  /** A job of the e-mail queue taken by a worker and failed with this error (given up with retryLimit 0). */
  async function failedJob(message: string, options: { final: boolean }): Promise<string> {
    const key = randomUUID();
    const id = await jobs.boss.send(
      EMAILS,
      { notificationId: key },
      { singletonKey: key, ...(options.final ? { retryLimit: 0 } : { retryDelay: 3600 }) },
    );
    const [taken] = await jobs.boss.fetch(EMAILS);
    expect(taken?.id).toBe(id);
    await jobs.boss.fail(EMAILS, id!, { message });
    return id!;
  }

  const overview = async () => {
    const response = await admin.get('/api/admin/jobs');
    expect(response.statusCode, response.body).toBe(200);
    return response.json<JobOverviewDto>();
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    jobs = currentJobEngine();
    const { provinceId: province } = await createProvinceWithCommunes(ctx.database.db);
    admin = (await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'system_admin', unitId: null }]))
      .session;
    office = (await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'dx_office', unitId: province }]))
      .session;
  });
  afterAll(() => ctx.close());

  it('lists every queue by its label with counts, the failed attempts with their error, and dead letters', async () => {
    const given = await failedJob('Máy chủ thư từ chối: 550 hộp thư không tồn tại', { final: true });
    const retrying = await failedJob('Không kết nối được máy chủ thư', { final: false });
    const body = await overview();

    expect(body.canRetry).toBe(true);
    expect(body.queues.map((queue) => queue.name)).toEqual([
      'sessions.cleanup',
      'scoring.merge-changes',
      'database.analyze',
      EMAILS,
      'reports.ensure-periods',
      'reminders.deadlines',
      'reminders.overdue',
      'reminders.weekly-broadcast',
      'monitor.schedule',
      'monitor.check',
      'backups.scheduled',
      'activities.import',
      'activities.import-cleanup',
    ]);
    const emails = body.queues.find((queue) => queue.name === EMAILS)!;
    expect(emails).toMatchObject({
      label: { vi: 'Gửi thông báo qua e-mail', en: 'Send notifications by e-mail' },
      cron: null,
      maxAttempts: 7,
      counts: { queued: 0, active: 0, completed: 0, retrying: 1, failed: 1, deadLetters: 1 },
    });
    expect(body.queues[0]).toMatchObject({
      cron: { expression: '17 * * * *', label: { vi: 'Mỗi giờ, vào phút 17', en: 'Hourly, at minute 17' } },
      label: { vi: 'Xóa phiên đăng nhập hết hạn' },
    });

    const byId = new Map(body.failures.map((failure) => [failure.id, failure]));
    expect(byId.get(given)).toMatchObject({
      queue: EMAILS,
      sourceQueue: EMAILS,
      state: 'failed',
      attempts: 1,
      error: 'Máy chủ thư từ chối: 550 hộp thư không tồn tại',
      canRetry: true,
    });
    expect(byId.get(retrying)).toMatchObject({
      state: 'retry',
      attempts: 1,
      maxAttempts: 7,
      error: 'Không kết nối được máy chủ thư',
      canRetry: false,
    });
    expect(body.deadLetters).toHaveLength(1);
    expect(body.deadLetters[0]).toMatchObject({
      queue: DEAD,
      sourceQueue: EMAILS,
      state: 'dead_letter',
      label: { vi: 'Gửi thông báo qua e-mail' },
      error: 'Máy chủ thư từ chối: 550 hộp thư không tồn tại',
      canRetry: true,
    });
  });

  it('runs a given-up job again once, audited, and refuses one still waiting for its retry', async () => {
    const before = await overview();
    const given = before.failures.find((failure) => failure.state === 'failed')!;
    const response = await admin.post(`/api/admin/jobs/${EMAILS}/${given.id}/retry`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ queue: EMAILS, id: given.id });
    expect((await jobs.boss.getJobById(EMAILS, given.id))?.state).toBe('retry');

    const after = await overview();
    // The dead-letter copy is gone: the work is queued once.
    expect(after.deadLetters).toEqual([]);
    expect(after.queues.find((queue) => queue.name === EMAILS)!.counts).toMatchObject({
      failed: 0,
      retrying: 2,
      deadLetters: 0,
    });
    const entries = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'job.retry'), eq(auditLog.entityId, given.id)));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      entityType: 'job',
      summary: 'Chạy lại tác vụ nền: Gửi thông báo qua e-mail',
    });

    const waiting = after.failures.find((failure) => failure.state === 'retry')!;
    const refused = await admin.post(`/api/admin/jobs/${EMAILS}/${waiting.id}/retry`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'CONFLICT',
      message: 'Chỉ chạy lại được tác vụ đã thất bại hẳn.',
    });
  });

  it('moves a dead letter back to its queue', async () => {
    // The jobs the previous test queued again would be fetched first.
    await jobs.boss.deleteQueuedJobs(EMAILS);
    await failedJob('Hỏng', { final: true });
    const [letter] = (await overview()).deadLetters;
    const response = await admin.post(`/api/admin/jobs/${DEAD}/${letter!.id}/retry`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ queue: EMAILS, id: null });
    expect((await overview()).deadLetters).toEqual([]);
    expect(await jobs.boss.findJobs(EMAILS, { data: letter!.data })).toContainEqual(
      expect.objectContaining({ state: 'created' }),
    );
    // Gone from the dead letters: a second retry of the same id finds nothing.
    expect((await admin.post(`/api/admin/jobs/${DEAD}/${letter!.id}/retry`)).statusCode).toBe(404);
  });

  it('answers 404 for an unknown queue or job and 403 to anyone but an administrator of everything', async () => {
    expect((await admin.post(`/api/admin/jobs/no.such-queue/${randomUUID()}/retry`)).statusCode).toBe(404);
    expect((await admin.post(`/api/admin/jobs/${EMAILS}/${randomUUID()}/retry`)).statusCode).toBe(404);
    expect((await office.get('/api/admin/jobs')).statusCode).toBe(403);
    expect((await office.post(`/api/admin/jobs/${EMAILS}/${randomUUID()}/retry`)).statusCode).toBe(403);
    const me = (await office.get('/api/auth/me')).json<{ canViewJobs: boolean }>();
    expect(me.canViewJobs).toBe(false);
    expect((await admin.get('/api/auth/me')).json<{ canViewJobs: boolean }>().canViewJobs).toBe(true);
  });
});
