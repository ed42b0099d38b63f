import { sql } from 'drizzle-orm';
import type { UnitKind } from '../../../shared/units';
import type { Queryable } from '../client';
import { queryOne } from '../sql';

/**
 * The whole unit history in one read, for the in-memory unit graph (domain/units/unit-graph.ts).
 * Three JSON arrays of arrays in one row: some 12,000 units, their versions and event links parse
 * as three JSON values instead of some 40,000 rows, which with PGlite is several times faster.
 */

export type UnitTuple = [
  id: string,
  kind: UnitKind,
  code: string | null,
  validFrom: string,
  validTo: string | null,
  /** The unit's own name column: its current name, or its last one when it has ended. */
  name: string,
  websiteUrl: string | null,
];
export type VersionTuple = [
  unitId: string,
  name: string,
  parentId: string | null,
  validFrom: string,
  validTo: string | null,
];
/** A unit an event passed on from (role 'from') to a unit it passed on to (role 'to'). */
export type LinkTuple = [fromId: string, toId: string, eventKind: string];

export interface UnitGraphRows {
  /** The units revision the rows are of (read by the same statement, so from the same snapshot). */
  revision: string;
  units: UnitTuple[];
  versions: VersionTuple[];
  links: LinkTuple[];
}

export async function readUnitGraphRows(q: Queryable): Promise<UnitGraphRows> {
  const row = await queryOne<{
    revision: string | null;
    units: UnitTuple[] | null;
    versions: VersionTuple[] | null;
    links: LinkTuple[] | null;
  }>(
    q,
    sql`select
          (select revision from data_revisions where topic = 'units') as revision,
          (select json_agg(json_build_array(u.id, u.kind, u.code, u.valid_from, u.valid_to, u.name, u.website_url)) from units u) as units,
          (select json_agg(json_build_array(v.unit_id, v.name, v.parent_id, v.valid_from, v.valid_to)
             order by v.unit_id, v.valid_from) from unit_versions v) as versions,
          (select json_agg(json_build_array(f.unit_id, t.unit_id, e.kind))
             from unit_event_units t
             join unit_events e on e.id = t.event_id
             join unit_event_units f on f.event_id = t.event_id and f.role = 'from'
             where t.role = 'to') as links`,
  );
  return {
    revision: row?.revision ?? '',
    units: row?.units ?? [],
    versions: row?.versions ?? [],
    links: row?.links ?? [],
  };
}

/** The revision of the unit tables: a new random stamp on every change, set by triggers (migration 0006). */
export async function readUnitsRevision(q: Queryable): Promise<string> {
  const row = await queryOne<{ revision: string }>(
    q,
    sql`select revision from data_revisions where topic = 'units'`,
  );
  return row?.revision ?? '';
}
