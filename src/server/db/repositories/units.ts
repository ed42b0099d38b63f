import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { compareVietnamese, foldForSearch } from '../../../shared/text';
import type { UnitEventKind, UnitEventRole, UnitKind } from '../../../shared/units';
import type { Queryable } from '../client';
import { fixedQuery } from '../fixed-query';
import { unitEvents, unitEventUnits, units, unitVersions } from '../schema';
import { queryOne, queryRows } from '../sql';

/** A unit as it was on one day: name and parent of the version in force that day. */
export interface UnitAsOf {
  id: string;
  kind: UnitKind;
  code: string | null;
  name: string;
  parentId: string | null;
  parentName: string | null;
  validFrom: string;
  validTo: string | null;
  websiteUrl: string | null;
  childCount: number;
}

export interface SubtreeRow extends UnitAsOf {
  depth: number;
}

/**
 * Columns of a unit on a day, as SQL text; expects aliases u (units) and v (its version in force), and
 * `day` is the text of the day (`$2::date`). The parent's name is the one in force that day too: a
 * province renamed in 2024 shows its new name above a commune whose own version began earlier.
 */
function unitColumnsText(day: string): string {
  return `
  u.id, u.kind, u.code, v.name, v.parent_id as "parentId",
  coalesce(
    (select pv.name from unit_versions pv where pv.unit_id = v.parent_id
       and pv.valid_from <= ${day} and (pv.valid_to is null or pv.valid_to > ${day})
       order by pv.valid_from desc limit 1),
    (select p.name from units p where p.id = v.parent_id)) as "parentName",
  u.valid_from::text as "validFrom", u.valid_to::text as "validTo", u.website_url as "websiteUrl"`;
}

/** The same columns split where the day goes, for the statements built with drizzle's `sql`. */
const UNIT_COLUMN_PIECES = unitColumnsText('\u0000').split('\u0000');

function unitColumnsOn(day: SQL): SQL {
  return sql.join(
    UNIT_COLUMN_PIECES.flatMap((piece, i) => (i === 0 ? [sql.raw(piece)] : [day, sql.raw(piece)])),
  );
}

function versionInForce(date: string) {
  return sql`v.valid_from <= ${date}::date and (v.valid_to is null or v.valid_to > ${date}::date)`;
}

export interface NewUnit {
  kind: UnitKind;
  code: string | null;
  name: string;
  parentId: string | null;
  validFrom: string;
  validTo?: string | null;
  websiteUrl?: string | null;
}

export async function insertUnits(
  q: Queryable,
  rows: NewUnit[],
): Promise<Array<{ id: string; code: string | null }>> {
  const created: Array<{ id: string; code: string | null }> = [];
  for (let i = 0; i < rows.length; i += 500) {
    const slice = rows.slice(i, i + 500);
    const inserted = await q
      .insert(units)
      .values(
        slice.map((row) => ({
          kind: row.kind,
          code: row.code,
          name: row.name,
          searchText: foldForSearch(`${row.name} ${row.code ?? ''}`),
          parentId: row.parentId,
          validFrom: row.validFrom,
          validTo: row.validTo ?? null,
          websiteUrl: row.websiteUrl ?? null,
        })),
      )
      .returning({ id: units.id, code: units.code });
    await q.insert(unitVersions).values(
      slice.map((row, index) => ({
        unitId: inserted[index]!.id,
        name: row.name,
        parentId: row.parentId,
        validFrom: row.validFrom,
        validTo: row.validTo ?? null,
      })),
    );
    created.push(...inserted);
  }
  return created;
}

export async function getUnitRow(q: Queryable, id: string) {
  const [row] = await q.select().from(units).where(eq(units.id, id));
  return row;
}

/** Current units (not ended) with the given codes, keyed by code. */
export async function findCurrentUnitsByCode(q: Queryable, codes: string[]) {
  if (codes.length === 0) return new Map<string, typeof units.$inferSelect>();
  const rows = await q
    .select()
    .from(units)
    .where(and(inArray(units.code, codes), isNull(units.validTo)));
  return new Map(rows.map((row) => [row.code!, row]));
}

export async function findAllCurrentUnitsWithCode(q: Queryable) {
  return q
    .select()
    .from(units)
    .where(and(isNull(units.validTo), sql`${units.code} is not null`));
}

export async function getUnitAsOf(q: Queryable, id: string, date: string): Promise<UnitAsOf | undefined> {
  return queryOne<UnitAsOf>(
    q,
    sql`select ${unitColumnsOn(sql`${date}::date`)},
      (select count(*)::int from unit_versions c where c.parent_id = u.id
         and c.valid_from <= ${date}::date and (c.valid_to is null or c.valid_to > ${date}::date)) as "childCount"
    from units u join unit_versions v on v.unit_id = u.id and ${versionInForce(date)}
    where u.id = ${id}`,
  );
}

