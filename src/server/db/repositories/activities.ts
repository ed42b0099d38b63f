import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { ActivityKind, BroadcastSource, Genre, Provenance } from '../../../shared/activities';
import { escapeLike, foldForSearch } from '../../../shared/text';
import type { Queryable } from '../client';
import { activities } from '../schema-activities';
import { queryRows } from '../sql';

export type ActivityRow = typeof activities.$inferSelect;
export type NewActivity = typeof activities.$inferInsert;

/** Inserts in slices under the bind-parameter limit; returns the ids in input order. */
export async function insertActivities(q: Queryable, rows: NewActivity[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 400) {
    const inserted = await q.insert(activities).values(rows.slice(i, i + 400)).returning({ id: activities.id });
    ids.push(...inserted.map((row) => row.id));
  }
  return ids;
}

export async function getActivityRow(q: Queryable, id: string): Promise<ActivityRow | undefined> {
  const [row] = await q.select().from(activities).where(eq(activities.id, id));
  return row;
}

export interface DuplicateProbe {
  urlKey: string | null;
  channelId: string | null;
  occurredOn: string;
  searchText: string;
}

export interface DuplicateHit {
  id: string;
  title: string;
  occurredOn: string;
  urlKey: string | null;
  channelId: string | null;
  searchText: string;
}

/**
 * Live records that a new one would repeat: the same page (URL key), or the same title on the same
 * day and channel. One query for a whole import.
 */
export async function findDuplicateHits(q: Queryable, probes: DuplicateProbe[]): Promise<DuplicateHit[]> {
  if (probes.length === 0) return [];
  const urlKeys = [...new Set(probes.map((p) => p.urlKey).filter((k): k is string => k !== null))];
  const titled = probes.filter((p) => p.channelId !== null);
  const conditions: SQL[] = [];
  if (urlKeys.length) conditions.push(sql`a.url_key = any(${toTextArray(urlKeys)}::text[])`);
  if (titled.length) {
    conditions.push(sql`(a.channel_id, a.occurred_on, a.search_text) in (
      select * from unnest(${toTextArray(titled.map((p) => p.channelId!))}::uuid[],
                           ${toTextArray(titled.map((p) => p.occurredOn))}::date[],
                           ${toTextArray(titled.map((p) => p.searchText))}::text[]))`);
  }
  if (conditions.length === 0) return [];
  return queryRows<DuplicateHit>(
    q,
    sql`select a.id, a.title, a.occurred_on::text as "occurredOn", a.url_key as "urlKey", a.channel_id as "channelId",
          a.search_text as "searchText"
        from activities a where a.deleted_at is null and (${sql.join(conditions, sql` or `)})`,
  );
}

/** A Postgres array literal for a parameter: keeps one bind parameter however many values. */
export function toTextArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

export interface ActivityFilter {
  /** Only records of these units; null: all units. */
  unitIds: string[] | null;
  kind?: ActivityKind;
  from?: string;
  to?: string;
  channelId?: string;
  topic?: string;
  language?: string;
  provenance?: Provenance;
  text?: string;
  includeDeleted?: boolean;
  onlyDuplicates?: boolean;
}

export function activityConditions(filter: ActivityFilter): SQL {
  const conditions: SQL[] = [];
  if (filter.unitIds) conditions.push(sql`a.unit_id = any(${toTextArray(filter.unitIds)}::uuid[])`);
  if (filter.kind) conditions.push(sql`a.kind = ${filter.kind}`);
  if (filter.from) conditions.push(sql`a.occurred_on >= ${filter.from}::date`);
  if (filter.to) conditions.push(sql`a.occurred_on <= ${filter.to}::date`);
  if (filter.channelId) conditions.push(sql`a.channel_id = ${filter.channelId}`);
  if (filter.topic) conditions.push(sql`a.topics @> array[${filter.topic}]::text[]`);
  if (filter.language) conditions.push(sql`a.language = ${filter.language}`);
  if (filter.provenance) conditions.push(sql`a.provenance = ${filter.provenance}`);
  if (!filter.includeDeleted) conditions.push(sql`a.deleted_at is null`);
  if (filter.onlyDuplicates) conditions.push(sql`a.duplicate_of_id is not null`);
  for (const word of foldForSearch(filter.text ?? '').split(' ').filter(Boolean)) {
    conditions.push(sql`a.search_text like ${`%${escapeLike(word)}%`}`);
  }
  return conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
}

