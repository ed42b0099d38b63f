import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type {
  ActivityFileKind,
  ActivityImportJobDto,
  ActivityImportQueuedDto,
  ActivityImportResultDto,
} from '../../../shared/api/activity-files';
import type { ErrorBody } from '../../../shared/errors';
import type { Role } from '../../../shared/roles';
import type { Db } from '../../db/client';
import {
  type ActivityImportJobRow,
  failUnfinishedActivityImportJob,
  findActiveUserGrants,
  finishActivityImportJob,
  getActivityImportJob,
  insertActivityImportJob,
  lockStorageKey,
  markActivityImportJobRunning,
} from '../../db/repositories/activity-import-jobs';
import { AppError, notFound } from '../../errors';
import { inTransaction, type JobEngine } from '../../jobs/engine';
import { getJobState } from '../../jobs/job-store';
import type { Principal } from '../../policies/principal';
import type { FileStore } from '../../storage/file-store';
import type { Actor } from '../actor';
import { checkImportStart, importActivities } from './import-activities';
import { releaseImportUpload } from './import-job-files';

/** The queue of large imports (src/server/jobs/queues.ts). */
export const IMPORT_QUEUE = 'activities.import';

/** Larger than any accepted upload (the route's body limit is 50 MB). */
const MAX_STAGED_BYTES = 60 * 1024 * 1024;

export interface StartImportJobOptions {
  db: Db;
  jobs: Pick<JobEngine, 'enqueue'>;
  fileStore: FileStore;
  principal: Principal;
  actor: Actor;
  kind: ActivityFileKind;
  fileName: string;
  content: Buffer;
  unitId?: string | undefined;
  confirmReimport?: boolean | undefined;
  estimatedRows: number;
}

/**
 * Queues the import of a large file. What can be refused without reading the file is refused here, at
 * once (no right to record for the unit, the same file imported before); the file then waits in the
 * file store under its SHA-256 and the job row and the pg-boss job are written in one transaction. The
 * transaction holds the file's key (lockStorageKey) and puts the file back if a finished import of the
 * same bytes deleted it between the two steps (releaseImportUpload). The job's singleton key is the user: pg-boss runs one job per key at a time (policy 'singleton'), so a
 * user's imports run one after another on every worker, and other users' imports are not held up.
 */
export async function startImportJob(options: StartImportJobOptions): Promise<ActivityImportQueuedDto> {
  const { db, principal } = options;
  const fileSha256 = createHash('sha256').update(options.content).digest('hex');
  await checkImportStart({ ...options, fileSha256 });
  const putFile = () =>
    options.fileStore.put(Readable.from([options.content]), { maxBytes: MAX_STAGED_BYTES });
  const stored = await putFile();
  const jobId = randomUUID();
  await db.transaction(async (tx) => {
    await lockStorageKey(tx, stored.key);
    if (!(await options.fileStore.exists(stored.key))) await putFile();
    await insertActivityImportJob(tx, {
      id: jobId,
      createdBy: principal.userId,
      kind: options.kind,
      unitId: options.unitId ?? null,
      fileName: options.fileName,
      fileSha256,
      storageKey: stored.key,
      confirmReimport: options.confirmReimport ?? false,
      requestIp: options.actor.ip ?? null,
      requestId: options.actor.requestId ?? null,
    });
    await options.jobs.enqueue(
      IMPORT_QUEUE,
      { importJobId: jobId },
      { id: jobId, singletonKey: principal.userId, db: tx },
    );
  });
  return { jobId, status: 'queued', estimatedRows: options.estimatedRows };
}

/**
 * Runs one queued import (the `activities.import` handler). Idempotent, as handlers must be: the
 * result is written in the import's own transaction and the batch takes the job's id, so a run
 * repeated after a crash either finds the job finished and does nothing, or finds nothing stored and
 * imports from the start; it can never store the file twice. A file refused for its content (row
 * errors, a re-import to confirm, no right any more) finishes the job as failed with the error an
 * inline import would answer; only unexpected errors (the database gone) are thrown, to be retried.
 *
 * Once the job is finished its upload is deleted (releaseImportUpload); a run that finds the job
 * finished deletes it too, should a crash have come between. An unexpected error keeps the file for
 * the retry, except on the last attempt (`lastAttempt`): the job is then failed for good, as its
 * owner is told (JOB_LOST), and its file deleted. A later retry from the jobs page then finds the
 * job finished and does nothing: its owner, told to send the file again, may have done so already.
 */
