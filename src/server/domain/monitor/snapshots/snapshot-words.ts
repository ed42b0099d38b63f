import { formatVnDate, VN_OFFSET_MS } from '../../../../shared/dates';

/** "05/03/2026 09:00": an instant as a Vietnamese reader writes it, in Vietnam time. */
export function vnDateTime(instant: Date): string {
  const local = new Date(instant.getTime() + VN_OFFSET_MS).toISOString();
  return `${formatVnDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/** The evidence title of a snapshot. */
export function snapshotTitle(url: string, fetchedAt: Date): string {
  return `Ảnh chụp trang ${url} lúc ${vnDateTime(fetchedAt)}`;
}

/** "trang-baoquangngai.vn-20260305-0900": the stem of a snapshot's files (ASCII, safe everywhere). */
export function snapshotFileStem(url: string, fetchedAt: Date, sequence: number): string {
  let host = 'trang';
  try {
    host = new URL(url).hostname.replace(/[^a-z0-9.-]/gi, '') || 'trang';
  } catch {
    // An address that does not parse still gets a file name.
  }
  const local = new Date(fetchedAt.getTime() + VN_OFFSET_MS).toISOString();
  const stamp = `${local.slice(0, 10).replace(/-/g, '')}-${local.slice(11, 16).replace(':', '')}`;
  return `anh-chup-${sequence}-${host}-${stamp}`;
}

/** The extension of the body by its type: what a reader's tools will open it with once unzipped. */
export function bodyExtension(contentType: string | null): string {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type.endsWith('xml')) return 'xml';
  if (type.endsWith('json')) return 'json';
  if (type.startsWith('text/')) return 'txt';
  return 'bin';
}

/**
 * What a snapshot proves and what it does not, said the same way in the API, the UI, the
 * documentation and the evidence package.
 */
export const SNAPSHOT_PROVES =
  'Ảnh chụp này chứng minh máy chủ Loa Số đã nhận được nội dung này từ địa chỉ trên vào thời điểm ghi.';
export const SNAPSHOT_DOES_NOT_PROVE =
  'Nó không chứng minh ai là tác giả, nội dung có đúng hay trang có hiển thị như vậy với mọi người đọc.';
