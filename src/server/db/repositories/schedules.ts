import { and, asc, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { Queryable } from '../client';
import { users } from '../schema';
import {
  activities,
  broadcastScheduleEntries,
  broadcastSchedules,
  channels,
  libraryItems,
} from '../schema-activities';

export type ScheduleRow = typeof broadcastSchedules.$inferSelect;
export type NewSchedule = typeof broadcastSchedules.$inferInsert;
export type ScheduleEntryRow = typeof broadcastScheduleEntries.$inferSelect;
export type NewScheduleEntry = typeof broadcastScheduleEntries.$inferInsert;
export type ChannelRow = typeof channels.$inferSelect;

/** A live (not deleted) channel. */
export async function getLiveChannel(q: Queryable, id: string): Promise<ChannelRow | undefined> {
  const [row] = await q
    .select()
    .from(channels)
    .where(and(eq(channels.id, id), isNull(channels.deletedAt)));
  return row;
}

/** A channel, deleted or not: a schedule stays readable after its programme is removed. */
export async function getChannel(q: Queryable, id: string): Promise<ChannelRow | undefined> {
  const [row] = await q.select().from(channels).where(eq(channels.id, id));
  return row;
}

/** The schedule row; with forUpdate it is locked until the transaction ends, so edits and issuing queue. */
export async function getScheduleRow(
  q: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ScheduleRow | undefined> {
  const query = q.select().from(broadcastSchedules).where(eq(broadcastSchedules.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findScheduleOfChannelMonth(
  q: Queryable,
  channelId: string,
  month: string,
): Promise<ScheduleRow | undefined> {
  const [row] = await q
    .select()
    .from(broadcastSchedules)
    .where(and(eq(broadcastSchedules.channelId, channelId), eq(broadcastSchedules.month, month)));
  return row;
}

export async function insertSchedule(q: Queryable, values: NewSchedule): Promise<string> {
  const [row] = await q.insert(broadcastSchedules).values(values).returning({ id: broadcastSchedules.id });
  return row!.id;
}

export async function updateScheduleRow(q: Queryable, id: string, values: Partial<NewSchedule>) {
  await q
    .update(broadcastSchedules)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(broadcastSchedules.id, id));
}

export interface ScheduleListRow extends ScheduleRow {
  channelKind: string;
  channelName: string;
  stationName: string | null;
}

/** The unit's schedules whose month lies in [from, to], newest month first. */
export async function findSchedulesOfUnit(
  q: Queryable,
  unitId: string,
  from: string,
  to: string,
): Promise<ScheduleListRow[]> {
  const rows = await q
    .select({
      schedule: broadcastSchedules,
      channelKind: channels.kind,
      channelName: channels.name,
      stationName: channels.stationName,
    })
    .from(broadcastSchedules)
    .innerJoin(channels, eq(channels.id, broadcastSchedules.channelId))
    .where(
      and(
        eq(broadcastSchedules.unitId, unitId),
        gte(broadcastSchedules.month, from),
        lte(broadcastSchedules.month, to),
      ),
    )
    .orderBy(desc(broadcastSchedules.month), asc(channels.name));
  return rows.map((row) => ({
    ...row.schedule,
    channelKind: row.channelKind,
    channelName: row.channelName,
    stationName: row.stationName,
  }));
}

export async function getUserFullName(q: Queryable, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await q.select({ fullName: users.fullName }).from(users).where(eq(users.id, userId));
  return row?.fullName ?? null;
}

/** Entries of the schedules, in air order. */
export async function findEntries(q: Queryable, scheduleIds: string[]): Promise<ScheduleEntryRow[]> {
  if (scheduleIds.length === 0) return [];
  return q
    .select()
    .from(broadcastScheduleEntries)
    .where(inArray(broadcastScheduleEntries.scheduleId, scheduleIds))
    .orderBy(
      asc(broadcastScheduleEntries.airDate),
      asc(broadcastScheduleEntries.timeSlot),
      asc(broadcastScheduleEntries.createdAt),
      asc(broadcastScheduleEntries.id),
    );
}

/** Entries of one schedule among the given ids, locked so that two "mark aired" requests cannot both create. */
export async function lockEntries(
  q: Queryable,
  scheduleId: string,
  entryIds: string[],
): Promise<ScheduleEntryRow[]> {
  if (entryIds.length === 0) return [];
  return q
    .select()
    .from(broadcastScheduleEntries)
    .where(
      and(
        eq(broadcastScheduleEntries.scheduleId, scheduleId),
        inArray(broadcastScheduleEntries.id, entryIds),
      ),
    )
    .orderBy(asc(broadcastScheduleEntries.airDate), asc(broadcastScheduleEntries.timeSlot))
    .for('update');
}

export async function getEntryRow(q: Queryable, id: string): Promise<ScheduleEntryRow | undefined> {
  const [row] = await q.select().from(broadcastScheduleEntries).where(eq(broadcastScheduleEntries.id, id));
  return row;
}

export async function insertEntries(q: Queryable, rows: NewScheduleEntry[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await q
      .insert(broadcastScheduleEntries)
      .values(rows.slice(i, i + 500))
      .returning({ id: broadcastScheduleEntries.id });
    ids.push(...inserted.map((row) => row.id));
  }
  return ids;
}

export async function updateEntryRow(q: Queryable, id: string, values: Partial<NewScheduleEntry>) {
  await q.update(broadcastScheduleEntries).set(values).where(eq(broadcastScheduleEntries.id, id));
}

export async function deleteEntryRow(q: Queryable, id: string) {
  await q.delete(broadcastScheduleEntries).where(eq(broadcastScheduleEntries.id, id));
}

/** A library item with what decides whether a unit may use it: its owner and publication. */
export async function getLibraryItemBrief(q: Queryable, id: string) {
  const [row] = await q
    .select({
      id: libraryItems.id,
      ownerUnitId: libraryItems.ownerUnitId,
      publishedAt: libraryItems.publishedAt,
      deletedAt: libraryItems.deletedAt,
    })
    .from(libraryItems)
    .where(eq(libraryItems.id, id));
  return row;
}

const briefColumns = {
  id: activities.id,
  occurredAt: activities.occurredAt,
  occurredOn: activities.occurredOn,
  title: activities.title,
  durationSeconds: activities.durationSeconds,
  language: activities.language,
  provenance: activities.provenance,
  scheduleEntryId: activities.scheduleEntryId,
};

export type BroadcastBriefRow = {
  id: string;
  occurredAt: Date;
  occurredOn: string;
  title: string;
  durationSeconds: number | null;
  language: string;
  provenance: string;
  scheduleEntryId: string | null;
};

/** Live (not deleted) records among the ids. */
export async function findLiveActivities(q: Queryable, ids: string[]): Promise<BroadcastBriefRow[]> {
  if (ids.length === 0) return [];
  return q
    .select(briefColumns)
    .from(activities)
    .where(and(inArray(activities.id, ids), isNull(activities.deletedAt)));
}

/** Live broadcasts of a programme between two days, in air order. */
export async function findChannelBroadcasts(
  q: Queryable,
  channelId: string,
  from: string,
  to: string,
): Promise<BroadcastBriefRow[]> {
  return q
    .select(briefColumns)
    .from(activities)
    .where(
      and(
        eq(activities.channelId, channelId),
        eq(activities.kind, 'broadcast'),
        isNull(activities.deletedAt),
        gte(activities.occurredOn, from),
        lte(activities.occurredOn, to),
      ),
    )
    .orderBy(asc(activities.occurredAt), asc(activities.id));
}

/** Links an existing broadcast to the entry it fulfils, unless it already fulfils another. */
export async function linkActivityToEntry(q: Queryable, activityId: string, entryId: string) {
  await q
    .update(activities)
    .set({ scheduleEntryId: entryId, updatedAt: new Date() })
    .where(and(eq(activities.id, activityId), isNull(activities.scheduleEntryId)));
}
