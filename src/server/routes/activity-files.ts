import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  activityExportQuery,
  activityImportJobSchema,
  activityImportQuery,
  activityImportQueuedSchema,
  activityImportResultSchema,
  activityTemplateQuery,
  CSV_CONTENT_TYPE,
  XLSX_CONTENT_TYPE,
} from '../../shared/api/activity-files';
import { commonErrors, errorBodySchema, uuidParam } from '../../shared/api/common';
import {
  importBatchListQuery,
  importBatchListSchema,
  importBatchSchema,
  undoImportBatchBody,
} from '../../shared/api/import-batches';
import { exportActivities } from '../domain/activity-export/export-activities';
import { buildActivityTemplate } from '../domain/activity-import/build-template';
import { findImportBatchesInScope } from '../domain/activity-import/find-import-batches';
import { importActivities } from '../domain/activity-import/import-activities';
import { getImportJob, startImportJob } from '../domain/activity-import/import-jobs';
import { undoImportBatch } from '../domain/activity-import/undo-import-batch';
import { validationError } from '../errors';
import { actorOf, principalOf } from '../plugins/auth';
import { attachmentDisposition } from '../reports/file-name';
import { countDataRows } from '../spreadsheets/count-rows';
import { createLocalFileStore } from '../storage/local-file-store';
import { type RouteDeps, typed } from './deps';

/** A file download for the OpenAPI document: its content type and an opaque binary body. */
function fileResponse(contentType: string, description: string) {
  return { description, content: { [contentType]: { schema: z.string().meta({ format: 'binary' }) } } };
}

/** Sent as a download; the reply is untyped here since a file is not the JSON the schemas describe. */
function sendFile(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; body: Buffer | Readable },
) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('cache-control', 'no-store')
    .send(file.body);
}

