import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode, ErrorDetail } from '../../shared/errors';
import { AppError } from '../errors';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
};

const LOCATION_LABELS: Record<string, string> = {
  body: 'dữ liệu gửi lên',
  querystring: 'tham số truy vấn',
  params: 'đường dẫn',
  headers: 'tiêu đề',
};

/**
 * What busboy (the multipart parser) throws on a malformed form: plain errors without a code, told
 * apart by their text. They are the client's fault, so 400, not 500.
 */
const MALFORMED_MULTIPART =
  /^(Multipart: Boundary not found|Boundary required|The needle cannot|Unexpected end of multipart data|\w+ terminated early due to unexpected end of multipart data)/;

/** One error body for every failure: {code, message, details}; internals never leave the server. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let body: ErrorBody;
    let status: number;
    if (error instanceof AppError) {
      status = error.status;
      if (error.options.retryAfterSeconds !== undefined)
        reply.header('retry-after', String(error.options.retryAfterSeconds));
      body = { code: error.code, message: error.message, details: error.details };
    } else if (hasZodFastifySchemaValidationErrors(error) && error.validationContext === 'params') {
      // A malformed id in a path is answered like an unknown one.
      status = 404;
      body = {
        code: 'NOT_FOUND',
        message: 'Không tìm thấy đối tượng hoặc bạn không có quyền truy cập.',
        details: [],
      };
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      status = 400;
      const location = error.validationContext ?? 'body';
      const details: ErrorDetail[] = error.validation.map((issue) => {
        const path = (issue.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
        return { field: path ? `${location}.${path}` : location, message: issue.message ?? 'Không hợp lệ.' };
      });
      const fields = details.map((detail) => detail.field).join(', ');
      body = {
        code: 'VALIDATION_FAILED',
        message: `Dữ liệu không hợp lệ (${LOCATION_LABELS[location] ?? location}): ${fields}.`,
        details,
      };
    } else if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      status = 500;
      body = { code: 'INTERNAL', message: 'Lỗi hệ thống. Vui lòng thử lại sau.', details: [] };
    } else if (MALFORMED_MULTIPART.test(error.message ?? '')) {
      status = 400;
      body = {
        code: 'VALIDATION_FAILED',
        message: 'Biểu mẫu multipart/form-data không hợp lệ (thiếu hoặc sai boundary, hoặc bị cắt ngang).',
        details: [{ field: 'body', message: 'Biểu mẫu không hợp lệ.' }],
      };
    } else if (error.statusCode && error.statusCode < 500) {
      status = error.statusCode;
      const code = CODE_BY_STATUS[status] ?? 'VALIDATION_FAILED';
      const message =
        status === 429
          ? 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.'
          : status === 413
            ? 'Tệp hoặc dữ liệu gửi lên quá lớn.'
            : status === 415
              ? 'Kiểu dữ liệu gửi lên không được hỗ trợ.'
              : 'Yêu cầu không hợp lệ.';
      body = { code, message, details: [] };
    } else {
      request.log.error({ err: error }, 'unhandled error');
      status = 500;
      body = { code: 'INTERNAL', message: 'Lỗi hệ thống. Vui lòng thử lại sau.', details: [] };
    }
    return reply.status(status).send(body);
  });
}
