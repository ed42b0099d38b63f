import { and, asc, desc, eq, inArray, max, ne, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { units, users } from '../schema';
import { evidence, evidenceLinks } from '../schema-activities';
import { assessmentCriteria, assessments, assessmentTransitions, frameworks } from '../schema-scoring';
import { queryRows } from '../sql';
import { toTextArray } from './activities';

export type AssessmentRow = typeof assessments.$inferSelect;
export type NewAssessment = typeof assessments.$inferInsert;
export type AssessmentCriterionRow = typeof assessmentCriteria.$inferSelect;
export type NewAssessmentCriterion = typeof assessmentCriteria.$inferInsert;

/**
 * What `assessment_criteria.auto_facts` holds once the automatic score is frozen: the engine's
 * figures, and the status and gaps it reported, so a submitted assessment shows exactly what was
 * submitted.
 */
export type FrozenAutoFacts = {
  status: 'green' | 'amber' | 'red' | 'grey';
  gaps: string[];
  facts: Record<string, number | string | boolean | null>;
  /**
   * The same explanation and gaps in English, frozen with the Vietnamese ones (from 2026-12; rows
   * frozen before have none and are shown in Vietnamese in both languages).
   */
  en?: { explanation: string; gaps: string[] };
};

export async function insertAssessment(q: Queryable, row: NewAssessment): Promise<AssessmentRow> {
  const [inserted] = await q.insert(assessments).values(row).returning();
  return inserted!;
}

/** The row; with forUpdate it is locked until the transaction ends, so edits and transitions queue. */
export async function getAssessmentRow(
  q: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<AssessmentRow | undefined> {
  const query = q.select().from(assessments).where(eq(assessments.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** The assessment of a unit, framework version and period that is not superseded, if any. */
export async function findLiveAssessment(
  q: Queryable,
  unitId: string,
  frameworkId: string,
  periodKey: string,
): Promise<AssessmentRow | undefined> {
  const [row] = await q
    .select()
    .from(assessments)
    .where(
      and(
        eq(assessments.unitId, unitId),
        eq(assessments.frameworkId, frameworkId),
        eq(assessments.periodKey, periodKey),
        ne(assessments.status, 'superseded'),
      ),
    );
  return row;
}

/** The highest version number of a unit's assessments for a framework version and period (0: none). */
export async function findLastVersionNumber(
  q: Queryable,
  unitId: string,
  frameworkId: string,
  periodKey: string,
): Promise<number> {
  const [row] = await q
    .select({ version: max(assessments.version) })
    .from(assessments)
    .where(
      and(
        eq(assessments.unitId, unitId),
        eq(assessments.frameworkId, frameworkId),
        eq(assessments.periodKey, periodKey),
      ),
    );
  return row?.version ?? 0;
}

/** The version that replaced this one. */
export async function findSupersedingId(q: Queryable, id: string): Promise<string | null> {
  const [row] = await q
    .select({ id: assessments.id })
    .from(assessments)
    .where(eq(assessments.supersedesId, id));
  return row?.id ?? null;
}

export async function updateAssessmentRow(
  q: Queryable,
  id: string,
  patch: Partial<NewAssessment>,
): Promise<void> {
  await q
    .update(assessments)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(assessments.id, id));
}

export async function insertAssessmentCriteria(
  q: Queryable,
  rows: NewAssessmentCriterion[],
): Promise<AssessmentCriterionRow[]> {
  if (rows.length === 0) return [];
  return q.insert(assessmentCriteria).values(rows).returning();
}

export async function findCriteriaOfAssessment(
  q: Queryable,
  assessmentId: string,
): Promise<AssessmentCriterionRow[]> {
  return q
    .select()
    .from(assessmentCriteria)
    .where(eq(assessmentCriteria.assessmentId, assessmentId))
    .orderBy(asc(assessmentCriteria.criterionCode));
}

export async function getCriterionByCode(
  q: Queryable,
  assessmentId: string,
  code: string,
): Promise<AssessmentCriterionRow | undefined> {
  const [row] = await q
    .select()
    .from(assessmentCriteria)
    .where(
      and(eq(assessmentCriteria.assessmentId, assessmentId), eq(assessmentCriteria.criterionCode, code)),
    );
  return row;
}

export async function getCriterionRow(q: Queryable, id: string): Promise<AssessmentCriterionRow | undefined> {
  const [row] = await q.select().from(assessmentCriteria).where(eq(assessmentCriteria.id, id));
  return row;
}

export async function updateCriterionRow(
  q: Queryable,
  id: string,
  patch: Partial<NewAssessmentCriterion>,
): Promise<void> {
  await q
    .update(assessmentCriteria)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(assessmentCriteria.id, id));
}

export async function insertTransition(
  q: Queryable,
  row: typeof assessmentTransitions.$inferInsert,
): Promise<void> {
  await q.insert(assessmentTransitions).values(row);
}

export interface TransitionView {
  fromStatus: string | null;
  toStatus: string;
  actorName: string | null;
  note: string | null;
  at: Date;
}

/** The assessment's history, oldest first. */
export async function findTransitions(q: Queryable, assessmentId: string): Promise<TransitionView[]> {
  return q
    .select({
      fromStatus: assessmentTransitions.fromStatus,
      toStatus: assessmentTransitions.toStatus,
      actorName: users.fullName,
      note: assessmentTransitions.note,
      at: assessmentTransitions.createdAt,
    })
    .from(assessmentTransitions)
    .leftJoin(users, eq(users.id, assessmentTransitions.actorId))
    .where(eq(assessmentTransitions.assessmentId, assessmentId))
    .orderBy(asc(assessmentTransitions.createdAt), asc(assessmentTransitions.id));
}

/** An assessment as lists show it: with its unit, framework and progress. */
export interface AssessmentSummaryRow {
  assessment: AssessmentRow;
  unitName: string;
  unitKind: string;
  unitCode: string | null;
  frameworkCode: string;
  frameworkVersion: string;
  frameworkName: string;
  legalBasis: string;
  periodKind: string;
  criteriaCount: number;
  selfScored: number;
  appraised: number;
  selfSum: number;
  appraisedSum: number;
}

const summaryColumns = {
  assessment: assessments,
  unitName: units.name,
  unitKind: units.kind,
  unitCode: units.code,
  frameworkCode: frameworks.code,
  frameworkVersion: frameworks.version,
  frameworkName: frameworks.name,
  legalBasis: frameworks.legalBasis,
  periodKind: frameworks.periodKind,
  criteriaCount: sql<number>`(select count(*)::int from assessment_criteria c where c.assessment_id = ${assessments.id})`,
  selfScored: sql<number>`(select count(c.self_score)::int from assessment_criteria c where c.assessment_id = ${assessments.id})`,
  appraised: sql<number>`(select count(c.reviewer_score)::int from assessment_criteria c where c.assessment_id = ${assessments.id})`,
  selfSum: sql<number>`(select coalesce(sum(c.self_score), 0)::float8 from assessment_criteria c where c.assessment_id = ${assessments.id})`,
  appraisedSum: sql<number>`(select coalesce(sum(c.reviewer_score), 0)::float8 from assessment_criteria c where c.assessment_id = ${assessments.id})`,
};

function summaryQuery(q: Queryable) {
  return q
    .select(summaryColumns)
    .from(assessments)
    .innerJoin(units, eq(units.id, assessments.unitId))
    .innerJoin(frameworks, eq(frameworks.id, assessments.frameworkId));
}

function toSummary(row: AssessmentSummaryRow): AssessmentSummaryRow {
  // Aggregates come back as strings from some drivers.
  return {
    ...row,
    criteriaCount: Number(row.criteriaCount),
    selfScored: Number(row.selfScored),
    appraised: Number(row.appraised),
    selfSum: Number(row.selfSum),
    appraisedSum: Number(row.appraisedSum),
  };
}

export async function getAssessmentSummary(
  q: Queryable,
  id: string,
): Promise<AssessmentSummaryRow | undefined> {
  const [row] = await summaryQuery(q).where(eq(assessments.id, id));
  return row ? toSummary(row) : undefined;
}

/** Every assessment of a unit, superseded versions included: newest period first, newest version first. */
export async function findAssessmentsOfUnit(q: Queryable, unitId: string): Promise<AssessmentSummaryRow[]> {
  const rows = await summaryQuery(q)
    .where(eq(assessments.unitId, unitId))
    .orderBy(desc(assessments.periodFrom), asc(frameworks.code), desc(assessments.version));
  return rows.map(toSummary);
}

export interface AssessmentFilter {
  /** null: every unit; otherwise only assessments of these units. */
  unitIds: string[] | null;
  status?: string;
  frameworkCode?: string;
  periodKey?: string;
}

/** A page of assessments; superseded versions only when asked for by status. */
export async function findAssessmentPage(
  q: Queryable,
  filter: AssessmentFilter,
  page: { limit: number; offset: number },
): Promise<{ items: AssessmentSummaryRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.unitIds)
    conditions.push(
      filter.unitIds.length
        ? sql`${assessments.unitId} = any(${toTextArray(filter.unitIds)}::uuid[])`
        : sql`false`,
    );
  conditions.push(
    filter.status ? eq(assessments.status, filter.status) : ne(assessments.status, 'superseded'),
  );
  if (filter.frameworkCode) conditions.push(eq(frameworks.code, filter.frameworkCode));
  if (filter.periodKey) conditions.push(eq(assessments.periodKey, filter.periodKey));
  const where = and(...conditions);
  const rows = await summaryQuery(q)
    .where(where)
    .orderBy(desc(assessments.periodFrom), asc(units.name), desc(assessments.version), asc(assessments.id))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await q
    .select({ total: sql<number>`count(*)::int` })
    .from(assessments)
    .innerJoin(frameworks, eq(frameworks.id, assessments.frameworkId))
    .where(where);
  return { items: rows.map(toSummary), total: Number(count?.total ?? 0) };
}

export interface CriterionLinkRow {
  linkId: string;
  criterionId: string;
  evidenceId: string;
  createdAt: Date;
}

/** The links of the criteria to evidence, current evidence versions only (older versions' links are history). */
export async function findCriterionLinks(q: Queryable, criterionIds: string[]): Promise<CriterionLinkRow[]> {
  if (criterionIds.length === 0) return [];
  return q
    .select({
      linkId: evidenceLinks.id,
      criterionId: evidenceLinks.targetId,
      evidenceId: evidenceLinks.evidenceId,
      createdAt: evidenceLinks.createdAt,
    })
    .from(evidenceLinks)
    .innerJoin(evidence, eq(evidence.id, evidenceLinks.evidenceId))
    .where(
      and(
        eq(evidenceLinks.targetType, 'criterion'),
        inArray(evidenceLinks.targetId, criterionIds),
        eq(evidence.isCurrent, true),
      ),
    )
    .orderBy(asc(evidenceLinks.createdAt), asc(evidenceLinks.id));
}

/** A new version keeps the evidence of the one it replaces: each link of a criterion copied to its successor. */
export async function copyCriterionLinks(
  q: Queryable,
  pairs: Array<{ fromCriterionId: string; toCriterionId: string }>,
  createdBy: string | null,
): Promise<number> {
  if (pairs.length === 0) return 0;
  const rows = await queryRows<{ id: string }>(
    q,
    sql`insert into evidence_links (evidence_id, target_type, target_id, created_by)
        select l.evidence_id, 'criterion', p.to_id, ${createdBy}::uuid
        from unnest(${toTextArray(pairs.map((pair) => pair.fromCriterionId))}::uuid[],
                    ${toTextArray(pairs.map((pair) => pair.toCriterionId))}::uuid[]) as p(from_id, to_id)
        join evidence_links l on l.target_type = 'criterion' and l.target_id = p.from_id
        join evidence e on e.id = l.evidence_id and e.is_current
        on conflict do nothing returning id`,
  );
  return rows.length;
}
