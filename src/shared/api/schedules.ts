import { z } from 'zod';
import { BROADCAST_SOURCES, CHANNEL_KINDS, GENRES, SCHEDULE_STATUSES } from '../activities';
import { isoDay } from './common';

/** A month as 'yyyy-MM'. */
export const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng phải có dạng yyyy-MM.');

/** "05:00" or "17:00-17:15" (an en dash is accepted too and stored as "-"). */
export const TIME_SLOT_PATTERN = /^([01]\d|2[0-3]):[0-5]\d(\s*[-–]\s*([01]\d|2[0-3]):[0-5]\d)?$/;
const timeSlot = z.string().trim().regex(TIME_SLOT_PATTERN, 'Giờ phát phải có dạng HH:mm hoặc HH:mm-HH:mm.');
const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Mã ngôn ngữ không hợp lệ (ví dụ vi, sed, bdq).');

/** The header of the document: number, signer and recipients ("Nơi nhận"), one per line. */
export const scheduleHeaderInput = z.object({
  documentNumber: z.string().max(100).nullable().optional(),
  signerName: z.string().max(200).nullable().optional(),
  signerTitle: z.string().max(200).nullable().optional(),
  recipients: z.array(z.string().max(300)).max(30).optional(),
  note: z.string().max(2000).nullable().optional(),
});
export type ScheduleHeaderInput = z.infer<typeof scheduleHeaderInput>;

export const scheduleCreateBody = scheduleHeaderInput.extend({
  channelId: z.uuid({ error: 'Chọn chương trình phát thanh.' }),
  month: isoMonth,
  /** Start from the entries of the same programme's previous month, moved by whole weeks. */
  copyFromPrevious: z.boolean().optional(),
});
export type ScheduleCreateBody = z.infer<typeof scheduleCreateBody>;

export const scheduleListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const scheduleEntryInput = z.object({
  airDate: isoDay,
  timeSlot,
  title: z.string().min(1, 'Nhập tên tin bài.').max(1000),
  genre: z.enum(GENRES).nullable().optional(),
  /** A topic code from the D11 list (national or the province's own). */
  topic: z.string().max(50).nullable().optional(),
  durationMinutes: z
    .number()
    .int()
    .min(1, 'Thời lượng ít nhất 1 phút.')
    .max(600, 'Thời lượng tối đa 600 phút.'),
  language: languageCode.default('vi'),
  source: z.enum(BROADCAST_SOURCES).default('own'),
  libraryItemId: z.uuid().nullable().optional(),
});
export type ScheduleEntryInput = z.infer<typeof scheduleEntryInput>;

export const scheduleEntryUpdate = z.object({
  airDate: isoDay.optional(),
  timeSlot: timeSlot.optional(),
  title: z.string().min(1, 'Nhập tên tin bài.').max(1000).optional(),
  genre: z.enum(GENRES).nullable().optional(),
  topic: z.string().max(50).nullable().optional(),
  durationMinutes: z.number().int().min(1).max(600).optional(),
  language: languageCode.optional(),
  source: z.enum(BROADCAST_SOURCES).optional(),
  libraryItemId: z.uuid().nullable().optional(),
});
export type ScheduleEntryUpdate = z.infer<typeof scheduleEntryUpdate>;

export const scheduleEntrySchema = z.object({
  id: z.uuid(),
  airDate: isoDay,
  timeSlot: z.string(),
  title: z.string(),
  genre: z.enum(GENRES).nullable(),
  topic: z.string().nullable(),
  topicName: z.string().nullable(),
  durationMinutes: z.number().int(),
  language: z.string(),
  languageName: z.string(),
  source: z.enum(BROADCAST_SOURCES),
  libraryItemId: z.uuid().nullable(),
  /** Counts towards "one DX item a week": the programme is the DX programme or the topic is DX. */
  isDx: z.boolean(),
  airedActivityId: z.uuid().nullable(),
});
export type ScheduleEntryDto = z.infer<typeof scheduleEntrySchema>;

