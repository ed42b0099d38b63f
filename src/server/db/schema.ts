import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * One schema for PGlite and PostgreSQL. Dates of validity are half-open: a unit exists on day d when
 * valid_from <= d and (valid_to is null or d < valid_to). valid_to is therefore the first day the unit
 * no longer exists (01/07/2025 for the communes merged that day).
 */

/** The creation and last-change timestamps every table of rows people edit carries. */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    code: text('code'),
    name: text('name').notNull(),
    /** name folded for search (no diacritics, lower case), kept in step by the repository. */
    searchText: text('search_text').notNull(),
    /** The parent in the unit's latest version; history lives in unit_versions. */
    parentId: uuid('parent_id'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    websiteUrl: text('website_url'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('units_parent_idx').on(t.parentId),
    index('units_code_idx').on(t.code),
    uniqueIndex('units_current_code_uq')
      .on(t.code)
      .where(sql`${t.validTo} is null and ${t.code} is not null`),
    check('units_validity_ck', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

/** Name and parent of a unit over time: one row per period, periods do not overlap. */
export const unitVersions = pgTable(
  'unit_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    parentId: uuid('parent_id').references(() => units.id),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [
    index('unit_versions_unit_idx').on(t.unitId, t.validFrom),
    index('unit_versions_parent_idx').on(t.parentId, t.validFrom),
  ],
);

export const unitEvents = pgTable(
  'unit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    effectiveDate: date('effective_date').notNull(),
    /** The legal act, e.g. "NQ 1674/NQ-UBTVQH15". */
    legalBasis: text('legal_basis'),
    note: text('note'),
    /** Kind-specific facts: the old and new name of a rename, the old and new parent of a re-parent. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('unit_events_date_idx').on(t.effectiveDate)],
);

export const unitEventUnits = pgTable(
  'unit_event_units',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => unitEvents.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.unitId, t.role] }),
    index('unit_event_units_unit_idx').on(t.unitId),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    /** username and full name folded for search, kept in step by the repository. */
    searchText: text('search_text').notNull(),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);

/** A role on a unit applies to the unit's whole subtree; system_admin may hold a grant on no unit (everything). */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('role_grants_user_idx').on(t.userId),
    index('role_grants_unit_idx').on(t.unitId),
    uniqueIndex('role_grants_uq').on(
      t.userId,
      t.role,
      sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a stolen database does not yield usable cookies. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * Login attempts counted in the database, so that every web instance shares the count and parallel
 * attempts cannot all read the same number (each is one row-locked upsert): per client address
 * (`ip:…`, a fixed window) and per username that names no account (`account:…`, the same lockout as
 * an account's, so that a lock does not tell which usernames exist).
 */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  attempts: integer('attempts').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    /** Who acted, kept as text so the entry survives the user's deletion: a username, "cli" or "system". */
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** The unit the change concerns, so that a DX office can read the entries of its subtree. */
    unitId: uuid('unit_id'),
    summary: text('summary'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_unit_idx').on(t.unitId),
    index('audit_log_actor_idx').on(t.actorUserId),
  ],
);

export const schema = {
  units,
  unitVersions,
  unitEvents,
  unitEventUnits,
  users,
  roleGrants,
  sessions,
  auditLog,
  loginThrottles,
};