export interface ActivityListRow {
  id: string;
  kind: ActivityKind;
  unitId: string;
  unitName: string;
  channelId: string | null;
  channelName: string | null;
  occurredAt: Date;
  occurredOn: string;
  title: string;
  url: string | null;
  genre: Genre | null;
  topics: string[];
  language: string;
  author: string | null;
  programme: string | null;
  durationSeconds: number | null;
  source: BroadcastSource | null;
  issueNumber: string | null;
  targetUrl: string | null;
  isVerified: boolean | null;
  provenance: Provenance;
  recordedAt: Date;
  recordedByName: string | null;
  reviewStatus: 'pending' | 'accepted' | 'rejected';
  reviewedAt: Date | null;
  duplicateOfId: string | null;
  translationOfId: string | null;
  libraryItemId: string | null;
  deletedAt: Date | null;
  deleteReason: string | null;
}

const listColumns = sql`a.id, a.kind, a.unit_id as "unitId", u.name as "unitName", a.channel_id as "channelId",
  c.name as "channelName", a.occurred_at as "occurredAt", a.occurred_on::text as "occurredOn", a.title, a.url,
  a.genre, a.topics, a.language, a.author, a.programme, a.duration_seconds as "durationSeconds", a.source,
  a.issue_number as "issueNumber", a.target_url as "targetUrl", a.is_verified as "isVerified", a.provenance,
  a.recorded_at as "recordedAt", ru.full_name as "recordedByName", a.review_status as "reviewStatus",
  a.reviewed_at as "reviewedAt", a.duplicate_of_id as "duplicateOfId", a.translation_of_id as "translationOfId",
  a.library_item_id as "libraryItemId", a.deleted_at as "deletedAt", a.delete_reason as "deleteReason"`;

const listJoins = sql`from activities a join units u on u.id = a.unit_id
  left join channels c on c.id = a.channel_id left join users ru on ru.id = a.recorded_by`;

/** Timestamps from raw queries come back as text on one driver and Date on the other. */
function withDates(row: ActivityListRow): ActivityListRow {
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  return {
    ...row,
    occurredAt: date(row.occurredAt)!,
    recordedAt: date(row.recordedAt)!,
    reviewedAt: date(row.reviewedAt),
    deletedAt: date(row.deletedAt),
  };
}

export async function findActivities(q: Queryable, filter: ActivityFilter, page: { limit: number; offset: number }) {
  const where = activityConditions(filter);
  const rows = await queryRows<ActivityListRow>(
    q,
    sql`select ${listColumns} ${listJoins} where ${where}
        order by a.occurred_at desc, a.id limit ${page.limit} offset ${page.offset}`,
  );
  const [count] = await queryRows<{ total: number }>(q, sql`select count(*)::int as total from activities a where ${where}`);
  return { items: rows.map(withDates), total: count?.total ?? 0 };
}

/** Every row of a filter, in pages, for exports that must not hold a national list in memory. */
export async function* streamActivities(q: Queryable, filter: ActivityFilter, pageSize = 2000): AsyncGenerator<ActivityListRow[]> {
  const where = activityConditions(filter);
  let after: { occurredAt: string; id: string } | null = null;
  for (;;) {
    const cursor: SQL = after ? sql`and (a.occurred_at, a.id) > (${after.occurredAt}::timestamptz, ${after.id}::uuid)` : sql``;
    const rows: ActivityListRow[] = (
      await queryRows<ActivityListRow>(q, sql`select ${listColumns} ${listJoins} where ${where} ${cursor} order by a.occurred_at, a.id limit ${pageSize}`)
    ).map(withDates);
    if (rows.length === 0) return;
    yield rows;
    const last: ActivityListRow = rows[rows.length - 1]!;
    after = { occurredAt: last.occurredAt.toISOString(), id: last.id };
  }
}

export async function getActivityView(q: Queryable, id: string): Promise<ActivityListRow | undefined> {
  const [row] = await queryRows<ActivityListRow>(q, sql`select ${listColumns} ${listJoins} where a.id = ${id}`);
  return row ? withDates(row) : undefined;
}

export async function updateActivityRow(q: Queryable, id: string, values: Partial<NewActivity>) {
  await q
    .update(activities)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(activities.id, id));
}

export async function findTranslations(q: Queryable, ids: string[]) {
  if (ids.length === 0) return [];
  return q
    .select({ id: activities.id, translationOfId: activities.translationOfId, language: activities.language, title: activities.title })
    .from(activities)
    .where(and(inArray(activities.translationOfId, ids), isNull(activities.deletedAt)));
}
