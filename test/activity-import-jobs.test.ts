import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../src/server/config';
import { insertChannel } from '../src/server/db/repositories/channels';
import { activities, activityImportJobs, importBatches } from '../src/server/db/schema-activities';
import { queryRows } from '../src/server/db/sql';
import { runImportJob } from '../src/server/domain/activity-import/import-jobs';
import type { JobEngine } from '../src/server/jobs/engine';
import { countDataRows } from '../src/server/spreadsheets/count-rows';
import { createLocalFileStore } from '../src/server/storage/local-file-store';
import type {
  ActivityImportJobDto,
  ActivityImportQueuedDto,
  ActivityImportResultDto,
} from '../src/shared/api/activity-files';
import { POST_HEADERS } from './support/activity-files';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { startTestEngine } from './support/jobs';
import { createSignedInUser } from './support/scenarios';

/** Files of more data rows than this go to the `activities.import` job in these tests. */
const INLINE_LIMIT = 5;

type Cell = string | number | Date | null;

async function xlsx(rows: Cell[][], extraSheet?: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tin bài');
  sheet.addRow(POST_HEADERS);
  for (const row of rows) sheet.addRow(row);
  if (extraSheet) {
    const lists = workbook.addWorksheet('Danh sách', { state: 'hidden' });
    for (const row of extraSheet) lists.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('large record imports as jobs', () => {
  let ctx: TestContext;
  let worker: JobEngine;
  let officer: Session;
  let officerId: string;
  let other: Session;
  let code: string;
  const unique = Date.now().toString(36);

  /** Good rows for the officer's commune, titles made unique by a tag. */
  const goodRows = (n: number, tag: string): Cell[][] =>
    Array.from({ length: n }, (_, i) => [
      code,
      'Chuyên mục Chuyển đổi số',
      `${String(1 + (i % 28)).padStart(2, '0')}/03/2025`,
      null,
      `Tin nền ${tag} số ${i}`,
      `https://jobs.gov.vn/${unique}/${tag}/${i}`,
      'Tin',
      null,
      null,
      null,
    ]);

  const upload = (session: Session, content: Buffer, fileName = 'lon.xlsx', query = '') =>
    session.request({
      method: 'POST',
      url: `/api/activity-files/import?kind=post&fileName=${fileName}${query}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: content,
    });

  const countRecords = async () => {
    const [row] = await ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(activities);
    return row!.n;
  };
  const countBatches = async () => {
    const [row] = await ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(importBatches);
    return row!.n;
  };

  /** Polls the job as its owner would, until it is finished. */
  async function settled(session: Session, jobId: string): Promise<ActivityImportJobDto> {
    let job: ActivityImportJobDto | undefined;
    await expect
      .poll(
        async () => {
          const response = await session.get(`/api/activity-files/import-jobs/${jobId}`);
          expect(response.statusCode, response.body).toBe(200);
          job = response.json<ActivityImportJobDto>();
          return job.status;
        },
        { timeout: 30_000, interval: 200 },
      )
      .toMatch(/^(done|failed)$/);
    return job!;
  }

  beforeAll(async () => {
    ctx = await createTestApp({ importInlineRowLimit: INLINE_LIMIT });
    const db = ctx.database.db;
    code = `J${unique}`;
    const province = await createUnit(db, { kind: 'province', code: `PJ${unique}`, name: 'Tỉnh Chạy Nền' });
    const commune = await createUnit(db, { code, name: 'Xã Chạy Nền', parentId: province });
    await insertChannel(db, {
      unitId: commune,
      kind: 'website_column',
      platform: 'website',
      name: 'Chuyên mục Chuyển đổi số',
      url: `https://jobs.gov.vn/${unique}`,
    });
    const signedIn = await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: commune }]);
    officer = signedIn.session;
    officerId = signedIn.userId;
    other = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: commune }])).session;
    // The worker, as a ROLE=worker process would run it: the app's own engine only sends jobs.
    worker = await startTestEngine(ctx.database, {
      work: true,
      config: testConfig({ dataDir: ctx.dataDir, importInlineRowLimit: INLINE_LIMIT }),
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await ctx?.close();
  });

  it('counts data rows without reading cells: the first filled sheet, not its list sheet', async () => {
    expect(await countDataRows('a.xlsx', await xlsx(goodRows(3, 'dem')))).toBe(3);
    const lists = Array.from({ length: 50 }, (_, i) => [`Đơn vị ${i}`]);
    expect(await countDataRows('a.xlsx', await xlsx(goodRows(2, 'dem'), lists))).toBe(2);
    const csv = `${POST_HEADERS.join(',')}\r\n${'a,b\r\n'.repeat(7)}`;
    expect(await countDataRows('a.csv', Buffer.from(csv))).toBe(7);
    expect(await countDataRows('a.csv', Buffer.from(`${POST_HEADERS.join(',')}\nx,y`))).toBe(1);
  });

  it('keeps a file within the limit inside the request (200 with the result)', async () => {
    const response = await upload(officer, await xlsx(goodRows(INLINE_LIMIT, 'nho')));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<ActivityImportResultDto>()).toMatchObject({
      rows: INLINE_LIMIT,
      created: INLINE_LIMIT,
    });
  });

  it('sends a larger file to a job (202), runs it, and shows its owner the result an inline import gives', async () => {
    const before = await countRecords();
    const response = await upload(officer, await xlsx(goodRows(12, 'lon')));
    expect(response.statusCode, response.body).toBe(202);
    const queued = response.json<ActivityImportQueuedDto>();
    expect(queued).toMatchObject({ status: 'queued', estimatedRows: 12 });
    // Keyed by its owner on a 'singleton' queue: pg-boss runs one job per key at a time.
    const [sent] = await queryRows<{ singletonKey: string; policy: string }>(
      ctx.database.db,
      sql`select j.singleton_key as "singletonKey", q.policy from pgboss.job j
          join pgboss.queue q on q.name = j.name where j.id = ${queued.jobId}`,
    );
    expect(sent).toEqual({ singletonKey: officerId, policy: 'singleton' });

    // Someone else, even with the same grants, learns nothing of it.
    expect((await other.get(`/api/activity-files/import-jobs/${queued.jobId}`)).statusCode).toBe(404);

    const job = await settled(officer, queued.jobId);
    expect(job.status, JSON.stringify(job.error)).toBe('done');
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({
      batchId: queued.jobId,
      rows: 12,
      created: 12,
      skipped: [],
      flaggedDuplicates: [],
    });
    expect(job.finishedAt).not.toBeNull();
    expect(await countRecords()).toBe(before + 12);
    const stored = await ctx.database.db
      .select({ recordedBy: activities.recordedBy, provenance: activities.provenance })
      .from(activities)
      .where(eq(activities.importBatchId, queued.jobId));
    expect(stored).toHaveLength(12);
    expect(new Set(stored.map((row) => row.recordedBy))).toEqual(new Set([officerId]));

    expect((await other.get(`/api/activity-files/import-jobs/${queued.jobId}`)).statusCode).toBe(404);
    expect(
      (await ctx.app.inject({ url: `/api/activity-files/import-jobs/${queued.jobId}` })).statusCode,
    ).toBe(401);
  });

  it('fails a file with bad rows as a whole: every row error listed, in Vietnamese, nothing stored', async () => {
    const rows = goodRows(10, 'loi');
    rows[2] = [code, null, '31/02/2025', null, 'Ngày không có thật', null, null, null, null, null];
    rows[6] = [code, 'Kênh Không Có', '02/04/2025', null, 'Kênh lạ', null, null, null, null, null];
    rows[8] = [code, null, '04/04/2025', null, null, null, null, null, null, null];
    const before = await countRecords();
    const batchesBefore = await countBatches();
    const response = await upload(officer, await xlsx(rows), 'loi.xlsx');
    expect(response.statusCode, response.body).toBe(202);
    const job = await settled(officer, response.json<ActivityImportQueuedDto>().jobId);
    expect(job.status).toBe('failed');
    expect(job.result).toBeNull();
    expect(job.error!.code).toBe('VALIDATION_FAILED');
    expect(job.error!.message).toContain('3 dòng lỗi');
    expect(job.error!.message).toContain('không có bản ghi nào được nhập');
    expect(job.error!.details.map((d) => [d.row, d.column])).toEqual([
      [4, 'Ngày đăng (dd/MM/yyyy)'],
      [8, 'Kênh'],
      [10, 'Tiêu đề'],
    ]);
    expect(job.error!.details[0]!.message).toContain('31/02/2025');
    expect(await countRecords()).toBe(before);
    expect(await countBatches()).toBe(batchesBefore);
  });

  it('refuses at once, before queueing, the same file uploaded again; confirmReimport queues it', async () => {
    const content = await xlsx(goodRows(8, 'lai'));
    const first = await upload(officer, content, 'lai.xlsx');
    expect(first.statusCode).toBe(202);
    await settled(officer, first.json<ActivityImportQueuedDto>().jobId);
    const again = await upload(officer, content, 'lai.xlsx');
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json<{ details: Array<{ field?: string }> }>().details[0]!.field).toBe('confirmReimport');
    const confirmed = await upload(officer, content, 'lai.xlsx', '&confirmReimport=true');
    expect(confirmed.statusCode).toBe(202);
    const job = await settled(officer, confirmed.json<ActivityImportQueuedDto>().jobId);
    // Every row is identical to a record already there: "đã có", nothing stored twice.
    expect(job.result).toMatchObject({ rows: 8, created: 0 });
    expect(job.result!.skipped).toHaveLength(8);
  });

  it('imports once when the job runs again: after a crash before the commit, and after it finished', async () => {
    const fileStore = createLocalFileStore(ctx.dataDir);
    // Stop taking jobs, so this one is run by hand, attempt by attempt.
    await worker.stop();
    try {
      const response = await upload(officer, await xlsx(goodRows(9, 'lap')), 'lap.xlsx');
      expect(response.statusCode).toBe(202);
      const { jobId } = response.json<ActivityImportQueuedDto>();
      const before = await countRecords();

      // A first attempt died after it started and before its transaction committed: the row says
      // 'running' and nothing is stored. The retry imports the file.
      await ctx.database.db
        .update(activityImportJobs)
        .set({ status: 'running', startedAt: new Date() })
        .where(eq(activityImportJobs.id, jobId));
      const run = () => runImportJob({ db: ctx.database.db, fileStore, importJobId: jobId, now: new Date() });
      expect(await run()).toContain('9/9');
      expect(await countRecords()).toBe(before + 9);

      // pg-boss did not hear that it finished (the worker died just after the commit) and runs it
      // again: the result was written with the rows, so the second run does nothing.
      expect(await run()).toContain('đã xong');
      expect(await run()).toContain('đã xong');
      expect(await countRecords()).toBe(before + 9);
      const batches = await ctx.database.db.select().from(importBatches).where(eq(importBatches.id, jobId));
      expect(batches).toHaveLength(1);
      const job = (
        await officer.get(`/api/activity-files/import-jobs/${jobId}`)
      ).json<ActivityImportJobDto>();
      expect(job).toMatchObject({ status: 'done', result: { created: 9, batchId: jobId } });
    } finally {
      worker = await startTestEngine(ctx.database, {
        work: true,
        config: testConfig({ dataDir: ctx.dataDir, importInlineRowLimit: INLINE_LIMIT }),
      });
    }
  });

  it('answers 404 for a job id nobody has', async () => {
    const response = await officer.get(
      '/api/activity-files/import-jobs/5f0c8a8e-2d7b-4a57-9d5e-1c1b9a2c7e11',
    );
    expect(response.statusCode).toBe(404);
  });
});
