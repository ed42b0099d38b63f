import { eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { importBatches } from '../schema-activities';
import { queryRows } from '../sql';
import { toTextArray } from './activities';

/** Queries of import batches: the history of a unit's imports, a file seen before, undoing one. */

export type ImportBatchRow = typeof importBatches.$inferSelect;

export interface ImportBatchView {
  id: string;
  kind: string;
  unitId: string | null;
  unitName: string | null;
  fileName: string;
  rowCount: number;
  storedCount: number;
  flaggedCount: number;
  skippedCount: number;
  /** Records of the batch not deleted since (one by one, or by undoing the batch). */
  liveCount: number;
  createdAt: Date;
  createdByName: string | null;
  undoneAt: Date | null;
  undoneByName: string | null;
  undoReason: string | null;
}

const viewColumns = sql`b.id, b.kind, b.unit_id as "unitId", u.name as "unitName", b.file_name as "fileName",
  b.row_count as "rowCount", b.stored_count as "storedCount", b.flagged_count as "flaggedCount",
  b.skipped_count as "skippedCount",
  (select count(*)::int from activities a where a.import_batch_id = b.id and a.deleted_at is null) as "liveCount",
  b.created_at as "createdAt", cu.full_name as "createdByName", b.undone_at as "undoneAt",
  du.full_name as "undoneByName", b.undo_reason as "undoReason"`;

const viewJoins = sql`from import_batches b left join units u on u.id = b.unit_id
  left join users cu on cu.id = b.created_by left join users du on du.id = b.undone_by`;

/** Timestamps from raw queries come back as text on one driver and Date on the other. */
function withDates(row: ImportBatchView): ImportBatchView {
  return {
    ...row,
    createdAt: new Date(row.createdAt),
    undoneAt: row.undoneAt === null ? null : new Date(row.undoneAt),
  };
}

/** Batches whose unit is among these (null: every batch), newest first. */
export async function findImportBatches(
  q: Queryable,
  filter: { unitIds: string[] | null; limit: number; offset: number },
): Promise<{ items: ImportBatchView[]; total: number }> {
  const where: SQL = filter.unitIds
    ? sql`b.unit_id = any(${toTextArray(filter.unitIds)}::uuid[])`
    : sql`true`;
  const rows = await queryRows<ImportBatchView>(
    q,
    sql`select ${viewColumns} ${viewJoins} where ${where}
        order by b.created_at desc, b.id limit ${filter.limit} offset ${filter.offset}`,
  );
  const [count] = await queryRows<{ total: number }>(
    q,
    sql`select count(*)::int as total from import_batches b where ${where}`,
  );
  return { items: rows.map(withDates), total: count?.total ?? 0 };
}

export async function getImportBatchView(q: Queryable, id: string): Promise<ImportBatchView | undefined> {
  const [row] = await queryRows<ImportBatchView>(
    q,
    sql`select ${viewColumns} ${viewJoins} where b.id = ${id}`,
  );
  return row ? withDates(row) : undefined;
}

/**
 * Serialises imports of one file (its SHA-256) into one unit until the transaction ends: of two
 * identical uploads at the same moment, the second waits, then sees the first one's batch and rows.
 */
export async function lockImportOfFile(q: Queryable, unitId: string, sha256: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`import:${unitId}:${sha256}`}))`);
}

/** The latest batch not undone of a file with this hash, among batches of these units (null: all). */
export async function findBatchOfFile(
  q: Queryable,
  sha256: string,
  unitIds: string[] | null,
): Promise<ImportBatchView | undefined> {
  const scope = unitIds ? sql`and b.unit_id = any(${toTextArray(unitIds)}::uuid[])` : sql``;
  const [row] = await queryRows<ImportBatchView>(
    q,
    sql`select ${viewColumns} ${viewJoins}
        where b.file_sha256 = ${sha256} and b.undone_at is null ${scope}
        order by b.created_at desc limit 1`,
  );
  return row ? withDates(row) : undefined;
}

/** Locks the batch row for an undo, so two undos of one batch cannot both go through. */
export async function lockImportBatch(q: Queryable, id: string): Promise<ImportBatchRow | undefined> {
  const [row] = await queryRows<ImportBatchRow>(
    q,
    sql`select id, undone_at as "undoneAt" from import_batches where id = ${id} for update`,
  );
  return row;
}

export async function markImportBatchUndone(
  q: Queryable,
  id: string,
  values: { undoneAt: Date; undoneBy: string | null; undoReason: string },
): Promise<void> {
  await q.update(importBatches).set(values).where(eq(importBatches.id, id));
}

export interface IdenticalProbe {
  unitId: string;
  kind: string;
  channelId: string | null;
  occurredOn: string;
  searchText: string;
  urlKey: string | null;
}

export interface IdenticalHit extends IdenticalProbe {
  id: string;
  title: string;
}

/**
 * Live records identical to new rows: same unit, kind, channel (or both without one) and day, and the
 * same title (folded) or the same page (URL key). Only records of these units are looked at (the
 * caller's scope), so a file learns nothing about records its importer cannot see. One query per file.
 */
export async function findIdenticalActivities(
  q: Queryable,
  probes: IdenticalProbe[],
  unitIds: string[] | null,
): Promise<IdenticalHit[]> {
  if (probes.length === 0) return [];
  const scope = unitIds ? sql`and a.unit_id = any(${toTextArray(unitIds)}::uuid[])` : sql``;
  const NONE = '00000000-0000-0000-0000-000000000000';
  return queryRows<IdenticalHit>(
    q,
    sql`select a.id, a.title, a.unit_id as "unitId", a.kind, a.channel_id as "channelId",
          a.occurred_on::text as "occurredOn", a.search_text as "searchText", a.url_key as "urlKey"
        from activities a
        join unnest(${toTextArray(probes.map((p) => p.unitId))}::uuid[],
                    ${toTextArray(probes.map((p) => p.kind))}::text[],
                    ${toTextArray(probes.map((p) => p.channelId ?? NONE))}::uuid[],
                    ${toTextArray(probes.map((p) => p.occurredOn))}::date[],
                    ${toTextArray(probes.map((p) => p.searchText))}::text[],
                    ${toTextArray(probes.map((p) => p.urlKey ?? ''))}::text[])
          as p(unit_id, kind, channel_id, occurred_on, search_text, url_key)
          on a.unit_id = p.unit_id and a.kind = p.kind and a.occurred_on = p.occurred_on
         and coalesce(a.channel_id, ${NONE}::uuid) = p.channel_id
         and (a.search_text = p.search_text or (p.url_key <> '' and a.url_key = p.url_key))
        where a.deleted_at is null ${scope}`,
  );
}
