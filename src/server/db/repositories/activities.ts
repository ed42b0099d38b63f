import { randomUUID } from 'node:crypto';
import { and, eq, getTableColumns, inArray, is, isNull, SQL, sql } from 'drizzle-orm';
import type { ActivityKind, BroadcastSource, Genre, Provenance } from '../../../shared/activities';
import { addDays, todayVn } from '../../../shared/dates';
import { escapeLike, foldForSearch } from '../../../shared/text';
import type { Queryable } from '../client';
import { activities } from '../schema-activities';
import { queryRows } from '../sql';

export type ActivityRow = typeof activities.$inferSelect;
export type NewActivity = typeof activities.$inferInsert;

const INSERT_COLUMNS = Object.entries(getTableColumns(activities));
const INSERT_TARGET = sql.raw(INSERT_COLUMNS.map(([, column]) => `"${column.name}"`).join(', '));
const INSERT_RECORD = sql.raw(
  INSERT_COLUMNS.map(([, column]) => `"${column.name}" ${column.getSQLType()}`).join(', '),
);
/** Each column from the JSON record, or its default when the row left it out (every such column is not null). */
const INSERT_VALUES = sql.join(
  INSERT_COLUMNS.map(([, column]) => {
    const value = sql.raw(`x."${column.name}"`);
    if (column.default === undefined) return value;
    const fallback = is(column.default, SQL)
      ? column.default
      : sql`${column.default}::${sql.raw(column.getSQLType())}`;
    return sql`coalesce(${value}, ${fallback})`;
  }),
  sql`, `,
);

/**
 * Inserts records, 5,000 per statement, as one JSON parameter unpacked by jsonb_to_recordset: a
 * 100,000-row import spends its time in the database, not in building a VALUES list of 35 columns
 * per row (drizzle's builder took most of the time). Ids are made here, so they come back in input
 * order without relying on the order of RETURNING.
 */
