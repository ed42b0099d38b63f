import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ActivityKind, ChannelKind, ChannelPlatform } from '../../../shared/activities';
import type { Queryable } from '../client';
import { channels } from '../schema-activities';
import { queryOne, queryRows } from '../sql';

export type ChannelRow = typeof channels.$inferSelect;
export type NewChannel = typeof channels.$inferInsert;

export interface ChannelView {
  id: string;
  unitId: string;
  unitName: string;
  kind: ChannelKind;
  platform: ChannelPlatform;
  name: string;
  stationName: string | null;
  url: string | null;
  feedUrl: string | null;
  startedOn: string | null;
  endedOn: string | null;
  /** Live, non-duplicate records on the channel: what it counts for. */
  activityCount: number;
}

const baseColumns = sql`c.id, c.unit_id as "unitId", u.name as "unitName", c.kind, c.platform, c.name,
  c.station_name as "stationName", c.url, c.feed_url as "feedUrl", c.started_on::text as "startedOn",
  c.ended_on::text as "endedOn"`;
const viewColumns = sql`${baseColumns},
  (select count(*)::int from activities a
     where a.channel_id = c.id and a.deleted_at is null and a.duplicate_of_id is null) as "activityCount"`;

/** A unit's channels that were not deleted, ended ones included, current ones first. */
export async function findChannelsOfUnit(
  q: Queryable,
  unitId: string,
  options: { withActivityCount?: boolean } = {},
): Promise<ChannelView[]> {
  // Counting every record of a busy channel over all years costs more than the calendar itself.
  const columns =
    options.withActivityCount === false ? sql`${baseColumns}, 0 as "activityCount"` : viewColumns;
  return queryRows<ChannelView>(
    q,
    sql`select ${columns} from channels c join units u on u.id = c.unit_id
        where c.unit_id = ${unitId} and c.deleted_at is null
        order by c.ended_on is not null, c.kind, c.name`,
  );
}

export async function getChannelView(q: Queryable, id: string): Promise<ChannelView | undefined> {
  return queryOne<ChannelView>(
    q,
    sql`select ${viewColumns} from channels c join units u on u.id = c.unit_id where c.id = ${id} and c.deleted_at is null`,
  );
}

/** A channel that was not deleted. */
export async function getChannelRow(q: Queryable, id: string): Promise<ChannelRow | undefined> {
  const [row] = await q
    .select()
    .from(channels)
    .where(and(eq(channels.id, id), isNull(channels.deletedAt)));
  return row;
}

export async function findChannelRows(q: Queryable, ids: string[]): Promise<ChannelRow[]> {
  if (ids.length === 0) return [];
  return q
    .select()
    .from(channels)
    .where(and(inArray(channels.id, ids), isNull(channels.deletedAt)));
}

export async function insertChannel(q: Queryable, row: NewChannel): Promise<string> {
  const [inserted] = await q.insert(channels).values(row).returning({ id: channels.id });
  return inserted!.id;
}

export async function updateChannelRow(q: Queryable, id: string, values: Partial<NewChannel>): Promise<void> {
  await q
    .update(channels)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(channels.id, id));
}

/**
 * What still points at a channel: records (deleted ones too, since they can be restored) and
 * broadcast schedules. A channel in use is ended, never deleted.
 */
export async function countChannelUses(
  q: Queryable,
  id: string,
): Promise<{ activities: number; kinds: ActivityKind[]; schedules: number }> {
  const row = await queryOne<{ activities: number; kinds: ActivityKind[] | null; schedules: number }>(
    q,
    sql`select (select count(*)::int from activities a where a.channel_id = ${id}) as activities,
          (select array_agg(distinct a.kind) from activities a where a.channel_id = ${id} and a.deleted_at is null) as kinds,
          (select count(*)::int from broadcast_schedules s where s.channel_id = ${id}) as schedules`,
  );
  return { activities: row?.activities ?? 0, kinds: row?.kinds ?? [], schedules: row?.schedules ?? 0 };
}

export interface DailyCount {
  channelId: string | null;
  kind: ActivityKind;
  /** The record's Vietnamese calendar day, yyyy-MM-dd. */
  day: string;
  count: number;
}

/** A unit's live records per channel, kind and day between two days (both included). */
export async function countDailyActivities(
  q: Queryable,
  unitId: string,
  from: string,
  to: string,
): Promise<DailyCount[]> {
  return queryRows<DailyCount>(
    q,
    sql`select a.channel_id as "channelId", a.kind, a.occurred_on::text as day, count(*)::int as count
        from activities a
        where a.unit_id = ${unitId} and a.occurred_on between ${from}::date and ${to}::date
          and a.deleted_at is null and a.duplicate_of_id is null
        group by a.channel_id, a.kind, a.occurred_on`,
  );
}

/** Live records of a channel dated before a start or after an end: what new dates would contradict. */
export async function countActivitiesOutside(
  q: Queryable,
  id: string,
  startedOn: string | null,
  endedOn: string | null,
) {
  const row = await queryOne<{ before: number; after: number }>(
    q,
    sql`select count(*) filter (where ${startedOn}::date is not null and a.occurred_on < ${startedOn}::date)::int as before,
          count(*) filter (where ${endedOn}::date is not null and a.occurred_on > ${endedOn}::date)::int as after
        from activities a where a.channel_id = ${id} and a.deleted_at is null`,
  );
  return { before: row?.before ?? 0, after: row?.after ?? 0 };
}
