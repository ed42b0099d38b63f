import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { queryOne, queryRows } from '../sql';
import { toTextArray } from './activities';
import type { PeriodWithType } from './report-submissions';

/**
 * The SQL of the role homes: every statement takes a set of units (one bind parameter however many),
 * so a home over a province or the country costs the same few statements as one over a commune.
 */

function uuidArray(ids: readonly string[]): SQL {
  return sql`${toTextArray([...ids])}::uuid[]`;
}

/** Unit filter of a statement: `column = any(ids)`, or true for "everything" (null). */
function inUnits(column: SQL, ids: readonly string[] | null): SQL {
  return ids === null ? sql`true` : sql`${column} = any(${uuidArray(ids)})`;
}

const periodColumns = sql`p.id, p.report_type_id as "reportTypeId", p.period_key as "periodKey", p.label,
  p.period_from::text as "periodFrom", p.period_to::text as "periodTo", p.due_on::text as "dueOn",
  t.owner_unit_id as "ownerUnitId", t.kind, t.name as "typeName", t.submitter_kinds as "submitterKinds"`;

/**
 * Periods of active report types owned by one of `ownerIds` (null: any owner) whose due day lies in
 * [from, to], optionally only types a unit kind submits. Earliest due first.
 */
export async function findPeriodsDueBetween(
  q: Queryable,
  options: { ownerIds: readonly string[] | null; submitterKind?: string; from: string; to: string },
): Promise<PeriodWithType[]> {
  const kind = options.submitterKind ? sql`and ${options.submitterKind} = any(t.submitter_kinds)` : sql``;
  return queryRows<PeriodWithType>(
    q,
    sql`select ${periodColumns}
        from report_periods p join report_types t on t.id = p.report_type_id
        where t.is_active and ${inUnits(sql`t.owner_unit_id`, options.ownerIds)} ${kind}
          and p.due_on between ${options.from}::date and ${options.to}::date
        order by p.due_on, t.name, p.period_key`,
  );
}

/**
 * The current period of every active report type owned by one of `ownerIds` (null: any owner): per
 * type, the period that started last on or before `today` (the year's annual report all year long,
 * this month's schedule). Soonest due first.
 */
export async function findCurrentPeriods(
  q: Queryable,
  options: { ownerIds: readonly string[] | null; today: string },
): Promise<PeriodWithType[]> {
  return queryRows<PeriodWithType>(
    q,
    sql`select * from (
          select distinct on (p.report_type_id) ${periodColumns}
          from report_periods p join report_types t on t.id = p.report_type_id
          where t.is_active and ${inUnits(sql`t.owner_unit_id`, options.ownerIds)}
            and p.period_from <= ${options.today}::date
          order by p.report_type_id, p.period_from desc, p.due_on desc
        ) current
        order by "dueOn", "typeName", "periodKey"`,
  );
}

export interface ProgrammeMonthRow {
  channelId: string;
  channelName: string;
  unitId: string;
  month: string;
  scheduleId: string | null;
  status: string | null;
}

/**
 * The radio programmes of the units that run in each of the months (first days given), with their
 * schedule for the month if one exists.
 */
export async function findProgrammeSchedules(
  q: Queryable,
  unitIds: readonly string[],
  months: readonly string[],
): Promise<ProgrammeMonthRow[]> {
  return queryRows<ProgrammeMonthRow>(
    q,
    sql`select c.id as "channelId", c.name as "channelName", c.unit_id as "unitId", m.month::text as month,
          s.id as "scheduleId", s.status
        from channels c
        cross join unnest(${toTextArray([...months])}::date[]) as m(month)
        left join broadcast_schedules s on s.channel_id = c.id and s.month = m.month
        where c.unit_id = any(${uuidArray(unitIds)}) and c.kind = 'radio_programme' and c.deleted_at is null
          and (c.started_on is null or c.started_on <= (m.month + interval '1 month - 1 day')::date)
          and (c.ended_on is null or c.ended_on >= m.month)
        order by m.month, c.name`,
  );
}

export interface WeekBroadcastRow {
  unitId: string;
  /** Radio programmes of the unit running on at least one day of the week. */
  programmes: number;
  /** Live records on those programmes dated in the week (the calendar's count). */
  broadcasts: number;
}

/**
 * Per unit: its radio programmes running in the week and the live records aired on them in it — the
 * calendar's "missing broadcast" rule (a programme's week with nothing that counts).
 */
