import { z } from 'zod';

/** In-app notifications: what the signed-in user has been told (the bell in the header). */

export const NOTIFICATION_CHANNELS = ['in_app', 'email'] as const;

export const notificationListQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** Where to act on it inside the app. */
  link: z.string().nullable(),
  unitId: z.uuid().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});
export type NotificationDto = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  /** How many of the user's notifications are unread (the bell's badge). */
  unread: z.number().int(),
});
export type NotificationListDto = z.infer<typeof notificationListSchema>;

export const notificationsReadBody = z.object({
  /** The notifications to mark read; left out: all of the user's unread ones. */
  ids: z.array(z.uuid()).max(500).optional(),
});

export const notificationsReadSchema = z.object({ marked: z.number().int(), unread: z.number().int() });
