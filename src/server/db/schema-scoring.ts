import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { FrameworkSpec } from '../../shared/frameworks/definition';
import { createdAt, units, updatedAt, users } from './schema';

/**
 * Scoring frameworks and assessments (issue "Scoring frameworks"). A framework version is stored as
 * the validated definition plus the file it came from, and never changes: a new year's file is a new
 * version, so last year's scores keep their rules.
 */
export const frameworks = pgTable(
  'frameworks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    version: text('version').notNull(),
    name: text('name').notNull(),
    legalBasis: text('legal_basis').notNull(),
    issuingBody: text('issuing_body').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    periodKind: text('period_kind').notNull(),
    appliesTo: text('applies_to').array().notNull(),
    definition: jsonb('definition').$type<FrameworkSpec>().notNull(),
    /** The file as imported (YAML or JSON), so a reviewer can read exactly what was scored. */
    sourceText: text('source_text').notNull(),
    sourceFormat: text('source_format').notNull(),
    sha256: text('sha256').notNull(),
    isBuiltin: boolean('is_builtin').notNull().default(false),
    importedBy: uuid('imported_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('frameworks_code_version_uq').on(t.code, t.version)],
);

/**
 * One unit's assessment for a framework version and a period. Superseding a published assessment
 * creates the next version; the old one stays, marked superseded.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id),
    periodKey: text('period_key').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    version: integer('version').notNull().default(1),
    /** draft → submitted → returned | appraised → published; superseded when a new version replaces it. */
    status: text('status').notNull().default('draft'),
    supersedesId: uuid('supersedes_id'),
    /** Totals at the last transition (the live ones are computed). */
    autoTotal: doublePrecision('auto_total'),
    selfTotal: doublePrecision('self_total'),
    appraisedTotal: doublePrecision('appraised_total'),
    maxTotal: doublePrecision('max_total').notNull(),
    /** The reviewer's overall note when returning or appraising. */
    reviewNote: text('review_note'),
    createdBy: uuid('created_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    appraisedAt: timestamp('appraised_at', { withTimezone: true }),
    appraisedBy: uuid('appraised_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One live assessment per unit, framework and period; superseded versions are history.
    uniqueIndex('assessments_live_uq')
      .on(t.unitId, t.frameworkId, t.periodKey)
      .where(sql`${t.status} <> 'superseded'`),
    index('assessments_framework_period_idx').on(t.frameworkId, t.periodKey),
  ],
);

/** One criterion of an assessment: the automatic score, the unit's self score, the reviewer's score. */
export const assessmentCriteria = pgTable(
  'assessment_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    criterionCode: text('criterion_code').notNull(),
    max: doublePrecision('max').notNull(),
    /** Frozen at submission; live while the assessment is a draft or returned. */
    autoScore: doublePrecision('auto_score'),
    autoExplanation: text('auto_explanation'),
    autoFacts: jsonb('auto_facts').$type<Record<string, unknown>>(),
    /** Values the unit entered for the rule's inputs. */
    inputs: jsonb('inputs').$type<Record<string, number | boolean | string>>().notNull().default({}),
    selfScore: doublePrecision('self_score'),
    selfExplanation: text('self_explanation'),
    reviewerScore: doublePrecision('reviewer_score'),
    reviewerComment: text('reviewer_comment'),
    /** What the reviewer asks to fix when returning the assessment. */
    reviewerRequest: text('reviewer_request'),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('assessment_criteria_uq').on(t.assessmentId, t.criterionCode)],
);

/** Every transition of an assessment, with who and why (the audit log has them too). */
export const assessmentTransitions = pgTable(
  'assessment_transitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('assessment_transitions_assessment_idx').on(t.assessmentId, t.createdAt)],
);

export const scoringSchema = { frameworks, assessments, assessmentCriteria, assessmentTransitions };
