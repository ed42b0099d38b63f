import { formatVnDate } from '../../../shared/dates';
import type { Queryable } from '../../db/client';
import type { NewActivity } from '../../db/repositories/activities';
import { findIdenticalActivities, type IdenticalHit } from '../../db/repositories/import-batches';

export interface PreparedRow {
  row: NewActivity;
  rowNumber: number;
}

export interface SkippedRow {
  rowNumber: number;
  unitId: string;
  message: string;
}

const keyOf = (row: { unitId: string; kind: string; channelId?: string | null; occurredOn: string }) =>
  `${row.unitId}|${row.kind}|${row.channelId ?? ''}|${row.occurredOn}`;

/**
 * Sets aside the rows identical to a live record (same unit, kind, channel, day, and title or page):
 * importing a file twice stores nothing the second time. Only records of the visible units (null:
 * all) are compared. Near repeats (the same page another day, say) are left for findDuplicates to flag.
 */
export async function skipIdenticalRows(
  q: Queryable,
  prepared: PreparedRow[],
  visibleUnitIds: string[] | null,
): Promise<{ kept: PreparedRow[]; skipped: SkippedRow[] }> {
  const hits = await findIdenticalActivities(
    q,
    prepared.map(({ row }) => ({
      unitId: row.unitId,
      kind: row.kind,
      channelId: row.channelId ?? null,
      occurredOn: row.occurredOn,
      searchText: row.searchText,
      urlKey: row.urlKey ?? null,
    })),
    visibleUnitIds,
  );
  const hitsByKey = new Map<string, IdenticalHit[]>();
  for (const hit of hits) hitsByKey.set(keyOf(hit), [...(hitsByKey.get(keyOf(hit)) ?? []), hit]);

  const kept: PreparedRow[] = [];
  const skipped: SkippedRow[] = [];
  for (const entry of prepared) {
    const { row } = entry;
    const same = (hitsByKey.get(keyOf(row)) ?? []).find(
      (hit) => hit.searchText === row.searchText || (row.urlKey && hit.urlKey === row.urlKey),
    );
    if (same)
      skipped.push({
        rowNumber: entry.rowNumber,
        unitId: row.unitId,
        message: `Đã có: "${same.title}" ngày ${formatVnDate(same.occurredOn)}; dòng này không được lưu lại.`,
      });
    else kept.push(entry);
  }
  return { kept, skipped };
}
