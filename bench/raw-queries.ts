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

/** $1 root id. Everything ever below the unit and, through merges, their predecessors (findRollupIds). */
export const ROLLUP_SQL = `
with recursive scope(id) as (
  select $1::uuid
  union
  select e.down from scope s cross join lateral (
    select v.unit_id as down from unit_versions v where v.parent_id = s.id
    union all
    select f.unit_id from unit_event_units t
      join unit_event_units f on f.event_id = t.event_id and f.role = 'from'
      join unit_events ev on ev.id = t.event_id and ev.kind in ('merge', 'split', 'dissolve')
    where t.unit_id = s.id and t.role = 'to'
  ) e
)
select id from scope`;

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
