import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { Queryable } from '../../../db/client';
import {
  findDanglingSnapshotReferences,
  findSnapshotsAfter,
  getStoredFileKeys,
  type SnapshotRow,
} from '../../../db/repositories/monitor-snapshots';
import type { FileStore } from '../../../storage/file-store';
import { buildManifest, canonicalJson, manifestExtras, manifestHash, sha256Hex } from './snapshot-manifest';

export interface SnapshotProblem {
  /** 0 when the problem is not about one link of the chain (a reference to a missing snapshot). */
  sequence: number;
  snapshotId: string;
  /** In Vietnamese, for the person running the check. */
  problem: string;
}

export interface ChainVerification {
  checked: number;
  problems: SnapshotProblem[];
  /** The last link's hash: written down elsewhere, it lets a later check see removed tail links. */
  headSha256: string | null;
  headSequence: number | null;
}

const PAGE = 200;

/** Hashes and counts a stream, failing once it passes `limit` bytes (a tampered file may be a gzip bomb). */
async function hashStream(
  source: NodeJS.ReadableStream,
  options: { gunzip: boolean; limit: number },
): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > options.limit) {
        callback(new Error(`lớn hơn ${options.limit} byte đã ghi`));
        return;
      }
      hash.update(chunk);
      callback();
    },
  });
  if (options.gunzip) await pipeline(source, createGunzip(), sink);
  else await pipeline(source, sink);
  return { sha256: hash.digest('hex'), bytes };
}

/** Fields whose stored manifest differs from the one rebuilt from the row's columns. */
function differingFields(stored: Record<string, unknown>, rebuilt: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(stored), ...Object.keys(rebuilt)]);
  return [...keys].filter((key) => canonicalJson(stored[key]) !== canonicalJson(rebuilt[key])).sort();
}

/**
 * Checks the whole snapshot chain, oldest first: each manifest rebuilt from its row hashes to the
 * stored hash, each link names the hash of the link before it (so a removed or altered snapshot
 * breaks the chain where it was; gaps in the sequence numbers alone mean nothing, a rolled-back
 * insert leaves one), and each stored body, once decompressed, and each screenshot still have the
 * recorded SHA-256 and size. Problems are listed, never repaired.
 */
export async function verifySnapshotChain(q: Queryable, fileStore: FileStore): Promise<ChainVerification> {
  const problems: SnapshotProblem[] = [];
  let checked = 0;
  let previous: SnapshotRow | null = null;
  let after = 0;
  for (;;) {
    const rows = await findSnapshotsAfter(q, after, PAGE);
    if (rows.length === 0) break;
    const files = await getStoredFileKeys(
      q,
      rows.flatMap((row) => [row.bodyFileId, row.screenshotFileId].filter((id): id is string => !!id)),
    );
    for (const row of rows) {
      const report = (problem: string) =>
        problems.push({ sequence: Number(row.sequence), snapshotId: row.id, problem });
      checkManifest(row, report);
      checkLink(row, previous, report);
      await checkBody(row, files, fileStore, report);
      await checkScreenshot(row, files, fileStore, report);
      checked += 1;
      previous = row;
    }
    after = Number(rows[rows.length - 1]!.sequence);
  }
  for (const ref of await findDanglingSnapshotReferences(q)) {
    problems.push({
      sequence: 0,
      snapshotId: ref.snapshotId,
      problem: `${ref.table === 'evidence' ? 'Minh chứng' : 'Bản ghi'} ${ref.id} dẫn tới ảnh chụp ${ref.snapshotId} không còn trong cơ sở dữ liệu: ảnh chụp đã bị xóa.`,
    });
  }
  const last = previous as SnapshotRow | null;
  return {
    checked,
    problems,
    headSha256: last?.manifestSha256 ?? null,
    headSequence: last ? Number(last.sequence) : null,
  };
}

