import type { ActivityKind } from '../../../shared/activities';
import { activityKindLabel } from '../../../shared/activity-labels';
import { formatVnDate } from '../../../shared/dates';
import type { Queryable } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { findDuplicateHits, insertActivities, type NewActivity, updateActivityRow } from '../../db/repositories/activities';
import type { Actor } from '../actor';

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

/** Finds, for each new record, an existing or earlier-in-batch record it would repeat. */
export async function findDuplicates(q: Queryable, rows: NewActivity[]): Promise<Array<DuplicateFinding | null>> {
  const hits = await findDuplicateHits(
    q,
    rows.map((row) => ({ urlKey: row.urlKey ?? null, channelId: row.channelId ?? null, occurredOn: row.occurredOn, searchText: row.searchText })),
  );
  const byUrl = new Map(hits.filter((h) => h.urlKey).map((h) => [h.urlKey!, h]));
  const byTitle = new Map(hits.map((h) => [titleKey(h), h]).filter(([k]) => k !== null) as Array<[string, (typeof hits)[number]]>);
  const seenUrl = new Map<string, number>();
  const seenTitle = new Map<string, number>();
  return rows.map((row, index) => {
    const tKey = titleKey({ channelId: row.channelId ?? null, occurredOn: row.occurredOn, searchText: row.searchText });
    const existing = (row.urlKey && byUrl.get(row.urlKey)) || (tKey && byTitle.get(tKey));
    let finding: DuplicateFinding | null = null;
    if (existing) {
      finding = { index, duplicateOfId: existing.id, title: existing.title, occurredOn: existing.occurredOn, reason: row.urlKey && byUrl.has(row.urlKey) ? 'url' : 'title' };
    } else {
      const earlier = (row.urlKey ? seenUrl.get(row.urlKey) : undefined) ?? (tKey ? seenTitle.get(tKey) : undefined);
      // An earlier row's id is known only after insertion: "batch:<position>" stands for it until then.
      if (earlier !== undefined) finding = { index, duplicateOfId: `batch:${earlier}`, title: rows[earlier]!.title, occurredOn: rows[earlier]!.occurredOn, reason: row.urlKey && seenUrl.has(row.urlKey) ? 'url' : 'title' };
    }
    if (row.urlKey && !seenUrl.has(row.urlKey)) seenUrl.set(row.urlKey, index);
    if (tKey && !seenTitle.has(tKey)) seenTitle.set(tKey, index);
    return finding;
  });
}

export function describeDuplicate(finding: DuplicateFinding): string {
  const why = finding.reason === 'url' ? 'cùng đường dẫn' : 'cùng tiêu đề, cùng ngày, cùng kênh';
  return `Trùng (${why}) với "${finding.title}" ngày ${formatVnDate(finding.occurredOn)}.`;
}

/**
 * Stores records that passed their checks. Suspected duplicates are stored flagged (duplicate_of_id),
 * never silently twice: scores skip them until a reviewer decides. Each record gets an audit entry.
 */
export async function recordActivities(
  q: Queryable,
  actor: Actor,
  rows: NewActivity[],
  duplicates: Array<DuplicateFinding | null>,
): Promise<string[]> {
  const ids = await insertActivities(
    q,
    rows.map((row, i) => {
      const finding = duplicates[i];
      return finding && !finding.duplicateOfId.startsWith('batch:') ? { ...row, duplicateOfId: finding.duplicateOfId } : row;
    }),
  );
  for (const finding of duplicates) {
    if (finding?.duplicateOfId.startsWith('batch:')) {
      await updateActivityRow(q, ids[finding.index]!, { duplicateOfId: ids[Number(finding.duplicateOfId.slice(6))]! });
    }
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
      after: { ...row, occurredAt: row.occurredAt instanceof Date ? row.occurredAt.toISOString() : row.occurredAt },
    })),
  );
  return ids;
}
