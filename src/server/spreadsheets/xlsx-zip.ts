import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from '../errors';
import { fileTooLargeUnpacked, formatCount, TABLE_LIMITS, unreadableXlsx } from './limits';

/**
 * An XLSX's zip, opened from its central directory (yauzl) without inflating anything. Opening it
 * refuses a zip bomb by its declared sizes; reading a part refuses one whose declared sizes lie
 * (yauzl stops a part the moment it inflates past its declared size).
 */
export interface XlsxZip {
  has(name: string): boolean;
  /** The parts whose names match, in name order ("sheet2" before "sheet10"). */
  names(pattern: RegExp): string[];
  /** The part's bytes as they are inflated; destroyed with the zip. */
  open(name: string): Promise<Readable>;
  /** Stops every stream still open: the read ended, well or not. */
  close(): void;
}

const MB = 1024 * 1024;

export async function openXlsxZip(content: Buffer): Promise<XlsxZip> {
  let zipfile: yauzl.ZipFile;
  try {
    zipfile = await yauzl.fromBufferPromise(content, { strictFileNames: false, validateEntrySizes: true });
  } catch {
    throw unreadableXlsx();
  }
  const entries = new Map<string, yauzl.Entry>();
  let total = 0;
  try {
    for await (const entry of zipfile.eachEntry()) {
      if (entries.size >= TABLE_LIMITS.maxZipEntries)
        throw fileTooLargeUnpacked(`hơn ${formatCount(TABLE_LIMITS.maxZipEntries)} tệp bên trong`);
      total += entry.uncompressedSize;
      if (total > TABLE_LIMITS.maxUncompressedBytes)
        throw fileTooLargeUnpacked(
          `hơn ${Math.round(TABLE_LIMITS.maxUncompressedBytes / MB)} MB dữ liệu sau khi giải nén`,
        );
      if (
        entry.uncompressedSize >= TABLE_LIMITS.ratioCheckFromBytes &&
        entry.uncompressedSize > TABLE_LIMITS.maxCompressionRatio * Math.max(entry.compressedSize, 1)
      )
        throw fileTooLargeUnpacked(
          `phần "${entry.fileName}" nén hơn ${TABLE_LIMITS.maxCompressionRatio} lần`,
        );
      entries.set(entry.fileName, entry);
    }
  } catch (error) {
    zipfile.close();
    if (error instanceof AppError) throw error;
    throw unreadableXlsx();
  }

  const streams = new Set<Readable>();
  return {
    has: (name) => entries.has(name),
    names: (pattern) =>
      [...entries.keys()]
        .filter((name) => pattern.test(name))
        .sort(new Intl.Collator('en', { numeric: true }).compare),
    async open(name) {
      const entry = entries.get(name);
      if (!entry) throw unreadableXlsx();
      const stream = await zipfile.openReadStreamPromise(entry);
      streams.add(stream);
      stream.once('close', () => streams.delete(stream));
      return stream;
    },
    close() {
      for (const stream of streams) stream.destroy();
      streams.clear();
      zipfile.close();
    },
  };
}
