import type { Readable } from 'node:stream';

/**
 * Where uploaded bytes live. Content-addressed: a file's key comes from its SHA-256, so the same
 * bytes are kept once and a stored file is never changed in place. The local disk store is the
 * default; an S3-style store only has to implement this interface.
 */
export interface FileStore {
  /**
   * Streams the content into a private staging area while hashing and counting it. Nothing is
   * visible under a key until the staged file is committed; refuses content over maxBytes.
   */
  stage(source: Readable, options: { maxBytes: number }): Promise<StagedFile>;
  /** Stages and commits in one step, for callers that need no look at the content first. */
  put(source: Readable, options: { maxBytes: number }): Promise<StoredObject>;
  /** The content under a key, as a stream; with a range, only bytes start..end (both included). */
  get(key: string, range?: ByteRange): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /**
   * Deletes the content under a key (nothing when there is none). Content is shared by every row of
   * the same bytes: the caller must know that no other row names the key (releaseImportUpload).
   * Refuses a key not of the store's shape, so no row can make it delete outside the store.
   */
  remove(key: string): Promise<void>;
}

export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredObject {
  key: string;
  sha256: string;
  sizeBytes: number;
}

export interface StagedFile {
  sha256: string;
  sizeBytes: number;
  /** Random access to the staged bytes (type detection reads the start and, for ZIPs, the end). */
  read(position: number, length: number): Promise<Buffer>;
  /** Makes the content available under its key; content already stored is not written again. */
  commit(): Promise<StoredObject>;
  /** Throws the staged bytes away. Safe to call after commit and more than once. */
  discard(): Promise<void>;
}

/** A file sent with a request, staged and waiting for its checks before it is committed. */
export interface UploadedFile {
  staged: StagedFile;
  /** The name the client gave, without any folder part. */
  fileName: string;
}

/** Thrown by stage() when the content is larger than allowed. */
export class ContentTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`content larger than ${maxBytes} bytes`);
    this.name = 'ContentTooLargeError';
  }
}

/** "ab/cd/abcd…": two levels of folders keep any one folder small. */
export function storageKeyOf(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

/** Keys come from the database; checking their shape keeps a bad row from naming a path outside the store. */
export function isStorageKey(key: string): boolean {
  if (!KEY_PATTERN.test(key)) return false;
  const sha = key.slice(6);
  return key.startsWith(`${sha.slice(0, 2)}/${sha.slice(2, 4)}/`);
}
