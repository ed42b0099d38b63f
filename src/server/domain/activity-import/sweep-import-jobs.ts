import type { Db } from '../../db/client';
import { findImportJobsOlderThan } from '../../db/repositories/activity-import-jobs';
import { deadLetterQueueOf, inTransaction } from '../../jobs/engine';
import { findJobsThatMayRun } from '../../jobs/job-store';
import type { FileStore } from '../../storage/file-store';
import { deleteImportJobAndUpload } from './import-job-files';
import { IMPORT_QUEUE } from './import-jobs';

/** Rows read per page. */
const PAGE = 200;

/**
 * The retention sweep of background imports (queue `activities.import-cleanup`): rows of imports
 * finished more than `retentionDays` ago are deleted with whatever upload is left behind (the job
 * deletes its upload when it finishes; one left here lost that step to a crash). The import itself
 * stays: its records, its batch and their audit entries are not touched; the row was only the
 * answer the import page polls for.
 *
 * A row still queued or running although created more than `retentionDays` ago is deleted too when
 * its pg-boss job can no longer run (gone, cancelled, or failed with no dead letter waiting): its
 * worker died on the last attempt, or pg-boss deleted the job, so nothing will ever finish it, and
 * its owner has been told to send the file again (getImportJob). One that may still run (waiting,
 * retrying, or failed or dead-lettered and so retryable from the jobs page) is kept with its file.
 *
 * Not audited, like the other housekeeping of system jobs (expired sessions, login counts, old
 * backups): a job row is not audited when written either; the count is kept on the completed job.
 * Idempotent: a second run finds nothing more to delete.
 */
export async function sweepImportJobs(options: {
  db: Db;
  fileStore: FileStore;
  now: Date;
  retentionDays: number;
}): Promise<{ rows: number; files: number; kept: number }> {
  const { db, fileStore } = options;
  const before = new Date(options.now.getTime() - options.retentionDays * 86_400_000);
  const totals = { rows: 0, files: 0, kept: 0 };
  let after: string | undefined;
  for (;;) {
    const page = await findImportJobsOlderThan(db, before, PAGE, after);
    if (page.length === 0) return totals;
    after = page.at(-1)!.id;
    const unfinished = page.filter((job) => job.status === 'queued' || job.status === 'running');
    const mayRun = await findJobsThatMayRun(
      inTransaction(db),
      IMPORT_QUEUE,
      deadLetterQueueOf(IMPORT_QUEUE),
      unfinished.map((job) => job.id),
    );
    for (const job of page) {
      if (mayRun.has(job.id)) {
        totals.kept += 1;
        continue;
      }
      const deleted = await deleteImportJobAndUpload(db, fileStore, job);
      if (deleted.row) totals.rows += 1;
      if (deleted.file) totals.files += 1;
    }
  }
}
