import { z } from 'zod';
import { stripBidiControls } from '../safe-input';
import { isoDay } from './common';

/**
 * The website monitor (issue 11): a unit's monitored columns and their checks, "check now" with live
 * progress, the review queue of unsure items, the province's monitor settings and a site's overrides
 * tested against the live page.
 */

const httpUrl = z.url({ protocol: /^https?$/, error: 'Địa chỉ phải bắt đầu bằng http:// hoặc https://.' });

/** A CSS selector or date pattern an admin types: NFC, trimmed, bounded; empty means "not set". */
const selector = (label: string) =>
  z
    .string()
    .transform((value) => stripBidiControls(value).normalize('NFC').trim())
    .pipe(z.string().max(300, `${label} tối đa 300 ký tự.`))
    .transform((value) => value || null)
    .nullable()
    .optional();

export const CHECK_KINDS = ['column', 'banner'] as const;
export const CHECK_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export const ITEM_STATES = ['review', 'recorded', 'ignored'] as const;

export const checkSchema = z.object({
  id: z.uuid(),
  channelId: z.uuid(),
  unitId: z.uuid(),
  kind: z.enum(CHECK_KINDS),
  status: z.enum(CHECK_STATUSES),
  trigger: z.enum(['schedule', 'manual']),
  queuedAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  pagesFetched: z.number().int(),
  itemsFound: z.number().int(),
  itemsNew: z.number().int(),
  bannerFound: z.boolean().nullable(),
  /** What the worker is doing now, in Vietnamese. */
  progress: z.string().nullable(),
  errorCode: z.string().nullable(),
  /** Why it failed, in words. */
  errorMessage: z.string().nullable(),
});
export type CheckDto = z.infer<typeof checkSchema>;

export const channelMonitorSchema = z.object({
  channelId: z.uuid(),
  name: z.string(),
  url: z.string().nullable(),
  feedUrl: z.string().nullable(),
  hasOverrides: z.boolean(),
  lastCheck: checkSchema.nullable(),
  /** The latest failed checks with their reasons, newest first. */
  recentFailures: z.array(checkSchema),
  items: z.object({
    found: z.number().int(),
    recorded: z.number().int(),
    review: z.number().int(),
    ignored: z.number().int(),
  }),
});

/** The model the monitor classifies with: shipped in the code, or retrained with the review decisions. */
export const classifierInfoSchema = z.object({
  source: z.enum(['shipped', 'retrained']),
  trainedAt: z.date().nullable(),
  items: z.number().int(),
  decisions: z.number().int(),
  f1: z.number().nullable(),
  problem: z.string().nullable(),
});
export type ClassifierInfoDto = z.infer<typeof classifierInfoSchema>;

export const unitMonitorSchema = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  provinceId: z.uuid().nullable(),
  isEnabled: z.boolean(),
  bannerTargetUrl: z.string().nullable(),
  channels: z.array(channelMonitorSchema),
  banner: z.object({
    lastCheck: checkSchema.nullable(),
    /** Banner checks, newest first. */
    history: z.array(checkSchema),
    /** The last check found no banner where an earlier one found it (the "banner lost" alert). */
    isLost: z.boolean(),
  }),
  canCheck: z.boolean(),
  canManage: z.boolean(),
  classifier: classifierInfoSchema,
});
export type UnitMonitorDto = z.infer<typeof unitMonitorSchema>;

export const checkNowBody = z.object({
  /** One channel of the unit; all its website columns when left out. */
  channelId: z.uuid({ error: 'Kênh không hợp lệ.' }).optional(),
  kinds: z
    .array(z.enum(CHECK_KINDS))
    .min(1, 'Chọn ít nhất một loại kiểm tra.')
    .max(2)
    .default(['column', 'banner']),
});
export type CheckNowBody = z.infer<typeof checkNowBody>;

export const checkNowResultSchema = z.object({ checks: z.array(checkSchema) });

export const itemSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  channelId: z.uuid(),
  channelName: z.string(),
  url: z.string(),
  title: z.string(),
  lead: z.string().nullable(),
  publishedAt: z.date().nullable(),
  firstSeenAt: z.date(),
  /** The classifier's verdict and why. */
  isDx: z.boolean(),
  topic: z.string().nullable(),
  confidence: z.number(),
  reasons: z.array(z.string()),
  state: z.enum(ITEM_STATES),
  decidedIsDx: z.boolean().nullable(),
  decidedTopic: z.string().nullable(),
  decidedAt: z.date().nullable(),
  activityId: z.uuid().nullable(),
  canDecide: z.boolean(),
});
export type MonitorItemDto = z.infer<typeof itemSchema>;

