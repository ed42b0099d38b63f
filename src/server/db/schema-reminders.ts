import { boolean, pgTable, uuid } from 'drizzle-orm/pg-core';
import { createdAt, units, updatedAt, users } from './schema';

/**
 * Reminder settings of a province (issue 10): whether its commune-level units get the Friday
 * reminder when their ISO week has no DX broadcast yet. A province without a row has them on. The
 * days before a report's due day are per report type (report_types.remind_days_before).
 */
export const reminderSettings = pgTable('reminder_settings', {
  provinceId: uuid('province_id')
    .primaryKey()
    .references(() => units.id),
  weeklyBroadcastReminders: boolean('weekly_broadcast_reminders').notNull().default(true),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
  createdAt: createdAt(),
});

export const reminderSchema = { reminderSettings };
