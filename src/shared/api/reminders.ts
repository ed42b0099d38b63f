import { z } from 'zod';
import { stripBidiControls } from '../safe-input';
import { isoDay } from './common';

/**
 * Reminders you can prove (issue 10): the office urges units ("Đôn đốc"), and the urging list shows
 * every reminder and urge a unit was sent — to whom, how, when, with what delivery result, and who
 * sent it (the system or a person).
 */

export const MAX_URGE_UNITS = 500;
/** The same unit and period urged again within this many minutes is skipped. */
export const URGE_REPEAT_MINUTES = 10;

export const urgeBody = z.object({
  periodId: z.uuid({ error: 'Kỳ báo cáo không hợp lệ.' }).optional(),
  unitIds: z
    .array(z.uuid({ error: 'Mã đơn vị không hợp lệ.' }))
    .min(1, 'Chọn ít nhất một đơn vị.')
    .max(MAX_URGE_UNITS, `Mỗi lần đôn đốc tối đa ${MAX_URGE_UNITS} đơn vị.`),
  message: z
    .string()
    .transform((value) => stripBidiControls(value).normalize('NFC').trim())
    .pipe(z.string().max(1000, 'Lời nhắn tối đa 1.000 ký tự.'))
    .optional(),
});
export type UrgeBody = z.infer<typeof urgeBody>;

export const urgeResultSchema = z.object({
  items: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      /** urged: the unit's people were told now; skipped: urged about the same period minutes ago. */
      status: z.enum(['urged', 'skipped']),
      /** People told (each in the app and by e-mail). */
      peopleTold: z.number().int(),
      /** Of them, people whose e-mail could not be queued (no address). */
      withoutEmail: z.number().int(),
      reason: z.string().nullable(),
    }),
  ),
  urged: z.number().int(),
  skipped: z.number().int(),
});
export type UrgeResultDto = z.infer<typeof urgeResultSchema>;

export const reminderListQuery = z.object({
  unitId: z.uuid({ error: 'Mã đơn vị không hợp lệ.' }).optional(),
  periodId: z.uuid({ error: 'Kỳ báo cáo không hợp lệ.' }).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ReminderListQuery = z.infer<typeof reminderListQuery>;

export const REMINDER_KINDS = [
  'reminder.due_soon',
  'reminder.overdue',
  'reminder.overdue_summary',
  'reminder.weekly_broadcast',
  'reminder.urge',
] as const;

/** delivered: in the app (stored is delivered); pending/sent/failed/skipped: e-mail. */
export const DELIVERY_STATUSES = ['delivered', 'pending', 'sent', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const reminderItemSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  channel: z.enum(['in_app', 'email']),
  title: z.string(),
  body: z.string(),
  createdAt: z.date(),
  unitId: z.uuid(),
  unitName: z.string(),
  recipientName: z.string(),
  recipientEmail: z.string().nullable(),
  /** The person who urged; null: the system's own reminder. */
  urgedBy: z.string().nullable(),
  periodId: z.uuid().nullable(),
  periodLabel: z.string().nullable(),
  deliveryStatus: z.enum(DELIVERY_STATUSES),
  deliveredAt: z.date().nullable(),
  /** Why it was skipped or failed, or the mail server's answer. */
  deliveryNote: z.string().nullable(),
});
export type ReminderItemDto = z.infer<typeof reminderItemSchema>;

export const reminderPeriodSchema = z.object({
  id: z.uuid(),
  label: z.string(),
  typeName: z.string(),
  dueOn: z.string(),
});

export const reminderListSchema = z.object({
  items: z.array(reminderItemSchema),
  total: z.number().int(),
  /** Report periods of the caller's scope, newest due first, for the filter. */
  periods: z.array(reminderPeriodSchema),
  /**
   * With a period: the expected units of the caller's scope that have not submitted (the reports'
   * one rule), so the office can urge them in one step.
   */
  missingUnits: z.array(z.object({ id: z.uuid(), name: z.string(), isOverdue: z.boolean() })),
  canUrge: z.boolean(),
});
export type ReminderListDto = z.infer<typeof reminderListSchema>;

export const reminderSettingsSchema = z.object({
  provinceId: z.uuid(),
  provinceName: z.string(),
  weeklyBroadcastReminders: z.boolean(),
  canEdit: z.boolean(),
});
export type ReminderSettingsDto = z.infer<typeof reminderSettingsSchema>;

export const reminderSettingsBody = z.object({ weeklyBroadcastReminders: z.boolean() });
