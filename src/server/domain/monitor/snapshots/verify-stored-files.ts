import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Queryable } from '../../../db/client';
import { findStoredFilesAfter } from '../../../db/repositories/monitor-snapshots';
import { type FileStore, isStorageKey } from '../../../storage/file-store';

export interface StoredFileProblem {
  fileId: string;
  name: string;
  problem: string;
}

const PAGE = 500;

/**
 * Reads every stored file (evidence, library, snapshots) once and compares its SHA-256 and size with
 * what stored_files recorded at upload. It reads all the bytes, so it is an option of the CLI, not a
 * part of every check. Rows sharing one content are checked against one reading.
 */
export async function verifyStoredFiles(
  q: Queryable,
  fileStore: FileStore,
): Promise<{ checked: number; problems: StoredFileProblem[] }> {
  const problems: StoredFileProblem[] = [];
  let checked = 0;
  let after = { storageKey: '', id: '00000000-0000-0000-0000-000000000000' };
  let lastKey: string | null = null;
  let lastActual: { sha256: string; bytes: number } | Error | null = null;
  for (;;) {
    const rows = await findStoredFilesAfter(q, after, PAGE);
    if (rows.length === 0) break;
    for (const row of rows) {
      checked += 1;
      const report = (problem: string) => problems.push({ fileId: row.id, name: row.originalName, problem });
      if (!isStorageKey(row.storageKey) || !row.storageKey.endsWith(row.sha256)) {
        report(`Mã SHA-256 đã ghi (${row.sha256}) không khớp vị trí tệp trong kho (${row.storageKey}).`);
        continue;
      }
      if (row.storageKey !== lastKey) {
        lastKey = row.storageKey;
        lastActual = await hashFile(fileStore, row.storageKey).catch((error: Error) => error);
      }
      if (lastActual instanceof Error) {
        const missing = (lastActual as NodeJS.ErrnoException).code === 'ENOENT';
        report(missing ? 'Tệp không còn trong kho lưu trữ.' : `Không đọc được tệp (${lastActual.message}).`);
      } else if (lastActual && (lastActual.sha256 !== row.sha256 || lastActual.bytes !== row.sizeBytes)) {
        report(
          `Tệp trong kho không khớp: SHA-256 ${lastActual.sha256} (${lastActual.bytes} byte), đã ghi ${row.sha256} (${row.sizeBytes} byte).`,
        );
      }
    }
    const last = rows[rows.length - 1]!;
    after = { storageKey: last.storageKey, id: last.id };
  }
  return { checked, problems };
}

async function hashFile(fileStore: FileStore, key: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  await pipeline(
    await fileStore.get(key),
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        hash.update(chunk);
        callback();
      },
    }),
  );
  return { sha256: hash.digest('hex'), bytes };
}
