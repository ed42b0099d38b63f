import { and, asc, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { reportPeriods, reports, reportTypes } from '../schema-reports';
import { queryRows } from '../sql';

export type ReportTypeRow = typeof reportTypes.$inferSelect;
export type NewReportType = typeof reportTypes.$inferInsert;
export type ReportPeriodRow = typeof reportPeriods.$inferSelect;
export type NewReportPeriod = typeof reportPeriods.$inferInsert;
export type ReportRow = typeof reports.$inferSelect;
export type NewReport = typeof reports.$inferInsert;

// ——— Report types ———

export async function insertReportType(q: Queryable, values: NewReportType): Promise<ReportTypeRow> {
  const [row] = await q.insert(reportTypes).values(values).returning();
  return row!;
}

export async function getReportTypeRow(
  q: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ReportTypeRow | undefined> {
  const query = q.select().from(reportTypes).where(eq(reportTypes.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function updateReportTypeRow(
  q: Queryable,
  id: string,
  patch: Partial<NewReportType>,
): Promise<ReportTypeRow> {
  const [row] = await q
    .update(reportTypes)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(reportTypes.id, id))
    .returning();
  return row!;
}

/** The types owned by any of the units (all when null), by name. */
export async function findReportTypesOwnedBy(
  q: Queryable,
  ownerIds: readonly string[] | null,
  options: { activeOnly?: boolean } = {},
): Promise<ReportTypeRow[]> {
  if (ownerIds !== null && ownerIds.length === 0) return [];
  const conditions = [
    ownerIds === null ? undefined : inArray(reportTypes.ownerUnitId, [...ownerIds]),
    options.activeOnly ? eq(reportTypes.isActive, true) : undefined,
  ].filter((c) => c !== undefined);
  return q
    .select()
    .from(reportTypes)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(reportTypes.name));
}

// ——— Periods ———

/** Inserts the periods that do not exist yet (unique type and key); returns only the new ones. */
export async function insertMissingPeriods(
  q: Queryable,
  rows: readonly NewReportPeriod[],
): Promise<ReportPeriodRow[]> {
  if (rows.length === 0) return [];
  return q
    .insert(reportPeriods)
    .values([...rows])
    .onConflictDoNothing({ target: [reportPeriods.reportTypeId, reportPeriods.periodKey] })
    .returning();
}

export async function getPeriodRow(
  q: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ReportPeriodRow | undefined> {
  const query = q.select().from(reportPeriods).where(eq(reportPeriods.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function updatePeriodRow(
  q: Queryable,
  id: string,
  patch: Partial<NewReportPeriod>,
): Promise<ReportPeriodRow> {
  const [row] = await q
    .update(reportPeriods)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(reportPeriods.id, id))
    .returning();
  return row!;
}

/** Periods of the types, latest due first; optionally only those whose period touches a year. */
export async function findPeriodsOfTypes(
  q: Queryable,
  typeIds: readonly string[],
  year?: number,
): Promise<ReportPeriodRow[]> {
  if (typeIds.length === 0) return [];
  const inYear =
    year === undefined
      ? undefined
      : sql`${reportPeriods.periodFrom} <= ${`${year}-12-31`}::date and ${reportPeriods.periodTo} >= ${`${year}-01-01`}::date`;
  return q
    .select()
    .from(reportPeriods)
    .where(and(inArray(reportPeriods.reportTypeId, [...typeIds]), inYear))
    .orderBy(desc(reportPeriods.dueOn), asc(reportPeriods.periodKey));
}

/** The type's period that ended last before a day (the "previous period" of a report). */
export async function findPeriodBefore(
  q: Queryable,
  reportTypeId: string,
  before: string,
): Promise<ReportPeriodRow | undefined> {
  const [row] = await q
    .select()
    .from(reportPeriods)
    .where(and(eq(reportPeriods.reportTypeId, reportTypeId), lt(reportPeriods.periodTo, before)))
    .orderBy(desc(reportPeriods.periodTo))
    .limit(1);
  return row;
}

// ——— Reports ———

export async function getReportRow(
  q: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ReportRow | undefined> {
  const query = q.select().from(reports).where(eq(reports.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** The unit's live (not superseded) report of a period. */
export async function findLiveReport(
  q: Queryable,
  periodId: string,
  unitId: string,
): Promise<ReportRow | undefined> {
  const [row] = await q
    .select()
    .from(reports)
    .where(and(eq(reports.periodId, periodId), eq(reports.unitId, unitId), ne(reports.status, 'superseded')));
  return row;
}

/** Every version of the unit's report of a period, newest first. */
export async function findReportVersions(
  q: Queryable,
  periodId: string,
  unitId: string,
): Promise<ReportRow[]> {
  return q
    .select()
    .from(reports)
    .where(and(eq(reports.periodId, periodId), eq(reports.unitId, unitId)))
    .orderBy(desc(reports.version));
}

/** Inserts a report unless the unit already has a live one for the period (then undefined). */
export async function insertReportIfAbsent(q: Queryable, values: NewReport): Promise<ReportRow | undefined> {
  const [row] = await q
    .insert(reports)
    .values(values)
    .onConflictDoNothing({
      target: [reports.periodId, reports.unitId],
      where: sql`${reports.status} <> 'superseded'`,
    })
    .returning();
  return row;
}

export async function insertReport(q: Queryable, values: NewReport): Promise<ReportRow> {
  const [row] = await q.insert(reports).values(values).returning();
  return row!;
}

export async function updateReportRow(
  q: Queryable,
  id: string,
  patch: Partial<NewReport>,
): Promise<ReportRow> {
  const [row] = await q
    .update(reports)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(reports.id, id))
    .returning();
  return row!;
}

export interface UnitPeriodReport {
  periodId: string;
  reportId: string | null;
  status: string | null;
  version: number | null;
  firstSubmittedOn: string | null;
}

/** Per period, the unit's live report and its first submission day (as report-submissions does per unit). */
export async function findUnitPeriodReports(
  q: Queryable,
  unitId: string,
  periodIds: readonly string[],
): Promise<UnitPeriodReport[]> {
  if (periodIds.length === 0) return [];
  return queryRows<UnitPeriodReport>(
    q,
    sql`select period_id as "periodId",
          (array_agg(id order by version desc) filter (where status <> 'superseded'))[1] as "reportId",
          (array_agg(status order by version desc) filter (where status <> 'superseded'))[1] as status,
          (array_agg(version order by version desc) filter (where status <> 'superseded'))[1] as version,
          min(submitted_on)::text as "firstSubmittedOn"
        from reports
        where unit_id = ${unitId} and period_id in (${sql.join(
          periodIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        group by period_id`,
  );
}

/** The frozen part I of each unit's latest submitted version in a period (children of a parent report). */
export async function findSubmittedResults(
  q: Queryable,
  periodId: string,
  unitIds: readonly string[],
): Promise<Array<Pick<ReportRow, 'unitId' | 'results'>>> {
  if (unitIds.length === 0) return [];
  const rows = await q
    .select({ unitId: reports.unitId, results: reports.results, version: reports.version })
    .from(reports)
    .where(
      and(
        eq(reports.periodId, periodId),
        inArray(reports.unitId, [...unitIds]),
        sql`${reports.results} is not null`,
      ),
    )
    .orderBy(asc(reports.unitId), desc(reports.version));
  const latest = new Map<string, Pick<ReportRow, 'unitId' | 'results'>>();
  for (const row of rows) if (!latest.has(row.unitId)) latest.set(row.unitId, row);
  return [...latest.values()];
}
