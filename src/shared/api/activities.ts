import { z } from 'zod';
import {
  ACTIVITY_KINDS,
  BROADCAST_SOURCES,
  CHANNEL_KINDS,
  CHANNEL_PLATFORMS,
  GENRES,
  PROVENANCES,
  REVIEW_STATUSES,
} from '../activities';
import { isoDay } from './common';

const httpUrl = z.url({ protocol: /^https?$/, error: 'Địa chỉ phải bắt đầu bằng http:// hoặc https://.' });
const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Mã ngôn ngữ không hợp lệ (ví dụ vi, sed, bdq).');

export const channelInput = z.object({
  kind: z.enum(CHANNEL_KINDS),
  platform: z.enum(CHANNEL_PLATFORMS),
  name: z.string().min(1, 'Nhập tên kênh.').max(300),
  stationName: z.string().max(300).nullable().optional(),
  url: httpUrl.nullable().optional(),
  feedUrl: httpUrl.nullable().optional(),
  startedOn: isoDay.nullable().optional(),
  endedOn: isoDay.nullable().optional(),
});
export type ChannelInput = z.infer<typeof channelInput>;

export const channelSchema = channelInput.extend({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  stationName: z.string().nullable(),
  url: z.string().nullable(),
  feedUrl: z.string().nullable(),
  startedOn: isoDay.nullable(),
  endedOn: isoDay.nullable(),
  activityCount: z.number().int(),
});
export type ChannelDto = z.infer<typeof channelSchema>;

/** The fields of a record, without defaults: an update must not reset what it leaves out. */
const activityFields = {
  kind: z.enum(ACTIVITY_KINDS),
  unitId: z.uuid(),
  channelId: z.uuid().nullable().optional(),
  occurredOn: isoDay,
  occurredTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:mm.')
    .nullable()
    .optional(),
  title: z.string().min(1, 'Nhập tiêu đề.').max(1000),
  url: httpUrl.nullable().optional(),
  genre: z.enum(GENRES).nullable().optional(),
  topics: z.array(z.string().max(50)).max(20),
  language: languageCode,
  author: z.string().max(300).nullable().optional(),
  programme: z.string().max(300).nullable().optional(),
  durationSeconds: z
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .nullable()
    .optional(),
  source: z.enum(BROADCAST_SOURCES).nullable().optional(),
  issueNumber: z.string().max(100).nullable().optional(),
  targetUrl: httpUrl.nullable().optional(),
  isVerified: z.boolean().nullable().optional(),
  translationOfId: z.uuid().nullable().optional(),
  libraryItemId: z.uuid().nullable().optional(),
  /** Store even though it looks like a record already there (it is kept flagged as a suspected duplicate). */
  confirmDuplicate: z.boolean().optional(),
};

/**
 * A record as an officer enters it. occurredOn + occurredTime are Vietnamese local time; the server
 * keeps the instant and the local day apart from when it was recorded and reviewed.
 */
export const activityInput = z.object({
  ...activityFields,
  topics: activityFields.topics.default([]),
  language: activityFields.language.default('vi'),
});
export type ActivityInput = z.infer<typeof activityInput>;

export const activityUpdate = z
  .object(activityFields)
  .omit({ kind: true, unitId: true, confirmDuplicate: true })
  .partial();

export const activitySchema = z.object({
  id: z.uuid(),
  kind: z.enum(ACTIVITY_KINDS),
  unitId: z.uuid(),
  unitName: z.string(),
  channelId: z.uuid().nullable(),
  channelName: z.string().nullable(),
  /** The channel's kind, shown with its name: a website column and a radio programme may share one. */
  channelKind: z.string().nullable(),
  occurredAt: z.date(),
  occurredOn: isoDay,
  title: z.string(),
  url: z.string().nullable(),
  genre: z.enum(GENRES).nullable(),
  topics: z.array(z.string()),
  language: z.string(),
  author: z.string().nullable(),
  programme: z.string().nullable(),
  durationSeconds: z.number().int().nullable(),
  source: z.enum(BROADCAST_SOURCES).nullable(),
  issueNumber: z.string().nullable(),
  targetUrl: z.string().nullable(),
  isVerified: z.boolean().nullable(),
  provenance: z.enum(PROVENANCES),
  recordedAt: z.date(),
  recordedByName: z.string().nullable(),
  reviewStatus: z.enum(REVIEW_STATUSES),
  reviewedAt: z.date().nullable(),
  duplicateOfId: z.uuid().nullable(),
  translationOfId: z.uuid().nullable(),
  libraryItemId: z.uuid().nullable(),
  deletedAt: z.date().nullable(),
  deleteReason: z.string().nullable(),
});
export type ActivityDto = z.infer<typeof activitySchema>;

/** "true"/"false" in a query string: z.coerce.boolean would read "false" as true. */
const queryFlag = z.stringbool({ error: 'Dùng true hoặc false.' }).optional();

