import { ERROR_CODES, type ErrorCode, type ErrorDetail } from '../../shared/errors';

/** Codes the browser adds for failures that never reached the API's error handler. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR';

/** A failed API call: the server's {code, message, details}, which the UI branches on by code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, code?: ClientErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

// The session cookie is HttpOnly; the CSRF token that must accompany state changes comes in the
// login answer and in GET /api/auth/me, and lives only in memory.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export type QueryValue = string | number | boolean | null | undefined | readonly string[];

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** A file sent as it is (application/octet-stream) instead of a JSON body. */
  file?: Blob;
  signal?: AbortSignal;
}

const STATE_CHANGING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.file !== undefined) headers['content-type'] = 'application/octet-stream';
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (STATE_CHANGING.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.');
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  if (body && typeof body === 'object' && 'code' in body && 'message' in body) {
    const { code, message, details } = body as { code: unknown; message: unknown; details?: unknown };
    if ((ERROR_CODES as readonly unknown[]).includes(code) && typeof message === 'string') {
      return new ApiError(
        response.status,
        code as ErrorCode,
        message,
        Array.isArray(details) ? (details as ErrorDetail[]) : [],
      );
    }
  }
  return new ApiError(
    response.status,
    'INTERNAL',
    `Lỗi máy chủ (HTTP ${response.status}). Vui lòng thử lại sau.`,
  );
}

/** Fetches the CSRF token of the current session again, e.g. after the session was renewed elsewhere. */
async function refreshCsrfToken(): Promise<boolean> {
  const response = await send('/api/auth/me', {});
  if (!response.ok) return false;
  const me = (await response.json()) as { csrfToken?: string };
  setCsrfToken(me.csrfToken ?? null);
  return Boolean(me.csrfToken);
}

/** Calls the API and returns its JSON; any failure becomes an ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options);
  if (response.status === 403 && STATE_CHANGING.has(options.method ?? 'GET')) {
    const error = await toApiError(response.clone());
    // A stale token (the page outlived a re-login in another tab): fetch the current one, retry once.
    if (error.code === 'CSRF_INVALID' && (await refreshCsrfToken())) response = await send(path, options);
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

/** Sends a file as the raw request body (the API's imports) and returns the JSON answer. */
export function apiUpload<T>(path: string, file: Blob, query?: Record<string, QueryValue>): Promise<T> {
  return apiRequest<T>(path, { method: 'POST', file, query });
}
