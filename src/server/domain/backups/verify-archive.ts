import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { backupEndSchema, backupHeaderSchema, tableStartSchema } from '../../cli/backup/format';
import { readGzipLines } from '../../cli/backup/read-backup';
import { checksumFileName } from './backup-files';

/** SHA-256 of a file, read as a stream (a national backup is gigabytes). */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Writes `<file>.sha256` in `sha256sum` format, atomically (a reader never sees half a line). */
export function writeChecksumFile(file: string, sha256: string) {
  const target = path.join(path.dirname(file), checksumFileName(path.basename(file)));
  const partial = `${target}.partial-${process.pid}`;
  fs.writeFileSync(partial, `${sha256}  ${path.basename(file)}\n`, { mode: 0o600 });
  fs.renameSync(partial, target);
}

export class ArchiveCheckFailed extends Error {}

/**
 * Checks a scheduled backup as it lies on disk: its SHA-256 is the one in its `.sha256` file, and
 * it reads back to the end: gzip intact, the header valid, every table's rows counted and equal to
 * the end record's counts (and to `expected`, the counts the writer reported). Returns the size.
 * Row contents are not parsed: `restore` checks them, and this runs after every nightly backup.
 */
export async function verifyBackupArchive(
  file: string,
  expected?: Record<string, number>,
): Promise<{ bytes: number; sha256: string }> {
  const checksumFile = path.join(path.dirname(file), checksumFileName(path.basename(file)));
  if (!fs.existsSync(checksumFile)) throw new ArchiveCheckFailed(`Thiếu tệp kiểm tra ${checksumFile}.`);
  const recorded = fs.readFileSync(checksumFile, 'utf8').split(/\s+/)[0] ?? '';
  const sha256 = await sha256OfFile(file);
  if (sha256 !== recorded) {
    throw new ArchiveCheckFailed(
      `Mã SHA-256 của ${path.basename(file)} không khớp tệp .sha256 (tệp đã bị thay đổi).`,
    );
  }
  const counted: Record<string, number> = {};
  let table: string | null = null;
  let isFirst = true;
  let end: Record<string, number> | null = null;
  for await (const line of readGzipLines(file)) {
    if (line === '') continue;
    if (end) throw new ArchiveCheckFailed('Có dữ liệu sau dòng kết thúc.');
    if (isFirst) {
      isFirst = false;
      if (!backupHeaderSchema.safeParse(JSON.parse(line)).success) {
        throw new ArchiveCheckFailed('Dòng đầu không phải phần đầu của bản sao lưu Loa Số.');
      }
      continue;
    }
    if (line.startsWith('[')) {
      if (table === null) throw new ArchiveCheckFailed('Có dòng dữ liệu trước tên bảng.');
      counted[table]! += 1;
      continue;
    }
    const parsed: unknown = JSON.parse(line);
    const start = tableStartSchema.safeParse(parsed);
    if (start.success) {
      table = start.data.table;
      counted[table] = 0;
      continue;
    }
    const last = backupEndSchema.safeParse(parsed);
    if (!last.success) throw new ArchiveCheckFailed('Có dòng không đọc được trong bản sao lưu.');
    end = last.data.rowCounts;
  }
  if (!end) throw new ArchiveCheckFailed('Bản sao lưu bị cắt ngang (thiếu dòng kết thúc).');
  const same = (a: Record<string, number>, b: Record<string, number>) =>
    Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([name, n]) => b[name] === n);
  if (!same(counted, end) || (expected && !same(counted, expected))) {
    throw new ArchiveCheckFailed('Số dòng đọc lại không khớp số dòng đã ghi.');
  }
  return { bytes: fs.statSync(file).size, sha256 };
}