export const activityListQuery = z.object({
  /** The subtree (roll-up) of this unit; default: everything the user sees. */
  unitId: z.uuid().optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  channelId: z.uuid().optional(),
  topic: z.string().max(50).optional(),
  language: z.string().max(20).optional(),
  provenance: z.enum(PROVENANCES).optional(),
  q: z.string().max(200).optional(),
  includeDeleted: queryFlag,
  onlyDuplicates: queryFlag,
  /** Records waiting for review, accepted, or rejected. */
  reviewStatus: z
    .enum(REVIEW_STATUSES, { error: 'Trạng thái thẩm định: pending, accepted hoặc rejected.' })
    .optional(),
  /** false: only records with no evidence attached ("chưa có minh chứng"); true: only those with some. */
  hasEvidence: queryFlag,
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ActivityListQuery = z.infer<typeof activityListQuery>;

/** A row of the list also says whether the user may review it (select it for a bulk accept or reject). */
export const activityListItemSchema = activitySchema.extend({ canReview: z.boolean() });
export type ActivityListItemDto = z.infer<typeof activityListItemSchema>;

/**
 * The list's total is counted up to ACTIVITY_LIST_COUNT_CAP records past the page asked for: beyond
 * that the answer says "at least" (totalIsAtLeast), so that opening the list of a large province does
 * not read every one of its records only to print their number. Exports still hold every record.
 */
export const ACTIVITY_LIST_COUNT_CAP = 1000;

export const activityListSchema = z.object({
  items: z.array(activityListItemSchema),
  total: z.number().int(),
  /** true: there are more records than `total` (the count stopped there). */
  totalIsAtLeast: z.boolean(),
});

/** What a user may do with one record, as the server decides it; the UI shows only these. */
export const ACTIVITY_ACTIONS = [
  'update',
  'delete',
  'restore',
  'review',
  'resolveDuplicate',
  'translate',
] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

/** Another record named by this one: its original, a version in another language, or what it repeats. */
export const activityRefSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  language: z.string(),
  occurredOn: isoDay,
  unitId: z.uuid(),
  unitName: z.string(),
  deleted: z.boolean(),
});
export type ActivityRefDto = z.infer<typeof activityRefSchema>;

export const activityDetailSchema = activitySchema.extend({
  reviewedByName: z.string().nullable(),
  translationOf: activityRefSchema.nullable(),
  /** The versions of this record in other languages (those the user may see). */
  translations: z.array(activityRefSchema),
  duplicateOf: activityRefSchema.nullable(),
  evidenceCount: z.number().int(),
  /** Found by the website monitor: the page snapshot it came from (GET /api/snapshots/:id). */
  snapshotId: z.uuid().nullable(),
  actions: z.array(z.enum(ACTIVITY_ACTIONS)),
});
export type ActivityDetailDto = z.infer<typeof activityDetailSchema>;

/** An edit: unitId and kind may be sent back unchanged, but a record never moves to another unit. */
export const activityPatchBody = activityUpdate.extend({
  unitId: z.uuid().optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  confirmDuplicate: z.boolean().optional(),
});
export type ActivityPatchBody = z.infer<typeof activityPatchBody>;

/** API clients send many records at once; all are stored or none. */
export const activityBatchBody = z.object({
  items: z.array(activityInput).min(1, 'Gửi ít nhất một bản ghi.').max(5000),
});
export const activityBatchResult = z.object({
  ids: z.array(z.uuid()),
  count: z.number().int(),
  /** How many were stored flagged as suspected duplicates (confirmDuplicate). */
  flagged: z.number().int(),
});

/** The reason is checked after access, so an outsider learns nothing from a missing one. */
export const deleteActivityBody = z.object({ reason: z.string().max(1000).optional() }).nullish();
export const reviewActivityBody = z.object({
  status: z.enum(['accepted', 'rejected']),
  note: z.string().max(2000).optional(),
});

/** The most records one bulk review takes: a page of the list at province scale, in one transaction. */
export const BULK_REVIEW_MAX = 500;

/** Accept or reject many records at once; each is checked, reviewed and audited on its own. */
export const bulkReviewBody = z.object({
  ids: z
    .array(z.uuid({ error: 'Mã bản ghi không hợp lệ.' }))
    .min(1, 'Chọn ít nhất một bản ghi.')
    .max(BULK_REVIEW_MAX, `Mỗi lần thẩm định tối đa ${BULK_REVIEW_MAX} bản ghi.`),
  status: z.enum(['accepted', 'rejected']),
  note: z.string().max(2000).optional(),
});
export const bulkReviewResult = z.object({
  status: z.enum(['accepted', 'rejected']),
  /** Records whose status changed (a record already in that status is left as it is). */
  reviewed: z.number().int(),
  unchanged: z.number().int(),
});
export type BulkReviewResultDto = z.infer<typeof bulkReviewResult>;

export const languageCountsQuery = z.object({ from: isoDay.optional(), to: isoDay.optional() });
const countsByKind = z.object({
  post: z.number().int(),
  broadcast: z.number().int(),
  press_issue: z.number().int(),
  banner: z.number().int(),
});
export const languageCountsSchema = z.object({
  unitId: z.uuid(),
  from: isoDay,
  to: isoDay,
  /** One row per unit of the roll-up and language other than Vietnamese that has records. */
  items: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      language: z.string(),
      languageName: z.string(),
      counts: countsByKind,
      total: z.number().int(),
    }),
  ),
  totals: z.array(
    z.object({
      language: z.string(),
      languageName: z.string(),
      counts: countsByKind,
      total: z.number().int(),
    }),
  ),
});
export type LanguageCountsDto = z.infer<typeof languageCountsSchema>;
