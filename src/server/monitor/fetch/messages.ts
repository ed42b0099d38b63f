import { FetchFailure } from '../contract';

/**
 * Every refusal or failure of the fetcher as one Vietnamese sentence that names the address, so the
 * monitor's pages can show it as is ("Không tải được https://x.gov.vn/…: quá 15 giây không phản hồi.").
 * The code stays the stable part the jobs and the UI branch on.
 */

const MAX_URL_IN_MESSAGE = 160;

/** Long addresses (search pages, tracking parameters) are cut so that the sentence stays readable. */
export function shownUrl(url: string): string {
  return url.length > MAX_URL_IN_MESSAGE ? `${url.slice(0, MAX_URL_IN_MESSAGE - 1)}…` : url;
}

const viNumber = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

export function seconds(ms: number): string {
  return `${viNumber.format(ms / 1000)} giây`;
}

export function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${viNumber.format(bytes / (1024 * 1024))} MB`
    : `${viNumber.format(bytes / 1024)} KB`;
}

/**
 * 'timeout' because the whole fetch ran out of time (FetchPolicy's totalTimeoutMs), not one request:
 * told apart so that a robots.txt read cut short by it is not remembered as "robots.txt unreachable".
 */
export class FetchDeadlineFailure extends FetchFailure {
  constructor(message: string) {
    super('timeout', message);
    this.name = 'FetchDeadlineFailure';
  }
}

/** The words of a network or DNS failure ("máy chủ từ chối kết nối"), to quote it in the robots.txt sentence. */
const reasons = new WeakMap<FetchFailure, string>();

function withReason(failure: FetchFailure, reason: string): FetchFailure {
  reasons.set(failure, reason);
  return failure;
}

export const failures = {
  invalidUrl: (url: string, why: string) =>
    new FetchFailure('invalid_url', `Không tải địa chỉ "${shownUrl(url)}": ${why}.`),

  privateAddress: (url: string, host: string, address: string) =>
    new FetchFailure(
      'private_address',
      host === address
        ? `Không tải ${shownUrl(url)}: ${address} là địa chỉ mạng nội bộ hoặc dành riêng, máy theo dõi không được truy cập.`
        : `Không tải ${shownUrl(url)}: tên miền ${host} trỏ tới địa chỉ mạng nội bộ hoặc dành riêng ${address}, máy theo dõi không được truy cập.`,
    ),

  dnsFailed: (url: string, host: string, why: string) =>
    withReason(
      new FetchFailure('dns_failed', `Không tải được ${shownUrl(url)}: ${why} tên miền ${host}.`),
      `${why} tên miền`,
    ),

  robotsDisallowed: (url: string, host: string) =>
    new FetchFailure(
      'robots_disallowed',
      `Không tải ${shownUrl(url)}: tệp robots.txt của ${host} không cho phép máy theo dõi đọc trang này.`,
    ),

  timeout: (url: string, timeoutMs: number) =>
    new FetchFailure('timeout', `Không tải được ${shownUrl(url)}: quá ${seconds(timeoutMs)} không phản hồi.`),

  deadline: (url: string, totalTimeoutMs: number) =>
    new FetchDeadlineFailure(
      `Không tải được ${shownUrl(url)}: quá ${seconds(totalTimeoutMs)} cho cả lần tải (kể cả robots.txt và các lần chuyển hướng) mà chưa xong.`,
    ),

  tooLarge: (url: string, maxBytes: number) =>
    new FetchFailure(
      'too_large',
      `Không tải được ${shownUrl(url)}: nội dung lớn hơn giới hạn ${megabytes(maxBytes)} (tính sau khi giải nén).`,
    ),

  badContentType: (url: string, contentType: string, wanted: string) =>
    new FetchFailure(
      'bad_content_type',
      `Không đọc ${shownUrl(url)}: máy chủ trả về kiểu "${contentType}", không phải ${wanted}.`,
    ),

  unknownEncoding: (url: string, encoding: string) =>
    new FetchFailure(
      'bad_content_type',
      `Không đọc ${shownUrl(url)}: máy chủ nén nội dung bằng kiểu "${encoding}" mà máy theo dõi không giải được.`,
    ),

  tooManyRedirects: (url: string, maxRedirects: number) =>
    new FetchFailure(
      'too_many_redirects',
      `Không tải được ${shownUrl(url)}: địa chỉ chuyển hướng quá ${maxRedirects} lần.`,
    ),

  httpError: (url: string, status: number) =>
    new FetchFailure(
      'http_error',
      `Không tải được ${shownUrl(url)}: máy chủ trả mã ${status}${statusWords(status)}.`,
      status,
    ),

  networkError: (url: string, why: string) =>
    withReason(new FetchFailure('network_error', `Không tải được ${shownUrl(url)}: ${why}.`), why),

  /**
   * robots.txt could not be read (5xx, time-out, network): RFC 9309 §2.3.1.4 says to assume the site
   * is closed, so the page is not fetched; the code stays the cause's so that the job retries later.
   */
  robotsUnreachable: (url: string, host: string, cause: FetchFailure) =>
    new FetchFailure(
      cause.code,
      `Chưa tải ${shownUrl(url)}: không đọc được robots.txt của ${host} (${robotsCause(cause)}), nên tạm coi như trang không cho phép thu thập và sẽ thử lại sau.`,
      cause.status,
    ),
};

function statusWords(status: number): string {
  const words: Record<number, string> = {
    400: 'yêu cầu không hợp lệ',
    401: 'cần đăng nhập',
    403: 'bị từ chối truy cập',
    404: 'không tìm thấy trang',
    410: 'trang đã bị gỡ',
    429: 'gửi yêu cầu quá nhiều',
    500: 'lỗi máy chủ',
    502: 'cổng kết nối lỗi',
    503: 'máy chủ tạm ngừng phục vụ',
    504: 'cổng kết nối quá thời gian',
  };
  const word = words[status];
  return word ? ` (${word})` : '';
}

function robotsCause(cause: FetchFailure): string {
  switch (cause.code) {
    case 'timeout':
      return 'quá thời gian chờ';
    case 'http_error':
      return `máy chủ trả mã ${cause.status ?? '?'}`;
    default:
      return reasons.get(cause) ?? 'lỗi kết nối';
  }
}
