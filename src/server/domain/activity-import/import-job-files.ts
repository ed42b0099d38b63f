import type { Db } from '../../db/client';
import {
  deleteActivityImportJob,
  isStorageKeyInUse,
  lockStorageKey,
} from '../../db/repositories/activity-import-jobs';
import { type FileStore, isStorageKey } from '../../storage/file-store';

/**
 * The upload of a background import lives in the file store, which is content-addressed and shared:
 * the same bytes kept as evidence, a library item, a page snapshot or another import's upload are
 * one file. An import's upload is deleted only when nothing else names its key, under the key's
 * lock (lockStorageKey), which startImportJob takes too before writing its row.
 */

export interface ImportUpload {
  /** The import job's id: its own row does not count as a use of the file. */
  id: string;
  storageKey: string;
}

/**
 * Deletes a finished import's upload unless another row still needs the bytes. A key not of the
 * store's shape (a damaged row) is left alone: never a path outside the store. Idempotent: a file
 * already gone is fine. True when the file was deleted.
 */
export async function releaseImportUpload(db: Db, fileStore: FileStore, job: ImportUpload): Promise<boolean> {
  if (!isStorageKey(job.storageKey)) return false;
  return db.transaction(async (tx) => {
    await lockStorageKey(tx, job.storageKey);
    if (await isStorageKeyInUse(tx, job.storageKey, job.id)) return false;
    if (!(await fileStore.exists(job.storageKey))) return false;
    await fileStore.remove(job.storageKey);
    return true;
  });
}

/**
 * Deletes an import's row and its upload (unless still needed) in one transaction, under the key's
 * lock: a file that cannot be deleted keeps its row, for the next sweep to try again.
 */
export async function deleteImportJobAndUpload(
  db: Db,
  fileStore: FileStore,
  job: ImportUpload,
): Promise<{ row: boolean; file: boolean }> {
  return db.transaction(async (tx) => {
    if (isStorageKey(job.storageKey)) await lockStorageKey(tx, job.storageKey);
    const row = await deleteActivityImportJob(tx, job.id);
    if (!isStorageKey(job.storageKey) || (await isStorageKeyInUse(tx, job.storageKey, job.id)))
      return { row, file: false };
    const file = await fileStore.exists(job.storageKey);
    if (file) await fileStore.remove(job.storageKey);
    return { row, file };
  });
}
