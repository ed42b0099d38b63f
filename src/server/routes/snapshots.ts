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

  api.get(
    '/api/snapshots/:snapshotId/body',
    {
      schema: {
        tags: ['monitor'],
        summary: 'Nội dung trang đã nhận (đã giải nén, đúng từng byte), tải về dưới dạng văn bản thuần',
        params,
        response: {
          200: {
            description: 'Các byte đã nhận; SHA-256 của chúng bằng bodySha256',
            content: { 'text/plain': { schema: z.string() } },
          },
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const file = await openSnapshotFile({
        db,
        principal: principalOf(request),
        store,
        snapshotId: request.params.snapshotId,
        part: 'body',
      });
      const stream = await file.open();
      // A stream is sent as is; the typed reply only knows the schema's string.
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('content-disposition', contentDisposition(file.fileName, false))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .send(stream as unknown as string);
    },
  );

  api.get(
    '/api/snapshots/:snapshotId/screenshot.png',
    {
      schema: {
        tags: ['monitor'],
        summary: 'Ảnh màn hình của trang đã nhận (PNG), nếu có',
        params,
        response: {
          200: { description: 'Ảnh PNG', content: { 'image/png': { schema: z.string() } } },
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const file = await openSnapshotFile({
        db,
        principal: principalOf(request),
        store,
        snapshotId: request.params.snapshotId,
        part: 'screenshot',
      });
      const stream = await file.open();
      return reply
        .header('content-type', 'image/png')
        .header('content-disposition', contentDisposition(file.fileName, true))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'")
        .header('cache-control', 'private, max-age=3600')
        .send(stream as unknown as string);
    },
  );
}
