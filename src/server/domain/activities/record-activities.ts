import { randomUUID } from 'node:crypto';
import type { ActivityKind } from '../../../shared/activities';
import { activityKindLabel } from '../../../shared/activity-labels';
import { formatVnDate } from '../../../shared/dates';
import type { Queryable } from '../../db/client';
import {
  type DuplicateHit,
  findDuplicateHits,
  insertActivities,
  type NewActivity,
} from '../../db/repositories/activities';
import { insertAuditEntries } from '../../db/repositories/audit';
import type { Actor } from '../actor';
import { findGoverningIds, findRollupIds } from '../units/unit-scope';

export interface DuplicateFinding {
  /** Position of the new record in the batch. */
  index: number;
  duplicateOfId: string;
  title: string;
  occurredOn: string;
  reason: 'url' | 'title';
}

function titleKey(row: { channelId?: string | null; occurredOn: string; searchText: string }) {
  return row.channelId ? `${row.channelId}|${row.occurredOn}|${row.searchText}` : null;
}

/**
 * Finds, for each new record, an existing or earlier-in-batch record it would repeat. An edited
 * record passes its own id in excludeIds so that it does not repeat itself.
 *
 * Existing records are looked for only in the roll-up of the new record's unit (the unit, the units
 * under it, the units merged into it): whoever may record for a unit sees that much, so a finding
 * never quotes, nor flags against, a record of another province that the caller cannot see or clear.
 * When the caller's visible units are given (`visible`; null: every unit), the units above the
 * record's unit (its governing chain: district, province) are looked in too, but only those the
 * caller sees: a province officer recording for a commune is warned about the province's own record
 * of the same page; the commune's officer, who does not see the province's records, is not.
 */
export async function findDuplicates(
  q: Queryable,
  rows: NewActivity[],
  excludeIds: string[] = [],
  options: { visible?: ReadonlySet<string> | null } = {},
): Promise<Array<DuplicateFinding | null>> {
  const hits = await findDuplicateHits(
    q,
    rows.map((row) => ({
      urlKey: row.urlKey ?? null,
      channelId: row.channelId ?? null,
      occurredOn: row.occurredOn,
      searchText: row.searchText,
    })),
    excludeIds,
  );
  const rollups = new Map<string, Set<string>>();
  if (hits.length)
    for (const unitId of new Set(rows.map((row) => row.unitId))) {
      const scope = new Set(await findRollupIds(q, [unitId]));
      if (options.visible !== undefined)
        for (const above of await findGoverningIds(q, unitId))
          if (options.visible === null || options.visible.has(above)) scope.add(above);
      rollups.set(unitId, scope);
    }
  const byUrlKey = groupBy(hits, (hit) => hit.urlKey);
  const byTitleKey = groupBy(hits, titleKey);
  // Hits come originals last: the last one in the row's roll-up wins, so a repeat points at the original.
  const lastHit = (row: NewActivity, candidates: DuplicateHit[] | undefined) =>
    candidates?.findLast((hit) => rollups.get(row.unitId)!.has(hit.unitId));
  const seenUrl = new Map<string, number>();
  const seenTitle = new Map<string, number>();
  return rows.map((row, index) => {
    const tKey = titleKey({
      channelId: row.channelId ?? null,
      occurredOn: row.occurredOn,
      searchText: row.searchText,
    });
    const byUrl = row.urlKey ? lastHit(row, byUrlKey.get(row.urlKey)) : undefined;
    const existing = byUrl ?? (tKey ? lastHit(row, byTitleKey.get(tKey)) : undefined);
    let finding: DuplicateFinding | null = null;
    if (existing) {
      finding = {
        index,
        duplicateOfId: existing.id,
        title: existing.title,
        occurredOn: existing.occurredOn,
        reason: byUrl ? 'url' : 'title',
      };
    } else {
      const earlier =
        (row.urlKey ? seenUrl.get(row.urlKey) : undefined) ?? (tKey ? seenTitle.get(tKey) : undefined);
      // An earlier row's id is known only after insertion: "batch:<position>" stands for it until then.
      if (earlier !== undefined)
        finding = {
          index,
          duplicateOfId: `batch:${earlier}`,
          title: rows[earlier]!.title,
          occurredOn: rows[earlier]!.occurredOn,
          reason: row.urlKey && seenUrl.has(row.urlKey) ? 'url' : 'title',
        };
    }
    if (row.urlKey && !seenUrl.has(row.urlKey)) seenUrl.set(row.urlKey, index);
    if (tKey && !seenTitle.has(tKey)) seenTitle.set(tKey, index);
    return finding;
  });
}

