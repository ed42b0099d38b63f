import { pipeline, Readable, type Transform } from 'node:stream';
import zlib from 'node:zlib';

/**
 * Reads a response body as a stream with a hard limit on what is kept: the raw bytes and the bytes
 * after each content-encoding layer are counted as they come, so a 5 MB page, an endless stream or
 * a gzip bomb (a few hundred KB that inflate to gigabytes) all stop at `limit` plus one chunk. zlib
 * streams hand out 16 KB at a time and wait for the reader, so inflating never runs ahead in memory.
 */

export class BodyTooLarge extends Error {
  constructor() {
    super('body larger than the limit');
    this.name = 'BodyTooLarge';
  }
}

export class UnknownEncoding extends Error {
  constructor(readonly encoding: string) {
    super(`unknown content-encoding ${encoding}`);
    this.name = 'UnknownEncoding';
  }
}

/** Thrown inside the reader to stop it once a truncating read has enough. */
class Enough extends Error {}

export interface ReadBodyOptions {
  /** The Content-Encoding header as received (may list several codings, applied in order). */
  contentEncoding: string | null;
  /** Most bytes kept, raw and after decoding. */
  limit: number;
  /** 'fail' throws BodyTooLarge past the limit; 'truncate' keeps the first `limit` bytes (robots.txt). */
  onLimit: 'fail' | 'truncate';
}

export async function readBody(
  source: AsyncIterable<Uint8Array>,
  options: ReadBodyOptions,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const codings = (options.contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length > 3) throw new UnknownEncoding(codings.join(', ')); // no real server stacks more
  for (const coding of codings) if (!decoderFor(coding)) throw new UnknownEncoding(coding);

  let stream: AsyncIterable<Uint8Array> = bounded(source, options.limit);
  // Content-Encoding lists the codings in the order they were applied, so they are undone last first.
  for (const coding of [...codings].reverse()) {
    stream = bounded(decoderFor(coding)!(stream), options.limit);
  }

  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const room = options.limit - total;
      if (chunk.byteLength > room) {
        if (options.onLimit === 'fail') throw new BodyTooLarge();
        chunks.push(chunk.subarray(0, room));
        total += room;
        throw new Enough();
      }
      chunks.push(chunk);
      total += chunk.byteLength;
    }
  } catch (error) {
    if (error instanceof BodyTooLarge && options.onLimit === 'truncate') {
      return { bytes: Buffer.concat(chunks), truncated: true };
    }
    if (!(error instanceof Enough)) throw error;
    return { bytes: Buffer.concat(chunks), truncated: true };
  }
  return { bytes: Buffer.concat(chunks), truncated: false };
}

type Decoder = (source: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;

function decoderFor(coding: string): Decoder | null {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return (source) => through(source, zlib.createGunzip());
    case 'br':
      return (source) => through(source, zlib.createBrotliDecompress());
    case 'deflate':
      return inflateEither;
    default:
      return null;
  }
}

/** Counts bytes through one stage and stops the whole read once a stage passes the limit. */
async function* bounded(source: AsyncIterable<Uint8Array>, limit: number): AsyncGenerator<Uint8Array> {
  let seen = 0;
  for await (const chunk of source) {
    seen += chunk.byteLength;
    // The chunk that crosses the limit still goes on: the reader decides whether it is an error or enough.
    yield chunk;
    if (seen > limit) throw new BodyTooLarge();
  }
}

/** Runs an async iterable through a zlib transform, with errors and early stops passed both ways. */
async function* through(source: AsyncIterable<Uint8Array>, transform: Transform): AsyncGenerator<Uint8Array> {
  const input = Readable.from(source, { objectMode: false });
  pipeline(input, transform, () => undefined); // an error destroys the transform, which ends the loop below
  try {
    for await (const chunk of transform) yield chunk as Buffer;
  } finally {
    input.destroy();
    transform.destroy();
  }
}

/**
 * "deflate" should be zlib-wrapped (RFC 9110), but old IIS servers sent raw deflate; zlib's Unzip
 * does not take raw data, so the first two bytes decide (the RFC 1950 header check).
 */
async function* inflateEither(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = first.value;
  const isZlib = head.byteLength >= 2 && (head[0]! & 0x0f) === 8 && ((head[0]! << 8) | head[1]!) % 31 === 0;
  async function* again(): AsyncGenerator<Uint8Array> {
    try {
      yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  }
  yield* through(again(), isZlib ? zlib.createInflate() : zlib.createInflateRaw());
}