/**
 * A unit asked about on a day it did not exist, shown on the nearest day it did: today when it exists
 * today, its last day when it has ended, its first day when it has not begun yet.
 */
export async function getUnitLatest(
  q: Queryable,
  id: string,
): Promise<{ unit: UnitAsOf; day: string } | undefined> {
  const now = today();
  const row = await queryOne<{ day: string }>(
    q,
    sql`select (case
          when u.valid_from <= ${now}::date and (u.valid_to is null or u.valid_to > ${now}::date) then ${now}::date
          when u.valid_to is not null and u.valid_to <= ${now}::date then u.valid_to - 1
          else u.valid_from end)::text as day
        from units u where u.id = ${id}`,
  );
  if (!row) return undefined;
  const unit = await getUnitAsOf(q, id, row.day);
  return unit ? { unit, day: row.day } : undefined;
}

export function today(): string {
  // Dates are Vietnamese calendar days (UTC+7, no daylight saving).
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The subtree of a unit on a day, root first, depth-first by name. */
export async function findSubtreeAsOf(
  q: Queryable,
  rootId: string,
  date: string,
  maxDepth = 10,
): Promise<SubtreeRow[]> {
  const rows = await queryRows<SubtreeRow>(
    q,
    sql`with recursive tree(id, depth) as (
        select u.id, 0
          from units u join unit_versions v on v.unit_id = u.id and ${versionInForce(date)}
          where u.id = ${rootId}
        union all
        select v.unit_id, t.depth + 1
          from tree t join unit_versions v on v.parent_id = t.id and ${versionInForce(date)}
          where t.depth < ${maxDepth}
      )
      select ${unitColumnsOn(sql`${date}::date`)}, t.depth,
        (select count(*)::int from unit_versions c where c.parent_id = u.id and c.valid_from <= ${date}::date
           and (c.valid_to is null or c.valid_to > ${date}::date)) as "childCount"
      from tree t join units u on u.id = t.id
        join unit_versions v on v.unit_id = u.id and ${versionInForce(date)}`,
  );
  return depthFirstByName(rows);
}

/** $1 the parent, $2 the day: one fixed text, built once (fixedQuery). */
const selectChildrenAsOf = fixedQuery<SubtreeRow>(`select ${unitColumnsText('$2::date')}, 1 as depth,
  (select count(*)::int from unit_versions c where c.parent_id = u.id and c.valid_from <= $2::date
     and (c.valid_to is null or c.valid_to > $2::date)) as "childCount"
from unit_versions v join units u on u.id = v.unit_id
where v.parent_id = $1 and v.valid_from <= $2::date and (v.valid_to is null or v.valid_to > $2::date)`);

/**
 * The direct children of a unit on a day, in Vietnamese alphabetical order: the rows of
 * findSubtreeAsOf at depth 1, without walking the tree. The tree page takes them from the unit graph
 * (UnitGraph.childrenOn); this is their SQL, the reference test/unit-graph.test.ts compares it with.
 */
export async function findChildrenAsOf(q: Queryable, parentId: string, date: string): Promise<SubtreeRow[]> {
  const rows = await selectChildrenAsOf(q, [parentId, date]);
  return rows.sort((a, b) => compareVietnamese(a.name, b.name));
}

/** Root first, then each unit followed by its children, siblings in Vietnamese alphabetical order. */
function depthFirstByName(rows: SubtreeRow[]): SubtreeRow[] {
  const children = new Map<string | null, SubtreeRow[]>();
  for (const row of rows) {
    const siblings = children.get(row.depth === 0 ? null : row.parentId) ?? [];
    siblings.push(row);
    children.set(row.depth === 0 ? null : row.parentId, siblings);
  }
  const ordered: SubtreeRow[] = [];
  const visit = (parentId: string | null) => {
    for (const row of (children.get(parentId) ?? []).sort((a, b) => compareVietnamese(a.name, b.name))) {
      ordered.push(row);
      visit(row.id);
    }
  };
  visit(null);
  return ordered;
}

/** Units with no parent on the day: the provinces and any free-standing units. */
export async function findRootsAsOf(q: Queryable, date: string): Promise<UnitAsOf[]> {
  const rows = await queryRows<UnitAsOf>(
    q,
    sql`select ${unitColumnsOn(sql`${date}::date`)},
        (select count(*)::int from unit_versions c where c.parent_id = u.id
           and c.valid_from <= ${date}::date and (c.valid_to is null or c.valid_to > ${date}::date)) as "childCount"
      from units u join unit_versions v on v.unit_id = u.id and ${versionInForce(date)}
      where v.parent_id is null
      `,
  );
  return rows.sort((a, b) => compareVietnamese(a.name, b.name));
}

/** Units of a scope existing on the day whose parent that day is outside the scope (or none). */
export async function findScopeRootsAsOf(
  q: Queryable,
  scopeIds: string[],
  date: string,
): Promise<UnitAsOf[]> {
  if (scopeIds.length === 0) return [];
  const scope = sql`${`{${scopeIds.join(',')}}`}::uuid[]`;
  const rows = await queryRows<UnitAsOf>(
    q,
    sql`select ${unitColumnsOn(sql`${date}::date`)},
        (select count(*)::int from unit_versions c where c.parent_id = u.id
           and c.valid_from <= ${date}::date and (c.valid_to is null or c.valid_to > ${date}::date)) as "childCount"
      from units u join unit_versions v on v.unit_id = u.id and ${versionInForce(date)}
      where u.id = any(${scope}) and (v.parent_id is null or not v.parent_id = any(${scope}))`,
  );
  return rows.sort((a, b) => compareVietnamese(a.name, b.name));
}

export interface UnitSearch {
  text?: string;
  kinds?: UnitKind[];
  /** Only units existing on this day; omitted: units of any time, current ones first. */
  date?: string;
  /** Only these units (the caller's scope); null: no limit. */
  scopeIds: string[] | null;
  limit: number;
}

export async function searchUnits(q: Queryable, search: UnitSearch): Promise<UnitAsOf[]> {
  const folded = search.text ? foldForSearch(search.text) : '';
  const words = folded.split(' ').filter(Boolean);
  const conditions = [sql`true`];
  for (const word of words) {
    conditions.push(sql`u.search_text like ${`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  }
  if (search.kinds?.length) conditions.push(sql`u.kind in ${search.kinds}`);
  if (search.scopeIds) {
    if (search.scopeIds.length === 0) return [];
    conditions.push(sql`u.id = any(${`{${search.scopeIds.join(',')}}`}::uuid[])`);
  }
  if (search.date) {
    conditions.push(
      sql`u.valid_from <= ${search.date}::date and (u.valid_to is null or u.valid_to > ${search.date}::date)`,
    );
  }
  // The version shown is the one in force on the day asked, or the unit's latest one.
  const versionJoin = search.date
    ? versionInForce(search.date)
    : sql`v.valid_to is not distinct from u.valid_to`;
  // Without a day: the parent as it was on the last day of the unit's latest version (or today).
  const parentDay = search.date
    ? sql`${search.date}::date`
    : sql`(case when v.valid_to is null then greatest(v.valid_from, ${today()}::date) else v.valid_to - 1 end)`;
  return queryRows<UnitAsOf>(
    q,
    sql`select ${unitColumnsOn(parentDay)}, 0 as "childCount"
      from units u join unit_versions v on v.unit_id = u.id and ${versionJoin}
      where ${sql.join(conditions, sql` and `)}
      order by (u.valid_to is null) desc, length(u.search_text), v.name
      limit ${search.limit}`,
  );
}

export interface VersionRow {
  name: string;
  parentId: string | null;
  parentName: string | null;
  validFrom: string;
  validTo: string | null;
}

export async function findVersions(q: Queryable, unitId: string): Promise<VersionRow[]> {
  return queryRows<VersionRow>(
    q,
    sql`select v.name, v.parent_id as "parentId",
        (select pv.name from unit_versions pv where pv.unit_id = v.parent_id
           and pv.valid_from <= v.valid_from and (pv.valid_to is null or pv.valid_to > v.valid_from)
           order by pv.valid_from desc limit 1) as "parentName",
        v.valid_from::text as "validFrom", v.valid_to::text as "validTo"
      from unit_versions v where v.unit_id = ${unitId} order by v.valid_from`,
  );
}

export interface EventRow {
  id: string;
  kind: UnitEventKind;
  effectiveDate: string;
  legalBasis: string | null;
  note: string | null;
  details: Record<string, unknown>;
  units: Array<{ id: string; name: string; code: string | null; kind: UnitKind; role: UnitEventRole }>;
}

export async function findEventsOfUnit(q: Queryable, unitId: string): Promise<EventRow[]> {
  return queryRows<EventRow>(
    q,
    sql`select e.id, e.kind, e.effective_date::text as "effectiveDate", e.legal_basis as "legalBasis", e.note, e.details,
        (select coalesce(json_agg(json_build_object('id', u.id, 'name', u.name, 'code', u.code, 'kind', u.kind, 'role', x.role)
                  order by x.role, u.name), '[]'::json)
           from unit_event_units x join units u on u.id = x.unit_id where x.event_id = e.id) as units
      from unit_events e
      where e.id in (select event_id from unit_event_units where unit_id = ${unitId})
      order by e.effective_date, e.created_at`,
  );
}

export interface LineageRow {
  id: string;
  name: string;
  code: string | null;
  kind: UnitKind;
  validFrom: string;
  validTo: string | null;
  /** Steps from the unit asked about: 1 for a direct successor or predecessor. */
  distance: number;
  viaEventDate: string;
}

/**
 * Successors follow merge/split/dissolve events forward (from → to), predecessors backward,
 * transitively: a commune merged in 2020 and again in 2025 reaches today's commune in two steps.
 */
export async function findLineage(q: Queryable, unitId: string, direction: 'successors' | 'predecessors') {
  const [start, next] = direction === 'successors' ? ['from', 'to'] : ['to', 'from'];
  return queryRows<LineageRow>(
    q,
    sql`with recursive lineage(id, distance, event_date) as (
        select n.unit_id, 1, e.effective_date
          from unit_event_units s
          join unit_events e on e.id = s.event_id and e.kind in ('merge', 'split', 'dissolve')
          join unit_event_units n on n.event_id = s.event_id and n.role = ${next}
          where s.unit_id = ${unitId} and s.role = ${start} and n.unit_id <> ${unitId}
        union
        select n.unit_id, l.distance + 1, e.effective_date
          from lineage l
          join unit_event_units s on s.unit_id = l.id and s.role = ${start}
          join unit_events e on e.id = s.event_id and e.kind in ('merge', 'split', 'dissolve')
          join unit_event_units n on n.event_id = s.event_id and n.role = ${next}
          where l.distance < 20 and n.unit_id <> l.id
      )
      select distinct on (u.id) u.id, u.name, u.code, u.kind, u.valid_from::text as "validFrom",
        u.valid_to::text as "validTo", l.distance, l.event_date::text as "viaEventDate"
      from lineage l join units u on u.id = l.id
      order by u.id, l.distance`,
  );
}

export interface NewEvent {
  kind: UnitEventKind;
  effectiveDate: string;
  legalBasis?: string | null;
  note?: string | null;
  details?: Record<string, unknown>;
  units: Array<{ unitId: string; role: UnitEventRole }>;
}

export async function insertEvent(q: Queryable, event: NewEvent): Promise<string> {
  const [row] = await q
    .insert(unitEvents)
    .values({
      kind: event.kind,
      effectiveDate: event.effectiveDate,
      legalBasis: event.legalBasis ?? null,
      note: event.note ?? null,
      details: event.details ?? {},
    })
    .returning({ id: unitEvents.id });
  if (event.units.length) {
    await q
      .insert(unitEventUnits)
      .values(event.units.map((u) => ({ eventId: row!.id, unitId: u.unitId, role: u.role })));
  }
  return row!.id;
}

/**
 * Starts a new version of a unit on `date` with a changed name and/or parent, closing the version
 * in force. Changes dated before the version in force began are refused by the caller.
 */
export async function startNewVersion(
  q: Queryable,
  unitId: string,
  date: string,
  change: { name?: string; parentId?: string | null },
): Promise<void> {
  const current = await queryOne<{
    id: string;
    name: string;
    parentId: string | null;
    validFrom: string;
    validTo: string | null;
  }>(
    q,
    sql`select id, name, parent_id as "parentId", valid_from::text as "validFrom", valid_to::text as "validTo"
      from unit_versions where unit_id = ${unitId} order by valid_from desc limit 1`,
  );
  if (!current) throw new Error(`unit ${unitId} has no version`);
  const name = change.name ?? current.name;
  const parentId = change.parentId === undefined ? current.parentId : change.parentId;
  if (current.validFrom === date) {
    await q.update(unitVersions).set({ name, parentId }).where(eq(unitVersions.id, current.id));
  } else {
    await q.update(unitVersions).set({ validTo: date }).where(eq(unitVersions.id, current.id));
    await q
      .insert(unitVersions)
      .values({ unitId, name, parentId, validFrom: date, validTo: current.validTo });
  }
  await q
    .update(units)
    .set({
      name,
      parentId,
      searchText: sql`${foldForSearch(name)} || ' ' || coalesce(${units.code}, '')`,
      updatedAt: new Date(),
    })
    .where(eq(units.id, unitId));
}

/** Ends a unit (and its open version) on `date`: the first day it no longer exists. */
export async function endUnit(q: Queryable, unitId: string, date: string): Promise<void> {
  await q.update(units).set({ validTo: date, updatedAt: new Date() }).where(eq(units.id, unitId));
  await q
    .update(unitVersions)
    .set({ validTo: date })
    .where(and(eq(unitVersions.unitId, unitId), isNull(unitVersions.validTo)));
}

export async function updateUnitFields(
  q: Queryable,
  unitId: string,
  fields: { websiteUrl?: string | null; kind?: UnitKind },
) {
  await q
    .update(units)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(units.id, unitId));
}