export async function insertActivities(q: Queryable, rows: NewActivity[]): Promise<string[]> {
  const ids = rows.map((row) => row.id ?? randomUUID());
  for (let i = 0; i < rows.length; i += 5000) {
    const records = rows.slice(i, i + 5000).map((row, j) => {
      const record: Record<string, unknown> = {};
      for (const [key, column] of INSERT_COLUMNS) {
        const value = key === 'id' ? ids[i + j] : row[key as keyof NewActivity];
        if (value !== undefined) record[column.name] = value instanceof Date ? value.toISOString() : value;
      }
      return record;
    });
    await q.execute(
      sql`insert into activities (${INSERT_TARGET}) select ${INSERT_VALUES} from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as x(${INSERT_RECORD})`,
    );
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
  unitId: string;
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
export async function findDuplicateHits(
  q: Queryable,
  probes: DuplicateProbe[],
  excludeIds: string[] = [],
): Promise<DuplicateHit[]> {
  if (probes.length === 0) return [];
  const urlKeys = [...new Set(probes.map((p) => p.urlKey).filter((k): k is string => k !== null))];
  const titled = probes.filter((p) => p.channelId !== null);
  // Each probe as its own index lookup (url_key; channel, day and title), united by id: written as
  // one "url_key = any(…) or (…) in (…)" filter, the planner scanned all 1.8 million records per
  // entered record (the deadline-rush load test, docs/reliability.md).
  const lookups: SQL[] = [];
  if (urlKeys.length)
    lookups.push(sql`select u.id from activities u where u.url_key = any(${toTextArray(urlKeys)}::text[])`);
  if (titled.length) {
    lookups.push(sql`select t.id from unnest(${toTextArray(titled.map((p) => p.channelId!))}::uuid[],
                           ${toTextArray(titled.map((p) => p.occurredOn))}::date[],
                           ${toTextArray(titled.map((p) => p.searchText))}::text[]) as p(channel_id, occurred_on, search_text)
        join activities t on t.channel_id = p.channel_id and t.occurred_on = p.occurred_on and t.search_text = p.search_text`);
  }
  if (lookups.length === 0) return [];
  return queryRows<DuplicateHit>(
    q,
    sql`select a.id, a.unit_id as "unitId", a.title, a.occurred_on::text as "occurredOn", a.url_key as "urlKey", a.channel_id as "channelId",
          a.search_text as "searchText"
        from activities a where a.deleted_at is null and a.id in (${sql.join(lookups, sql` union `)})
          ${excludeIds.length ? sql`and a.id <> all(${toTextArray(excludeIds)}::uuid[])` : sql``}
        -- Originals last: callers keep the last hit per key, so a repeat points at the original, not at another repeat.
        order by a.duplicate_of_id is null, a.recorded_at`,
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
  reviewStatus?: 'pending' | 'accepted' | 'rejected';
  /** true: only records with evidence attached; false: only records without any. */
  hasEvidence?: boolean;
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
  if (filter.reviewStatus) conditions.push(sql`a.review_status = ${filter.reviewStatus}`);
  if (filter.hasEvidence !== undefined)
    conditions.push(
      sql`${filter.hasEvidence ? sql`` : sql`not`} exists (select 1 from evidence_links l
            where l.target_type = 'activity' and l.target_id = a.id)`,
    );
  for (const word of foldForSearch(filter.text ?? '')
    .split(' ')
    .filter(Boolean)) {
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
  channelKind: string | null;
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
  c.name as "channelName", c.kind as "channelKind", a.occurred_at as "occurredAt", a.occurred_on::text as "occurredOn", a.title, a.url,
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

/**
 * Newest first, the list's page is looked for in the last month, then the last year, before every
 * record: sorting a province's whole history (17,000 records and their scattered pages, 0.1–0.7 s on
 * PostgreSQL, seconds on PGlite) only to show its newest 50 is what made the list the rush's slowest
 * read. A window that holds the page's end holds the whole page, since occurred_on is the Vietnamese
 * day of occurred_at (no record of an earlier day sorts before it); otherwise the next window, and at
 * last the filter as asked. An index sorted by time was tried instead and let the planner scan the
 * whole country for a unit whose records are older than most (docs/reliability.md, "Load").
 */
const NEWEST_WINDOWS_DAYS = [31, 366];

async function findNewestRows(
  q: Queryable,
  filter: ActivityFilter,
  page: { limit: number; offset: number },
): Promise<ActivityListRow[]> {
  const pageEnd = page.offset + page.limit;
  const newestDay = filter.to ?? todayVn();
  for (const days of NEWEST_WINDOWS_DAYS) {
    const since = addDays(newestDay, -days);
    // The filter's own range is as narrow already: ask it as it is.
    if (filter.from && filter.from >= since) break;
    const rows = await selectNewest(q, { ...filter, from: since }, pageEnd, 0);
    if (rows.length >= pageEnd) return rows.slice(page.offset);
  }
  return selectNewest(q, filter, page.limit, page.offset);
}

function selectNewest(q: Queryable, filter: ActivityFilter, limit: number, offset: number) {
  return queryRows<ActivityListRow>(
    q,
    sql`select ${listColumns} ${listJoins} where ${activityConditions(filter)}
        order by a.occurred_at desc, a.id limit ${limit} offset ${offset}`,
  );
}

/**
 * One page of the list, and its total counted up to `countCap` records (at least the page's end):
 * the count stops reading rows there, and totalIsAtLeast says there are more.
 */
export async function findActivities(
  q: Queryable,
  filter: ActivityFilter,
  page: { limit: number; offset: number; countCap: number },
) {
  const rows = await findNewestRows(q, filter, page);
  const cap = Math.max(page.countCap, page.offset + page.limit);
  const counted = await countActivities(q, filter, cap + 1);
  return { items: rows.map(withDates), total: Math.min(counted, cap), totalIsAtLeast: counted > cap };
}

/**
 * How many records a filter holds (the list's total, without its rows); with `upTo`, at most that
 * many: the count stops reading rows there.
 */
export async function countActivities(q: Queryable, filter: ActivityFilter, upTo?: number): Promise<number> {
  const matching = sql`select 1 from activities a where ${activityConditions(filter)}`;
  const [count] = await queryRows<{ total: number }>(
    q,
    sql`select count(*)::int as total from (${matching}${upTo === undefined ? sql`` : sql` limit ${upTo}`}) counted`,
  );
  return count?.total ?? 0;
}

/** Every row of a filter, in pages, for exports that must not hold a national list in memory. */
export async function* streamActivities(
  q: Queryable,
  filter: ActivityFilter,
  pageSize = 2000,
): AsyncGenerator<ActivityListRow[]> {
  const where = activityConditions(filter);
  let after: { occurredAt: string; id: string } | null = null;
  for (;;) {
    const cursor: SQL = after
      ? sql`and (a.occurred_at, a.id) > (${after.occurredAt}::timestamptz, ${after.id}::uuid)`
      : sql``;
    const rows: ActivityListRow[] = (
      await queryRows<ActivityListRow>(
        q,
        sql`select ${listColumns} ${listJoins} where ${where} ${cursor} order by a.occurred_at, a.id limit ${pageSize}`,
      )
    ).map(withDates);
    if (rows.length === 0) return;
    yield rows;
    const last: ActivityListRow = rows[rows.length - 1]!;
    after = { occurredAt: last.occurredAt.toISOString(), id: last.id };
  }
}

export async function getActivityView(q: Queryable, id: string): Promise<ActivityListRow | undefined> {
  const [row] = await queryRows<ActivityListRow>(
    q,
    sql`select ${listColumns} ${listJoins} where a.id = ${id}`,
  );
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
    .select({
      id: activities.id,
      translationOfId: activities.translationOfId,
      language: activities.language,
      title: activities.title,
    })
    .from(activities)
    .where(and(inArray(activities.translationOfId, ids), isNull(activities.deletedAt)));
}

/** Another record named by one: an original, a version in another language, or what it repeats. */
export interface ActivityRef {
  id: string;
  kind: ActivityKind;
  title: string;
  language: string;
  occurredOn: string;
  unitId: string;
  unitName: string;
  translationOfId: string | null;
  deleted: boolean;
}

const refColumns = sql`a.id, a.kind, a.title, a.language, a.occurred_on::text as "occurredOn", a.unit_id as "unitId",
  u.name as "unitName", a.translation_of_id as "translationOfId", a.deleted_at is not null as deleted`;

export async function findActivityRefs(q: Queryable, ids: string[]): Promise<ActivityRef[]> {
  if (ids.length === 0) return [];
  return queryRows<ActivityRef>(
    q,
    sql`select ${refColumns} from activities a join units u on u.id = a.unit_id where a.id = any(${toTextArray(ids)}::uuid[])`,
  );
}

/** The live versions in other languages of these originals. */
export async function findVersionRefs(q: Queryable, originalIds: string[]): Promise<ActivityRef[]> {
  if (originalIds.length === 0) return [];
  return queryRows<ActivityRef>(
    q,
    sql`select ${refColumns} from activities a join units u on u.id = a.unit_id
        where a.translation_of_id = any(${toTextArray(originalIds)}::uuid[]) and a.deleted_at is null
        order by a.language, a.occurred_on`,
  );
}

/** Who reviewed a record and how many evidence items are attached to it. */
export async function getActivityExtras(
  q: Queryable,
  id: string,
): Promise<{ reviewedByName: string | null; evidenceCount: number; snapshotId: string | null }> {
  const [row] = await queryRows<{
    reviewedByName: string | null;
    evidenceCount: number;
    snapshotId: string | null;
  }>(
    q,
    sql`select (select r.full_name from activities a join users r on r.id = a.reviewed_by where a.id = ${id}) as "reviewedByName",
          (select count(*)::int from evidence_links l where l.target_type = 'activity' and l.target_id = ${id}) as "evidenceCount",
          (select a.snapshot_id from activities a where a.id = ${id}) as "snapshotId"`,
  );
  return {
    reviewedByName: row?.reviewedByName ?? null,
    evidenceCount: row?.evidenceCount ?? 0,
    snapshotId: row?.snapshotId ?? null,
  };
}

export interface LanguageCountRow {
  unitId: string;
  unitName: string;
  language: string;
  kind: ActivityKind;
  count: number;
}

/** Live, non-duplicate records in languages other than Vietnamese, per unit, language and kind. */
export async function countByLanguage(
  q: Queryable,
  unitIds: string[],
  from: string,
  to: string,
): Promise<LanguageCountRow[]> {
  if (unitIds.length === 0) return [];
  return queryRows<LanguageCountRow>(
    q,
    sql`select a.unit_id as "unitId", u.name as "unitName", a.language, a.kind, count(*)::int as count
        from activities a join units u on u.id = a.unit_id
        where a.unit_id = any(${toTextArray(unitIds)}::uuid[]) and a.language <> 'vi'
          and a.occurred_on between ${from}::date and ${to}::date
          and a.deleted_at is null and a.duplicate_of_id is null
        group by a.unit_id, u.name, a.language, a.kind
        order by u.name, a.language`,
  );
}

/** Deletes records softly in one statement (an import batch undone: thousands at once). */
export async function markActivitiesDeleted(
  q: Queryable,
  ids: string[],
  values: { deletedAt: Date; deletedBy: string | null; deleteReason: string },
): Promise<void> {
  if (ids.length === 0) return;
  await q.execute(
    sql`update activities set deleted_at = ${values.deletedAt.toISOString()}::timestamptz,
          deleted_by = ${values.deletedBy}, delete_reason = ${values.deleteReason}, updated_at = now()
        where id = any(${toTextArray(ids)}::uuid[]) and deleted_at is null`,
  );
}

/** The live records of an import batch, for undoing it. */
export async function findLiveActivitiesOfBatch(q: Queryable, batchId: string): Promise<ActivityRow[]> {
  return q
    .select()
    .from(activities)
    .where(and(eq(activities.importBatchId, batchId), isNull(activities.deletedAt)));
}

/** Records by id (deleted ones too), for a bulk action that checks each one. */
export type ReviewTargetRow = Pick<
  ActivityRow,
  'id' | 'unitId' | 'title' | 'kind' | 'reviewStatus' | 'reviewedAt' | 'deletedAt'
>;

export async function findActivityRowsByIds(q: Queryable, ids: string[]): Promise<ReviewTargetRow[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<ReviewTargetRow>(
    q,
    sql`select id, unit_id as "unitId", title, kind, review_status as "reviewStatus",
          reviewed_at as "reviewedAt", deleted_at as "deletedAt"
        from activities where id = any(${toTextArray(ids)}::uuid[])`,
  );
  // Timestamps from raw queries come back as text on one driver and Date on the other.
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  return rows.map((row) => ({ ...row, reviewedAt: date(row.reviewedAt), deletedAt: date(row.deletedAt) }));
}

/** Sets the review of many records in one statement. */
export async function markActivitiesReviewed(
  q: Queryable,
  ids: string[],
  values: { reviewStatus: 'accepted' | 'rejected'; reviewedAt: Date; reviewedBy: string | null },
): Promise<void> {
  if (ids.length === 0) return;
  await q.execute(
    sql`update activities set review_status = ${values.reviewStatus},
          reviewed_at = ${values.reviewedAt.toISOString()}::timestamptz, reviewed_by = ${values.reviewedBy},
          updated_at = now()
        where id = any(${toTextArray(ids)}::uuid[])`,
  );
}
