import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, units, users } from './schema';

/**
 * Messages to one user about something that needs them (an assessment to submit, returned, published).
 * One row per recipient and channel: 'in_app' rows are read in the app (the bell); the next issue adds
 * 'email' rows for reminders, delivered by a worker job that fills the delivery columns, so an
 * "urging" can later be proven (when it was sent, to whom, with what result).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id),
    /** 'in_app' now; 'email' later. */
    channel: text('channel').notNull().default('in_app'),
    /** What happened: 'assessment.self_assessed', 'assessment.submitted', 'assessment.published'… */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Where the user acts on it, inside the app ("/assessments/…"). */
    link: text('link'),
    /** The unit it is about (access checks, and lists of what a unit was told). */
    unitId: uuid('unit_id').references(() => units.id),
    /** The record it is about, e.g. { type: 'assessment', id }. */
    subjectType: text('subject_type'),
    subjectId: uuid('subject_id'),
    /** Who caused it (null for the system, e.g. a reminder). */
    actorId: uuid('actor_id').references(() => users.id),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /**
     * Delivery: 'delivered' for in-app rows (stored is delivered); for e-mail 'pending' → 'sent' or
     * 'failed', with the attempt's time and result (the server's answer or the error).
     */
    deliveryStatus: text('delivery_status').notNull().default('delivered'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    deliveryResult: jsonb('delivery_result').$type<Record<string, unknown>>(),
    /**
     * Makes a reminder idempotent: a job that runs twice (a worker died mid-job) writes the same key,
     * e.g. 'due-soon:<periodId>:<unitId>:<userId>:email:3', and the second insert does nothing.
     */
    dedupeKey: text('dedupe_key'),
  },
  (t) => [
    index('notifications_recipient_idx').on(t.recipientId, t.channel, t.createdAt),
    index('notifications_subject_idx').on(t.subjectType, t.subjectId),
    uniqueIndex('notifications_dedupe_uq').on(t.dedupeKey),
    index('notifications_unit_idx').on(t.unitId, t.createdAt),
  ],
);

export const notificationSchema = { notifications };
