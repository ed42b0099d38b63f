import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { notifications } from '../schema-notifications';
import { reminderSettings } from '../schema-reminders';
import { queryRows } from '../sql';
import type { NewNotification } from './notifications';

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
const textArray = (values: readonly string[]) =>
  sql`${`{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

/** A report period of an active type, with what its reminders need. */
export interface ReminderPeriod {
  id: string;
  label: string;
  periodKey: string;
  dueOn: string;
  ownerUnitId: string;
  reportTypeId: string;
  typeName: string;
  kind: string;
  submitterKinds: string[];
  /** Days from the run's day to the due day (negative once past). */
  daysLeft: number;
}

const periodColumns = sql`p.id, p.label, p.period_key as "periodKey", p.due_on::text as "dueOn",
  t.owner_unit_id as "ownerUnitId", t.id as "reportTypeId", t.name as "typeName", t.kind,
  t.submitter_kinds as "submitterKinds"`;

/** Periods of active types due exactly one of the type's remind_days_before days after `today` (0: today). */
export async function findPeriodsToRemind(q: Queryable, today: string): Promise<ReminderPeriod[]> {
  return queryRows<ReminderPeriod>(
    q,
    sql`select ${periodColumns}, (p.due_on - ${today}::date)::int as "daysLeft"
        from report_periods p join report_types t on t.id = p.report_type_id
        where t.is_active and p.due_on >= ${today}::date
          and (p.due_on - ${today}::date) = any(t.remind_days_before)
        order by p.due_on, p.id`,
  );
}

/** Periods of active types whose due day was the day before `today`. */
export async function findPeriodsDueOn(
  q: Queryable,
  dueOn: string,
  today: string,
): Promise<ReminderPeriod[]> {
  return queryRows<ReminderPeriod>(
    q,
    sql`select ${periodColumns}, (p.due_on - ${today}::date)::int as "daysLeft"
        from report_periods p join report_types t on t.id = p.report_type_id
        where t.is_active and p.due_on = ${dueOn}::date
        order by p.id`,
  );
}

export async function findPeriodsByIds(q: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return queryRows<{ id: string; label: string; typeName: string; dueOn: string; ownerUnitId: string }>(
    q,
    sql`select p.id, p.label, t.name as "typeName", p.due_on::text as "dueOn", t.owner_unit_id as "ownerUnitId"
        from report_periods p join report_types t on t.id = p.report_type_id
        where p.id = any(${uuidArray(ids)})`,
  );
}

/** A person to tell about a unit: someone granted one of the roles on the unit itself. */
export interface UnitRecipient {
  unitId: string;
  userId: string;
  fullName: string;
  email: string | null;
}

/** Active users holding one of the roles directly on each unit; a user once per unit. One query. */
export async function findUnitRecipients(
  q: Queryable,
  unitIds: readonly string[],
  roles: readonly string[],
): Promise<UnitRecipient[]> {
  if (unitIds.length === 0) return [];
  return queryRows<UnitRecipient>(
    q,
    sql`select distinct on (g.unit_id, u.id) g.unit_id as "unitId", u.id as "userId",
          u.full_name as "fullName", nullif(btrim(u.email), '') as email
        from role_grants g join users u on u.id = g.user_id
        where g.unit_id = any(${uuidArray(unitIds)}) and g.role = any(${textArray(roles)}) and u.is_active
        order by g.unit_id, u.id`,
  );
}

export interface WrittenNotification {
  id: string;
  channel: string;
  unitId: string | null;
  recipientId: string;
  deliveryStatus: string;
}

/**
 * Inserts notifications, skipping those whose dedupe_key is already stored (a reminder job run twice
 * on a day); returns the rows actually written.
 */
export async function insertNewNotifications(
  q: Queryable,
  rows: NewNotification[],
): Promise<WrittenNotification[]> {
  const written: WrittenNotification[] = [];
  // Bind-parameter limit: a national fan-out writes thousands of rows.
  for (let i = 0; i < rows.length; i += 1000) {
    written.push(
      ...(await q
        .insert(notifications)
        .values(rows.slice(i, i + 1000))
        .onConflictDoNothing({ target: notifications.dedupeKey })
        .returning({
          id: notifications.id,
          channel: notifications.channel,
          unitId: notifications.unitId,
          recipientId: notifications.recipientId,
          deliveryStatus: notifications.deliveryStatus,
        })),
    );
  }
  return written;
}

/**
 * The units among `unitIds` with at least one broadcast that counts (the scores' rule: live, not a
 * suspected duplicate, not rejected, on a channel — every broadcast channel is a radio DX
 * programme) on a day of [from, to]. One aggregate over all units; `sourceOf` maps a merged
 * predecessor to the unit it counts for.
 */
export async function findUnitsWithBroadcasts(
  q: Queryable,
  unitIds: readonly string[],
  from: string,
  to: string,
): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await queryRows<{ unitId: string }>(
    q,
    sql`select distinct a.unit_id as "unitId" from activities a
        where a.unit_id = any(${uuidArray(unitIds)}) and a.kind = 'broadcast'
          and a.occurred_on between ${from}::date and ${to}::date
          and a.deleted_at is null and a.duplicate_of_id is null and a.review_status <> 'rejected'
          and a.channel_id is not null`,
  );
  return rows.map((row) => row.unitId);
}

/** Provinces that turned the weekly broadcast reminders off (the others have them on). */
export async function findProvincesWithoutWeeklyReminders(q: Queryable): Promise<Set<string>> {
  const rows = await q
    .select({ provinceId: reminderSettings.provinceId })
    .from(reminderSettings)
    .where(sql`not ${reminderSettings.weeklyBroadcastReminders}`);
  return new Set(rows.map((row) => row.provinceId));
}

