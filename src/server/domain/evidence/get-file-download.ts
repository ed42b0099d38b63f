import type { Readable } from 'node:stream';
import type { Queryable } from '../../db/client';
import { findEvidenceUnitsOfFile, getStoredFile, type StoredFileRow } from '../../db/repositories/evidence';
import { findLibraryItemsOfFile, getLibraryItemRow } from '../../db/repositories/library';
import { notFound } from '../../errors';
import { actionsOnUnit, type Principal } from '../../policies/principal';
import type { ByteRange, FileStore } from '../../storage/file-store';
import { canSeeLibraryItem } from '../library/library-scope';
import { findGoverningIds } from '../units/unit-scope';

/**
 * A stored file for download, to a user who sees an evidence item or a library item using it;
 * to anyone else the file does not exist.
 */
export async function getFileDownload(options: {
  db: Queryable;
  principal: Principal;
  store: FileStore;
  fileId: string;
}): Promise<{ file: StoredFileRow; open: (range?: ByteRange) => Promise<Readable> }> {
  const { db, principal, store, fileId } = options;
  const file = await getStoredFile(db, fileId);
  if (!file || !(await mayDownload(db, principal, fileId))) throw notFound();
  return { file, open: (range) => store.get(file.storageKey, range) };
}

async function mayDownload(db: Queryable, principal: Principal, fileId: string): Promise<boolean> {
  for (const unitId of await findEvidenceUnitsOfFile(db, fileId)) {
    if (actionsOnUnit(principal, await findGoverningIds(db, unitId)).includes('unit.view')) return true;
  }
  for (const item of await findLibraryItemsOfFile(db, fileId)) {
    const original = item.translationOfId ? await getLibraryItemRow(db, item.translationOfId) : item;
    if (original && (await canSeeLibraryItem(db, principal, original)).visible) return true;
  }
  return false;
}
