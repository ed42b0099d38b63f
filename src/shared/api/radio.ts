import { z } from 'zod';
import { BROADCAST_SOURCES, PROVENANCES } from '../activities';
import { isoDay } from './common';

/**
 * Radio as-run logs (issue 11 item 7): stations whose systems push what they aired, and the push and
 * upload answers. See docs/radio-logs.md for the vendors' side.
 */

/** The prefix of every station token: it tells a leaked secret's kind at a glance (and to scanners). */
export const RADIO_TOKEN_PREFIX = 'ls_radio_';
/** At most this many items in one push, and this many bytes in its body. */
export const AS_RUN_MAX_ITEMS = 1000;
export const AS_RUN_MAX_BYTES = 1024 * 1024;

export const radioStationCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, 'Mã trạm gồm 2–64 chữ cái không dấu, chữ số, dấu . _ -.');

export const radioStationInput = z.object({
  code: radioStationCode,
  name: z.string().trim().min(1, 'Nhập tên trạm.').max(300),
  /** The unit's radio programme the broadcasts are recorded on. */
  channelId: z.uuid({ error: 'Chọn chương trình phát thanh.' }),
});
export type RadioStationInput = z.infer<typeof radioStationInput>;

export const radioStationSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  channelId: z.uuid(),
  channelName: z.string(),
  /** The first characters of the current token ("ls_radio_AbC1…"): the token itself is never shown again. */
  tokenPrefix: z.string(),
  lastPushAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdAt: z.date(),
  createdByName: z.string().nullable(),
  /** Live records received from this station (pushed or uploaded). */
  broadcastCount: z.number().int(),
});
export type RadioStationDto = z.infer<typeof radioStationSchema>;

export const radioStationListSchema = z.object({
  items: z.array(radioStationSchema),
  /** Whether the user may create, rotate and revoke stations here (the UI shows the buttons). */
  canManage: z.boolean(),
});
export type RadioStationListDto = z.infer<typeof radioStationListSchema>;

/** A new or rotated token: shown once, stored only as its SHA-256. */
export const radioStationTokenSchema = z.object({
  station: radioStationSchema,
  token: z.string(),
});
export type RadioStationTokenDto = z.infer<typeof radioStationTokenSchema>;

/**
 * One item of a push as documented. The route reads items one by one (a bad item is an error of that
 * item, not of the batch), so this schema describes them for the OpenAPI document and checks each.
 */
export const asRunItemSchema = z.object({
  /** The radio system's own id of the airing: the same id sent again is recognised, not stored twice. */
  externalId: z.string().trim().min(1, 'Thiếu mã mục (externalId).').max(200, 'Mã mục dài quá 200 ký tự.'),
  stationCode: z.string().trim().max(64).optional().nullable(),
  /** ISO 8601 with an offset ("2025-09-10T17:00:00+07:00"), or Vietnam local time "2025-09-10 17:00". */
  airedAt: z.string({ error: 'Thiếu thời điểm phát (airedAt).' }).trim().min(1, 'Thiếu thời điểm phát.'),
  durationSeconds: z
    .number({ error: 'Thời lượng (durationSeconds) phải là số giây.' })
    .int('Thời lượng phải là số giây nguyên.')
    .min(1, 'Thời lượng phải lớn hơn 0.')
    .max(24 * 3600, 'Thời lượng tối đa 24 giờ.'),
  programme: z.string().max(300, 'Tên chương trình dài quá 300 ký tự.').optional().nullable(),
  title: z.string({ error: 'Thiếu tiêu đề (title).' }).max(1000, 'Tiêu đề dài quá 1.000 ký tự.'),
  source: z
    .enum(BROADCAST_SOURCES, { error: 'Nguồn phải là own, province_source hoặc relay.' })
    .optional()
    .nullable(),
  language: z.string().max(20).optional().nullable(),
  /** D11 topic codes of the province's list. */
  topics: z.array(z.string().max(50)).max(20).optional().nullable(),
});
export type AsRunItem = z.infer<typeof asRunItemSchema>;

/** The push body as documented; the route checks `items` itself (count, then each item). */
export const asRunPushBody = z.object({
  items: z.array(asRunItemSchema).max(AS_RUN_MAX_ITEMS),
});

export const asRunErrorSchema = z.object({
  /** Position of the item in `items`, from 0. */
  index: z.number().int(),
  externalId: z.string().nullable(),
  field: z.string(),
  message: z.string(),
});
export type AsRunErrorDto = z.infer<typeof asRunErrorSchema>;

export const asRunPushResultSchema = z.object({
  received: z.number().int(),
  created: z.number().int(),
  /** Items already received with the same content: not stored again. */
  duplicates: z.number().int(),
  /** Created items that look like a record already there (same title, day and programme): stored flagged for review. */
  flagged: z.number().int(),
  errors: z.array(asRunErrorSchema),
  /**
   * Items received before whose record a person deleted in Loa Số: not created again by a push (a
   * person's upload of the log may bring them back). Not errors: sending them again changes nothing.
   */
  notRecreated: z.array(asRunErrorSchema.omit({ field: true })),
});
export type AsRunPushResultDto = z.infer<typeof asRunPushResultSchema>;

export const asRunUploadResultSchema = z.object({
  /** The import batch of the created records (null when every row was already there). */
  batchId: z.uuid().nullable(),
  rows: z.number().int(),
  created: z.number().int(),
  /** Rows whose Mã was received before with the same content. */
  duplicates: z.array(z.object({ row: z.number().int(), message: z.string() })),
  /** Created rows whose Mã had been received before and its record deleted (by an undo or by hand). */
  recreated: z.array(z.object({ row: z.number().int(), message: z.string() })),
  flaggedDuplicates: z.array(z.object({ row: z.number().int(), message: z.string() })),
});
export type AsRunUploadResultDto = z.infer<typeof asRunUploadResultSchema>;

export const radioReceivedSchema = z.object({
  id: z.uuid(),
  externalId: z.string(),
  occurredAt: z.date(),
  occurredOn: isoDay,
  title: z.string(),
  programme: z.string().nullable(),
  durationSeconds: z.number().int().nullable(),
  source: z.enum(BROADCAST_SOURCES).nullable(),
  provenance: z.enum(PROVENANCES),
  recordedAt: z.date(),
  /** Stored as a suspected duplicate of another record: not counted until a reviewer decides. */
  isFlagged: z.boolean(),
  isDeleted: z.boolean(),
});
export type RadioReceivedDto = z.infer<typeof radioReceivedSchema>;

export const radioReceivedListSchema = z.object({ items: z.array(radioReceivedSchema) });