function checkManifest(row: SnapshotRow, report: (problem: string) => void) {
  // remoteAddress has no column: it comes from the stored manifest, so a change to it shows as a
  // manifest whose hash no longer matches (below), not as a column that differs.
  const rebuilt = buildManifest({ ...row, sequence: Number(row.sequence), ...manifestExtras(row.manifest) });
  const rebuiltHash = manifestHash(rebuilt);
  const fields = differingFields(row.manifest, { ...rebuilt });
  if (rebuiltHash !== row.manifestSha256 && fields.length > 0) {
    report(
      `Dữ liệu ảnh chụp không khớp mã SHA-256 của bản kê (đã bị sửa sau khi lưu): khác ở ${fields.join(', ')}.`,
    );
  } else if (rebuiltHash !== row.manifestSha256 || manifestHash(row.manifest) !== row.manifestSha256) {
    report('Bản kê (manifest) lưu trong cơ sở dữ liệu đã bị sửa: mã SHA-256 của nó không còn khớp.');
  }
  if (row.text !== null && row.textSha256 !== sha256Hex(row.text)) {
    report('Văn bản trích từ trang không khớp mã SHA-256 đã ghi (đã bị sửa sau khi lưu).');
  }
  if (row.text === null && row.textSha256 !== null) {
    report('Văn bản trích từ trang đã bị xóa (còn mã SHA-256 nhưng không còn văn bản).');
  }
}

function checkLink(row: SnapshotRow, previous: SnapshotRow | null, report: (problem: string) => void) {
  if (previous === null) {
    if (row.previousSha256 !== null)
      report(
        `Ảnh chụp này dẫn tới ảnh chụp trước có mã ${row.previousSha256}, nhưng không còn ảnh chụp nào trước nó: chuỗi bị đứt (ảnh chụp trước đã bị xóa).`,
      );
    return;
  }
  if (row.previousSha256 !== previous.manifestSha256) {
    report(
      `Chuỗi bị đứt: ảnh chụp này dẫn tới mã ${row.previousSha256 ?? '(không có)'}, nhưng ảnh chụp liền trước (số ${previous.sequence}) có mã ${previous.manifestSha256} — có ảnh chụp ở giữa đã bị xóa hoặc bị sửa.`,
    );
  }
}

async function checkBody(
  row: SnapshotRow,
  files: Map<string, { storageKey: string }>,
  fileStore: FileStore,
  report: (problem: string) => void,
) {
  const file = row.bodyFileId ? files.get(row.bodyFileId) : undefined;
  if (!file) {
    report('Không còn tệp nội dung trang (bản ghi tệp đã bị xóa).');
    return;
  }
  try {
    const actual = await hashStream(await fileStore.get(file.storageKey), {
      gunzip: true,
      limit: row.bodyBytes,
    });
    if (actual.sha256 !== row.bodySha256 || actual.bytes !== row.bodyBytes)
      report(
        `Nội dung trang trong kho lưu trữ không khớp: SHA-256 ${actual.sha256} (${actual.bytes} byte), đã ghi ${row.bodySha256} (${row.bodyBytes} byte).`,
      );
  } catch (error) {
    report(`Không đọc hoặc giải nén được tệp nội dung trang (${describe(error)}).`);
  }
}

async function checkScreenshot(
  row: SnapshotRow,
  files: Map<string, { storageKey: string; sizeBytes: number }>,
  fileStore: FileStore,
  report: (problem: string) => void,
) {
  if (!row.screenshotSha256 && !row.screenshotFileId) return;
  const file = row.screenshotFileId ? files.get(row.screenshotFileId) : undefined;
  if (!file || !row.screenshotSha256) {
    report('Không còn ảnh màn hình của trang (bản ghi tệp hoặc mã SHA-256 đã bị xóa).');
    return;
  }
  try {
    const actual = await hashStream(await fileStore.get(file.storageKey), {
      gunzip: false,
      limit: file.sizeBytes,
    });
    if (actual.sha256 !== row.screenshotSha256)
      report(
        `Ảnh màn hình trong kho lưu trữ không khớp: SHA-256 ${actual.sha256}, đã ghi ${row.screenshotSha256}.`,
      );
  } catch (error) {
    report(`Không đọc được ảnh màn hình (${describe(error)}).`);
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'tệp không còn trong kho';
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return 'dữ liệu nén bị hỏng';
  return error instanceof Error ? error.message : String(error);
}
