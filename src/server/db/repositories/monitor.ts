import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { activities, channels } from '../schema-activities';
import { monitorChecks, monitorItems, monitorSettings, monitorSiteOverrides } from '../schema-monitor';
import { queryRows } from '../sql';
import { toTextArray } from './activities';

/** The website monitor's tables: settings, overrides, checks and found items. The only SQL of the monitor. */

export type MonitorSettingsRow = typeof monitorSettings.$inferSelect;
export type SiteOverridesRow = typeof monitorSiteOverrides.$inferSelect;
export type CheckRow = typeof monitorChecks.$inferSelect;
export type NewCheck = typeof monitorChecks.$inferInsert;
export type ItemRow = typeof monitorItems.$inferSelect;
export type NewItem = typeof monitorItems.$inferInsert;

export async function findMonitorSettings(
  q: Queryable,
  provinceId: string,
): Promise<MonitorSettingsRow | undefined> {
  const [row] = await q.select().from(monitorSettings).where(eq(monitorSettings.provinceId, provinceId));
  return row;
}

export async function findAllMonitorSettings(q: Queryable): Promise<MonitorSettingsRow[]> {
  return q.select().from(monitorSettings);
}

export async function upsertMonitorSettings(
  q: Queryable,
  provinceId: string,
  values: Omit<typeof monitorSettings.$inferInsert, 'provinceId' | 'updatedAt'>,
): Promise<void> {
  await q
    .insert(monitorSettings)
    .values({ provinceId, ...values })
    .onConflictDoUpdate({ target: monitorSettings.provinceId, set: { ...values, updatedAt: new Date() } });
}

export async function findSiteOverrides(
  q: Queryable,
  channelId: string,
): Promise<SiteOverridesRow | undefined> {
  const [row] = await q
    .select()
    .from(monitorSiteOverrides)
    .where(eq(monitorSiteOverrides.channelId, channelId));
  return row;
}

export async function upsertSiteOverrides(
  q: Queryable,
  channelId: string,
  values: Omit<typeof monitorSiteOverrides.$inferInsert, 'channelId' | 'updatedAt'>,
): Promise<void> {
  await q
    .insert(monitorSiteOverrides)
    .values({ channelId, ...values })
    .onConflictDoUpdate({
      target: monitorSiteOverrides.channelId,
      set: { ...values, updatedAt: new Date() },
    });
}

export async function insertCheck(q: Queryable, row: NewCheck): Promise<CheckRow> {
  const [created] = await q.insert(monitorChecks).values(row).returning();
  return created!;
}

export async function getCheckRow(q: Queryable, id: string): Promise<CheckRow | undefined> {
  const [row] = await q.select().from(monitorChecks).where(eq(monitorChecks.id, id));
  return row;
}

export async function updateCheckRow(q: Queryable, id: string, values: Partial<NewCheck>): Promise<void> {
  await q.update(monitorChecks).set(values).where(eq(monitorChecks.id, id));
}

/** The latest checks of a channel of one kind, newest first. */
export async function findRecentChecks(
  q: Queryable,
  channelId: string,
  kind: 'column' | 'banner',
  limit: number,
): Promise<CheckRow[]> {
  return q
    .select()
    .from(monitorChecks)
    .where(and(eq(monitorChecks.channelId, channelId), eq(monitorChecks.kind, kind)))
    .orderBy(desc(monitorChecks.queuedAt), desc(monitorChecks.id))
    .limit(limit);
}

/** The finished checks of a channel (both kinds), newest first: a failure streak is read from them. */
export async function findFinishedChecks(
  q: Queryable,
  channelId: string,
  limit: number,
): Promise<CheckRow[]> {
  return q
    .select()
    .from(monitorChecks)
    .where(
      and(eq(monitorChecks.channelId, channelId), inArray(monitorChecks.status, ['succeeded', 'failed'])),
    )
    .orderBy(desc(monitorChecks.finishedAt), desc(monitorChecks.queuedAt))
    .limit(limit);
}

export interface ChannelCheckState {
  channelId: string;
  kind: string;
  lastQueuedAt: Date | string;
  /** A check of the kind is queued or running (queued within the last day: older ones are taken as lost). */
  isPending: boolean;
}

/** Per channel and kind: when the last check was queued and whether one is still waiting. One query. */
export async function findChannelCheckStates(q: Queryable, since: Date): Promise<ChannelCheckState[]> {
  return queryRows<ChannelCheckState>(
    q,
    sql`select channel_id as "channelId", kind, max(queued_at) as "lastQueuedAt",
          bool_or(status in ('queued', 'running') and queued_at > ${since.toISOString()}::timestamptz) as "isPending"
        from monitor_checks
        -- The longest interval is 30 days: older checks decide nothing.
        where queued_at > ${since.toISOString()}::timestamptz - interval '62 days'
        group by channel_id, kind`,
  );
}

