import type { LibraryItemKind } from '../../../shared/activities';
import type { ErrorDetail } from '../../../shared/errors';
import { foldForSearch } from '../../../shared/text';
import type { Queryable } from '../../db/client';
import { findLanguages, findTopics } from '../../db/repositories/vocabulary';
import { validationError } from '../../errors';
import type { FileCategory } from '../../storage/detect-file-type';
import type { UploadedFile } from '../../storage/file-store';
import { findCurrentProvinceId } from '../units/find-province';

/** Which file each kind takes: audio an audio file, a banner an image, guidance a document. */
export const FILE_RULES: Record<
  LibraryItemKind,
  { required: boolean; categories: readonly FileCategory[]; purpose: string }
> = {
  article: { required: false, categories: ['document'], purpose: 'bài viết' },
  radio_script: { required: false, categories: ['document'], purpose: 'kịch bản phát thanh' },
  audio: { required: true, categories: ['audio'], purpose: 'tệp âm thanh' },
  banner: { required: true, categories: ['image'], purpose: 'banner' },
  guidance: { required: true, categories: ['document'], purpose: 'tài liệu hướng dẫn' },
};

/** Article texts and radio scripts are the text itself. */
export function isTextKind(kind: LibraryItemKind): boolean {
  return kind === 'article' || kind === 'radio_script';
}

/** Long text keeps its line breaks; only the form of the letters (NFC) and the ends are tidied. */
export function normalizeBody(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const body = value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  return body || null;
}

export function librarySearchText(fields: {
  title: string;
  summary: string | null;
  body: string | null;
}): string {
  return foldForSearch([fields.title, fields.summary ?? '', (fields.body ?? '').slice(0, 5000)].join(' '));
}

export interface Vocabulary {
  topicCodes: Set<string>;
  /** Language code → Vietnamese name. */
  languages: Map<string, string>;
}

/** The topics and languages of the owner's province (the national lists plus its own additions). */
export async function loadVocabulary(q: Queryable, ownerUnitId: string): Promise<Vocabulary> {
  const provinceId = await findCurrentProvinceId(q, ownerUnitId);
  // One after the other: q may be a transaction's client, which takes one statement at a time (pg
  // deprecates queueing a second while the first runs).
  const topics = await findTopics(q, provinceId);
  const languages = await findLanguages(q, provinceId);
  return {
    topicCodes: new Set(topics.map((t) => t.code)),
    languages: new Map(languages.map((l) => [l.code, l.name])),
  };
}

export function checkVocabulary(
  vocabulary: Vocabulary,
  fields: { topics?: string[]; language?: string },
  errors: ErrorDetail[],
) {
  for (const [i, topic] of (fields.topics ?? []).entries()) {
    if (!vocabulary.topicCodes.has(topic))
      errors.push({ field: `body.topics.${i}`, message: `Chủ đề "${topic}" không có trong danh mục.` });
  }
  if (fields.language !== undefined && !vocabulary.languages.has(fields.language)) {
    errors.push({
      field: 'body.language',
      message: `Ngôn ngữ "${fields.language}" không có trong danh mục của tỉnh.`,
    });
  }
}

/** The content a kind needs: text for articles and scripts, a file for audio, banners and guidance. */
export function checkContent(
  kind: LibraryItemKind,
  fields: { body: string | null; upload: UploadedFile | null },
  errors: ErrorDetail[],
) {
  if (isTextKind(kind) && !fields.body) errors.push({ field: 'body.body', message: 'Nhập nội dung.' });
  const rule = FILE_RULES[kind];
  if (rule.required && !fields.upload)
    errors.push({ field: 'body.file', message: `Gửi tệp cho ${rule.purpose}.` });
}

export function throwIfErrors(errors: ErrorDetail[]) {
  if (errors.length)
    throw validationError(`Tài liệu chưa hợp lệ: ${errors.map((error) => error.message).join(' ')}`, errors);
}

export function languageName(vocabulary: Vocabulary, code: string): string {
  return vocabulary.languages.get(code) ?? code;
}
