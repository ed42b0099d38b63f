import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  ContentTooLargeError,
  type FileStore,
  isStorageKey,
  type StagedFile,
  storageKeyOf,
} from './file-store';

/**
 * The default store: `<dataDir>/files/ab/cd/<sha256>`. Content is written to a staging file while it
 * is hashed (never held whole in memory), then hard-linked under its key: a link never replaces an
 * existing file, so stored content cannot be overwritten, and files are made read-only.
 */
export function createLocalFileStore(dataDir: string): FileStore {
  const root = path.join(dataDir, 'files');
  const stagingDir = path.join(root, '.staging');

  const pathOf = (key: string) => {
    if (!isStorageKey(key)) throw new Error(`invalid storage key: ${key}`);
    return path.join(root, ...key.split('/'));
  };

  async function stage(source: Readable, options: { maxBytes: number }): Promise<StagedFile> {
    await fsp.mkdir(stagingDir, { recursive: true });
    const tempPath = path.join(stagingDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
    const meter = new HashingMeter(options.maxBytes);
    try {
      await pipeline(source, meter, fs.createWriteStream(tempPath, { mode: 0o600 }));
    } catch (error) {
      // An unread remainder of the source would hold the request open.
      source.resume();
      await fsp.rm(tempPath, { force: true });
      throw error;
    }
    const sha256 = meter.digest();
    const sizeBytes = meter.bytes;
    let done = false;
    return {
      sha256,
      sizeBytes,
      async read(position, length) {
        const handle = await fsp.open(tempPath, 'r');
        try {
          const buffer = Buffer.alloc(Math.max(0, Math.min(length, sizeBytes - position)));
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
          return buffer.subarray(0, bytesRead);
        } finally {
          await handle.close();
        }
      },
      async commit() {
        if (done) throw new Error('staged file already committed or discarded');
        const key = storageKeyOf(sha256);
        const target = pathOf(key);
        await fsp.mkdir(path.dirname(target), { recursive: true });
        await fsp.chmod(tempPath, 0o444);
        try {
          await fsp.link(tempPath, target);
        } catch (error) {
          // The same bytes are already stored: keep the first copy.
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
        await fsp.rm(tempPath, { force: true });
        done = true;
        return { key, sha256, sizeBytes };
      },
      async discard() {
        done = true;
        await fsp.rm(tempPath, { force: true });
      },
    };
  }

  return {
    stage,
    async put(source, options) {
      const staged = await stage(source, options);
      try {
        return await staged.commit();
      } finally {
        await staged.discard();
      }
    },
    async get(key, range) {
      const file = pathOf(key);
      // Open first, so a missing file fails here rather than in the middle of a response.
      const handle = await fsp.open(file, 'r');
      return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    },
    async exists(key) {
      try {
        await fsp.access(pathOf(key));
        return true;
      } catch {
        return false;
      }
    },
    async remove(key) {
      // pathOf checks the key's shape: only a file of the store itself is ever removed.
      await fsp.rm(pathOf(key), { force: true });
    },
  } satisfies FileStore;
}

/** Passes bytes through, hashing and counting them; fails as soon as the count passes the limit. */
class HashingMeter extends Transform {
  bytes = 0;
  private readonly hash = createHash('sha256');

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      callback(new ContentTooLargeError(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