export async function countWeekBroadcasts(
  q: Queryable,
  unitIds: readonly string[],
  monday: string,
  sunday: string,
): Promise<WeekBroadcastRow[]> {
  return queryRows<WeekBroadcastRow>(
    q,
    sql`select c.unit_id as "unitId", count(distinct c.id)::int as programmes,
          count(a.id)::int as broadcasts
        from channels c
        left join activities a on a.channel_id = c.id and a.deleted_at is null and a.duplicate_of_id is null
          and a.occurred_on between ${monday}::date and ${sunday}::date
        where c.unit_id = any(${uuidArray(unitIds)}) and c.kind = 'radio_programme' and c.deleted_at is null
          and (c.started_on is null or c.started_on <= ${sunday}::date)
          and (c.ended_on is null or c.ended_on >= ${monday}::date)
        group by c.unit_id`,
  );
}

export interface ReturnedRow {
  kind: 'assessment' | 'record' | 'report';
  id: string;
  title: string;
  note: string | null;
  at: Date | string | null;
  total: number;
}

/**
 * What came back to the units: assessments returned by the reviewer, records rejected in review,
 * report drafts carrying a note (sent back, or reopened as a new version). The newest few of each
 * kind, each row with its kind's total.
 */
export async function findReturnedItems(
  q: Queryable,
  unitIds: readonly string[],
  limit: number,
): Promise<ReturnedRow[]> {
  const units = uuidArray(unitIds);
  return queryRows<ReturnedRow>(
    q,
    sql`(select 'assessment' as kind, a.id, f.name || ' — ' || a.period_key as title, a.review_note as note,
           a.updated_at as at, count(*) over ()::int as total
         from assessments a join frameworks f on f.id = a.framework_id
         where a.unit_id = any(${units}) and a.status = 'returned'
         order by a.updated_at desc limit ${limit})
        union all
        (select 'record', a.id, a.title, null, a.reviewed_at, count(*) over ()::int
         from activities a
         where a.unit_id = any(${units}) and a.review_status = 'rejected' and a.deleted_at is null
         order by a.reviewed_at desc nulls last limit ${limit})
        union all
        (select 'report', r.id, t.name || ' — ' || p.label, r.note, r.updated_at, count(*) over ()::int
         from reports r join report_periods p on p.id = r.period_id join report_types t on t.id = p.report_type_id
         where r.unit_id = any(${units}) and r.status = 'draft' and coalesce(r.note, '') <> ''
         order by r.updated_at desc limit ${limit})`,
  );
}

export interface DraftScheduleRow {
  scheduleId: string;
  month: string;
  channelName: string;
  entryCount: number;
  total: number;
}

/** Draft broadcast schedules of the units ("chờ ban hành"), earliest month first. */
export async function findDraftSchedules(
  q: Queryable,
  unitIds: readonly string[],
  limit: number,
): Promise<DraftScheduleRow[]> {
  return queryRows<DraftScheduleRow>(
    q,
    sql`select s.id as "scheduleId", s.month::text as month, c.name as "channelName",
          (select count(*)::int from broadcast_schedule_entries e where e.schedule_id = s.id) as "entryCount",
          count(*) over ()::int as total
        from broadcast_schedules s join channels c on c.id = s.channel_id
        where s.unit_id = any(${uuidArray(unitIds)}) and s.status = 'draft'
        order by s.month, c.name limit ${limit}`,
  );
}

export interface ReportToApproveRow {
  reportId: string;
  periodId: string;
  title: string;
  periodLabel: string;
  status: 'draft' | 'approved';
  dueOn: string;
  total: number;
}

/** Live reports of the units not yet submitted, in periods due from `sinceDue` on: earliest due first. */
export async function findReportsToApprove(
  q: Queryable,
  unitIds: readonly string[],
  sinceDue: string,
  limit: number,
): Promise<ReportToApproveRow[]> {
  return queryRows<ReportToApproveRow>(
    q,
    sql`select r.id as "reportId", p.id as "periodId", t.name as title, p.label as "periodLabel", r.status,
          p.due_on::text as "dueOn", count(*) over ()::int as total
        from reports r join report_periods p on p.id = r.period_id join report_types t on t.id = p.report_type_id
        where r.unit_id = any(${uuidArray(unitIds)}) and r.status in ('draft', 'approved')
          and p.due_on >= ${sinceDue}::date
        order by r.status = 'approved' desc, p.due_on, t.name limit ${limit}`,
  );
}

export interface ReadyAssessmentRow {
  assessmentId: string;
  title: string;
  periodKey: string;
  readyAt: Date | string;
  total: number;
}

/**
 * Assessments still with the unit (draft or returned) whose officer said "đã tự chấm xong" after the
 * last transition: the head's to submit.
 */
