import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { activities, evidence, evidenceLinks } from '../schema-activities';
import { monitorSnapshots } from '../schema-monitor';
import { queryRows } from '../sql';
import { toTextArray } from './activities';

export type SnapshotRow = typeof monitorSnapshots.$inferSelect;
export type NewSnapshot = typeof monitorSnapshots.$inferInsert;

/**
 * Serialises writers of the snapshot chain until the transaction ends: reading the head and
 * inserting the next link happen under it, so two checks running at once cannot both point at the
 * same previous snapshot (a fork). The same call works on PGlite and PostgreSQL.
 */
export async function lockSnapshotChain(q: Queryable): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext('loaso.monitor.snapshot-chain'))`);
}

/** The last link of the chain (highest sequence), or undefined when there is none yet. */
export async function findChainHead(
  q: Queryable,
): Promise<{ sequence: number; manifestSha256: string } | undefined> {
  const [row] = await q
    .select({ sequence: monitorSnapshots.sequence, manifestSha256: monitorSnapshots.manifestSha256 })
    .from(monitorSnapshots)
    .orderBy(sql`${monitorSnapshots.sequence} desc`)
    .limit(1);
  return row;
}

/**
 * Takes the next value of the identity sequence, so the manifest (which names its sequence) can be
 * hashed before the row exists. A rolled-back insert leaves a gap in the numbers, nothing more.
 */
export async function nextSnapshotSequence(q: Queryable): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(
    q,
    sql`select nextval(pg_get_serial_sequence('monitor_snapshots', 'sequence')) as n`,
  );
  return Number(row!.n);
}

/** Inserts a snapshot with the sequence taken by nextSnapshotSequence (the column is generated always). */
export async function insertSnapshot(
  q: Queryable,
  row: NewSnapshot & { sequence: number },
): Promise<SnapshotRow> {
  const [inserted] = await q.insert(monitorSnapshots).overridingSystemValue().values(row).returning();
  return inserted!;
}

export async function getSnapshotRow(q: Queryable, id: string): Promise<SnapshotRow | undefined> {
  const [row] = await q.select().from(monitorSnapshots).where(eq(monitorSnapshots.id, id));
  return row;
}

export async function findSnapshotRows(q: Queryable, ids: string[]): Promise<SnapshotRow[]> {
  if (ids.length === 0) return [];
  return q.select().from(monitorSnapshots).where(inArray(monitorSnapshots.id, ids));
}

/** A page of the chain in order, after a sequence number (keyset paging: the chain may be long). */
export async function findSnapshotsAfter(q: Queryable, after: number, limit: number): Promise<SnapshotRow[]> {
  return q
    .select()
    .from(monitorSnapshots)
    .where(gt(monitorSnapshots.sequence, after))
    .orderBy(asc(monitorSnapshots.sequence))
    .limit(limit);
}

export async function getStoredFileKeys(
  q: Queryable,
  ids: string[],
): Promise<Map<string, { storageKey: string; sha256: string; sizeBytes: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{
    id: string;
    storageKey: string;
    sha256: string;
    sizeBytes: string | number;
  }>(
    q,
    sql`select id, storage_key as "storageKey", sha256, size_bytes as "sizeBytes"
        from stored_files where id = any(${toTextArray(ids)}::uuid[])`,
  );
  return new Map(
    rows.map((row) => [
      row.id,
      { storageKey: row.storageKey, sha256: row.sha256, sizeBytes: Number(row.sizeBytes) },
    ]),
  );
}

/** The current evidence item presenting a snapshot, if one was made. */
export async function findSnapshotEvidence(q: Queryable, snapshotId: string) {
  const [row] = await q
    .select()
    .from(evidence)
    .where(and(eq(evidence.snapshotId, snapshotId), eq(evidence.isCurrent, true)))
    .limit(1);
  return row;
}

/** Links evidence to a record unless it already is; returns the new link's id or null. */
export async function insertEvidenceLinkOnce(
  q: Queryable,
  row: { evidenceId: string; targetType: string; targetId: string; createdBy: string | null },
): Promise<string | null> {
  const inserted = await q
    .insert(evidenceLinks)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: evidenceLinks.id });
  return inserted[0]?.id ?? null;
}

/** Records that a record came from this snapshot, unless it already names one. */
export async function setActivitySnapshot(
  q: Queryable,
  activityId: string,
  snapshotId: string,
): Promise<boolean> {
  const rows = await q
    .update(activities)
    .set({ snapshotId })
    .where(and(eq(activities.id, activityId), sql`${activities.snapshotId} is null`))
    .returning({ id: activities.id });
  return rows.length === 1;
}

/**
 * Rows that name a snapshot that is no longer there (evidence and activities hold the id without a
 * foreign key): the trace of a removed snapshot at the end of the chain, which the chain alone
 * cannot show.
 */
export async function findDanglingSnapshotReferences(
  q: Queryable,
): Promise<Array<{ table: 'evidence' | 'activities'; id: string; snapshotId: string }>> {
  return queryRows(
    q,
    sql`select 'evidence' as "table", e.id, e.snapshot_id as "snapshotId" from evidence e
          where e.snapshot_id is not null and not exists (select 1 from monitor_snapshots s where s.id = e.snapshot_id)
        union all
        select 'activities', a.id, a.snapshot_id from activities a
          where a.snapshot_id is not null and not exists (select 1 from monitor_snapshots s where s.id = a.snapshot_id)
        order by 1, 2`,
  );
}

/** A page of stored_files rows in storage-key order (rows of the same bytes come together). */
export async function findStoredFilesAfter(
  q: Queryable,
  after: { storageKey: string; id: string },
  limit: number,
): Promise<
  Array<{ id: string; storageKey: string; sha256: string; sizeBytes: number; originalName: string }>
> {
  const rows = await queryRows<{
    id: string;
    storageKey: string;
    sha256: string;
    sizeBytes: string | number;
    originalName: string;
  }>(
    q,
    sql`select id, storage_key as "storageKey", sha256, size_bytes::float8 as "sizeBytes",
               original_name as "originalName"
        from stored_files where (storage_key, id) > (${after.storageKey}, ${after.id}::uuid)
        order by storage_key, id limit ${limit}`,
  );
  return rows.map((row) => ({ ...row, sizeBytes: Number(row.sizeBytes) }));
}
