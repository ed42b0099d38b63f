import { type SQL, sql } from 'drizzle-orm';
import { type ActivityKind, CHANNEL_KINDS_FOR_ACTIVITY, type ChannelKind } from '../../../shared/activities';
import {
  type ChannelMeasureSpec,
  type MeasureSource,
  type MeasureSpec,
  measureSources,
} from '../../../shared/frameworks/definition';
import type { Queryable } from '../client';
import { queryOne, queryRows } from '../sql';

/**
 * The SQL behind live scores. One query per distinct measure of a framework returns, per unit, the
 * days with records and how many: a province's whole scoreboard is a handful of aggregate queries
 * whatever the number of criteria, and the pure engine does the rest.
 */

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
/**
 * `column` is one of the ids. The list goes through a sub-select so that the planner does not
 * estimate each of its hundreds of values against the column's statistics: with PGlite that
 * estimate alone cost more than counting a province's records.
 */
const isOneOf = (column: SQL, ids: readonly string[]) =>
  sql`${column} = any(array(select unnest(${uuidArray(ids)})))`;
const textArray = (values: readonly string[]) =>
  sql`${`{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

/** The DX channel a measure counts in when the framework names none. */
const DEFAULT_CHANNEL_KINDS: Record<MeasureSource, readonly ChannelKind[] | null> = {
  posts: ['website_column'],
  broadcasts: ['radio_programme'],
  press_issues: ['press_column'],
  banners: null,
};

const ACTIVITY_KIND_OF: Record<MeasureSource, ActivityKind> = {
  posts: 'post',
  broadcasts: 'broadcast',
  press_issues: 'press_issue',
  banners: 'banner',
};

/** A column of the activities row named `alias` ("a", or "b" for another version of the same item). */
const col = (alias: string, name: string) => sql.raw(`${alias}.${name}`);

/** The kind condition of a measure: one kind, or any of several counted together. */
function kindCondition(spec: MeasureSpec, alias: string): SQL {
  const kinds = measureSources(spec).map((source) => ACTIVITY_KIND_OF[source]);
  return kinds.length === 1
    ? sql`${col(alias, 'kind')} = ${kinds[0]}`
    : sql`${col(alias, 'kind')} = any(${textArray(kinds)})`;
}

/** The narrowing filters of a measure on an activities row (topics, genres, languages…). */
function measureFilters(spec: MeasureSpec, alias = 'a'): SQL[] {
  const c = (name: string) => col(alias, name);
  const conditions: SQL[] = [];
  if (spec.topics) conditions.push(sql`${c('topics')} && ${textArray(spec.topics)}`);
  if (spec.genres) conditions.push(sql`${c('genre')} = any(${textArray(spec.genres)})`);
  if (spec.languages) conditions.push(sql`${c('language')} = any(${textArray(spec.languages)})`);
  if (spec.ethnicLanguagesOnly) conditions.push(sql`${c('language')} <> 'vi'`);
  if (spec.translationsOnly) conditions.push(sql`${c('translation_of_id')} is not null`);
  if (spec.provenances) conditions.push(sql`${c('provenance')} = any(${textArray(spec.provenances)})`);
  if (spec.broadcastSources) conditions.push(sql`${c('source')} = any(${textArray(spec.broadcastSources)})`);
  if (spec.verifiedOnly) conditions.push(sql`${c('is_verified')}`);
  return conditions;
}

/** Whether a row counts at all: live, not a suspected duplicate, not rejected (or accepted). */
function liveConditions(spec: MeasureSpec, alias: string): SQL[] {
  return [
    sql`${col(alias, 'deleted_at')} is null`,
    // A suspected duplicate counts once a person decides it is not one.
    sql`${col(alias, 'duplicate_of_id')} is null`,
    spec.acceptedOnly
      ? sql`${col(alias, 'review_status')} = 'accepted'`
      : sql`${col(alias, 'review_status')} <> 'rejected'`,
  ];
}

/** Every condition of a measure on an activities row, but the day (the counted records list uses it). */
function matchConditions(spec: MeasureSpec, alias: string, unitIds?: readonly string[]): SQL[] {
  const conditions: SQL[] = [
    kindCondition(spec, alias),
    ...liveConditions(spec, alias),
    ...measureFilters(spec, alias),
  ];
  const channel = channelCondition(spec, alias, unitIds);
  if (channel) conditions.push(channel);
  return conditions;
}

/** Every condition of a measure on activities `a`, one item once (the counted records list uses it). */
export function measureConditions(spec: MeasureSpec): SQL[] {
  return [...matchConditions(spec, 'a'), ...onceConditions(spec)];
}

/**
 * A record and its translations are one item ("a translation is a version of the same post, not a
 * new post"): unless the measure says `eachVersion`, an original counts as itself, and a translation
 * only when the measure does not match its original (at any date: a measure of ethnic-language
 * posts, say) and no other translation of the same original that it matches is earlier (same day:
 * the lower id). Originals are told apart by `translation_of_id is null`, which the scoring indexes
 * of migration 0007 carry, so counts stay index-only; translations are few.
 */
function onceConditions(spec: MeasureSpec): SQL[] {
  if (spec.eachVersion) return [];
  const other = sql.join(matchConditions(spec, 'b'), sql` and `);
  return [
    sql`(a.translation_of_id is null or (
      not exists (select 1 from activities b where b.id = a.translation_of_id and ${other})
      and not exists (select 1 from activities b
        where b.translation_of_id = a.translation_of_id and b.id <> a.id
          and (b.occurred_on < a.occurred_on or (b.occurred_on = a.occurred_on and b.id < a.id))
          and ${other})))`,
  ];
}

/**
 * The channel condition of a measure as a semi-join on the small channels table, or none; with the
 * units known, only their channels are looked at. A measure over several sources without
 * `channelKinds` takes each source's default channel: (posts on the website column) or (press
 * issues in the press column).
 */
function channelCondition(spec: MeasureSpec, alias: string, unitIds?: readonly string[]): SQL | null {
  const sources = measureSources(spec);
  if (spec.channelKinds || sources.length === 1)
    return sourceChannelCondition(
      spec,
      sources,
      spec.channelKinds ?? DEFAULT_CHANNEL_KINDS[sources[0]!],
      alias,
      unitIds,
    );
  const perSource = sources.map((source) => {
    const condition = sourceChannelCondition(spec, [source], DEFAULT_CHANNEL_KINDS[source], alias, unitIds);
    const kind = sql`${col(alias, 'kind')} = ${ACTIVITY_KIND_OF[source]}`;
    return condition ? sql`(${kind} and ${condition})` : kind;
  });
  return sql`(${sql.join(perSource, sql` or `)})`;
}

function sourceChannelCondition(
  spec: MeasureSpec,
  sources: readonly MeasureSource[],
  channelKinds: readonly ChannelKind[] | null,
  alias: string,
  unitIds?: readonly string[],
): SQL | null {
  if (!channelKinds && !spec.platforms) return null;
  // A record is only ever on a channel of a kind that carries its kind (prepareActivity checks it and
  // a channel cannot change to a kind its records do not fit): when the measure accepts every such
  // kind, "on a channel" says the same without the join, which costs more than the count itself on a
  // national board (broadcasts: radio programmes only).
  const carried = sources.every((source) =>
    CHANNEL_KINDS_FOR_ACTIVITY[ACTIVITY_KIND_OF[source]].every((kind) => channelKinds?.includes(kind)),
  );
  if (!spec.platforms && channelKinds && carried) return sql`${col(alias, 'channel_id')} is not null`;
  const parts: SQL[] = [];
  if (unitIds) parts.push(isOneOf(sql`c.unit_id`, unitIds));
  if (channelKinds) parts.push(sql`c.kind = any(${textArray(channelKinds)})`);
  if (spec.platforms) parts.push(sql`c.platform = any(${textArray(spec.platforms)})`);
  return sql`${col(alias, 'channel_id')} in (select c.id from channels c where ${sql.join(parts, sql` and `)})`;
}

/** Above this many units, filtering by unit costs more than counting every unit and dropping the rest. */
const UNIT_FILTER_LIMIT = 2000;

/**
 * Records are sent as one character each, its code DAY_CODE_BASE + the day's offset from the first
 * day counted: past the control characters and far below the UTF-16 surrogates for any period.
 */
export const DAY_CODE_BASE = 256;
const MAX_DAYS_COUNTED = 0xd800 - DAY_CODE_BASE;

/** Per source unit id: every record of the measure as one character (see DAY_CODE_BASE), in no order. */
export type RecordDaysByUnit = Record<string, string>;

export interface ChannelFactRow {
  unitId: string;
  name: string;
  kind: string;
  platform: string;
  startedOn: string | null;
  endedOn: string | null;
}

export interface ScoringFactRows {
  /** In the order of the measures asked for. */
  recordDays: RecordDaysByUnit[];
  channels: ChannelFactRow[];
}

/**
 * Everything a board counts, in one statement: for each measure, the source units' records as the
 * days they fall on, and the units' channels live at some day of [from, to].
 *
 * - A day per record rather than a count per day: PostgreSQL then groups by unit only (a national
 *   board has some 10,000 groups instead of some 200,000 unit-days, which spilled to disk).
 * - One row of JSON values rather than rows: the drivers parse a JSON value far faster than the
 *   thousands of rows a national board would be, and with PGlite, which runs one statement at a
 *   time, each statement has a cost of its own that a province's board felt.
 * - The measure conditions match the partial covering indexes of migration 0005 (live, not a
 *   suspected duplicate, not rejected), so records are counted from the index alone.
 * - For a large set of units (the whole country) the unit filter is left out: every unit is counted
 *   and the caller keeps those it needs.
 */
export async function findScoringFacts(
  q: Queryable,
  measures: readonly MeasureSpec[],
  sourceIds: readonly string[],
  from: string,
  to: string,
): Promise<ScoringFactRows> {
  if (sourceIds.length === 0) return { recordDays: measures.map(() => ({})), channels: [] };
  if (daysBetween(from, to) >= MAX_DAYS_COUNTED)
    throw new Error(`findScoringFacts: ${from}..${to} is too long a span to count by day`);
  const unitIds = sourceIds.length <= UNIT_FILTER_LIMIT ? sourceIds : undefined;
  const measureColumns = measures.map(
    (spec, i) =>
      sql`(select json_object_agg(m.unit_id, m.days) from (${recordDaysQuery(spec, unitIds, from, to)}) m) as ${sql.raw(`"m${i}"`)}`,
  );
  const row = await queryOne<Record<string, unknown>>(
    q,
    sql`select ${sql.join([...measureColumns, sql`(${liveChannelsQuery(unitIds, from, to)}) as "channels"`], sql`, `)}`,
  );
  return {
    recordDays: measures.map((_, i) => (row?.[`m${i}`] as RecordDaysByUnit | null) ?? {}),
    channels: (row?.channels as ChannelFactRow[] | null) ?? [],
  };
}

/** One measure's records per unit, each as a character (see DAY_CODE_BASE); all units when `unitIds` is undefined. */
function recordDaysQuery(
  spec: MeasureSpec,
  unitIds: readonly string[] | undefined,
  from: string,
  to: string,
): SQL {
  const conditions = [
    sql`a.occurred_on between ${from}::date and ${to}::date`,
    ...matchConditions(spec, 'a', unitIds),
    ...onceConditions(spec),
  ];
  if (unitIds) conditions.push(isOneOf(sql`a.unit_id`, unitIds));
  return sql`select a.unit_id, string_agg(chr(${DAY_CODE_BASE} + (a.occurred_on - ${from}::date)), '') as days
    from activities a
    where ${sql.join(conditions, sql` and `)}
    group by a.unit_id`;
}

/** The units' channels live at some day of [from, to] (started by `to`, not ended before `from`), as one JSON array. */
function liveChannelsQuery(unitIds: readonly string[] | undefined, from: string, to: string): SQL {
  const unitFilter = unitIds ? sql`${isOneOf(sql`c.unit_id`, unitIds)} and` : sql``;
  return sql`select json_agg(json_build_object('unitId', c.unit_id, 'name', c.name, 'kind', c.kind,
      'platform', c.platform, 'startedOn', c.started_on, 'endedOn', c.ended_on))
    from channels c
    where ${unitFilter} c.deleted_at is null
      and (c.started_on is null or c.started_on <= ${to}::date)
      and (c.ended_on is null or c.ended_on >= ${from}::date)`;
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/**
 * Whether a channel matches a channel measure by kind and platform. Its start date is the engine's
 * to judge (a late start is explained, not hidden).
 */
export function channelMatches(row: ChannelFactRow, spec: ChannelMeasureSpec): boolean {
  if (!spec.channelKinds.includes(row.kind as ChannelKind)) return false;
  return !spec.platforms || spec.platforms.some((platform) => platform === row.platform);
}

export interface CountedRecordRow {
  id: string;
  kind: 'post' | 'broadcast' | 'press_issue' | 'banner';
  title: string;
  occurredOn: string;
  url: string | null;
  language: string;
  unitName: string;
  channelName: string | null;
  channelKind: string | null;
}

/** A measure and the days, both included, its records are counted on. */
export interface CountedSpan {
  measure: MeasureSpec;
  from: string;
  to: string;
}

/** The records any of the measures counted for the units on its days, newest first, with the total. */
export async function findCountedRecords(
  q: Queryable,
  spans: readonly CountedSpan[],
  sourceIds: readonly string[],
  page: { limit: number; offset: number },
): Promise<{ items: CountedRecordRow[]; total: number }> {
  if (spans.length === 0 || sourceIds.length === 0) return { items: [], total: 0 };
  const anySpan = sql.join(
    spans.map(
      ({ measure, from, to }) =>
        sql`(${sql.join(
          [sql`a.occurred_on between ${from}::date and ${to}::date`, ...measureConditions(measure)],
          sql` and `,
        )})`,
    ),
    sql` or `,
  );
  const where = sql`a.unit_id = any(${uuidArray(sourceIds)}) and (${anySpan})`;
  const items = await queryRows<CountedRecordRow>(
    q,
    sql`select a.id, a.kind, a.title, a.occurred_on::text as "occurredOn", a.url, a.language,
          u.name as "unitName", c.name as "channelName", c.kind as "channelKind"
        from activities a join units u on u.id = a.unit_id left join channels c on c.id = a.channel_id
        where ${where}
        order by a.occurred_at desc, a.id
        limit ${page.limit} offset ${page.offset}`,
  );
  const [counted] = await queryRows<{ total: number }>(
    q,
    sql`select count(*)::int as total from activities a left join channels c on c.id = a.channel_id where ${where}`,
  );
  return { items, total: counted?.total ?? 0 };
}
