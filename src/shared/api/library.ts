import { z } from 'zod';
import { LIBRARY_ITEM_KINDS, type LibraryItemKind } from '../activities';
import { storedFileSchema } from './evidence';

/** Kinds whose content is text (the body), and kinds whose content is a file. */
export const TEXT_LIBRARY_KINDS: readonly LibraryItemKind[] = ['article', 'radio_script'];
export const FILE_LIBRARY_KINDS: readonly LibraryItemKind[] = ['audio', 'banner', 'guidance'];

const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Mã ngôn ngữ không hợp lệ (ví dụ vi, sed, bdq).');

/** Topic codes as a list (JSON) or, from a form, repeated fields or one comma-separated field. */
const topicList = z
  .union([z.array(z.string().max(50)).max(20), z.string().max(1100)])
  .transform((value) =>
    (Array.isArray(value) ? value : value.split(',')).map((topic) => topic.trim()).filter(Boolean),
  );

/** An instant with its offset ("2026-03-01T08:00:00+07:00"); null or absent keeps the item a draft. */
const publishedAt = z.iso
  .datetime({ offset: true, error: 'Thời điểm phát hành phải có dạng 2026-03-01T08:00:00+07:00.' })
  .transform((value) => new Date(value));

const itemTitle = z.string().min(1, 'Nhập tiêu đề.').max(500, 'Tiêu đề tối đa 500 ký tự.');
const body = z.string().max(500_000, 'Nội dung quá dài.');
const summary = z.string().max(2000, 'Tóm tắt tối đa 2000 ký tự.');

/**
 * A new item: JSON, or multipart/form-data with the same fields and the file in "file" (required for
 * audio, banner and guidance).
 */
export const libraryItemInput = z.object({
  kind: z.enum(LIBRARY_ITEM_KINDS),
  title: itemTitle,
  body: body.optional(),
  summary: summary.optional(),
  language: languageCode.default('vi'),
  topics: topicList.default([]),
  publishedAt: publishedAt.nullable().optional(),
});
export type LibraryItemInput = z.infer<typeof libraryItemInput>;

export const libraryItemUpdate = z.object({
  title: itemTitle.optional(),
  body: body.nullable().optional(),
  summary: summary.nullable().optional(),
  language: languageCode.optional(),
  topics: topicList.optional(),
  /** null turns a published item back into a draft. */
  publishedAt: publishedAt.nullable().optional(),
});
export type LibraryItemUpdate = z.infer<typeof libraryItemUpdate>;

/** A version in another language: JSON or multipart/form-data (the file for audio, banner, guidance). */
export const libraryTranslationInput = z.object({
  language: languageCode,
  title: itemTitle,
  body: body.optional(),
  summary: summary.optional(),
});
export type LibraryTranslationInput = z.infer<typeof libraryTranslationInput>;

export const libraryListQuery = z.object({
  /** Items available to this unit: published by it or by a unit above it. */
  unitId: z.uuid().optional(),
  /** Items published by this unit. */
  ownerUnitId: z.uuid().optional(),
  kind: z.enum(LIBRARY_ITEM_KINDS).optional(),
  q: z.string().max(200).optional(),
  topic: z.string().max(50).optional(),
  /** Items in this language, or with a translation in it. */
  language: z.string().max(20).optional(),
  /** true: drafts only; false: published only; absent: both (drafts only reach publishers). */
  draft: z.stringbool().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type LibraryListQuery = z.infer<typeof libraryListQuery>;

export const libraryItemSchema = z.object({
  id: z.uuid(),
  ownerUnitId: z.uuid(),
  ownerUnitName: z.string(),
  kind: z.enum(LIBRARY_ITEM_KINDS),
  title: z.string(),
  summary: z.string().nullable(),
  language: z.string(),
  topics: z.array(z.string()),
  file: storedFileSchema.nullable(),
  translationOfId: z.uuid().nullable(),
  publishedAt: z.date().nullable(),
  isDraft: z.boolean(),
  /** Live records and schedule entries that use this item. */
  usageCount: z.number().int(),
  translationLanguages: z.array(z.string()),
  createdAt: z.date(),
  updatedAt: z.date(),
  createdByName: z.string().nullable(),
});
export type LibraryItemDto = z.infer<typeof libraryItemSchema>;

export const libraryTranslationSchema = z.object({
  id: z.uuid(),
  language: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  summary: z.string().nullable(),
  file: storedFileSchema.nullable(),
  usageCount: z.number().int(),
  createdAt: z.date(),
});
export type LibraryTranslationDto = z.infer<typeof libraryTranslationSchema>;

export const libraryItemDetailSchema = libraryItemSchema.extend({
  body: z.string().nullable(),
  translations: z.array(libraryTranslationSchema),
  /** The user may edit the item and add translations. */
  canEdit: z.boolean(),
});
export type LibraryItemDetailDto = z.infer<typeof libraryItemDetailSchema>;

export const libraryCreatedSchema = libraryItemDetailSchema.extend({ notices: z.array(z.string()) });
export type LibraryCreatedDto = z.infer<typeof libraryCreatedSchema>;

export const libraryListSchema = z.object({ items: z.array(libraryItemSchema), total: z.number().int() });