export async function runImportJob(options: {
  db: Db;
  fileStore: FileStore;
  importJobId: string;
  now: Date;
  /** No automatic retry follows this attempt (pg-boss's retry count has reached the queue's limit). */
  lastAttempt?: boolean;
}): Promise<string> {
  const { db, fileStore, importJobId, now } = options;
  const job = await getActivityImportJob(db, importJobId);
  if (!job) return 'không còn lượt nhập này';
  if (!(await markActivityImportJobRunning(db, importJobId, now))) {
    await releaseImportUpload(db, fileStore, job);
    return `đã xong trước đó (${job.status})`;
  }
  let summary: string;
  try {
    summary = await importFile(options, job);
  } catch (error) {
    if (options.lastAttempt) await giveUp(db, fileStore, job);
    throw error;
  }
  await releaseImportUpload(db, fileStore, job);
  return summary;
}

async function importFile(
  options: { db: Db; fileStore: FileStore; importJobId: string; now: Date },
  job: ActivityImportJobRow,
): Promise<string> {
  const { db, importJobId, now } = options;
  try {
    const owner = await findActiveUserGrants(db, job.createdBy);
    if (!owner) throw new AppError('FORBIDDEN', 'Tài khoản đã bị khoá; không có bản ghi nào được nhập.');
    const principal: Principal = {
      userId: job.createdBy,
      username: owner.username,
      grants: owner.grants.map((grant) => ({ ...grant, role: grant.role as Role })),
    };
    const content = await readAll(await options.fileStore.get(job.storageKey));
    const result = await importActivities({
      db,
      principal,
      actor: {
        userId: job.createdBy,
        label: owner.username,
        ip: job.requestIp,
        requestId: job.requestId,
      },
      recordedBy: job.createdBy,
      kind: job.kind as ActivityFileKind,
      fileName: job.fileName,
      content,
      ...(job.unitId ? { unitId: job.unitId } : {}),
      confirmReimport: job.confirmReimport,
      now,
      batchId: importJobId,
      onStored: (tx, stored) =>
        finishActivityImportJob(tx, importJobId, { status: 'done', result: stored }, new Date()),
    });
    return `${result.created}/${result.rows} bản ghi đã nhập`;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const body: ErrorBody = { code: error.code, message: error.message, details: error.details };
    await finishActivityImportJob(db, importJobId, { status: 'failed', error: body }, new Date());
    return `không nhập: ${error.message}`;
  }
}

/**
 * The last attempt failed: the job is failed for good and its file deleted. Best effort: the error
 * that failed the attempt (often the database itself) is what pg-boss must record, and a row left
 * unfinished is deleted with its file by the retention sweep (sweepImportJobs).
 */
async function giveUp(db: Db, fileStore: FileStore, job: ActivityImportJobRow): Promise<void> {
  try {
    await failUnfinishedActivityImportJob(db, job.id, JOB_LOST, new Date());
    await releaseImportUpload(db, fileStore, job);
  } catch {
    // Left to the sweep, as said above.
  }
}

/** Said when the job itself failed for good (its retries spent) or is gone: nothing was stored. */
const JOB_LOST: ErrorBody = {
  code: 'INTERNAL',
  message:
    'Lỗi hệ thống khi nhập tệp ở chế độ chạy nền; không có bản ghi nào được nhập. Vui lòng gửi lại tệp.',
  details: [],
};

/** A background import as its owner sees it; anyone else is told it does not exist. */
export async function getImportJob(options: {
  db: Db;
  principal: Principal;
  importJobId: string;
}): Promise<ActivityImportJobDto> {
  const job = await getActivityImportJob(options.db, options.importJobId);
  if (!job || job.createdBy !== options.principal.userId) throw notFound();
  let status = job.status as ActivityImportJobDto['status'];
  let error = (job.error as ErrorBody | null) ?? null;
  if (status === 'queued' || status === 'running') {
    // The row says unfinished but pg-boss gave up on the job (or has deleted it): say so, rather
    // than have the page wait for ever.
    const state = await getJobState(inTransaction(options.db), IMPORT_QUEUE, job.id);
    if (state === undefined || state === 'failed' || state === 'cancelled') {
      status = 'failed';
      error = JOB_LOST;
    }
  }
  return toDto(job, status, error);
}

function toDto(
  job: ActivityImportJobRow,
  status: ActivityImportJobDto['status'],
  error: ErrorBody | null,
): ActivityImportJobDto {
  return {
    jobId: job.id,
    status,
    kind: job.kind as ActivityFileKind,
    fileName: job.fileName,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    result: status === 'done' ? (job.result as ActivityImportResultDto) : null,
    error: status === 'failed' ? error : null,
  };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
