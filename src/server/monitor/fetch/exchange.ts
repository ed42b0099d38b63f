import type { IncomingHttpHeaders } from 'node:http';
import { FetchFailure } from '../contract';
import { failures } from './messages';
import type { PinnedClient } from './pinned-client';
import { BodyTooLarge, readBody, UnknownEncoding } from './read-body';

/**
 * One GET on a pinned client, from sending to the last byte kept, under one time limit. What to do
 * with the body is decided once the status and headers are known (`decide`), so that a redirect or a
 * wrong content type never downloads anything.
 */

export type BodyPlan =
  | { read: false }
  | {
      read: true;
      limit: number;
      onLimit: 'fail' | 'truncate';
      /** A failed read (too large, time-out, broken gzip) gives no body instead of failing. */
      optional?: boolean;
    };

export interface ExchangeResult {
  status: number;
  headers: Record<string, string>;
  fetchedAt: Date;
  remoteAddress: string;
  /** null when the plan did not read the body, or an optional read failed. */
  body: Uint8Array | null;
}

/** When the whole fetch must be over (a monotonic clock's reading), and the limit it came from. */
export interface FetchDeadline {
  at: number;
  clock: () => number;
  totalTimeoutMs: number;
  /** The address the caller asked for, named in the failure. */
  url: string;
}

/** Milliseconds left before the deadline; throws the deadline's failure when none are. */
export function timeLeft(deadline: FetchDeadline): number {
  const left = deadline.at - deadline.clock();
  if (left <= 0) throw failures.deadline(deadline.url, deadline.totalTimeoutMs);
  return left;
}

export interface ExchangeOptions {
  userAgent: string;
  accept: string;
  /** This request, from sending to the last byte kept. */
  timeoutMs: number;
  /** The whole fetch's deadline, which may cut this request shorter than timeoutMs. */
  deadline?: FetchDeadline;
  now: () => number;
  decide: (status: number, headers: Record<string, string>) => BodyPlan;
}

const ACCEPT_ENCODING = 'gzip, deflate, br';

export async function exchange(
  pinned: PinnedClient,
  url: URL,
  options: ExchangeOptions,
): Promise<ExchangeResult> {
  const left = options.deadline ? timeLeft(options.deadline) : Number.POSITIVE_INFINITY;
  const cutByDeadline = left < options.timeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.min(options.timeoutMs, left));
  let readLimit = 0;
  try {
    const response = await pinned.client.request({
      method: 'GET',
      path: `${url.pathname}${url.search}`,
      headers: {
        'user-agent': options.userAgent,
        accept: options.accept,
        'accept-encoding': ACCEPT_ENCODING,
        'accept-language': 'vi,en;q=0.5',
      },
      signal: controller.signal,
    });
    const headers = joinHeaders(response.headers);
    const fetchedAt = new Date(options.now());
    const remoteAddress = pinned.remoteAddress() ?? '';
    let plan: BodyPlan;
    try {
      plan = options.decide(response.statusCode, headers);
    } catch (error) {
      response.body.destroy();
      throw error;
    }
    if (!plan.read) {
      response.body.destroy();
      return { status: response.statusCode, headers, fetchedAt, remoteAddress, body: null };
    }
    readLimit = plan.limit;
    let body: Uint8Array | null = null;
    try {
      ({ bytes: body } = await readBody(response.body, {
        contentEncoding: headers['content-encoding'] ?? null,
        limit: plan.limit,
        onLimit: plan.onLimit,
      }));
    } catch (error) {
      response.body.destroy();
      if (!plan.optional) throw error;
    }
    return { status: response.statusCode, headers, fetchedAt, remoteAddress, body };
  } catch (error) {
    if (cutByDeadline && controller.signal.aborted && options.deadline)
      throw failures.deadline(options.deadline.url, options.deadline.totalTimeoutMs);
    throw toFailure(error, url.href, {
      timedOut: controller.signal.aborted,
      timeoutMs: options.timeoutMs,
      readLimit,
    });
  } finally {
    clearTimeout(timer);
  }
}

/** Lower-case names, repeated headers joined with ", " (FetchedPage.headers). */
function joinHeaders(raw: IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Any error of the exchange as a FetchFailure with a sentence that says what went wrong in words. */
export function toFailure(
  error: unknown,
  url: string,
  context: { timedOut: boolean; timeoutMs: number; readLimit: number },
): FetchFailure {
  if (error instanceof FetchFailure) return error;
  if (error instanceof BodyTooLarge) return failures.tooLarge(url, context.readLimit);
  if (error instanceof UnknownEncoding) return failures.unknownEncoding(url, error.encoding);
  if (context.timedOut) return failures.timeout(url, context.timeoutMs);
  const code = errorCode(error);
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'ETIMEDOUT':
      return failures.timeout(url, context.timeoutMs);
    case 'ECONNREFUSED':
      return failures.networkError(url, 'máy chủ từ chối kết nối');
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return failures.networkError(url, 'kết nối bị ngắt giữa chừng');
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return failures.networkError(url, 'không có đường mạng tới máy chủ');
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
    case 'ERR_BROTLI_DECOMPRESSION_FAILED':
      return failures.networkError(url, 'dữ liệu nén máy chủ gửi về bị hỏng');
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
      return failures.networkError(url, 'máy chủ gửi thiếu dữ liệu so với độ dài đã báo');
    case 'HPE_INVALID_CONSTANT':
    case 'HPE_INVALID_HEADER_TOKEN':
    case 'UND_ERR_INFO':
      return failures.networkError(url, 'máy chủ trả lời sai giao thức HTTP');
    case 'ERR_UNCHECKED_ADDRESS':
      return failures.networkError(url, 'kết nối đi tới một địa chỉ chưa được kiểm tra nên đã bị chặn');
    default:
      if (code && (TLS_CODES.has(code) || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS'))) {
        return failures.networkError(url, `chứng chỉ HTTPS của máy chủ không hợp lệ (${code})`);
      }
      return failures.networkError(url, code ? `lỗi kết nối (${code})` : 'lỗi kết nối');
  }
}

/** The error's code, looking into `cause` and the first error of an AggregateError (happy eyeballs). */
function errorCode(error: unknown): string | null {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string') return code;
    current = Array.isArray(errors) && errors.length > 0 ? errors[0] : cause;
  }
  return null;
}
