import type { FastifyInstance, FastifyRequest } from 'fastify';
import { commonErrors, errorBodySchema } from '../../shared/api/common';
import {
  frameworkDetailSchema,
  frameworkFileQuery,
  frameworkImportResultSchema,
  frameworkListSchema,
  frameworkParams,
  frameworkValidationSchema,
} from '../../shared/api/frameworks';
import { findFrameworks } from '../domain/frameworks/find-frameworks';
import { getFramework } from '../domain/frameworks/get-framework';
import { importFramework } from '../domain/frameworks/import-framework';
import { validateFrameworkFile } from '../domain/frameworks/validate-framework-file';
import { validationError } from '../errors';
import { MAX_FRAMEWORK_FILE_BYTES } from '../frameworks/parse-framework-file';
import { actorOf, principalOf } from '../plugins/auth';
import { type RouteDeps, typed } from './deps';

const UPLOAD_NOTE =
  'Gửi nội dung tệp YAML hoặc JSON làm thân yêu cầu với Content-Type: application/octet-stream; fileName cho biết định dạng (.json là JSON).';

/** The uploaded file: the raw body of an application/octet-stream request. */
function fileBody(request: FastifyRequest): Buffer {
  const content = request.body as unknown;
  if (!Buffer.isBuffer(content))
    throw validationError('Gửi tệp dưới dạng application/octet-stream.', [
      { field: 'file', message: 'Thiếu nội dung tệp.' },
    ]);
  return content;
}

/**
 * Scoring frameworks (bộ chỉ số): every signed-in user reads them, since any unit may be scored on
 * one; a DX office or a system administrator imports them. Files are checked with errors placed at
 * their path and line, and can be checked without being stored.
 */
export function frameworkRoutes(app: FastifyInstance, { database }: RouteDeps) {
  const db = database.db;
  const api = typed(app);

  api.get(
    '/api/frameworks',
    {
      schema: {
        tags: ['frameworks'],
        summary: 'Các bộ chỉ số và các phiên bản của mỗi bộ (phiên bản mới nhất trước)',
        response: { 200: frameworkListSchema, ...commonErrors },
      },
    },
    async (request) => findFrameworks({ db, principal: principalOf(request) }),
  );

  api.get(
    '/api/frameworks/:frameworkId',
    {
      schema: {
        tags: ['frameworks'],
        summary: 'Một phiên bản bộ chỉ số: định nghĩa đã kiểm tra và nguyên văn tệp đã nhập',
        params: frameworkParams,
        response: { 200: frameworkDetailSchema, ...commonErrors },
      },
    },
    async (request) => {
      principalOf(request);
      return getFramework({ db, frameworkId: request.params.frameworkId });
    },
  );

  api.post(
    '/api/frameworks/validate',
    {
      bodyLimit: MAX_FRAMEWORK_FILE_BYTES,
      schema: {
        tags: ['frameworks'],
        summary:
          'Kiểm tra một tệp bộ chỉ số mà không lưu: lỗi và cảnh báo theo dòng, tổng điểm theo loại đơn vị',
        description: UPLOAD_NOTE,
        querystring: frameworkFileQuery,
        consumes: ['application/octet-stream'],
        response: { 200: frameworkValidationSchema, ...commonErrors },
      },
    },
    async (request) => {
      principalOf(request);
      return validateFrameworkFile({ db, fileName: request.query.fileName, content: fileBody(request) });
    },
  );

  api.post(
    '/api/frameworks',
    {
      bodyLimit: MAX_FRAMEWORK_FILE_BYTES,
      schema: {
        tags: ['frameworks'],
        summary: 'Nhập một tệp bộ chỉ số thành phiên bản mới (cơ quan chuyển đổi số tỉnh, quản trị hệ thống)',
        description: `${UPLOAD_NOTE} Tệp có lỗi: 400 VALIDATION_FAILED với mọi lỗi {field: đường dẫn, row: dòng, column: cột, message}. Trùng mã và phiên bản nhưng khác nội dung, hoặc hiệu lực chồng lên phiên bản đã có: 409 CONFLICT. Nhập lại đúng tệp đã có: status "unchanged", không ghi gì.`,
        querystring: frameworkFileQuery,
        consumes: ['application/octet-stream'],
        response: { 200: frameworkImportResultSchema, ...commonErrors, 409: errorBodySchema },
      },
    },
    async (request) =>
      importFramework({
        db,
        principal: principalOf(request),
        actor: actorOf(request),
        fileName: request.query.fileName,
        content: fileBody(request),
      }),
  );
}