/** An ISO week of the month (partial first and last weeks included) without a DX entry. */
export const scheduleWarningSchema = z.object({
  code: z.literal('week_without_dx'),
  isoYear: z.number().int(),
  isoWeek: z.number().int(),
  /** Monday and Sunday of the week, which may lie in the neighbouring months. */
  weekStart: isoDay,
  weekEnd: isoDay,
  message: z.string(),
});
export type ScheduleWarningDto = z.infer<typeof scheduleWarningSchema>;

export const scheduleSummarySchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  channelId: z.uuid(),
  channelName: z.string(),
  channelKind: z.enum(CHANNEL_KINDS),
  stationName: z.string().nullable(),
  month: isoMonth,
  status: z.enum(SCHEDULE_STATUSES),
  documentNumber: z.string().nullable(),
  entryCount: z.number().int(),
  warningCount: z.number().int(),
  issuedAt: z.date().nullable(),
  updatedAt: z.date(),
});
export type ScheduleSummaryDto = z.infer<typeof scheduleSummarySchema>;

export const scheduleSchema = scheduleSummarySchema.extend({
  unitName: z.string(),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  recipients: z.array(z.string()),
  note: z.string().nullable(),
  issuedByName: z.string().nullable(),
  createdAt: z.date(),
  entries: z.array(scheduleEntrySchema),
  warnings: z.array(scheduleWarningSchema),
  totalMinutes: z.number().int(),
  /** What the signed-in user may do with it now; the UI shows buttons from these. */
  canEdit: z.boolean(),
  canIssue: z.boolean(),
  canMarkAired: z.boolean(),
});
export type ScheduleDto = z.infer<typeof scheduleSchema>;

export const scheduleIssueBody = z.object({
  /** Required when the schedule has warnings: the head has seen them and issues anyway. */
  acknowledgeWarnings: z.boolean().optional(),
});

export const markAiredBody = z.object({
  entryIds: z.array(z.uuid()).min(1, 'Chọn ít nhất một mục.').max(500),
  /** When it actually aired, if not at the planned day and slot. */
  airedAt: z.iso
    .datetime({
      offset: true,
      error: 'Thời điểm phát phải có dạng ISO 8601, ví dụ 2026-01-05T17:00:00+07:00.',
    })
    .optional(),
});
export type MarkAiredBody = z.infer<typeof markAiredBody>;

export const markAiredResultSchema = z.object({
  items: z.array(
    z.object({
      entryId: z.uuid(),
      /** created: a new broadcast; linked: an identical broadcast was already recorded; skipped: already aired. */
      outcome: z.enum(['created', 'linked', 'skipped']),
      activityId: z.uuid(),
      note: z.string().nullable(),
    }),
  ),
});
export type MarkAiredResultDto = z.infer<typeof markAiredResultSchema>;

const broadcastBriefSchema = z.object({
  id: z.uuid(),
  occurredAt: z.date(),
  occurredOn: isoDay,
  title: z.string(),
  durationSeconds: z.number().int().nullable(),
  language: z.string(),
  provenance: z.string(),
});
export type BroadcastBriefDto = z.infer<typeof broadcastBriefSchema>;

export const reconciliationSchema = z.object({
  scheduleId: z.uuid(),
  month: isoMonth,
  status: z.enum(SCHEDULE_STATUSES),
  entries: z.array(
    z.object({
      entry: scheduleEntrySchema,
      /** aired: has its broadcast; skipped: the day has passed without one; planned: still to come. */
      status: z.enum(['aired', 'skipped', 'planned']),
      broadcast: broadcastBriefSchema.nullable(),
    }),
  ),
  /** Broadcasts of the programme in the month that no entry of this schedule planned. */
  unplanned: z.array(broadcastBriefSchema),
  totals: z.object({
    planned: z.number().int(),
    aired: z.number().int(),
    skipped: z.number().int(),
    unplanned: z.number().int(),
  }),
});
export type ReconciliationDto = z.infer<typeof reconciliationSchema>;