export async function findReadyAssessments(
  q: Queryable,
  unitIds: readonly string[],
  limit: number,
): Promise<ReadyAssessmentRow[]> {
  return queryRows<ReadyAssessmentRow>(
    q,
    sql`select a.id as "assessmentId", f.name as title, a.period_key as "periodKey", r.ready_at as "readyAt",
          count(*) over ()::int as total
        from assessments a
        join frameworks f on f.id = a.framework_id
        join lateral (
          select max(l.at) as ready_at from audit_log l
          where l.entity_type = 'assessment' and l.entity_id = a.id::text and l.action = 'assessment.ready'
        ) r on r.ready_at is not null
        where a.unit_id = any(${uuidArray(unitIds)}) and a.status in ('draft', 'returned')
          and r.ready_at >= coalesce(
            (select max(t.created_at) from assessment_transitions t where t.assessment_id = a.id),
            '-infinity'::timestamptz)
        order by r.ready_at limit ${limit}`,
  );
}

export interface PendingRecordRow {
  id: string;
  kind: string;
  title: string;
  unitName: string;
  recordedOn: string;
  total: number;
}

/**
 * Records waiting for review in the units (null: everywhere), oldest recorded first. The total is its
 * own subquery, counted once on the pending-records index: a window count over the whole queue made
 * PostgreSQL read and sort every pending record (a second a call at national size) for five rows.
 */
export async function findPendingRecords(
  q: Queryable,
  unitIds: readonly string[] | null,
  limit: number,
): Promise<PendingRecordRow[]> {
  const pending = sql`${inUnits(sql`a.unit_id`, unitIds)} and a.review_status = 'pending' and a.deleted_at is null`;
  return queryRows<PendingRecordRow>(
    q,
    sql`select a.id, a.kind, a.title, u.name as "unitName",
          (a.recorded_at at time zone 'Asia/Ho_Chi_Minh')::date::text as "recordedOn",
          (select count(*) from activities a where ${pending})::int as total
        from activities a join units u on u.id = a.unit_id
        where ${pending}
        order by a.recorded_at, a.id limit ${limit}`,
  );
}

export interface SubmittedAssessmentRow {
  id: string;
  title: string;
  periodKey: string;
  unitName: string;
  submittedOn: string;
  total: number;
}

/** Assessments submitted and waiting for appraisal in the units (null: everywhere), oldest first. */
export async function findSubmittedAssessments(
  q: Queryable,
  unitIds: readonly string[] | null,
  limit: number,
): Promise<SubmittedAssessmentRow[]> {
  return queryRows<SubmittedAssessmentRow>(
    q,
    sql`select a.id, f.name as title, a.period_key as "periodKey", u.name as "unitName",
          (coalesce(a.submitted_at, a.updated_at) at time zone 'Asia/Ho_Chi_Minh')::date::text as "submittedOn",
          count(*) over ()::int as total
        from assessments a join frameworks f on f.id = a.framework_id join units u on u.id = a.unit_id
        where ${inUnits(sql`a.unit_id`, unitIds)} and a.status = 'submitted'
        order by coalesce(a.submitted_at, a.updated_at), a.id limit ${limit}`,
  );
}

/**
 * The framework code most used by the live assessments of the units (ties: the latest used), or
 * none: the framework a province scores its units on, as its units' assessments show it.
 */
export async function findMostUsedFramework(
  q: Queryable,
  unitIds: readonly string[] | null,
): Promise<string | undefined> {
  const row = await queryOne<{ code: string }>(
    q,
    sql`select f.code from assessments a join frameworks f on f.id = a.framework_id
        where ${inUnits(sql`a.unit_id`, unitIds)} and a.status <> 'superseded'
        group by f.code order by count(*) desc, max(a.created_at) desc, f.code limit 1`,
  );
  return row?.code;
}

/** Framework codes with a version in force on the day that score the kind (any kind: null), with their period kind. */
export async function findFrameworksInForce(
  q: Queryable,
  day: string,
  kind: string | null,
): Promise<Array<{ code: string; periodKind: string }>> {
  return queryRows<{ code: string; periodKind: string }>(
    q,
    sql`select distinct on (code) code, period_kind as "periodKind" from frameworks
        where valid_from <= ${day}::date and (valid_to is null or valid_to >= ${day}::date)
          ${kind ? sql`and ${kind} = any(applies_to)` : sql``}
        order by code, valid_from desc`,
  );
}

/**
 * The units among the given that have at least one live record dated in [from, to]. One index probe
 * per unit that stops at the first record: counting every record of a province's period (some 70,000
 * rows nationally sized) cost 130 ms a call, and the office home needs only "any or none".
 */
export async function findUnitsWithRecords(
  q: Queryable,
  unitIds: readonly string[],
  from: string,
  to: string,
): Promise<Set<string>> {
  const rows = await queryRows<{ unitId: string }>(
    q,
    sql`select u.id as "unitId" from unnest(${uuidArray(unitIds)}) as u(id)
        where exists (
          select 1 from activities a
          where a.unit_id = u.id and a.deleted_at is null
            and a.occurred_on between ${from}::date and ${to}::date)`,
  );
  return new Set(rows.map((row) => row.unitId));
}