/** Spreadsheets of records: templates to fill in, all-or-nothing imports, exports of any filtered list. */
export function activityFileRoutes(app: FastifyInstance, { database, config, jobs }: RouteDeps) {
  const db = database.db;
  const fileStore = createLocalFileStore(config.dataDir);
  const api = typed(app);

  api.get(
    '/api/activity-files/template.xlsx',
    {
      schema: {
        tags: ['activity-files'],
        summary: 'Mẫu XLSX để nhập tin bài hoặc lượt phát sóng, có danh sách thả xuống theo phạm vi của bạn',
        querystring: activityTemplateQuery,
        response: { 200: fileResponse(XLSX_CONTENT_TYPE, 'Tệp mẫu XLSX'), ...commonErrors },
      },
    },
    async (request, reply) => {
      const file = await buildActivityTemplate({ db, principal: principalOf(request), ...request.query });
      return sendFile(reply, { fileName: file.fileName, contentType: XLSX_CONTENT_TYPE, body: file.content });
    },
  );

  api.post(
    '/api/activity-files/import',
    {
      bodyLimit: 50 * 1024 * 1024,
      schema: {
        tags: ['activity-files'],
        summary: 'Nhập tin bài hoặc lượt phát sóng từ XLSX/CSV: tất cả hoặc không, liệt kê mọi dòng lỗi',
        description:
          'Gửi nội dung tệp làm thân yêu cầu với Content-Type: application/octet-stream. Có lỗi: 400 VALIDATION_FAILED với mọi dòng lỗi {row, column, message}, không lưu gì. Dòng giống hệt bản ghi đã có (cùng đơn vị, kênh, loại, ngày và tiêu đề hoặc đường dẫn) được bỏ qua và liệt kê trong skipped ("đã có"). Tệp đã nhập trước đó (cùng SHA-256): 409 CONFLICT với chi tiết field "confirmReimport"; gửi lại với confirmReimport=true để vẫn nhập. Tệp nhiều dòng hơn IMPORT_INLINE_ROW_LIMIT (mặc định 2.000): 202 với jobId, nhập ở chế độ chạy nền; xem kết quả ở GET /api/activity-files/import-jobs/{importJobId}.',
        querystring: activityImportQuery,
        consumes: ['application/octet-stream'],
        response: {
          200: activityImportResultSchema,
          202: activityImportQueuedSchema,
          409: errorBodySchema,
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const content = request.body as unknown;
      if (!Buffer.isBuffer(content)) {
        throw validationError('Gửi tệp dưới dạng application/octet-stream.', [
          { field: 'file', message: 'Thiếu nội dung tệp.' },
        ]);
      }
      // A large file would hold this request, and on the embedded database the only connection, for
      // minutes: it goes to a job, answered at once, and the page polls for the result.
      const limit = config.importInlineRowLimit;
      const estimatedRows = await countDataRows(request.query.fileName, content);
      if (estimatedRows > limit) {
        const queued = await startImportJob({
          db,
          jobs,
          fileStore,
          principal,
          actor: actorOf(request),
          content,
          estimatedRows,
          ...request.query,
        });
        return reply.status(202).send(queued);
      }
      return app.importSlots.run(principal.userId, () =>
        importActivities({
          db,
          principal,
          actor: actorOf(request),
          recordedBy: principal.userId,
          content,
          ...request.query,
        }),
      );
    },
  );

  api.get(
    '/api/activity-files/import-jobs/:importJobId',
    {
      schema: {
        tags: ['activity-files'],
        summary: 'Trạng thái một lượt nhập chạy nền và kết quả khi xong (chỉ người gửi tệp xem được)',
        description:
          'status: queued, running, done (result như khi nhập trực tiếp) hoặc failed (error như khi nhập trực tiếp: mọi dòng lỗi, không lưu gì). Lượt nhập của người khác: 404.',
        params: z.object({ importJobId: uuidParam }),
        response: { 200: activityImportJobSchema, ...commonErrors },
      },
    },
    async (request) =>
      getImportJob({ db, principal: principalOf(request), importJobId: request.params.importJobId }),
  );

  api.get(
    '/api/activity-files/batches',
    {
      schema: {
        tags: ['activity-files'],
        summary: 'Lịch sử nhập: các lô nhập từ tệp của các đơn vị bạn xem được, mới nhất trước',
        querystring: importBatchListQuery,
        response: { 200: importBatchListSchema, ...commonErrors },
      },
    },
    async (request) =>
      findImportBatchesInScope({ db, principal: principalOf(request), query: request.query }),
  );

  api.post(
    '/api/activity-files/batches/:batchId/undo',
    {
      schema: {
        tags: ['activity-files'],
        summary:
          'Hoàn tác cả lô nhập trong 30 ngày (xoá mềm mọi bản ghi của lô, kèm lý do, ghi nhật ký từng bản ghi)',
        description:
          'Cần quyền ghi nhận của đơn vị của lô. Quá 30 ngày hoặc lô đã hoàn tác: 409 CONFLICT. Thiếu lý do: 400.',
        params: z.object({ batchId: uuidParam }),
        body: undoImportBatchBody,
        response: { 200: importBatchSchema, 409: errorBodySchema, ...commonErrors },
      },
    },
    async (request) =>
      undoImportBatch({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        batchId: request.params.batchId,
        reason: request.body?.reason,
      }),
  );

  for (const format of ['xlsx', 'csv'] as const) {
    api.get(
      `/api/activity-files/export.${format}`,
      {
        schema: {
          tags: ['activity-files'],
          summary: `Xuất mọi bản ghi khớp bộ lọc của danh sách ra ${format.toUpperCase()}`,
          querystring: activityExportQuery,
          response: {
            200: fileResponse(
              format === 'xlsx' ? XLSX_CONTENT_TYPE : CSV_CONTENT_TYPE,
              `Tệp ${format.toUpperCase()}`,
            ),
            ...commonErrors,
          },
        },
      },
      async (request, reply) => {
        const file = await exportActivities({
          db,
          principal: principalOf(request),
          query: request.query,
          format,
        });
        return sendFile(reply, { fileName: file.fileName, contentType: file.contentType, body: file.stream });
      },
    );
  }
}
