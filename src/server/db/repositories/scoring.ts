import { type SQL, sql } from 'drizzle-orm';
import type { ChannelKind } from '../../../shared/activities';
import type { ChannelMeasureSpec, MeasureSource, MeasureSpec } from '../../../shared/frameworks/definition';
import type { UnitKind } from '../../../shared/units';
import type { Queryable } from '../client';
import { queryRows } from '../sql';

/**
 * The SQL behind live scores. One query per distinct measure of a framework returns, per unit, the
 * days with records and how many: a province's whole scoreboard is a handful of aggregate queries
 * whatever the number of criteria, and the pure engine does the rest.
 */

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
const textArray = (values: readonly string[]) =>
  sql`${`{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

/** A unit scored on a scoreboard, as it was on the day the board shows units. */
export interface ScoredUnitRow {
  id: string;
  kind: UnitKind;
  code: string | null;
  name: string;
  parentId: string | null;
  parentName: string | null;
  validFrom: string;
  validTo: string | null;
}

const scoredUnitColumns = sql`u.id, u.kind, u.code, v.name, v.parent_id as "parentId",
  (select p.name from unit_versions p where p.unit_id = v.parent_id order by (p.valid_to is null) desc, p.valid_to desc limit 1) as "parentName",
  u.valid_from::text as "validFrom", u.valid_to::text as "validTo"`;

function inForce(date: string) {
  return sql`v.valid_from <= ${date}::date and (v.valid_to is null or v.valid_to > ${date}::date)`;
}

/**
 * Units of the given kinds in a subtree on a day (the root itself included when its kind matches),
 * or in the whole country when no root is given.
 */
export async function findScoredUnits(
  q: Queryable,
  rootId: string | null,
  date: string,
  kinds: readonly UnitKind[],
): Promise<ScoredUnitRow[]> {
  if (kinds.length === 0) return [];
  const kindFilter = sql`u.kind = any(${textArray(kinds)})`;
  if (rootId === null)
    return queryRows<ScoredUnitRow>(
      q,
      sql`select ${scoredUnitColumns} from units u join unit_versions v on v.unit_id = u.id and ${inForce(date)}
          where ${kindFilter}`,
    );
  return queryRows<ScoredUnitRow>(
    q,
    sql`with recursive tree(id, depth) as (
          select ${rootId}::uuid, 0
          union all
          select v.unit_id, t.depth + 1 from tree t join unit_versions v on v.parent_id = t.id and ${inForce(date)}
          where t.depth < 10
        )
        select ${scoredUnitColumns} from tree t join units u on u.id = t.id
          join unit_versions v on v.unit_id = u.id and ${inForce(date)}
        where ${kindFilter}`,
  );
}

/** Units of the given kinds among `ids` that were in force on a day (a roll-up scope seen as it was then). */
export async function findScoredUnitsAmong(
  q: Queryable,
  ids: readonly string[],
  date: string,
  kinds: readonly UnitKind[],
): Promise<ScoredUnitRow[]> {
  if (ids.length === 0 || kinds.length === 0) return [];
  return queryRows<ScoredUnitRow>(
    q,
    sql`select ${scoredUnitColumns} from units u join unit_versions v on v.unit_id = u.id and ${inForce(date)}
        where u.id = any(${uuidArray(ids)}) and u.kind = any(${textArray(kinds)})`,
  );
}

/** A unit whose records count toward a scored unit: itself, or a unit merged into it. */
export interface SourceUnitRow {
  targetId: string;
  sourceId: string;
  validFrom: string;
  validTo: string | null;
}

/**
 * Each unit with the units merged into it, transitively (a commune merged in 2020 and again in 2025
 * reaches today's commune). Only merges pass records on: a split or dissolved unit's records would
 * otherwise count twice, once for each successor.
 */
export async function findMergeSources(q: Queryable, unitIds: readonly string[]): Promise<SourceUnitRow[]> {
  if (unitIds.length === 0) return [];
  return queryRows<SourceUnitRow>(
    q,
    sql`with recursive sources(target_id, source_id, depth) as (
          select id, id, 0 from unnest(${uuidArray(unitIds)}) as id
          union
          select s.target_id, f.unit_id, s.depth + 1 from sources s
            join unit_event_units t on t.unit_id = s.source_id and t.role = 'to'
            join unit_events e on e.id = t.event_id and e.kind = 'merge'
            join unit_event_units f on f.event_id = t.event_id and f.role = 'from'
          where s.depth < 20
        )
        select distinct s.target_id as "targetId", s.source_id as "sourceId",
          u.valid_from::text as "validFrom", u.valid_to::text as "validTo"
        from sources s join units u on u.id = s.source_id`,
  );
}

/** The DX channel a measure counts in when the framework names none. */
const DEFAULT_CHANNEL_KINDS: Record<MeasureSource, readonly ChannelKind[] | null> = {
  posts: ['website_column'],
  broadcasts: ['radio_programme'],
  press_issues: ['press_column'],
  banners: null,
};

const ACTIVITY_KIND_OF: Record<MeasureSource, string> = {
  posts: 'post',
  broadcasts: 'broadcast',
  press_issues: 'press_issue',
  banners: 'banner',
};

/** The narrowing filters of a measure on activities `a` (topics, genres, languages…). */
function measureFilters(spec: MeasureSpec): SQL[] {
  const conditions: SQL[] = [];
  if (spec.topics) conditions.push(sql`a.topics && ${textArray(spec.topics)}`);
  if (spec.genres) conditions.push(sql`a.genre = any(${textArray(spec.genres)})`);
  if (spec.languages) conditions.push(sql`a.language = any(${textArray(spec.languages)})`);
  if (spec.ethnicLanguagesOnly) conditions.push(sql`a.language <> 'vi'`);
  if (spec.translationsOnly) conditions.push(sql`a.translation_of_id is not null`);
  if (spec.provenances) conditions.push(sql`a.provenance = any(${textArray(spec.provenances)})`);
  if (spec.broadcastSources) conditions.push(sql`a.source = any(${textArray(spec.broadcastSources)})`);
  if (spec.verifiedOnly) conditions.push(sql`a.is_verified`);
  return conditions;
}

/** Every condition of a measure on activities `a` (the counted records list uses it). */
export function measureConditions(spec: MeasureSpec): SQL[] {
  const conditions: SQL[] = [
    sql`a.kind = ${ACTIVITY_KIND_OF[spec.source]}`,
    sql`a.deleted_at is null`,
    // A suspected duplicate counts once a person decides it is not one.
    sql`a.duplicate_of_id is null`,
    spec.acceptedOnly ? sql`a.review_status = 'accepted'` : sql`a.review_status <> 'rejected'`,
    ...measureFilters(spec),
  ];
  const channel = channelCondition(spec);
  if (channel) conditions.push(channel);
  return conditions;
}

/**
 * The channel condition of a measure as a semi-join on the small channels table, or none; with the
 * units known, only their channels are looked at.
 */
function channelCondition(spec: MeasureSpec, unitIds?: readonly string[]): SQL | null {
  const channelKinds = spec.channelKinds ?? DEFAULT_CHANNEL_KINDS[spec.source];
  if (!channelKinds && !spec.platforms) return null;
  const parts: SQL[] = [];
  if (unitIds) parts.push(sql`c.unit_id = any(${uuidArray(unitIds)})`);
  if (channelKinds) parts.push(sql`c.kind = any(${textArray(channelKinds)})`);
  if (spec.platforms) parts.push(sql`c.platform = any(${textArray(spec.platforms)})`);
  return sql`a.channel_id in (select c.id from channels c where ${sql.join(parts, sql` and `)})`;
}

/** Above this many units, filtering by unit costs more than counting every unit and dropping the rest. */
const UNIT_FILTER_LIMIT = 2000;

/** Per source unit: the epoch days with records of the measure and the count on each (in no order). */
export interface DayCountsRow {
  unitId: string;
  days: number[];
  counts: number[];
}

/**
 * One measure's records per unit and day. The conditions match the partial covering indexes of
 * migration 0005 (live, not a suspected duplicate, not rejected), so PostgreSQL answers from the
 * index alone; the channel kind is a semi-join on channels. For a large set of units (the whole
 * country) the unit filter is left out: every unit is counted and the caller keeps those it needs.
 */
export async function countMeasureByDay(
  q: Queryable,
  spec: MeasureSpec,
  sourceIds: readonly string[],
  from: string,
  to: string,
): Promise<DayCountsRow[]> {
  if (sourceIds.length === 0) return [];
  const conditions = [
    sql`a.kind = ${ACTIVITY_KIND_OF[spec.source]}`,
    sql`a.occurred_on between ${from}::date and ${to}::date`,
    sql`a.deleted_at is null`,
    sql`a.duplicate_of_id is null`,
    spec.acceptedOnly ? sql`a.review_status = 'accepted'` : sql`a.review_status <> 'rejected'`,
    ...measureFilters(spec),
  ];
  const filterUnits = sourceIds.length <= UNIT_FILTER_LIMIT;
  if (filterUnits) conditions.push(sql`a.unit_id = any(${uuidArray(sourceIds)})`);
  const channel = channelCondition(spec, filterUnits ? sourceIds : undefined);
  if (channel) conditions.push(channel);
  // array_agg without ORDER BY lets both levels hash-aggregate instead of sorting every record.
  const rows = await queryRows<{ unitId: string; days: unknown; counts: unknown }>(
    q,
    sql`select unit_id as "unitId", array_agg(day) as days, array_agg(n) as counts
        from (
          select a.unit_id, (a.occurred_on - date '1970-01-01')::int as day, count(*)::int as n
          from activities a
          where ${sql.join(conditions, sql` and `)}
          group by a.unit_id, a.occurred_on
        ) per_day
        group by unit_id`,
  );
  return rows.map((row) => ({ unitId: row.unitId, days: intArray(row.days), counts: intArray(row.counts) }));
}

/** node-postgres and PGlite both parse int[]; the guard keeps a text form ("{1,2}") working too. */
function intArray(value: unknown): number[] {
  if (Array.isArray(value)) return value.map(Number);
  if (typeof value === 'string') return value.replace(/[{}]/g, '').split(',').filter(Boolean).map(Number);
  return [];
}

export interface ChannelFactRow {
  unitId: string;
  name: string;
  kind: string;
  platform: string;
  startedOn: string | null;
  endedOn: string | null;
}

/** Channels of the units that were live at some day of [from, to] (started by `to`, not ended before `from`). */
export async function findLiveChannels(
  q: Queryable,
  sourceIds: readonly string[],
  from: string,
  to: string,
): Promise<ChannelFactRow[]> {
  if (sourceIds.length === 0) return [];
  return queryRows<ChannelFactRow>(
    q,
    sql`select c.unit_id as "unitId", c.name, c.kind, c.platform, c.started_on::text as "startedOn",
          c.ended_on::text as "endedOn"
        from channels c
        where c.unit_id = any(${uuidArray(sourceIds)}) and c.deleted_at is null
          and (c.started_on is null or c.started_on <= ${to}::date)
          and (c.ended_on is null or c.ended_on >= ${from}::date)
        order by c.started_on nulls last`,
  );
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
          u.name as "unitName", c.name as "channelName"
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
