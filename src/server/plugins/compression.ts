import type { FastifyCompressOptions } from '@fastify/compress';

/**
 * Compression of the API's answers. A scoreboard of a province is a few hundred KB of JSON that
 * shrinks ten times or more; on a commune's mobile connection that is the difference that matters.
 *
 * - Only JSON and HTML, from 1 KB: file downloads (DOCX, XLSX, PDF, ZIP, images) are already
 *   compressed or are served as they were stored, and a stream of server events must not be held
 *   back by a compressor's buffer.
 * - Brotli at quality 4 (not 11: far too slow per request) or gzip, as the browser accepts.
 * - The built web files keep their .br/.gz made at build time (@fastify/static `preCompressed`):
 *   an answer that already has a Content-Encoding is left alone.
 * - Request bodies are never inflated: an upload stays the bytes sent, whose limits the routes check
 *   (a gzip body would be a zip bomb of its own).
 */
export const COMPRESSED_TYPES = /^(?:application\/(?:[\w.+-]+\+)?json|text\/html)(?:;|$)/;

export const compressionOptions: FastifyCompressOptions = {
  global: true,
  globalDecompression: false,
  threshold: 1024,
  encodings: ['br', 'gzip'],
  customTypes: COMPRESSED_TYPES,
};
