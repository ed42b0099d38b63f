import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commonErrors, uuidParam } from '../../shared/api/common';
import { snapshotSchema } from '../../shared/api/snapshots';
import { getSnapshot, openSnapshotFile } from '../domain/monitor/snapshots/get-snapshot';
import { principalOf } from '../plugins/auth';
import { contentDisposition } from '../storage/content-disposition';
import { createLocalFileStore } from '../storage/local-file-store';
import { type RouteDeps, typed } from './deps';

const params = z.object({ snapshotId: uuidParam });

type SnapshotPart = 'body' | 'screenshot';

/**
 * How each file may be shown. The body is a website's bytes, maybe hostile HTML: plain text, an
 * attachment, sandboxed, never cached. The screenshot is our own PNG: shown inline, cached an hour.
 */
const PART_HEADERS: Record<
  SnapshotPart,
  { contentType: string; isInline: boolean; csp: string; cacheControl: string }
> = {
  body: {
    contentType: 'text/plain; charset=utf-8',
    isInline: false,
    csp: "sandbox; default-src 'none'",
    cacheControl: 'private, no-store',
  },
  screenshot: {
    contentType: 'image/png',
    isInline: true,
    csp: "default-src 'none'",
    cacheControl: 'private, max-age=3600',
  },
};

/**
 * The monitor's page snapshots: their facts and manifest, the body as received and the screenshot.
 * The body is whatever a website sent — possibly hostile HTML — so it is only ever served as a
 * plain-text attachment with nosniff and a sandboxing CSP: it can never run in this origin.
 */
export function snapshotRoutes(app: FastifyInstance, { database, config }: RouteDeps) {
  const db = database.db;
  const store = createLocalFileStore(config.dataDir);
  const api = typed(app);

  api.get(
    '/api/snapshots/:snapshotId',
    {
      schema: {
        tags: ['monitor'],
        summary: 'Một ảnh chụp trang: thông tin đã nhận, bản kê (manifest) và điều nó chứng minh',
        params,
        response: { 200: snapshotSchema, ...commonErrors },
      },
    },
    async (request) =>
      getSnapshot({ db, principal: principalOf(request), snapshotId: request.params.snapshotId }),
  );

  /**
   * One of the snapshot's files, streamed with the headers its part needs. Both parts share the
   * access check, the file name and nosniff; they differ in how a browser may show them.
   */
  const filePart = (
    part: SnapshotPart,
    url: string,
    summary: string,
    response200: { description: string; content: Record<string, { schema: z.ZodString }> },
  ) =>
    api.get(
      url,
      { schema: { tags: ['monitor'], summary, params, response: { 200: response200, ...commonErrors } } },
      async (request, reply) => {
        const file = await openSnapshotFile({
          db,
          principal: principalOf(request),
          store,
          snapshotId: request.params.snapshotId,
          part,
        });
        const stream = await file.open();
        const headers = PART_HEADERS[part];
        // A stream is sent as is; the typed reply only knows the schema's string.
        return reply
          .header('content-type', headers.contentType)
          .header('content-disposition', contentDisposition(file.fileName, headers.isInline))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', headers.csp)
          .header('cache-control', headers.cacheControl)
          .send(stream as unknown as string);
      },
    );

  filePart(
    'body',
    '/api/snapshots/:snapshotId/body',
    'Nội dung trang đã nhận (đã giải nén, đúng từng byte), tải về dưới dạng văn bản thuần',
    {
      description: 'Các byte đã nhận; SHA-256 của chúng bằng bodySha256',
      content: { 'text/plain': { schema: z.string() } },
    },
  );
  filePart(
    'screenshot',
    '/api/snapshots/:snapshotId/screenshot.png',
    'Ảnh màn hình của trang đã nhận (PNG), nếu có',
    {
      description: 'Ảnh PNG',
      content: { 'image/png': { schema: z.string() } },
    },
  );
}
