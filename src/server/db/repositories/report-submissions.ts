import { sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { queryOne, queryRows } from '../sql';
import { toTextArray } from './activities';

export interface PeriodWithType {
  id: string;
  reportTypeId: string;
  periodKey: string;
  label: string;
  periodFrom: string;
  periodTo: string;
  dueOn: string;
  ownerUnitId: string;
  kind: string;
  typeName: string;
  submitterKinds: string[];
}

export async function findPeriodWithType(
  q: Queryable,
  periodId: string,
): Promise<PeriodWithType | undefined> {
  return queryOne<PeriodWithType>(
    q,
    sql`select p.id, p.report_type_id as "reportTypeId", p.period_key as "periodKey", p.label,
          p.period_from::text as "periodFrom", p.period_to::text as "periodTo", p.due_on::text as "dueOn",
          t.owner_unit_id as "ownerUnitId", t.kind, t.name as "typeName", t.submitter_kinds as "submitterKinds"
        from report_periods p join report_types t on t.id = p.report_type_id
        where p.id = ${periodId}`,
  );
}

export interface UnitSubmissionRow {
  unitId: string;
  /** The live (not superseded) report, if any. */
  reportId: string | null;
  status: string | null;
  /** The Vietnamese day of the unit's first submission in the period (a later version keeps it). */
  firstSubmittedOn: string | null;
}

/**
 * Per period and unit that has any report in it: its live report and its first submission day, for
 * all the periods in one statement (a home, a periods list); only `unitId`'s rows when given.
 */
export async function findUnitSubmissionsOfPeriods(
  q: Queryable,
  periodIds: readonly string[],
  unitId?: string,
): Promise<Array<UnitSubmissionRow & { periodId: string }>> {
  if (periodIds.length === 0) return [];
  const ofUnit = unitId ? sql`and unit_id = ${unitId}` : sql``;
  return queryRows<UnitSubmissionRow & { periodId: string }>(
    q,
    sql`select period_id as "periodId", unit_id as "unitId",
          (array_agg(id order by version desc) filter (where status <> 'superseded'))[1] as "reportId",
          (array_agg(status order by version desc) filter (where status <> 'superseded'))[1] as status,
          min(submitted_on)::text as "firstSubmittedOn"
        from reports where period_id = any(${toTextArray([...periodIds])}::uuid[]) ${ofUnit}
        group by period_id, unit_id`,
  );
}
