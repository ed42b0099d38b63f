import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ReportDueRule, ReportResults } from '../../shared/api/report-contract';
import { createdAt, units, updatedAt, users } from './schema';

/**
 * Periodic reports (issue 10). A province's DX office defines report types (6-month, annual, monthly
 * broadcast schedule, ad hoc); each type has periods (one row per period, created ahead by a job or by
 * hand, so a due date can be moved for one year without touching the rule); each expected unit hands in
 * one report per period, in versions: a submitted version is frozen and a new version supersedes it.
 */
export const reportTypes = pgTable(
  'report_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The province (or other top unit) whose DX office defines the type; its roll-up submits. */
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => units.id),
    /** 'semiannual' | 'annual' | 'monthly_schedule' | 'ad_hoc' (REPORT_KINDS). */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** How each period's due date is found; a period row may still move its own date. */
    dueRule: jsonb('due_rule').$type<ReportDueRule>().notNull(),
    /** Unit kinds that submit (UNIT_KINDS), e.g. ['commune', 'ward', 'special_zone']. */
    submitterKinds: text('submitter_kinds').array().notNull(),
    /** "Nơi nhận" lines of the document, and who in the office receives the submissions. */
    recipients: text('recipients').notNull().default(''),
    /** Days before the due date on which reminders go out, e.g. {7,3,1}. */
    remindDaysBefore: integer('remind_days_before').array().notNull().default(sql`'{7,3,1}'::int[]`),
    isActive: boolean('is_active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('report_types_owner_idx').on(t.ownerUnitId)],
);

export const reportPeriods = pgTable(
  'report_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportTypeId: uuid('report_type_id')
      .notNull()
      .references(() => reportTypes.id),
    /** '2026-H1', '2026', '2026-12', or a free key for an ad hoc request; unique per type. */
    periodKey: text('period_key').notNull(),
    label: text('label').notNull(),
    /** The days the report covers, both inclusive. */
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    /**
     * Last day to submit, inclusive, on the Vietnamese calendar (Asia/Ho_Chi_Minh): a report is on time
     * when its submission's Vietnamese day is on or before this day.
     */
    dueOn: date('due_on').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('report_periods_type_key_uq').on(t.reportTypeId, t.periodKey),
    index('report_periods_due_idx').on(t.dueOn),
    check('report_periods_range_ck', sql`${t.periodTo} >= ${t.periodFrom}`),
  ],
);

export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportPeriods.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    version: integer('version').notNull().default(1),
    /** 'draft' → 'approved' (unit head) → 'submitted' (frozen); 'superseded' when a new version replaces it. */
    status: text('status').notNull().default('draft'),
    /** Parts II–IV, written by the officer. */
    assessmentText: text('assessment_text').notNull().default(''),
    tasksText: text('tasks_text').notNull().default(''),
    proposalsText: text('proposals_text').notNull().default(''),
    /** Part I as it was at submission (frozen); null while a draft (computed live). */
    results: jsonb('results').$type<ReportResults>(),
    /** Why the head sent it back, or why a new version was opened. */
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** The submission's day in Asia/Ho_Chi_Minh, compared with report_periods.due_on. */
    submittedOn: date('submitted_on'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('reports_period_unit_version_uq').on(t.periodId, t.unitId, t.version),
    // One live (not superseded) report per unit and period.
    uniqueIndex('reports_period_unit_live_uq')
      .on(t.periodId, t.unitId)
      .where(sql`${t.status} <> 'superseded'`),
    index('reports_unit_idx').on(t.unitId),
  ],
);

export const reportSchema = { reportTypes, reportPeriods, reports };