/** Checks of the channels still queued or running, queued since `since`. */
export async function findPendingChecks(
  q: Queryable,
  channelIds: string[],
  since: Date,
): Promise<CheckRow[]> {
  if (channelIds.length === 0) return [];
  return q
    .select()
    .from(monitorChecks)
    .where(
      and(
        inArray(monitorChecks.channelId, channelIds),
        inArray(monitorChecks.status, ['queued', 'running']),
        sql`${monitorChecks.queuedAt} > ${since.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(desc(monitorChecks.queuedAt));
}

/** The website DX columns a monitor may read: live, with an address, not ended before `today`. */
export async function findMonitoredChannels(
  q: Queryable,
  today: string,
  unitIds?: readonly string[],
): Promise<Array<typeof channels.$inferSelect>> {
  const conditions: SQL[] = [
    eq(channels.kind, 'website_column'),
    isNull(channels.deletedAt),
    sql`(${channels.url} is not null or ${channels.feedUrl} is not null)`,
    sql`(${channels.endedOn} is null or ${channels.endedOn} >= ${today}::date)`,
  ];
  if (unitIds) conditions.push(inArray(channels.unitId, [...unitIds]));
  return q
    .select()
    .from(channels)
    .where(and(...conditions))
    .orderBy(channels.unitId, channels.createdAt);
}

/** Which of the URL keys a channel's items already hold. */
export async function findKnownUrlKeys(
  q: Queryable,
  channelId: string,
  keys: string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await q
    .select({ urlKey: monitorItems.urlKey })
    .from(monitorItems)
    .where(and(eq(monitorItems.channelId, channelId), inArray(monitorItems.urlKey, keys)));
  return new Set(rows.map((row) => row.urlKey));
}

/** Inserts a found item unless the channel already has its URL key (a rerun); returns it, or null. */
export async function insertItemIfNew(q: Queryable, row: NewItem): Promise<ItemRow | null> {
  const [created] = await q
    .insert(monitorItems)
    .values(row)
    .onConflictDoNothing({ target: [monitorItems.channelId, monitorItems.urlKey] })
    .returning();
  return created ?? null;
}

export async function getItemRow(q: Queryable, id: string, forUpdate = false): Promise<ItemRow | undefined> {
  const query = q.select().from(monitorItems).where(eq(monitorItems.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function updateItemRow(q: Queryable, id: string, values: Partial<NewItem>): Promise<void> {
  await q.update(monitorItems).set(values).where(eq(monitorItems.id, id));
}

export interface ItemFilter {
  /** null: every unit. */
  unitIds: string[] | null;
  itemId?: string;
  state?: 'review' | 'recorded' | 'ignored';
  unitId?: string;
  channelId?: string;
  /** Only items a person has decided (export). */
  decidedOnly?: boolean;
  limit: number;
  offset: number;
}

export interface ItemListRow extends ItemRow {
  unitName: string;
  channelName: string;
  total: number;
}

/** Found items with their unit and channel names, newest first, with the total for paging. */
export async function findItems(q: Queryable, filter: ItemFilter): Promise<ItemListRow[]> {
  const conditions: SQL[] = [sql`true`];
  if (filter.unitIds) conditions.push(sql`i.unit_id = any(${toTextArray(filter.unitIds)}::uuid[])`);
  if (filter.itemId) conditions.push(sql`i.id = ${filter.itemId}`);
  if (filter.unitId) conditions.push(sql`i.unit_id = ${filter.unitId}`);
  if (filter.channelId) conditions.push(sql`i.channel_id = ${filter.channelId}`);
  if (filter.state) conditions.push(sql`i.state = ${filter.state}`);
  if (filter.decidedOnly) conditions.push(sql`i.decided_is_dx is not null`);
  const rows = await queryRows<Record<string, unknown>>(
    q,
    sql`select i.id, i.channel_id as "channelId", i.unit_id as "unitId", i.url, i.url_key as "urlKey", i.title,
          i.lead, i.published_at as "publishedAt", i.first_seen_at as "firstSeenAt",
          i.first_check_id as "firstCheckId", i.snapshot_id as "snapshotId", i.is_dx as "isDx", i.topic,
          i.confidence, i.reasons, i.state, i.decided_is_dx as "decidedIsDx", i.decided_topic as "decidedTopic",
          i.decided_by as "decidedBy", i.decided_at as "decidedAt", i.activity_id as "activityId",
          i.created_at as "createdAt", u.name as "unitName", c.name as "channelName",
          (count(*) over ())::int as total
        from monitor_items i join units u on u.id = i.unit_id join channels c on c.id = i.channel_id
        where ${sql.join(conditions, sql` and `)}
        order by coalesce(i.published_at, i.first_seen_at) desc, i.id
        limit ${filter.limit} offset ${filter.offset}`,
  );
  const date = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string));
  return rows.map((row) => ({
    ...(row as unknown as ItemListRow),
    publishedAt: date(row.publishedAt),
    firstSeenAt: date(row.firstSeenAt)!,
    decidedAt: date(row.decidedAt),
    createdAt: date(row.createdAt)!,
    confidence: Number(row.confidence),
  }));
}

export interface ChannelItemCounts {
  channelId: string;
  found: number;
  recorded: number;
  review: number;
  ignored: number;
}

export async function countItemsByChannel(q: Queryable, channelIds: string[]): Promise<ChannelItemCounts[]> {
  if (channelIds.length === 0) return [];
  return queryRows<ChannelItemCounts>(
    q,
    sql`select channel_id as "channelId", count(*)::int as found,
          (count(*) filter (where state = 'recorded'))::int as recorded,
          (count(*) filter (where state = 'review'))::int as review,
          (count(*) filter (where state = 'ignored'))::int as ignored
        from monitor_items where channel_id = any(${toTextArray(channelIds)}::uuid[]) group by channel_id`,
  );
}

/** When the channel's latest live post happened (any provenance), or null when it has none. */
export async function findLatestPostAt(q: Queryable, channelId: string): Promise<Date | null> {
  const [row] = await q
    .select({ latest: sql<Date | string | null>`max(${activities.occurredAt})` })
    .from(activities)
    .where(
      and(
        eq(activities.channelId, channelId),
        eq(activities.kind, 'post'),
        isNull(activities.deletedAt),
        isNull(activities.duplicateOfId),
        sql`${activities.reviewStatus} <> 'rejected'`,
      ),
    );
  return row?.latest ? new Date(row.latest) : null;
}
