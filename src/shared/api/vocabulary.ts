import { z } from 'zod';

const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Mã ngôn ngữ không hợp lệ (ví dụ vi, sed, bdq).');

export const topicSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  isActive: z.boolean(),
  /** On the national list: read-only for everyone. */
  isNational: z.boolean(),
  sortOrder: z.number().int(),
});
export type TopicDto = z.infer<typeof topicSchema>;

export const languageSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  isActive: z.boolean(),
  isNational: z.boolean(),
});
export type LanguageDto = z.infer<typeof languageSchema>;

export const vocabularyQuery = z.object({
  /** Also the province's deactivated rows (for the settings page). */
  includeInactive: z.stringbool({ error: 'Dùng true hoặc false.' }).optional(),
});

export const vocabularySchema = z.object({
  provinceId: z.uuid().nullable(),
  provinceName: z.string().nullable(),
  /** The user may add and edit the province's own topics and languages. */
  canManage: z.boolean(),
  topics: z.array(topicSchema),
  languages: z.array(languageSchema),
});
export type VocabularyDto = z.infer<typeof vocabularySchema>;

export const topicInput = z.object({
  /** Stored on records; made from the name when left out. */
  code: z
    .string()
    .regex(/^[a-z0-9_]{2,50}$/, 'Mã chủ đề chỉ gồm a-z, 0-9 và "_", 2–50 ký tự.')
    .optional(),
  name: z.string().min(1, 'Nhập tên chủ đề.').max(300),
  nameEn: z.string().max(300).nullable().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export type TopicInput = z.infer<typeof topicInput>;

/** The code stays: records keep it. */
export const topicUpdate = z.object({
  name: z.string().min(1, 'Nhập tên chủ đề.').max(300).optional(),
  nameEn: z.string().max(300).nullable().optional(),
  isActive: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export type TopicUpdate = z.infer<typeof topicUpdate>;

export const languageInput = z.object({
  code: languageCode,
  name: z.string().min(1, 'Nhập tên ngôn ngữ.').max(300),
  nameEn: z.string().max(300).nullable().optional(),
});
export type LanguageInput = z.infer<typeof languageInput>;

export const languageUpdate = z.object({
  name: z.string().min(1, 'Nhập tên ngôn ngữ.').max(300).optional(),
  nameEn: z.string().max(300).nullable().optional(),
  isActive: z.boolean().optional(),
});
export type LanguageUpdate = z.infer<typeof languageUpdate>;
