import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { commonErrors, errorBodySchema, uuidParam } from '../../shared/api/common';
import {
  evidenceCitationInput,
  evidenceCreatedSchema,
  evidenceDetailSchema,
  evidenceFileFields,
  evidenceLinkInput,
  evidenceLinkSchema,
  evidenceListQuery,
  evidenceListSchema,
  evidenceUrlInput,
  evidenceVersionJsonInput,
  linkedEvidenceSchema,
  scheduleEvidenceCandidatesSchema,
} from '../../shared/api/evidence';
import { addEvidenceVersion, checkCanAddVersion } from '../domain/evidence/add-evidence-version';
import { createEvidence } from '../domain/evidence/create-evidence';
import { createScheduleEvidence } from '../domain/evidence/create-schedule-evidence';
import { findActivityEvidence } from '../domain/evidence/find-activity-evidence';
import { findScheduleEvidenceCandidates } from '../domain/evidence/find-schedule-evidence-candidates';
import { findUnitEvidence } from '../domain/evidence/find-unit-evidence';
import { getEvidence } from '../domain/evidence/get-evidence';
import { getFileDownload } from '../domain/evidence/get-file-download';
import { linkEvidence } from '../domain/evidence/link-evidence';
import type { EvidenceContent } from '../domain/evidence/prepare-evidence';
import { unlinkEvidence } from '../domain/evidence/unlink-evidence';
import { validationError } from '../errors';
import { actorOf, principalOf } from '../plugins/auth';
import { authorizeUnit } from '../policies/principal';
import { parseByteRange } from '../storage/byte-range';
import { contentDisposition, isViewableInline } from '../storage/content-disposition';
import { createLocalFileStore } from '../storage/local-file-store';
import {
  megabytes,
  parseFields,
  readFileForm,
  readJsonOrForm,
  readUploadForm,
  registerUploads,
} from '../storage/upload-form';
import { type RouteDeps, typed } from './deps';

const unitParams = z.object({ unitId: uuidParam });
const evidenceParams = z.object({ evidenceId: uuidParam });
const writeErrors = { ...commonErrors, 409: errorBodySchema, 413: errorBodySchema };

