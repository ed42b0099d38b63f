import type { EvidenceCitationInput, EvidenceUrlInput } from '../../../shared/api/evidence';
import { formatVnDate, todayVn } from '../../../shared/dates';
import type { ErrorDetail } from '../../../shared/errors';
import { normalizeText } from '../../../shared/text';
import type { NewEvidence } from '../../db/repositories/evidence';
import { validationError } from '../../errors';
import type { UploadedFile } from '../../storage/file-store';
import { type InspectedFile, inspectUploadedFile } from './store-uploaded-file';

/** What an evidence item (or a new version of one) holds: a file, a URL or a document citation. */
export type EvidenceContent =
  | { kind: 'file'; upload: UploadedFile; title?: string; periodFrom?: string; periodTo?: string }
  | ({ kind: 'url' } & EvidenceUrlInput)
  | ({ kind: 'citation'; upload?: UploadedFile } & EvidenceCitationInput);

/** The staged upload an item carries, if any: a file, or a citation's signed scan. */
export function uploadOf(content: EvidenceContent): UploadedFile | undefined {
  if (content.kind === 'file') return content.upload;
  if (content.kind === 'citation') return content.upload;
  return undefined;
}

/**
 * A citation's scan is the signed paper document: a PDF or a photo of it. The type comes from the
 * content, as for any upload; a Word file or a recording is not a scan.
 */
async function inspectScan(upload: UploadedFile): Promise<InspectedFile> {
  const file = await inspectUploadedFile(upload);
  if (file.type.mime !== 'application/pdf' && file.type.category !== 'image') {
    const message = `Tệp "${upload.fileName}" là ${file.type.label}; bản quét văn bản cần tệp PDF hoặc ảnh (PNG, JPEG, GIF, WebP).`;
    throw validationError(message, [{ field: 'body.file', message }]);
  }
  return file;
}

export type EvidenceValues = Pick<
  NewEvidence,
  | 'kind'
  | 'title'
  | 'url'
  | 'documentNumber'
  | 'documentDate'
  | 'issuingBody'
  | 'summary'
  | 'periodFrom'
  | 'periodTo'
>;

export interface PreparedEvidence {
  values: EvidenceValues;
  file: InspectedFile | null;
  notices: string[];
}

/** Số/ký hiệu: a number, then symbols after slashes: 114/STTTT-BCVT-CNTT, 49/2024/NĐ-CP, 12/BC-UBND. */
const DOCUMENT_NUMBER = /^\d+[\p{L}\d]*(\/[\p{L}\d.&-]+)+$/u;

/** "Số: 114 / STTTT - BCVT" → "114/STTTT-BCVT": the prefix and the spaces people type are not part of it. */
export function normalizeDocumentNumber(raw: string): string {
  return normalizeText(raw)
    .replace(/^số\s*:?\s*/iu, '')
    .replace(/\s*([/-])\s*/g, '$1');
}

/**
 * Checks the content against the rules of evidence and builds the row's values. Every problem is
 * reported with its field. `inherited` fills in what a new version does not restate.
 */
export async function prepareEvidence(
  content: EvidenceContent,
  inherited: { title?: string; periodFrom?: string | null; periodTo?: string | null } = {},
  today: string = todayVn(),
): Promise<PreparedEvidence> {
  const errors: ErrorDetail[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  const periodFrom = content.periodFrom ?? inherited.periodFrom ?? null;
  const periodTo = content.periodTo ?? inherited.periodTo ?? null;
  if (periodFrom && periodTo && periodFrom > periodTo)
    fail('periodTo', 'Ngày kết thúc kỳ phải từ ngày bắt đầu trở đi.');

  let values: EvidenceValues | null = null;
  let file: InspectedFile | null = null;
  if (content.kind === 'file') {
    const title = normalizeText(content.title ?? '') || inherited.title || content.upload.fileName;
    if (errors.length === 0) file = await inspectUploadedFile(content.upload);
    values = { kind: 'file', title, periodFrom, periodTo };
  } else if (content.kind === 'url') {
    const title = normalizeText(content.title);
    if (!title) fail('title', 'Nhập tiêu đề.');
    values = { kind: 'url', title, url: content.url.trim(), periodFrom, periodTo };
  } else {
    const documentNumber = normalizeDocumentNumber(content.documentNumber);
    const issuingBody = normalizeText(content.issuingBody);
    const summary = normalizeText(content.summary);
    if (!documentNumber) fail('documentNumber', 'Nhập số/ký hiệu văn bản.');
    else if (!DOCUMENT_NUMBER.test(documentNumber)) {
      fail('documentNumber', `Số/ký hiệu "${documentNumber}" không đúng dạng, ví dụ 114/STTTT-BCVT-CNTT.`);
    }
    if (content.documentDate > today) fail('documentDate', 'Ngày văn bản không được sau hôm nay.');
    if (!issuingBody) fail('issuingBody', 'Nhập cơ quan ban hành.');
    if (!summary) fail('summary', 'Nhập trích yếu.');
    if (content.upload && errors.length === 0) file = await inspectScan(content.upload);
    const title =
      normalizeText(content.title ?? '') ||
      `Văn bản số ${documentNumber} ngày ${formatVnDate(content.documentDate)} của ${issuingBody}`;
    values = {
      kind: 'citation',
      title,
      url: content.url?.trim() ?? null,
      documentNumber,
      documentDate: content.documentDate,
      issuingBody,
      summary,
      periodFrom,
      periodTo,
    };
  }
  if (errors.length) {
    throw validationError(
      `Minh chứng chưa hợp lệ: ${errors.map((error) => error.message).join(' ')}`,
      errors.map((error) => ({ ...error, field: `body.${error.field}` })),
    );
  }
  return { values, file, notices: file?.notices ?? [] };
}