function groupBy<T>(items: T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function describeDuplicate(finding: DuplicateFinding): string {
  const why = finding.reason === 'url' ? 'cùng đường dẫn' : 'cùng tiêu đề, cùng ngày, cùng kênh';
  return `Trùng (${why}) với "${finding.title}" ngày ${formatVnDate(finding.occurredOn)}.`;
}

export interface RecordOptions {
  /**
   * How the writes are audited. Default: one entry per record, with the whole row. An import batch
   * instead writes one entry per unit naming the batch and its count: every record carries the batch
   * id (import_batch_id), so each stays traceable, and a 100,000-row import does not write 100,000
   * entries with the whole row in each.
   */
  auditBatch?: {
    id: string;
    summary: string;
    /** Rows of the file not stored because an identical record was there ("đã có"), per unit. */
    skippedByUnit?: ReadonlyMap<string, number>;
  };
}

/**
 * Stores records that passed their checks. Suspected duplicates are stored flagged (duplicate_of_id),
 * never silently twice: scores skip them until a reviewer decides. Each record gets an audit entry,
 * or each unit one per import batch (see RecordOptions).
 */
export async function recordActivities(
  q: Queryable,
  actor: Actor,
  rows: NewActivity[],
  duplicates: Array<DuplicateFinding | null>,
  options: RecordOptions = {},
): Promise<string[]> {
  // Ids are made before inserting, so a repeat of an earlier row of the batch points at it at once.
  const ids = rows.map((row) => row.id ?? randomUUID());
  await insertActivities(
    q,
    rows.map((row, i) => {
      const finding = duplicates[i];
      if (!finding) return { ...row, id: ids[i]! };
      const duplicateOfId = finding.duplicateOfId.startsWith('batch:')
        ? ids[Number(finding.duplicateOfId.slice(6))]!
        : finding.duplicateOfId;
      return { ...row, id: ids[i]!, duplicateOfId };
    }),
  );
  const batch = options.auditBatch;
  if (batch) {
    if (rows.some((row) => row.importBatchId !== batch.id))
      throw new Error('recordActivities: a batch audit needs the batch id on every record');
    const byUnit = new Map<string, { count: number; duplicates: number; kinds: Set<string> }>();
    const unitOf = (unitId: string) => {
      const unit = byUnit.get(unitId) ?? { count: 0, duplicates: 0, kinds: new Set<string>() };
      byUnit.set(unitId, unit);
      return unit;
    };
    rows.forEach((row, i) => {
      const unit = unitOf(row.unitId);
      unit.count++;
      if (duplicates[i]) unit.duplicates++;
      unit.kinds.add(row.kind);
    });
    // A unit whose every row was already there still gets its entry: the attempt is on record.
    for (const unitId of batch.skippedByUnit?.keys() ?? []) unitOf(unitId);
    await insertAuditEntries(
      q,
      actor,
      [...byUnit].map(([unitId, unit]) => {
        const skipped = batch.skippedByUnit?.get(unitId) ?? 0;
        return {
          action: 'activity.import',
          entityType: 'import_batch',
          entityId: batch.id,
          unitId,
          summary: `${batch.summary}: ${unit.count} bản ghi${unit.duplicates ? ` (${unit.duplicates} nghi trùng)` : ''}${skipped ? `, bỏ qua ${skipped} dòng đã có` : ''}`,
          after: {
            importBatchId: batch.id,
            count: unit.count,
            duplicates: unit.duplicates,
            skipped,
            kinds: [...unit.kinds],
          },
        };
      }),
    );
    return ids;
  }
  await insertAuditEntries(
    q,
    actor,
    rows.map((row, i) => ({
      action: 'activity.create',
      entityType: 'activity',
      entityId: ids[i]!,
      unitId: row.unitId,
      summary: `${activityKindLabel(row.kind as ActivityKind)}: ${row.title}${duplicates[i] ? ' (nghi trùng)' : ''}`,
      after: {
        ...row,
        occurredAt: row.occurredAt instanceof Date ? row.occurredAt.toISOString() : row.occurredAt,
      },
    })),
  );
  return ids;
}
