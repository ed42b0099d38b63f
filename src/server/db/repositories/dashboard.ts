import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { queryRows } from '../sql';
import type { PeriodWithType } from './report-submissions';
import { measureConditions } from './scoring';

/**
 * The SQL behind the dashboards: one statement per block, whatever the number of units. A DX
 * broadcast and a DX post are exactly what the scores count (`measureConditions` of the measures
 * `broadcasts` and `posts`: live, not a suspected duplicate, not rejected, on the unit's DX radio
 * programme or website column, a translation and its original once).
 */

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
/** Through a sub-select, so the planner does not estimate each of hundreds of ids (see scoring.ts). */
const isOneOf = (column: SQL, ids: readonly string[]) =>
  sql`${column} = any(array(select unnest(${uuidArray(ids)})))`;

const DX_BROADCAST = sql.join(measureConditions({ source: 'broadcasts' }), sql` and `);
const DX_POST = sql.join(measureConditions({ source: 'posts' }), sql` and `);

export interface UnitWeekCount {
  unitId: string;
  /** 0 for the week starting on `firstMonday`, 1 for the next… */
  weekIndex: number;
  count: number;
}

/** DX broadcasts per unit and ISO week from `firstMonday` to `lastSunday` (both included). */
export async function countDxBroadcastsByWeek(
  q: Queryable,
  unitIds: readonly string[],
  firstMonday: string,
  lastSunday: string,
): Promise<UnitWeekCount[]> {
  if (unitIds.length === 0) return [];
  return queryRows<UnitWeekCount>(
    q,
    sql`select a.unit_id as "unitId", ((a.occurred_on - ${firstMonday}::date) / 7)::int as "weekIndex",
          count(*)::int as count
        from activities a
        where ${isOneOf(sql`a.unit_id`, unitIds)}
          and a.occurred_on between ${firstMonday}::date and ${lastSunday}::date
          and ${DX_BROADCAST}
        group by 1, 2`,
  );
}

export interface YearTotals {
  year: number;
  posts: number;
  broadcasts: number;
}

/** DX posts and DX broadcasts of the units per calendar year (the Vietnamese day of each record). */
export async function countDxRecordsByYear(
  q: Queryable,
  unitIds: readonly string[],
  firstYear: number,
  lastYear: number,
): Promise<YearTotals[]> {
  if (unitIds.length === 0) return [];
  return queryRows<YearTotals>(
    q,
    sql`select extract(year from a.occurred_on)::int as year,
          (count(*) filter (where ${DX_POST}))::int as posts,
          (count(*) filter (where ${DX_BROADCAST}))::int as broadcasts
        from activities a
        where ${isOneOf(sql`a.unit_id`, unitIds)}
          and a.occurred_on between ${`${firstYear}-01-01`}::date and ${`${lastYear}-12-31`}::date
          and a.kind in ('post', 'broadcast')
        group by 1 order by 1`,
  );
}

/** Report periods of the types owned by the units that overlap the days [from, to], by type and due day. */
export async function findPeriodsOverlapping(
  q: Queryable,
  ownerIds: readonly string[],
  from: string,
  to: string,
): Promise<PeriodWithType[]> {
  if (ownerIds.length === 0) return [];
  return queryRows<PeriodWithType>(
    q,
    sql`select p.id, p.report_type_id as "reportTypeId", p.period_key as "periodKey", p.label,
          p.period_from::text as "periodFrom", p.period_to::text as "periodTo", p.due_on::text as "dueOn",
          t.owner_unit_id as "ownerUnitId", t.kind, t.name as "typeName", t.submitter_kinds as "submitterKinds"
        from report_periods p join report_types t on t.id = p.report_type_id
        where ${isOneOf(sql`t.owner_unit_id`, ownerIds)} and t.is_active
          and p.period_from <= ${to}::date and p.period_to >= ${from}::date
        order by t.name, p.due_on, p.period_key`,
  );
}

export interface UnitPeriodRow extends PeriodWithType {
  firstSubmittedOn: string | null;
  reportStatus: string | null;
}

/**
 * The periods of the types owned by the given units that a unit may have to hand in: due from
 * `dueFrom` on, or earlier but not yet submitted by it (within a year back), with its first submission.
 */
export async function findPeriodsForUnit(
  q: Queryable,
  ownerIds: readonly string[],
  unitIds: readonly string[],
  dueFrom: string,
  overdueSince: string,
): Promise<UnitPeriodRow[]> {
  if (ownerIds.length === 0) return [];
  return queryRows<UnitPeriodRow>(
    q,
    sql`select p.id, p.report_type_id as "reportTypeId", p.period_key as "periodKey", p.label,
          p.period_from::text as "periodFrom", p.period_to::text as "periodTo", p.due_on::text as "dueOn",
          t.owner_unit_id as "ownerUnitId", t.kind, t.name as "typeName", t.submitter_kinds as "submitterKinds",
          s."firstSubmittedOn", s."reportStatus"
        from report_periods p join report_types t on t.id = p.report_type_id
        left join lateral (
          select min(r.submitted_on)::text as "firstSubmittedOn",
            (array_agg(r.status order by r.version desc) filter (where r.status <> 'superseded'))[1] as "reportStatus"
          from reports r where r.period_id = p.id and ${isOneOf(sql`r.unit_id`, unitIds)}
        ) s on true
        where ${isOneOf(sql`t.owner_unit_id`, ownerIds)} and t.is_active
          and (p.due_on >= ${dueFrom}::date or (p.due_on >= ${overdueSince}::date and s."firstSubmittedOn" is null))
        order by p.due_on, t.name
        limit 50`,
  );
}

/** The unit's broadcast schedules of a month (the first day of it): issued first. */
export async function findSchedulesOfMonth(
  q: Queryable,
  unitId: string,
  month: string,
): Promise<Array<{ id: string; status: string }>> {
  return queryRows(
    q,
    sql`select id, status from broadcast_schedules where unit_id = ${unitId} and month = ${month}::date
        order by (status = 'issued') desc, created_at`,
  );
}
