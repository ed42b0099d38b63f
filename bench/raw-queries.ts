/**
 * The lower bounds: for each operation, one hand-written SQL statement that produces the same rows,
 * sent straight to the driver. They are written for speed, not for reuse; the product's queries
 * live in src/server/db/repositories.
 */

const inForce = (alias: string) =>
  `${alias}.valid_from <= $2::date and (${alias}.valid_to is null or ${alias}.valid_to > $2::date)`;

/**
 * $1 root id, $2 date. Same rows, columns and order as findSubtreeAsOf. The `offset 0` fences keep
 * the planner from turning the per-row index lookups into a hash join over every unit, which its
 * row estimates for the recursive part would otherwise favour.
 */
export const SUBTREE_SQL = `
with recursive tree(id, parent_id, name, depth, path) as (
  select v.unit_id, v.parent_id, v.name, 0, array[v.name]
    from unit_versions v where v.unit_id = $1::uuid and ${inForce('v')}
  union all
  select c.unit_id, c.parent_id, c.name, t.depth + 1, t.path || c.name
    from tree t cross join lateral (
      select v.unit_id, v.parent_id, v.name from unit_versions v where v.parent_id = t.id and ${inForce('v')} offset 0
    ) c
)
select t.id, u.kind, u.code, t.name, t.parent_id as "parentId",
  (select pv.name from unit_versions pv where pv.unit_id = t.parent_id and ${inForce('pv')}) as "parentName",
  u.valid_from::text as "validFrom", u.valid_to::text as "validTo", u.website_url as "websiteUrl", t.depth,
  (select count(*)::int from unit_versions c where c.parent_id = t.id and ${inForce('c')}) as "childCount"
from tree t cross join lateral (select * from units u where u.id = t.id offset 0) u
order by t.path`;

/** $1 unit id, $2 date. Its direct children on the day, as GET /api/units/:id/children returns them. */
export const CHILDREN_SQL = `
select v.unit_id as id, u.kind, u.code, v.name, v.parent_id as "parentId",
  (select pv.name from unit_versions pv where pv.unit_id = v.parent_id and ${inForce('pv')}) as "parentName",
  u.valid_from::text as "validFrom", u.valid_to::text as "validTo", u.website_url as "websiteUrl", 1 as depth,
  (select count(*)::int from unit_versions c where c.parent_id = v.unit_id and ${inForce('c')}) as "childCount"
from unit_versions v cross join lateral (select * from units u where u.id = v.unit_id offset 0) u
where v.parent_id = $1::uuid and ${inForce('v')}
order by v.name`;

/**
 * $1 root id. Everything ever below the unit and, through merges, their predecessors (findRollupIds).
 * A unit reached through a split or dissolution is only partly the root's: its children are not.
 */
const ROLLUP_CTE = `scope(id, is_partial) as (
  select $1::uuid, false
  union
  select e.down, e.is_partial from scope s cross join lateral (
    select v.unit_id as down, false as is_partial from unit_versions v where v.parent_id = s.id and not s.is_partial
    union all
    select f.unit_id, s.is_partial or ev.kind <> 'merge' from unit_event_units t
      join unit_event_units f on f.event_id = t.event_id and f.role = 'from'
      join unit_events ev on ev.id = t.event_id and ev.kind in ('merge', 'split', 'dissolve')
    where t.unit_id = s.id and t.role = 'to'
  ) e
)`;

export const ROLLUP_SQL = `with recursive ${ROLLUP_CTE}
select distinct id from scope`;

/** $1 unit id. Its successors through merge/split/dissolve events, nearest first (findLineage). */
export const SUCCESSORS_SQL = `
with recursive lineage(id, distance) as (
  select n.unit_id, 1 from unit_event_units s
    join unit_events e on e.id = s.event_id and e.kind in ('merge', 'split', 'dissolve')
    join unit_event_units n on n.event_id = s.event_id and n.role = 'to'
  where s.unit_id = $1::uuid and s.role = 'from' and n.unit_id <> $1::uuid
  union
  select n.unit_id, l.distance + 1 from lineage l
    join unit_event_units s on s.unit_id = l.id and s.role = 'from'
    join unit_events e on e.id = s.event_id and e.kind in ('merge', 'split', 'dissolve')
    join unit_event_units n on n.event_id = s.event_id and n.role = 'to'
  where l.distance < 20 and n.unit_id <> l.id
)
select distinct on (u.id) u.id, u.name, u.code, u.kind, l.distance
from lineage l join units u on u.id = l.id
order by u.id, l.distance`;

/**
 * $1 JSON array of {code, name, kind, parent_code, search_text}, $2 effective date. Inserts the units
 * and their first versions in one statement; parents are found by code within the same rows.
 */
export const IMPORT_SQL = `
with src as (
  select r.*, gen_random_uuid() as id
  from json_to_recordset($1::json) as r(code text, name text, kind text, parent_code text, search_text text)
), linked as (
  select s.id, s.code, s.name, s.kind, s.search_text, p.id as parent_id
  from src s left join src p on p.code = s.parent_code
), new_units as (
  insert into units (id, kind, code, name, search_text, parent_id, valid_from)
  select id, kind, code, name, search_text, parent_id, $2::date from linked
)
insert into unit_versions (unit_id, name, parent_id, valid_from)
select id, name, parent_id, $2::date from linked`;

