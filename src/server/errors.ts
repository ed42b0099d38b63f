import type { ErrorCode, ErrorDetail } from '../shared/errors';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  CSRF_INVALID: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  BUSY: 503,
  INTERNAL: 500,
};

/** The one error type of the domain; its message is Vietnamese and safe to show. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Sent as Retry-After (seconds) with the error: when a refused request is worth sending again. */
    readonly options: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

/** "Not found or no access": the same answer for both, so outsiders learn nothing. */
export function notFound(what = 'Không tìm thấy đối tượng hoặc bạn không có quyền truy cập.'): AppError {
  return new AppError('NOT_FOUND', what);
}

export function forbidden(message = 'Bạn không có quyền thực hiện thao tác này.'): AppError {
  return new AppError('FORBIDDEN', message);
}

export function validationError(message: string, details: ErrorDetail[] = []): AppError {
  return new AppError('VALIDATION_FAILED', message, details);
}
