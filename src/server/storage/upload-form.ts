import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ErrorDetail } from '../../shared/errors';
import { findUnsafeInput } from '../../shared/safe-input';
import { normalizeText } from '../../shared/text';
import { AppError, validationError } from '../errors';
import { ContentTooLargeError, type FileStore, type UploadedFile } from './file-store';

/**
 * Browser uploads: a multipart form with one file and a few text fields. The file is streamed into
 * the store's staging area as it arrives (large audio never sits in memory); the fields are returned
 * as text for the route's schema to check.
 */

const MAX_FIELD_BYTES = 1024 * 1024;

/** Registers the multipart parser on a route module's own scope, so that other modules are untouched. */
export async function registerUploads(scope: FastifyInstance, uploadMaxBytes: number) {
  await scope.register(fastifyMultipart, {
    // The store counts bytes itself and answers 413 with the limit named; busboy only has to stop
    // reading one byte past it.
    throwFileSizeLimit: false,
    limits: { fileSize: uploadMaxBytes + 1, files: 1, fields: 40, parts: 41, fieldSize: MAX_FIELD_BYTES },
  });
}

export interface UploadForm {
  fields: Record<string, string | string[]>;
  file: UploadedFile | null;
}

export function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

export function tooLarge(fileName: string, maxBytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `Tệp "${fileName}" lớn hơn giới hạn ${megabytes(maxBytes)}.`, [
    { field: 'body.file', message: `Tối đa ${megabytes(maxBytes)}.` },
  ]);
}

/** The last segment of a client file name ("C:\fakepath\a.pdf" → "a.pdf"), NFC, at most 255 characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // Control characters and quotes would break the Content-Disposition header of the download; a lone
  // surrogate (a code point of one UTF-16 unit in that range) is not text. normalizeText drops the
  // direction controls that would make "hoso\u202Efdp.exe" show as "hosoexe.pdf".
  const printable = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && ch !== '"')
    .filter((ch) => !(ch.length === 1 && ch >= '\ud800' && ch <= '\udfff'))
    .join('');
  const name = normalizeText(printable).slice(0, 255);
  return name || 'tep-dinh-kem';
}

export async function readUploadForm(
  request: FastifyRequest,
  store: FileStore,
  maxBytes: number,
): Promise<UploadForm> {
  if (!request.isMultipart())
    throw validationError('Gửi tệp bằng biểu mẫu multipart/form-data (trường "file").');
  const fields: Record<string, string | string[]> = {};
  let file: UploadedFile | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        // An empty file input still sends a part, with no name and no bytes: nothing was chosen.
        if (!part.filename) {
          part.file.resume();
          continue;
        }
        const fileName = cleanFileName(part.filename);
        try {
          file = { staged: await store.stage(part.file, { maxBytes }), fileName };
        } catch (error) {
          if (error instanceof ContentTooLargeError) throw tooLarge(fileName, maxBytes);
          throw error;
        }
        continue;
      }
      if (part.valueTruncated)
        throw validationError(`Trường "${part.fieldname}" quá dài.`, [
          { field: `body.${part.fieldname}`, message: 'Quá dài.' },
        ]);
      const value = typeof part.value === 'string' ? part.value : String(part.value ?? '');
      // Browsers send empty optional inputs as empty strings: they mean "not given".
      if (value.trim() === '') continue;
      const existing = fields[part.fieldname];
      fields[part.fieldname] = existing === undefined ? value : [...[existing].flat(), value];
    }
  } catch (error) {
    await file?.staged.discard();
    throw translateMultipartError(error);
  }
  return { fields, file };
}

function translateMultipartError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_FILES_LIMIT')
    return validationError('Chỉ gửi một tệp mỗi lần.', [{ field: 'body.file', message: 'Chỉ một tệp.' }]);
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
    return validationError('Biểu mẫu có quá nhiều trường.');
  if (code === 'FST_MP_PREMATURE_CLOSE') return validationError('Tệp gửi lên bị ngắt giữa chừng.');
  return error;
}

/** Checks fields against a schema, answering like the route validator: VALIDATION_FAILED naming each field. */
export function parseFields<S extends z.ZodType>(schema: S, data: unknown, location = 'body'): z.output<S> {
  // Form fields bypass the API's input hook (they are read here), so the shared rule is applied here.
  const unsafe = findUnsafeInput(data);
  if (unsafe) {
    const field = unsafe.path ? `${location}.${unsafe.path}` : location;
    throw validationError(`Dữ liệu không hợp lệ: ${field}. ${unsafe.message}`, [
      { field, message: unsafe.message },
    ]);
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const details: ErrorDetail[] = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return { field: path ? `${location}.${path}` : location, message: issue.message };
  });
  throw validationError(
    `Dữ liệu không hợp lệ (dữ liệu gửi lên): ${details.map((d) => d.field).join(', ')}.`,
    details,
  );
}

/**
 * A body that is either JSON (already checked by the route's schema) or a multipart form with the
 * same fields and an optional file. On a refusal the staged file is thrown away.
 */
export async function readJsonOrForm<S extends z.ZodType>(
  request: FastifyRequest,
  store: FileStore,
  maxBytes: number,
  schema: S,
  jsonBody: z.output<S> | null | undefined,
): Promise<{ input: z.output<S>; upload: UploadedFile | null }> {
  if (!request.isMultipart()) {
    if (jsonBody === undefined || jsonBody === null)
      throw validationError('Thiếu dữ liệu gửi lên (JSON hoặc multipart/form-data).');
    return { input: jsonBody, upload: null };
  }
  const form = await readUploadForm(request, store, maxBytes);
  try {
    return { input: parseFields(schema, form.fields), upload: form.file };
  } catch (error) {
    await form.file?.staged.discard();
    throw error;
  }
}

/** A multipart form that must carry a file, with its other fields checked by the schema. */
export async function readFileForm<S extends z.ZodType>(
  request: FastifyRequest,
  store: FileStore,
  maxBytes: number,
  schema: S,
): Promise<{ input: z.output<S>; upload: UploadedFile }> {
  const form = await readUploadForm(request, store, maxBytes);
  try {
    if (!form.file)
      throw validationError('Chọn tệp để tải lên (trường "file").', [
        { field: 'body.file', message: 'Chưa có tệp.' },
      ]);
    return { input: parseFields(schema, form.fields), upload: form.file };
  } catch (error) {
    await form.file?.staged.discard();
    throw error;
  }
}