/** Not timed: a digest of every imported unit and version, to prove both sides wrote the same. */
export const IMPORTED_DIGEST_SQL = `
select count(*)::int as count, md5(string_agg(concat_ws('|', u.code, u.name, u.kind, p.code, u.search_text, u.valid_from,
  u.valid_to, v.name, vp.code, v.valid_from, v.valid_to), ',' order by u.code)) as digest
from units u left join units p on p.id = u.parent_id
  join unit_versions v on v.unit_id = u.id left join units vp on vp.id = v.parent_id`;

/**
 * $1 province id, $2 first day, $3 last day. The first 50 live records of the province's roll-up in
 * the period, newest first, with the list's columns and the total of the period in every row.
 */
export const ACTIVITY_LIST_SQL = `
with recursive ${ROLLUP_CTE}, hits as (
  select a.* from activities a
  where a.unit_id in (select id from scope) and a.occurred_on between $2::date and $3::date and a.deleted_at is null
)
select a.id, a.kind, a.unit_id as "unitId", u.name as "unitName", a.channel_id as "channelId", c.name as "channelName",
  a.occurred_at as "occurredAt", a.occurred_on::text as "occurredOn", a.title, a.url, a.genre, a.topics, a.language,
  a.author, a.programme, a.duration_seconds as "durationSeconds", a.source, a.issue_number as "issueNumber",
  a.target_url as "targetUrl", a.is_verified as "isVerified", a.provenance, a.recorded_at as "recordedAt",
  ru.full_name as "recordedByName", a.review_status as "reviewStatus", a.reviewed_at as "reviewedAt",
  a.duplicate_of_id as "duplicateOfId", a.translation_of_id as "translationOfId", a.library_item_id as "libraryItemId",
  a.deleted_at as "deletedAt", a.delete_reason as "deleteReason", (select count(*)::int from hits) as total
from hits a join units u on u.id = a.unit_id
  left join channels c on c.id = a.channel_id left join users ru on ru.id = a.recorded_by
order by a.occurred_at desc, a.id limit 50`;

/** $1 unit id, $2 first Monday, $3 last Sunday. Live, non-duplicate broadcasts per ISO week. */
export const WEEKLY_BROADCASTS_SQL = `
select date_trunc('week', a.occurred_on)::date::text as monday, count(*)::int as count
from activities a
where a.unit_id = $1::uuid and a.kind = 'broadcast' and a.occurred_on between $2::date and $3::date
  and a.deleted_at is null and a.duplicate_of_id is null
group by 1 order by 1`;

/** $1 JSON array of prepared broadcast rows: one statement inserts them all. */
export const ACTIVITY_IMPORT_SQL = `
insert into activities (kind, unit_id, channel_id, occurred_at, occurred_on, title, search_text, genre, topics,
  programme, duration_seconds, source, provenance, import_batch_id)
select 'broadcast', r.unit_id, r.channel_id, r.occurred_at, r.occurred_on, r.title, r.search_text, r.genre,
  array(select json_array_elements_text(r.topics)), r.programme, r.duration_seconds, 'own', 'import', r.import_batch_id
from json_to_recordset($1::json) as r(unit_id uuid, channel_id uuid, occurred_at timestamptz, occurred_on date,
  title text, search_text text, genre text, topics json, programme text, duration_seconds int, import_batch_id uuid)`;

/** Not timed: a digest of one batch's stored records, to prove both sides wrote the same. */
export const BATCH_DIGEST_SQL = `
select count(*)::int as count, md5(string_agg(concat_ws('|', kind, unit_id, channel_id, occurred_at, occurred_on, title,
  search_text, url, genre, topics::text, language, programme, duration_seconds, source, provenance, review_status,
  duplicate_of_id), ',' order by title)) as digest
from activities where import_batch_id = $1::uuid`;

/**
 * $1 root unit id (null: the whole country), $2 the day whose units are scored, $3 unit kinds,
 * $4 activity kind, $5 channel kind, $6 first day, $7 last day. The scored units, each with the units
 * merged into it (transitively), and their live, non-duplicate, non-rejected records in the DX channel
 * per unit and day: what a live scoreboard must read for one measure.
 */
export const SCORING_MEASURE_SQL = `
with recursive tree(id, depth) as (
  select $1::uuid, 0 where $1::uuid is not null
  union all
  select v.unit_id, t.depth + 1 from tree t
    join unit_versions v on v.parent_id = t.id and v.valid_from <= $2::date and (v.valid_to is null or v.valid_to > $2::date)
  where t.depth < 10
),
scored as (
  select u.id from units u join unit_versions v on v.unit_id = u.id
    and v.valid_from <= $2::date and (v.valid_to is null or v.valid_to > $2::date)
  where u.kind = any($3::text[]) and ($1::uuid is null or u.id in (select id from tree))
),
sources(target_id, source_id, depth) as (
  select id, id, 0 from scored
  union
  select s.target_id, f.unit_id, s.depth + 1 from sources s
    join unit_event_units t on t.unit_id = s.source_id and t.role = 'to'
    join unit_events e on e.id = t.event_id and e.kind = 'merge'
    join unit_event_units f on f.event_id = t.event_id and f.role = 'from'
  where s.depth < 20
)
select s.target_id as "unitId", a.occurred_on::text as day, count(*)::int as n
from (select distinct target_id, source_id from sources) s
  join activities a on a.unit_id = s.source_id
  join channels c on c.id = a.channel_id
where a.kind = $4 and c.kind = $5 and a.occurred_on between $6::date and $7::date
  and a.deleted_at is null and a.duplicate_of_id is null and a.review_status <> 'rejected'
group by s.target_id, a.occurred_on`;