/** Evidence of a unit's work (files, URLs, document citations), its versions and links, and file downloads. */
export function evidenceRoutes(app: FastifyInstance, { database, config }: RouteDeps) {
  const db = database.db;
  const store = createLocalFileStore(config.dataDir);
  const maxBytes = config.uploadMaxBytes;
  const limitNote = `Tối đa ${megabytes(maxBytes)}; kiểu tệp được xác định theo nội dung: PDF, DOCX, XLSX, ảnh (PNG, JPEG, GIF, WebP), âm thanh (MP3, M4A/MP4, OGG, WAV).`;

  /** A version as a form: a file, or (with "kind" = "citation") a corrected citation with an optional new scan. */
  async function readVersionForm(request: FastifyRequest): Promise<EvidenceContent> {
    const form = await readUploadForm(request, store, maxBytes);
    try {
      const { kind, ...fields } = form.fields;
      if (kind === 'citation') {
        const input = parseFields(evidenceCitationInput, fields);
        return { kind: 'citation', ...input, upload: form.file ?? undefined };
      }
      if (!form.file)
        throw validationError('Chọn tệp để tải lên (trường "file").', [
          { field: 'body.file', message: 'Chưa có tệp.' },
        ]);
      return { kind: 'file', upload: form.file, ...parseFields(evidenceFileFields, fields) };
    } catch (error) {
      await form.file?.staged.discard();
      throw error;
    }
  }

  // Multipart parsing stays inside this scope; the rest of the API keeps JSON only.
  void app.register(async (scope) => {
    await registerUploads(scope, maxBytes);
    const api = typed(scope);

    api.post(
      '/api/units/:unitId/evidence',
      {
        schema: {
          tags: ['evidence'],
          summary: 'Tải lên tệp minh chứng của đơn vị',
          description: `multipart/form-data: "file" (bắt buộc), "title", "periodFrom", "periodTo" (yyyy-MM-dd). ${limitNote}`,
          consumes: ['multipart/form-data'],
          params: unitParams,
          response: { 200: evidenceCreatedSchema, ...writeErrors },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const { unitId } = request.params;
        // Before the upload is read: an outsider's bytes are not even staged.
        await authorizeUnit(db, principal, unitId, 'activity.record');
        const { input, upload } = await readFileForm(request, store, maxBytes, evidenceFileFields);
        return createEvidence({
          db,
          principal,
          actor: actorOf(request),
          unitId,
          content: { kind: 'file', upload, ...input },
        });
      },
    );

    api.post(
      '/api/units/:unitId/evidence/url',
      {
        schema: {
          tags: ['evidence'],
          summary: 'Thêm minh chứng là một đường dẫn',
          params: unitParams,
          body: evidenceUrlInput,
          response: { 200: evidenceCreatedSchema, ...writeErrors },
        },
      },
      async (request) =>
        createEvidence({
          db,
          principal: principalOf(request),
          actor: actorOf(request),
          unitId: request.params.unitId,
          content: { kind: 'url', ...request.body },
        }),
    );

    api.post(
      '/api/units/:unitId/evidence/citation',
      {
        schema: {
          tags: ['evidence'],
          summary: 'Thêm minh chứng là trích dẫn văn bản (số/ký hiệu, ngày, cơ quan ban hành, trích yếu)',
          description: `JSON, hoặc multipart/form-data với cùng các trường và "file" (không bắt buộc): bản quét có chữ ký, PDF hoặc ảnh. ${limitNote}`,
          consumes: ['application/json', 'multipart/form-data'],
          params: unitParams,
          body: evidenceCitationInput.nullish(),
          response: { 200: evidenceCreatedSchema, ...writeErrors },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const { unitId } = request.params;
        if (request.isMultipart()) await authorizeUnit(db, principal, unitId, 'activity.record');
        const { input, upload } = await readJsonOrForm(
          request,
          store,
          maxBytes,
          evidenceCitationInput,
          request.body,
        );
        return createEvidence({
          db,
          principal,
          actor: actorOf(request),
          unitId,
          content: { kind: 'citation', ...input, upload: upload ?? undefined },
        });
      },
    );

    api.get(
      '/api/units/:unitId/evidence/schedules',
      {
        schema: {
          tags: ['evidence'],
          summary:
            'Danh mục phát sóng đã ban hành của đơn vị (và đơn vị trực thuộc) có thể chọn làm minh chứng',
          params: unitParams,
          response: { 200: scheduleEvidenceCandidatesSchema, ...commonErrors },
        },
      },
      async (request) => ({
        items: await findScheduleEvidenceCandidates({
          db,
          principal: principalOf(request),
          unitId: request.params.unitId,
        }),
      }),
    );

    api.post(
      '/api/schedules/:scheduleId/evidence',
      {
        schema: {
          tags: ['evidence'],
          summary: 'Dùng danh mục phát sóng đã ban hành làm minh chứng (văn bản DOCX lưu cố định lần đầu)',
          description:
            'Lần đầu: tạo văn bản DOCX của danh mục đã ban hành và lưu vào kho tệp; các lần sau trả về cùng minh chứng.',
          params: z.object({ scheduleId: uuidParam }),
          response: { 200: evidenceCreatedSchema, ...writeErrors },
        },
      },
      async (request) =>
        createScheduleEvidence({
          db,
          principal: principalOf(request),
          actor: actorOf(request),
          store,
          scheduleId: request.params.scheduleId,
        }),
    );

    api.get(
      '/api/units/:unitId/evidence',
      {
        schema: {
          tags: ['evidence'],
          summary: 'Minh chứng của đơn vị (phiên bản hiện hành), lọc theo loại, kỳ và từ khóa không dấu',
          params: unitParams,
          querystring: evidenceListQuery,
          response: { 200: evidenceListSchema, ...commonErrors },
        },
      },
      async (request) =>
        findUnitEvidence({
          db,
          principal: principalOf(request),
          unitId: request.params.unitId,
          query: request.query,
        }),
    );

    api.get(
      '/api/evidence/:evidenceId',
      {
        schema: {
          tags: ['evidence'],
          summary: 'Một minh chứng, các phiên bản và các bản ghi được gắn',
          params: evidenceParams,
          response: { 200: evidenceDetailSchema, ...commonErrors },
        },
      },
      async (request) =>
        getEvidence({ db, principal: principalOf(request), evidenceId: request.params.evidenceId }),
    );

    api.post(
      '/api/evidence/:evidenceId/versions',
      {
        schema: {
          tags: ['evidence'],
          summary: 'Thêm phiên bản mới của minh chứng (bản cũ giữ nguyên)',
          description: `Tệp: multipart/form-data như khi tải lên. Đường dẫn hoặc trích dẫn: JSON với "kind": "url" | "citation". ${limitNote}`,
          consumes: ['application/json', 'multipart/form-data'],
          params: evidenceParams,
          body: evidenceVersionJsonInput.nullish(),
          response: { 200: evidenceCreatedSchema, ...writeErrors },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const actor = actorOf(request);
        const { evidenceId } = request.params;
        if (request.isMultipart()) {
          await checkCanAddVersion({ db, principal, evidenceId });
          const content = await readVersionForm(request);
          return addEvidenceVersion({ db, principal, actor, evidenceId, content });
        }
        const content = parseFields(evidenceVersionJsonInput, request.body);
        return addEvidenceVersion({ db, principal, actor, evidenceId, content });
      },
    );

    api.post(
      '/api/evidence/:evidenceId/links',
      {
        schema: {
          tags: ['evidence'],
          summary: 'Gắn minh chứng với một bản ghi của đơn vị hoặc đơn vị trực thuộc',
          params: evidenceParams,
          body: evidenceLinkInput,
          response: { 200: evidenceLinkSchema, ...writeErrors },
        },
      },
      async (request) =>
        linkEvidence({
          db,
          principal: principalOf(request),
          actor: actorOf(request),
          evidenceId: request.params.evidenceId,
          input: request.body,
        }),
    );

    api.delete(
      '/api/evidence-links/:linkId',
      {
        schema: {
          tags: ['evidence'],
          summary: 'Bỏ gắn minh chứng khỏi bản ghi (minh chứng vẫn giữ)',
          params: z.object({ linkId: uuidParam }),
          response: { 200: evidenceLinkSchema, ...commonErrors },
        },
      },
      async (request) =>
        unlinkEvidence({
          db,
          principal: principalOf(request),
          actor: actorOf(request),
          linkId: request.params.linkId,
        }),
    );

    api.get(
      '/api/activities/:activityId/evidence',
      {
        schema: {
          tags: ['evidence'],
          summary: 'Minh chứng gắn với một bản ghi (phiên bản hiện hành)',
          params: z.object({ activityId: uuidParam }),
          response: { 200: z.object({ items: z.array(linkedEvidenceSchema) }), ...commonErrors },
        },
      },
      async (request) => ({
        items: await findActivityEvidence({
          db,
          principal: principalOf(request),
          activityId: request.params.activityId,
        }),
      }),
    );

    api.get(
      '/api/files/:fileId',
      {
        schema: {
          tags: ['evidence'],
          summary: 'Tải tệp của minh chứng hoặc tài liệu thư viện mà bạn được xem',
          params: z.object({ fileId: uuidParam }),
          response: {
            200: {
              description: 'Nội dung tệp, với kiểu xác định theo nội dung',
              content: { 'application/octet-stream': { schema: z.string() } },
            },
            206: {
              description: 'Một đoạn của tệp, theo tiêu đề Range (để nghe tua bản tin dài)',
              content: { 'application/octet-stream': { schema: z.string() } },
            },
            ...commonErrors,
          },
        },
      },
      async (request, reply) => {
        const { file, open } = await getFileDownload({
          db,
          principal: principalOf(request),
          store,
          fileId: request.params.fileId,
        });
        const size = Number(file.sizeBytes);
        const range = parseByteRange(request.headers.range, size);
        if (range === 'unsatisfiable') {
          return reply.code(416).header('content-range', `bytes */${size}`).send({
            code: 'VALIDATION_FAILED',
            message: 'Đoạn tệp yêu cầu nằm ngoài kích thước tệp.',
            details: [],
          });
        }
        const inline = isViewableInline(file.mimeType);
        if (inline) framableBySameOrigin(reply);
        reply
          .header('content-type', file.mimeType)
          .header('content-disposition', contentDisposition(file.originalName, inline))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, max-age=3600')
          .header('etag', `"${file.sha256}"`)
          .header('accept-ranges', 'bytes');
        if (range) {
          reply
            .code(206)
            .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
            .header('content-length', String(range.end - range.start + 1));
        } else {
          reply.header('content-length', String(size));
        }
        // A stream is sent as is; the typed reply only knows the schema's string.
        return reply.send((await open(range ?? undefined)) as unknown as string);
      },
    );
  });
}

/**
 * A PDF or an image shown inline is previewed in a frame of the evidence drawer: this one answer may be
 * framed by the app's own pages (never by another site), where every other answer refuses all frames.
 * Nothing in it may run or load anything else.
 */
function framableBySameOrigin(reply: FastifyReply): void {
  reply
    .header(
      'content-security-policy',
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'",
    )
    .header('x-frame-options', 'SAMEORIGIN');
}
