import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../src/server/config';
import { insertChannel } from '../src/server/db/repositories/channels';
import { insertStoredFile } from '../src/server/db/repositories/evidence';
import { activityImportJobs } from '../src/server/db/schema-activities';
import { runImportJob } from '../src/server/domain/activity-import/import-jobs';
import { currentJobEngine } from '../src/server/jobs/engine';
import { QUEUES } from '../src/server/jobs/queues';
import type { FileStore } from '../src/server/storage/file-store';
import { createLocalFileStore } from '../src/server/storage/local-file-store';
import type { ActivityImportQueuedDto } from '../src/shared/api/activity-files';
import { POST_HEADERS } from './support/activity-files';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { silentLog } from './support/jobs';
import { createSignedInUser } from './support/scenarios';

/** Files of more data rows than this go to the `activities.import` job in these tests. */
const INLINE_LIMIT = 5;
/** The clocks of these tests: the imports' and the sweep's, never today's date. */
const IMPORT_NOW = new Date('2025-06-02T03:00:00Z');
const SWEEP_NOW = new Date('2031-06-15T20:45:00Z');
const DAY = 86_400_000;
const daysBefore = (days: number) => new Date(SWEEP_NOW.getTime() - days * DAY);

type Cell = string | number | null;

describe('clean-up of background imports: uploads and old rows', () => {
  let ctx: TestContext;
  let store: FileStore;
  let officer: Session;
  let officerId: string;
  let code: string;
  const unique = Date.now().toString(36);

  async function xlsx(tag: string, rows = 8, bad = false): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Tin bài');
    sheet.addRow(POST_HEADERS);
    for (let i = 0; i < rows; i++) {
      const row: Cell[] = [
        code,
        'Chuyên mục Chuyển đổi số',
        `${String(1 + (i % 28)).padStart(2, '0')}/03/2025`,
        null,
        `Tin dọn ${tag} số ${i}`,
        `https://don.gov.vn/${unique}/${tag}/${i}`,
        'Tin',
        null,
        null,
        null,
      ];
      if (bad && i === 2) row[2] = '31/02/2025';
      sheet.addRow(row);
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** Uploads a large file: the job is queued (nobody works the queue here) and run by hand. */
  async function queue(content: Buffer, query = ''): Promise<{ jobId: string; storageKey: string }> {
    const response = await officer.request({
      method: 'POST',
      url: `/api/activity-files/import?kind=post&fileName=don.xlsx${query}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: content,
    });
    expect(response.statusCode, response.body).toBe(202);
    const { jobId } = response.json<ActivityImportQueuedDto>();
    return { jobId, storageKey: (await row(jobId))!.storageKey };
  }

  const row = async (id: string) =>
    (await ctx.database.db.select().from(activityImportJobs).where(eq(activityImportJobs.id, id)))[0];

  const run = (jobId: string, options: { fileStore?: FileStore; lastAttempt?: boolean } = {}) =>
    runImportJob({
      db: ctx.database.db,
      fileStore: options.fileStore ?? store,
      importJobId: jobId,
      now: IMPORT_NOW,
      lastAttempt: options.lastAttempt ?? false,
    });

  /** A store whose reads fail with an unexpected error (a disk fault), as a thrown, retried failure. */
  const brokenStore = (): FileStore => ({
    ...store,
    get: () => Promise.reject(new Error('đĩa lỗi')),
  });

  beforeAll(async () => {
    ctx = await createTestApp({ importInlineRowLimit: INLINE_LIMIT });
    store = createLocalFileStore(ctx.dataDir);
    const db = ctx.database.db;
    code = `D${unique}`;
    const province = await createUnit(db, { kind: 'province', code: `PD${unique}`, name: 'Tỉnh Dọn Dẹp' });
    const commune = await createUnit(db, { code, name: 'Xã Dọn Dẹp', parentId: province });
    await insertChannel(db, {
      unitId: commune,
      kind: 'website_column',
      platform: 'website',
      name: 'Chuyên mục Chuyển đổi số',
      url: `https://don.gov.vn/${unique}`,
    });
    const signedIn = await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: commune }]);
    officer = signedIn.session;
    officerId = signedIn.userId;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('deletes the upload once the job is done; a repeated run finds it done and still fine', async () => {
    const { jobId, storageKey } = await queue(await xlsx('xong'));
    expect(await store.exists(storageKey)).toBe(true);
    expect(await run(jobId)).toContain('8/8');
    expect((await row(jobId))!.status).toBe('done');
    expect(await store.exists(storageKey)).toBe(false);
    expect(await run(jobId)).toContain('đã xong trước đó (done)');
  });

  it('deletes the upload of a file refused for its content (failed for good, no retry)', async () => {
    const { jobId, storageKey } = await queue(await xlsx('sai', 8, true));
    expect(await run(jobId)).toContain('không nhập');
    expect((await row(jobId))!.status).toBe('failed');
    expect(await store.exists(storageKey)).toBe(false);
  });

  it('keeps the upload while a retry can run; the retry then imports it and deletes it', async () => {
    const { jobId, storageKey } = await queue(await xlsx('thu-lai'));
    await expect(run(jobId, { fileStore: brokenStore() })).rejects.toThrow('đĩa lỗi');
    expect((await row(jobId))!.status).toBe('running');
    expect(await store.exists(storageKey)).toBe(true);
    expect(await run(jobId)).toContain('8/8');
    expect(await store.exists(storageKey)).toBe(false);
  });

  it('on the last attempt fails the job for good and deletes its upload; a later retry does nothing', async () => {
    const { jobId, storageKey } = await queue(await xlsx('lan-cuoi'));
    await expect(run(jobId, { fileStore: brokenStore(), lastAttempt: true })).rejects.toThrow('đĩa lỗi');
    const failed = (await row(jobId))!;
    expect(failed.status).toBe('failed');
    expect(failed.finishedAt).not.toBeNull();
    expect(failed.error).toMatchObject({ code: 'INTERNAL' });
    expect(await store.exists(storageKey)).toBe(false);
    expect(await run(jobId)).toContain('đã xong trước đó (failed)');
  });

  it('keeps bytes another row still needs: a queued import of the same file, an evidence file', async () => {
    const content = await xlsx('chung');
    const first = await queue(content);
    const second = await queue(content, '&confirmReimport=true');
    expect(second.storageKey).toBe(first.storageKey);
    expect(await run(first.jobId)).toContain('8/8');
    // The second import still waits for these bytes.
    expect(await store.exists(first.storageKey)).toBe(true);
    expect(await run(second.jobId)).toContain('0/8');
    expect(await store.exists(first.storageKey)).toBe(false);

    // The same bytes kept as evidence (a stored_files row) outlive the import.
    const evidenceContent = await xlsx('bang-chung');
    const third = await queue(evidenceContent);
    const stored = await store.put(Readable.from([evidenceContent]), { maxBytes: 1 << 24 });
    expect(stored.key).toBe(third.storageKey);
    await insertStoredFile(ctx.database.db, {
      sha256: stored.sha256,
      sizeBytes: stored.sizeBytes,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      originalName: 'bang-chung.xlsx',
      storageKey: stored.key,
    });
    expect(await run(third.jobId)).toContain('8/8');
    expect(await store.exists(third.storageKey)).toBe(true);
  });

  it('sweeps rows finished past IMPORT_JOB_RETENTION_DAYS with their files; keeps recent and runnable ones', async () => {
    const db = ctx.database.db;
    const put = async (name: string) => {
      const content = Buffer.from(`tệp ${name} ${unique}`);
      const stored = await store.put(Readable.from([content]), { maxBytes: 1024 });
      return { content, key: stored.key, sha256: stored.sha256 };
    };
    const rows: Record<string, { id: string; key: string }> = {};
    async function add(
      name: string,
      status: 'queued' | 'running' | 'done' | 'failed',
      createdDaysAgo: number,
      finishedDaysAgo: number | null,
      storageKey?: string,
    ) {
      const file = storageKey ? null : await put(name);
      const id = randomUUID();
      await db.insert(activityImportJobs).values({
        id,
        createdBy: officerId,
        kind: 'post',
        fileName: `${name}.xlsx`,
        fileSha256: file?.sha256 ?? createHash('sha256').update(name).digest('hex'),
        storageKey: storageKey ?? file!.key,
        status,
        createdAt: daysBefore(createdDaysAgo),
        startedAt: status === 'queued' ? null : daysBefore(createdDaysAgo),
        finishedAt: finishedDaysAgo === null ? null : daysBefore(finishedDaysAgo),
      });
      rows[name] = { id, key: storageKey ?? file!.key };
      return id;
    }
    await add('oldDone', 'done', 41, 40);
    await add('oldFailed', 'failed', 32, 31);
    await add('recentDone', 'done', 11, 10);
    await add('oldRunningLive', 'running', 40, null);
    await add('oldQueuedLost', 'queued', 40, null);
    await add('oldRunningLost', 'running', 35, null);
    await add('recentRunningLost', 'running', 2, null);
    await add('oldDoneShared', 'done', 41, 40);
    // A damaged row naming a path outside the store: the row goes, the path is never touched.
    const canary = path.join(ctx.dataDir, 'canary.txt');
    fs.writeFileSync(canary, 'không được xóa');
    await add('oldDoneBadKey', 'done', 41, 40, '../canary.txt');

    // pg-boss still has the job of one stuck row (waiting): it may run, so it is kept with its file.
    await currentJobEngine().enqueue(
      'activities.import',
      { importJobId: rows.oldRunningLive!.id },
      { id: rows.oldRunningLive!.id, singletonKey: officerId },
    );
    // Another row's bytes are also evidence.
    await insertStoredFile(db, {
      sha256: rows.oldDoneShared!.key.slice(6),
      sizeBytes: 10,
      mimeType: 'text/plain',
      originalName: 'chung.txt',
      storageKey: rows.oldDoneShared!.key,
    });

    const cleanup = QUEUES.find((q) => q.name === 'activities.import-cleanup')!;
    const sweep = (retentionDays: number) =>
      cleanup.handler(
        {
          db,
          log: silentLog,
          now: SWEEP_NOW,
          config: testConfig({ dataDir: ctx.dataDir, importJobRetentionDays: retentionDays }),
          lastAttempt: false,
        },
        {},
      );
    const present = async () => {
      const ids = Object.values(rows).map((r) => r.id);
      const found = await db
        .select({ id: activityImportJobs.id })
        .from(activityImportJobs)
        .where(inArray(activityImportJobs.id, ids));
      const names = Object.entries(rows)
        .filter(([, r]) => found.some((f) => f.id === r.id))
        .map(([name]) => name);
      return names.sort();
    };

    // A longer retention (45 days) keeps everything of these.
    await sweep(45);
    expect(await present()).toEqual(Object.keys(rows).sort());

    // The retention of the setting: 30 days.
    expect(await sweep(30)).toMatch(/^\d+ lượt nhập cũ đã xóa, \d+ tệp đã xóa, [1-9]\d* lượt/);
    expect(await present()).toEqual(['oldRunningLive', 'recentDone', 'recentRunningLost']);
    const exists = async (name: string) => store.exists(rows[name]!.key);
    expect(await exists('oldDone')).toBe(false);
    expect(await exists('oldFailed')).toBe(false);
    expect(await exists('oldQueuedLost')).toBe(false);
    expect(await exists('oldRunningLost')).toBe(false);
    expect(await exists('recentDone')).toBe(true);
    expect(await exists('oldRunningLive')).toBe(true);
    expect(await exists('recentRunningLost')).toBe(true);
    expect(await exists('oldDoneShared')).toBe(true);
    expect(fs.readFileSync(canary, 'utf8')).toBe('không được xóa');

    // Idempotent: nothing more to delete.
    expect(await sweep(30)).toMatch(/^0 lượt nhập cũ đã xóa, 0 tệp đã xóa/);
    expect(await present()).toEqual(['oldRunningLive', 'recentDone', 'recentRunningLost']);
  });
});