export const itemListQuery = z.object({
  unitId: z.uuid({ error: 'Mã đơn vị không hợp lệ.' }).optional(),
  channelId: z.uuid({ error: 'Kênh không hợp lệ.' }).optional(),
  state: z.enum(ITEM_STATES).default('review'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ItemListQuery = z.infer<typeof itemListQuery>;

export const itemListSchema = z.object({ items: z.array(itemSchema), total: z.number().int() });

export const decideBody = z
  .object({
    isDx: z.boolean({ error: 'Chọn "Là tin CĐS" hoặc "Không phải".' }),
    topic: z.string().max(50, 'Chủ đề không hợp lệ.').nullable().optional(),
    /** The day the post was published, for an item whose page gave none. */
    occurredOn: isoDay.nullable().optional(),
  })
  .refine((body) => !body.isDx || Boolean(body.topic), {
    message: 'Chọn chủ đề của tin CĐS.',
    path: ['topic'],
  });
export type DecideBody = z.infer<typeof decideBody>;

export const monitorSettingsSchema = z.object({
  provinceId: z.uuid(),
  provinceName: z.string(),
  isEnabled: z.boolean(),
  checkHour: z.number().int(),
  intervalDays: z.number().int(),
  bannerTargetUrl: z.string().nullable(),
  failureAlertAfter: z.number().int(),
  staleAlertAfterDays: z.number().int(),
  canEdit: z.boolean(),
});
export type MonitorSettingsDto = z.infer<typeof monitorSettingsSchema>;

export const monitorSettingsBody = z.object({
  isEnabled: z.boolean(),
  checkHour: z.number().int().min(0, 'Giờ kiểm tra từ 0 đến 23.').max(23, 'Giờ kiểm tra từ 0 đến 23.'),
  intervalDays: z
    .number()
    .int()
    .min(1, 'Số ngày giữa hai lần kiểm tra từ 1 đến 30.')
    .max(30, 'Số ngày giữa hai lần kiểm tra từ 1 đến 30.'),
  bannerTargetUrl: httpUrl.max(2000, 'Địa chỉ tối đa 2.000 ký tự.').nullable(),
  failureAlertAfter: z
    .number()
    .int()
    .min(1, 'Số lần lỗi liên tiếp từ 1 đến 30.')
    .max(30, 'Số lần lỗi liên tiếp từ 1 đến 30.'),
  staleAlertAfterDays: z
    .number()
    .int()
    .min(1, 'Số ngày không có tin mới từ 1 đến 365.')
    .max(365, 'Số ngày không có tin mới từ 1 đến 365.'),
});
export type MonitorSettingsBody = z.infer<typeof monitorSettingsBody>;

export const siteOverridesBody = z.object({
  listingUrl: httpUrl.max(2000, 'Địa chỉ tối đa 2.000 ký tự.').nullable().optional(),
  itemSelector: selector('Bộ chọn tin'),
  linkSelector: selector('Bộ chọn liên kết'),
  titleSelector: selector('Bộ chọn tiêu đề'),
  dateSelector: selector('Bộ chọn ngày'),
  leadSelector: selector('Bộ chọn sapo'),
  nextSelector: selector('Bộ chọn trang sau'),
  dateFormat: selector('Định dạng ngày'),
});
export type SiteOverridesBody = z.infer<typeof siteOverridesBody>;

export const siteOverridesSchema = z.object({
  channelId: z.uuid(),
  channelName: z.string(),
  unitId: z.uuid(),
  channelUrl: z.string().nullable(),
  listingUrl: z.string().nullable(),
  itemSelector: z.string().nullable(),
  linkSelector: z.string().nullable(),
  titleSelector: z.string().nullable(),
  dateSelector: z.string().nullable(),
  leadSelector: z.string().nullable(),
  nextSelector: z.string().nullable(),
  dateFormat: z.string().nullable(),
  canEdit: z.boolean(),
});
export type SiteOverridesDto = z.infer<typeof siteOverridesSchema>;

export const overridesTestSchema = z.object({
  ok: z.boolean(),
  /** How the items were found: 'feed', 'overrides', a detected layout… */
  method: z.string().nullable(),
  pagesFetched: z.number().int(),
  items: z.array(
    z.object({
      url: z.string(),
      title: z.string(),
      lead: z.string().nullable(),
      publishedAt: z.date().nullable(),
    }),
  ),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
});
export type OverridesTestDto = z.infer<typeof overridesTestSchema>;

export const exportDecisionsQuery = z.object({
  unitId: z.uuid({ error: 'Mã đơn vị không hợp lệ.' }).optional(),
});