export async function findReminderSettings(q: Queryable, provinceId: string) {
  const [row] = await q
    .select()
    .from(reminderSettings)
    .where(sql`${reminderSettings.provinceId} = ${provinceId}`);
  return row;
}

export async function upsertReminderSettings(
  q: Queryable,
  provinceId: string,
  values: { weeklyBroadcastReminders: boolean; updatedBy: string | null },
) {
  const [row] = await q
    .insert(reminderSettings)
    .values({ provinceId, ...values })
    .onConflictDoUpdate({
      target: reminderSettings.provinceId,
      set: { ...values, updatedAt: new Date() },
    })
    .returning();
  return row!;
}

/**
 * Serialises urges until the transaction ends, so that two requests at once (a double click, two
 * officials of the office) cannot both pass the repeat check before either has written.
 */
export async function lockUrges(q: Queryable): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext('loaso.reminder.urge'))`);
}

/** Per unit, the latest urge about the period (or about no period) since a time: the rate limit. */
export async function findRecentUrges(
  q: Queryable,
  unitIds: readonly string[],
  periodId: string | null,
  since: Date,
): Promise<Map<string, Date>> {
  if (unitIds.length === 0) return new Map();
  const rows = await queryRows<{ unitId: string; at: Date | string }>(
    q,
    sql`select unit_id as "unitId", max(created_at) as at from notifications
        where kind = 'reminder.urge' and unit_id = any(${uuidArray(unitIds)})
          and ${periodId === null ? sql`subject_id is null` : sql`subject_id = ${periodId}::uuid`}
          and created_at > ${since.toISOString()}::timestamptz
        group by unit_id`,
  );
  return new Map(rows.map((row) => [row.unitId, new Date(row.at)]));
}

/** What the urging list shows of one notification. */
export interface ReminderLogRow {
  id: string;
  kind: string;
  channel: string;
  title: string;
  body: string;
  createdAt: Date | string;
  unitId: string;
  unitName: string;
  recipientId: string;
  recipientName: string;
  recipientEmail: string | null;
  actorId: string | null;
  actorName: string | null;
  periodId: string | null;
  periodLabel: string | null;
  deliveryStatus: string;
  deliveredAt: Date | string | null;
  deliveryResult: Record<string, unknown> | null;
}

export interface ReminderLogFilter {
  /** Units to show: the one asked about, or every unit in the caller's scope (null: everywhere). */
  unitIds: readonly string[] | null;
  periodId: string | null;
  /** Vietnamese days, both inclusive. */
  from: string | null;
  to: string | null;
  limit: number;
  offset: number;
}

function logConditions(filter: ReminderLogFilter): SQL {
  const parts: SQL[] = [sql`n.kind like 'reminder.%'`, sql`n.unit_id is not null`];
  if (filter.unitIds) parts.push(sql`n.unit_id = any(${uuidArray(filter.unitIds)})`);
  if (filter.periodId)
    parts.push(sql`n.subject_type = 'report_period' and n.subject_id = ${filter.periodId}::uuid`);
  if (filter.from)
    parts.push(sql`n.created_at >= (${filter.from}::date::timestamp at time zone 'Asia/Ho_Chi_Minh')`);
  if (filter.to)
    parts.push(sql`n.created_at < ((${filter.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')`);
  return sql.join(parts, sql` and `);
}

/** Reminder and urge notifications, newest first, with their unit, recipient, sender and period. */
export async function findReminderLog(
  q: Queryable,
  filter: ReminderLogFilter,
): Promise<{ rows: ReminderLogRow[]; total: number }> {
  if (filter.unitIds && filter.unitIds.length === 0) return { rows: [], total: 0 };
  const where = logConditions(filter);
  const rows = await queryRows<ReminderLogRow>(
    q,
    sql`select n.id, n.kind, n.channel, n.title, n.body, n.created_at as "createdAt", n.unit_id as "unitId",
          coalesce((select v.name from unit_versions v where v.unit_id = n.unit_id
            order by v.valid_from desc limit 1), '') as "unitName",
          n.recipient_id as "recipientId", r.full_name as "recipientName", r.email as "recipientEmail",
          n.actor_id as "actorId", a.full_name as "actorName",
          p.id as "periodId", p.label as "periodLabel",
          n.delivery_status as "deliveryStatus", n.delivered_at as "deliveredAt",
          n.delivery_result as "deliveryResult"
        from notifications n
        join users r on r.id = n.recipient_id
        left join users a on a.id = n.actor_id
        left join report_periods p on n.subject_type = 'report_period' and p.id = n.subject_id
        where ${where}
        order by n.created_at desc, n.id
        limit ${filter.limit} offset ${filter.offset}`,
  );
  const [count] = await queryRows<{ n: number }>(
    q,
    sql`select count(*)::int as n from notifications n where ${where}`,
  );
  return { rows, total: count?.n ?? 0 };
}

/** Report periods whose type belongs to one of the owners (every owner when null), newest due first. */
export async function findPeriodsOfOwners(q: Queryable, ownerIds: readonly string[] | null, limit: number) {
  if (ownerIds && ownerIds.length === 0) return [];
  return queryRows<{ id: string; label: string; typeName: string; dueOn: string }>(
    q,
    sql`select p.id, p.label, t.name as "typeName", p.due_on::text as "dueOn"
        from report_periods p join report_types t on t.id = p.report_type_id
        ${ownerIds ? sql`where t.owner_unit_id = any(${uuidArray(ownerIds)})` : sql``}
        order by p.due_on desc, t.name, p.id
        limit ${limit}`,
  );
}
