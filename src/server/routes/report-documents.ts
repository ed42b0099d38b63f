import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commonErrors, uuidParam } from '../../shared/api/common';
import {
  exportEvidencePackage,
  exportReportAnnex,
  exportReportDocument,
  ZIP_TYPE,
} from '../domain/reports/export-report-files';
import { principalOf } from '../plugins/auth';
import { requestGoneSignal } from '../plugins/build-slots';
import { attachmentDisposition, DOCX_TYPE, XLSX_TYPE } from '../reports/file-name';
import { createLocalFileStore } from '../storage/local-file-store';
import { type RouteDeps, typed } from './deps';
import { sendDownload } from './send-download';

const reportParams = z.object({ reportId: uuidParam });

/** A file download for the OpenAPI document: its content type and an opaque binary body. */
function fileResponse(contentType: string, description: string) {
  return { description, content: { [contentType]: { schema: z.string().meta({ format: 'binary' }) } } };
}

/**
 * A report's documents: the DOCX in the NĐ 30/2020 layout, the XLSX annex and the evidence package
 * (ZIP, streamed). Whoever may view the report's unit may download them; anyone else gets 404.
 * Every build takes a slot of the build limiter (plugins/build-slots.ts): 503 when too many wait.
 */
export function reportDocumentRoutes(app: FastifyInstance, { database, config }: RouteDeps) {
  const db = database.db;
  const store = createLocalFileStore(config.dataDir);
  const api = typed(app);

  api.get(
    '/api/reports/:reportId/document.docx',
    {
      schema: {
        tags: ['reports'],
        summary: 'Tải báo cáo dưới dạng văn bản DOCX theo thể thức Nghị định 30/2020/NĐ-CP',
        description:
          'Phần I lấy từ số liệu đã chốt khi nộp; báo cáo chưa nộp tính lại từ bản ghi và điểm hiện tại và mang dấu "DỰ THẢO" khi còn là bản nháp.',
        params: reportParams,
        response: { 200: fileResponse(DOCX_TYPE, 'Tệp DOCX của báo cáo.'), ...commonErrors },
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await app.buildSlots.run(
          () =>
            exportReportDocument({
              db,
              principal: principalOf(request),
              reportId: request.params.reportId,
              now: new Date(),
            }),
          requestGoneSignal(reply),
        ),
      ),
  );

  api.get(
    '/api/reports/:reportId/annex.xlsx',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Tải phụ lục số liệu của báo cáo (XLSX): mọi bảng đếm, tin bài, lượt phát theo tuần, đơn vị trực thuộc',
        params: reportParams,
        response: { 200: fileResponse(XLSX_TYPE, 'Tệp XLSX, mỗi bảng một trang.'), ...commonErrors },
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await app.buildSlots.run(
          () =>
            exportReportAnnex({
              db,
              principal: principalOf(request),
              reportId: request.params.reportId,
              now: new Date(),
            }),
          requestGoneSignal(reply),
        ),
      ),
  );

  api.get(
    '/api/reports/:reportId/evidence.zip',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Tải gói minh chứng (ZIP): báo cáo, phụ lục, mục lục (HTML, XLSX) với mã SHA-256 và các tệp minh chứng',
        params: reportParams,
        response: { 200: fileResponse(ZIP_TYPE, 'Tệp ZIP, gửi dần theo luồng.'), ...commonErrors },
      },
    },
    async (request, reply) => {
      // The slot is held while the ZIP streams, not only while it is set up: the files are read and
      // compressed as the download goes. The response's close (finished or cut off) gives it back.
      const release = await app.buildSlots.acquire(requestGoneSignal(reply));
      reply.raw.once('close', release);
      let pack: Awaited<ReturnType<typeof exportEvidencePackage>>;
      try {
        pack = await exportEvidencePackage({
          db,
          principal: principalOf(request),
          store,
          reportId: request.params.reportId,
          now: new Date(),
        });
      } catch (error) {
        release();
        throw error;
      }
      // Stop reading files from the store as soon as the client goes away.
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) pack.stream.destroy();
      });
      return reply
        .header('content-type', pack.contentType)
        .header('content-disposition', attachmentDisposition(pack.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(pack.stream as unknown as string);
    },
  );
}
