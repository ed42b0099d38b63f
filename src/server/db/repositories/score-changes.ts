import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { databaseDriverOf, fixedQuery } from '../fixed-query';
import { queryOne } from '../sql';

/** Above this many units, reading every unit's stamp costs less than filtering by them. */
const UNIT_FILTER_LIMIT = 2000;

/**
 * Per unit, a stamp that differs from every earlier one as soon as a change to the unit's records,
 * channels or assessments commits (the notes of migration 0015). Units never changed are absent.
 *
 * On the database itself the stamps come from the process's mirror of the notes (below), which asks
 * only for the notes written since its last read. Inside a transaction they are read whole, as the
 * ids of each unit's notes joined by commas: a transaction sees its own uncommitted notes, which must
 * never reach the mirror that every other request shares (a rolled-back write would leave a stamp
 * that no committed state has, and a result kept under it could be served). The two kinds of stamp
 * never look alike, so a result kept under one is never served under the other.
 */
export async function readScoreStamps(
  q: Queryable,
  unitIds: readonly string[],
): Promise<Record<string, string>> {
  if (unitIds.length === 0) return {};
  const client = databaseDriverOf(q);
  if (client) return mirrorOf(client).stamps(q, unitIds);
  return readWholeStamps(q, unitIds);
}

async function readWholeStamps(q: Queryable, unitIds: readonly string[]): Promise<Record<string, string>> {
  const filter =
    unitIds.length <= UNIT_FILTER_LIMIT
      ? sql`where unit_id = any(array(select unnest(${`{${unitIds.join(',')}}`}::uuid[])))`
      : sql``;
  const row = await queryOne<{ stamps: Record<string, string> | null }>(
    q,
    sql`select json_object_agg(unit_id, ids) as stamps from (
          select unit_id, string_agg(id::text, ',' order by id) as ids
          from score_changes ${filter} group by unit_id) s`,
  );
  return row?.stamps ?? {};
}

/**
 * The notes written by transactions not finished when the last read's snapshot was taken ($1, the
 * xmin of that snapshot), with the xmin of this one: every transaction below it has ended, so its
 * notes, if it committed, are among those returned now or earlier. One snapshot for both parts.
 */
const selectNotesSince = fixedQuery<{
  xmin: string;
  notes: Array<[id: string, unitId: string, xid: string]>;
}>(
  `select pg_snapshot_xmin(pg_current_snapshot())::text as xmin,
     coalesce((select json_agg(json_build_array(id::text, unit_id, xid::text))
               from score_changes where xid >= $1::xid8), '[]'::json) as notes`,
);

/**
 * What one process has seen of `score_changes` in one database: per unit, how many distinct notes
 * have appeared. A unit's stamp is that count with the mirror's own random name, so it changes with
 * every new note (a merge of a unit's notes adds one too) and is never one another mirror gives.
 *
 * Why a watermark of snapshots and not of ids: a transaction that took its note first may commit
 * last. A read asks for the notes of transactions at or above the xmin of the previous read's
 * snapshot, which is below every transaction still running then, so a note committed late is
 * returned by the first read after it commits. Notes returned twice are recognised by id (those at or
 * above the watermark are remembered until it passes them). Reads running at once each apply what
 * they saw; the watermark only moves up, to the highest xmin applied, below which every committed note
 * has been counted.
 */
class ScoreStampMirror {
  private readonly name = randomUUID().slice(0, 8);
  private watermark = 0n;
  private readonly counts = new Map<string, number>();
  /** Notes at or above the watermark that were already counted, with their transaction. */
  private readonly recent = new Map<string, bigint>();

  async stamps(q: Queryable, unitIds: readonly string[]): Promise<Record<string, string>> {
    const [row] = await selectNotesSince(q, [this.watermark.toString()]);
    if (row) this.apply(row.notes, BigInt(row.xmin));
    const stamps: Record<string, string> = {};
    for (const unitId of unitIds) {
      const count = this.counts.get(unitId);
      if (count !== undefined) stamps[unitId] = `${this.name}#${count}`;
    }
    return stamps;
  }

  private apply(notes: ReadonlyArray<[string, string, string]>, xmin: bigint): void {
    for (const [id, unitId, xidText] of notes) {
      const xid = BigInt(xidText);
      // Below the watermark: counted by a read whose later snapshot moved it there.
      if (xid < this.watermark || this.recent.has(id)) continue;
      this.recent.set(id, xid);
      this.counts.set(unitId, (this.counts.get(unitId) ?? 0) + 1);
    }
    if (xmin <= this.watermark) return;
    this.watermark = xmin;
    for (const [id, xid] of this.recent) if (xid < xmin) this.recent.delete(id);
  }
}

/** One mirror per database, keyed by its driver (a pg.Pool or a PGlite instance). */
const mirrors = new WeakMap<object, ScoreStampMirror>();

function mirrorOf(client: object): ScoreStampMirror {
  let mirror = mirrors.get(client);
  if (!mirror) {
    mirror = new ScoreStampMirror();
    mirrors.set(client, mirror);
  }
  return mirror;
}

/** Leaves one row per unit (see merge_score_changes in migration 0015); returns the units merged. */
export async function mergeScoreChanges(q: Queryable): Promise<number> {
  const row = await queryOne<{ merged: number }>(q, sql`select merge_score_changes() as merged`);
  return row?.merged ?? 0;
}
