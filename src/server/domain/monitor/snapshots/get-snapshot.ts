import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { SnapshotDto } from '../../../../shared/api/snapshots';
import type { Queryable } from '../../../db/client';
import {
  findSnapshotEvidence,
  getSnapshotRow,
  getStoredFileKeys,
  type SnapshotRow,
} from '../../../db/repositories/monitor-snapshots';
import { notFound } from '../../../errors';
import { authorizeUnit, isGlobal, type Principal } from '../../../policies/principal';
import type { FileStore } from '../../../storage/file-store';
import { SNAPSHOT_DOES_NOT_PROVE, SNAPSHOT_PROVES, snapshotFileStem } from './snapshot-words';

/**
 * A snapshot for a user who sees its unit (the unit it was stored for, or, for one stored without a
 * unit, the unit of the record it proves); to anyone else it does not exist. A snapshot of no unit
 * and no record is seen by a system administrator only.
 */
async function loadVisibleSnapshot(
  db: Queryable,
  principal: Principal,
  snapshotId: string,
): Promise<SnapshotRow> {
  const row = await getSnapshotRow(db, snapshotId);
  if (!row) throw notFound();
  const unitId = row.unitId ?? (await findSnapshotEvidence(db, row.id))?.unitId ?? null;
  if (unitId) await authorizeUnit(db, principal, unitId, 'unit.view');
  else if (!isGlobal(principal, 'unit.view')) throw notFound();
  return row;
}

export function presentSnapshot(row: SnapshotRow): SnapshotDto {
  return {
    id: row.id,
    sequence: Number(row.sequence),
    unitId: row.unitId,
    channelId: row.channelId,
    url: row.url,
    finalUrl: row.finalUrl,
    status: row.status,
    headers: row.headers,
    fetchedAt: row.fetchedAt,
    contentType: row.contentType,
    bodySha256: row.bodySha256,
    bodyBytes: row.bodyBytes,
    textSha256: row.textSha256,
    screenshotSha256: row.screenshotSha256,
    manifest: row.manifest,
    manifestSha256: row.manifestSha256,
    previousSha256: row.previousSha256,
    bodyUrl: `/api/snapshots/${row.id}/body`,
    screenshotUrl: row.screenshotFileId ? `/api/snapshots/${row.id}/screenshot.png` : null,
    statement: { proves: SNAPSHOT_PROVES, doesNotProve: SNAPSHOT_DOES_NOT_PROVE },
  };
}

export async function getSnapshot(options: {
  db: Queryable;
  principal: Principal;
  snapshotId: string;
}): Promise<SnapshotDto> {
  return presentSnapshot(await loadVisibleSnapshot(options.db, options.principal, options.snapshotId));
}

/** One of a snapshot's files, opened for a download: the body decompressed, or the screenshot. */
export async function openSnapshotFile(options: {
  db: Queryable;
  principal: Principal;
  store: FileStore;
  snapshotId: string;
  part: 'body' | 'screenshot';
}): Promise<{ fileName: string; sizeBytes: number | null; open: () => Promise<Readable> }> {
  const { db, principal, store, part } = options;
  const row = await loadVisibleSnapshot(db, principal, options.snapshotId);
  const fileId = part === 'body' ? row.bodyFileId : row.screenshotFileId;
  const file = fileId ? (await getStoredFileKeys(db, [fileId])).get(fileId) : undefined;
  if (!file) throw notFound('Ảnh chụp này không có tệp được yêu cầu.');
  const stem = snapshotFileStem(row.finalUrl, row.fetchedAt, Number(row.sequence));
  if (part === 'screenshot')
    return { fileName: `${stem}.png`, sizeBytes: file.sizeBytes, open: () => store.get(file.storageKey) };
  return {
    fileName: `${stem}.txt`,
    sizeBytes: row.bodyBytes,
    open: async () => {
      const source = await store.get(file.storageKey);
      const gunzip = createGunzip();
      source.on('error', (error) => gunzip.destroy(error));
      return source.pipe(gunzip);
    },
  };
}
