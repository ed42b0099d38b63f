import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { ChannelKind } from '../../../shared/activities';
import type { Queryable } from '../client';
import { channels, importBatches } from '../schema-activities';
import { queryRows } from '../sql';
import { toTextArray } from './activities';

/** Queries of spreadsheet imports and exports of records: each one batched for a whole file. */

export interface UnitCandidate {
  id: string;
  code: string | null;
  name: string;
  validFrom: string;
  validTo: string | null;
  /** Every name the unit has had (its versions), for files written before a rename. */
  names: string[];
}

/**
 * Units a file may mean: by id, by code (former and current holders alike: the row's day decides), or
 * by a name (exact, any version, or the current name without marks and case).
 */
export async function findUnitCandidates(
  q: Queryable,
  refs: { ids: string[]; codes: string[]; names: string[]; foldedNames: string[] },
): Promise<UnitCandidate[]> {
  if (refs.ids.length + refs.codes.length + refs.names.length + refs.foldedNames.length === 0) return [];
  return queryRows<UnitCandidate>(
    q,
    sql`select u.id, u.code, u.name, u.valid_from::text as "validFrom", u.valid_to::text as "validTo",
          array(select distinct v.name from unit_versions v where v.unit_id = u.id) as names
        from units u
        where u.id = any(${toTextArray(refs.ids)}::uuid[])
           or u.code = any(${toTextArray(refs.codes)}::text[])
           or u.search_text = any(${toTextArray(refs.foldedNames)}::text[])
           or u.search_text like any(${toTextArray(refs.foldedNames.map((name) => `${name.replace(/[\\%_]/g, (c) => `\\${c}`)} %`))}::text[])
           or exists (select 1 from unit_versions v where v.unit_id = u.id and v.name = any(${toTextArray(refs.names)}::text[]))`,
  );
}

export type ChannelRow = typeof channels.$inferSelect;

/** The channels (not deleted) of many units: one query for a whole import. */
export async function findChannelsOfUnits(q: Queryable, unitIds: string[]): Promise<ChannelRow[]> {
  if (unitIds.length === 0) return [];
  return q
    .select()
    .from(channels)
    .where(and(inArray(channels.unitId, unitIds), isNull(channels.deletedAt)));
}

export async function insertImportBatch(q: Queryable, row: typeof importBatches.$inferInsert): Promise<void> {
  await q.insert(importBatches).values(row);
}

export interface UnitLabel {
  id: string;
  code: string | null;
  name: string;
}

/** Units existing today among these (null: all), for a template's list: codes first, then by name. */
export async function findCurrentUnitLabels(
  q: Queryable,
  unitIds: string[] | null,
  today: string,
): Promise<UnitLabel[]> {
  const scope = unitIds ? sql`and u.id = any(${toTextArray(unitIds)}::uuid[])` : sql``;
  return queryRows<UnitLabel>(
    q,
    sql`select u.id, u.code, u.name from units u
        where u.valid_from <= ${today}::date and (u.valid_to is null or u.valid_to > ${today}::date) ${scope}
        order by u.code is null, u.code, u.name`,
  );
}

/** Code and name of units, for export rows. */
export async function findUnitLabels(q: Queryable, unitIds: string[]): Promise<UnitLabel[]> {
  if (unitIds.length === 0) return [];
  return queryRows<UnitLabel>(
    q,
    sql`select id, code, name from units where id = any(${toTextArray(unitIds)}::uuid[])`,
  );
}

/** Distinct names of the live channels of these kinds among these units (null: all units). */
export async function findChannelNames(
  q: Queryable,
  unitIds: string[] | null,
  kinds: readonly ChannelKind[],
): Promise<string[]> {
  const scope = unitIds ? sql`and c.unit_id = any(${toTextArray(unitIds)}::uuid[])` : sql``;
  const rows = await queryRows<{ name: string }>(
    q,
    sql`select distinct c.name from channels c
        where c.deleted_at is null and c.kind = any(${toTextArray([...kinds])}::text[]) ${scope}
        order by c.name`,
  );
  return rows.map((row) => row.name);
}

/** Every topic or language name, national and provincial, for showing codes in exports. */
export async function findVocabularyNames(q: Queryable, table: 'topics' | 'languages') {
  const source = table === 'topics' ? sql`topics` : sql`languages`;
  return queryRows<{ code: string; name: string; provinceId: string | null }>(
    q,
    sql`select code, name, province_id as "provinceId" from ${source} order by province_id nulls first`,
  );
}
