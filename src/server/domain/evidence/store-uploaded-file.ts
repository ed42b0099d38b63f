import type { Queryable } from '../../db/client';
import { insertStoredFile, type StoredFileRow } from '../../db/repositories/evidence';
import { validationError } from '../../errors';
import {
  detectFileType,
  extensionOf,
  type FileCategory,
  type FileType,
} from '../../storage/detect-file-type';
import type { UploadedFile } from '../../storage/file-store';

export interface InspectedFile {
  upload: UploadedFile;
  type: FileType;
  /** What the user should know: a name that does not match the content. */
  notices: string[];
}

const CATEGORY_LABELS: Record<FileCategory, string> = {
  document: 'PDF, DOCX hoặc XLSX',
  image: 'ảnh (PNG, JPEG, GIF, WebP)',
  audio: 'âm thanh (MP3, M4A/MP4, OGG, WAV)',
};

/**
 * Finds the type of an uploaded file from its content and refuses what is not a document, image or
 * audio file, or not of the categories the caller accepts. Nothing is stored yet.
 */
export async function inspectUploadedFile(
  upload: UploadedFile,
  accepted?: { categories: readonly FileCategory[]; purpose: string },
): Promise<InspectedFile> {
  const { staged, fileName } = upload;
  const type = await detectFileType((position, length) => staged.read(position, length), staged.sizeBytes);
  if (!type) {
    const message = `Tệp "${fileName}" không phải PDF, DOCX, XLSX, ảnh hoặc âm thanh.`;
    throw validationError(message, [{ field: 'body.file', message }]);
  }
  if (accepted && !accepted.categories.includes(type.category)) {
    const wanted = accepted.categories.map((category) => CATEGORY_LABELS[category]).join(' hoặc ');
    const message = `Tệp "${fileName}" là ${type.label}; ${accepted.purpose} cần tệp ${wanted}.`;
    throw validationError(message, [{ field: 'body.file', message }]);
  }
  const notices: string[] = [];
  const extension = extensionOf(fileName);
  if (extension && !type.extensions.includes(extension)) {
    notices.push(
      `Tệp "${fileName}" có nội dung là ${type.label} (không phải .${extension} như tên tệp); đã lưu với kiểu ${type.mime}.`,
    );
  }
  return { upload, type, notices };
}

/** Puts the bytes under their hash (once, however often uploaded) and records this upload with its own name. */
export async function saveInspectedFile(
  q: Queryable,
  file: InspectedFile,
  createdBy: string | null,
): Promise<StoredFileRow> {
  const stored = await file.upload.staged.commit();
  return insertStoredFile(q, {
    sha256: stored.sha256,
    sizeBytes: stored.sizeBytes,
    mimeType: file.type.mime,
    originalName: file.upload.fileName,
    storageKey: stored.key,
    createdBy,
  });
}
