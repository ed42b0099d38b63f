import type { Tx } from '../../db/client';
import type { NewActivity } from '../../db/repositories/activities';
import {
  findReceivedItems,
  lockRadioStation,
  type RadioStationRow,
  type ReceivedItem,
  radioSource,
} from '../../db/repositories/radio-stations';
import {
  type DuplicateFinding,
  findDuplicates,
  type RecordOptions,
  recordActivities,
} from '../activities/record-activities';
import type { Actor } from '../actor';
import type { AsRunEntry, AsRunProblem } from './as-run-entry';

/**
 * What to do with an item whose only records a person deleted. A station's automatic re-push must not
 * undo a person's deletion ('report'); a person uploading the log again after undoing it, or after
 * deleting a wrong record, asks for the rows explicitly ('store').
 */
export type WhenDeleted = 'report' | 'store';

export interface Sorted {
  /** Not received before, or (when storing deleted ones again) received and deleted since: to be stored. */
  fresh: Array<{ entry: AsRunEntry; row: NewActivity; wasDeleted: boolean }>;
  /** Received before with the same content as the live record (or repeated in this batch): left as they are. */
  repeats: AsRunEntry[];
  /** Received before, and every record of it deleted by a person: not created again ('report' only). */
  deleted: Array<{ entry: AsRunEntry; deletedAt: Date }>;
  /** Received before with other content under the same id: reported, never overwritten. */
  conflicts: AsRunProblem[];
}

type Known = { live: Comparable } | { live: null; deletedAt: Date };

/**
 * Sorts prepared airings by what the station sent before, under the station's lock (call inside the
 * transaction that stores them). A live record once received keeps its content: it may have been
 * reviewed, counted in a submitted report or given evidence since, so a changed item under the same id
 * is a conflict for a person to settle, not an update. An item whose records were all deleted is
 * handled as `whenDeleted` says; the database holds at most one live record per id.
 */
export async function sortReceived(
  tx: Tx,
  station: RadioStationRow,
  prepared: Array<{ entry: AsRunEntry; row: NewActivity }>,
  whenDeleted: WhenDeleted,
): Promise<Sorted> {
  await lockRadioStation(tx, station.id);
  const known = knownById(
    await findReceivedItems(
      tx,
      radioSource(station.id),
      prepared.map((p) => p.entry.externalId),
    ),
  );
  const sorted: Sorted = { fresh: [], repeats: [], deleted: [], conflicts: [] };
  for (const item of prepared) {
    const before = known.get(item.entry.externalId);
    const now = comparableOfRow(item.row);
    if (before && !before.live && whenDeleted === 'report')
      sorted.deleted.push({ entry: item.entry, deletedAt: before.deletedAt });
    else if (!before?.live) {
      // Later rows of this batch with the same id meet this one, as if it were already stored.
      known.set(item.entry.externalId, { live: now });
      sorted.fresh.push({ ...item, wasDeleted: before !== undefined });
    } else if (sameContent(before.live, now)) sorted.repeats.push(item.entry);
    else
      sorted.conflicts.push({
        position: item.entry.position,
        externalId: item.entry.externalId,
        field: 'externalId',
        message: `Mã "${item.entry.externalId}" đã được nhận trước đó với nội dung khác (${differences(before.live, now).join(', ')}); bản ghi đã có được giữ nguyên. Dùng mã mới cho lượt phát khác, hoặc nhờ đơn vị sửa bản ghi.`,
      });
  }
  return sorted;
}

/** Per id: its live record, else when its last record was deleted. */
function knownById(items: ReceivedItem[]): Map<string, Known> {
  const known = new Map<string, Known>();
  for (const item of items) {
    const seen = known.get(item.externalId);
    if (seen?.live) continue;
    if (item.deletedAt === null) known.set(item.externalId, { live: comparableOfItem(item) });
    else if (!seen || seen.deletedAt < item.deletedAt)
      known.set(item.externalId, { live: null, deletedAt: item.deletedAt });
  }
  return known;
}

/** Stores the fresh airings: suspected duplicates of records entered another way are stored flagged. */
export async function storeFresh(
  tx: Tx,
  actor: Actor,
  rows: NewActivity[],
  options: { visible: ReadonlySet<string> | null | undefined; record?: RecordOptions },
): Promise<{ ids: string[]; findings: Array<DuplicateFinding | null> }> {
  if (rows.length === 0) return { ids: [], findings: [] };
  const findings = await findDuplicates(
    tx,
    rows,
    [],
    options.visible === undefined ? {} : { visible: options.visible },
  );
  const ids = await recordActivities(tx, actor, rows, findings, options.record);
  return { ids, findings };
}

interface Comparable {
  airedAtMs: number;
  title: string;
  programme: string | null;
  durationSeconds: number | null;
  source: string | null;
  language: string;
  topics: string;
}

function comparableOfItem(item: ReceivedItem): Comparable {
  return {
    airedAtMs: item.occurredAt.getTime(),
    title: item.title,
    programme: item.programme,
    durationSeconds: item.durationSeconds,
    source: item.source,
    language: item.language,
    topics: [...item.topics].sort().join(','),
  };
}

function comparableOfRow(row: NewActivity): Comparable {
  return {
    airedAtMs: new Date(row.occurredAt).getTime(),
    title: row.title,
    programme: row.programme ?? null,
    durationSeconds: row.durationSeconds ?? null,
    source: row.source ?? null,
    language: row.language ?? 'vi',
    topics: [...(row.topics ?? [])].sort().join(','),
  };
}

const FIELD_WORDS: Record<keyof Comparable, string> = {
  airedAtMs: 'thời điểm phát',
  title: 'tiêu đề',
  programme: 'chương trình',
  durationSeconds: 'thời lượng',
  source: 'nguồn',
  language: 'ngôn ngữ',
  topics: 'chủ đề',
};

function differences(a: Comparable, b: Comparable): string[] {
  return (Object.keys(FIELD_WORDS) as Array<keyof Comparable>)
    .filter((key) => a[key] !== b[key])
    .map((key) => FIELD_WORDS[key]);
}

function sameContent(a: Comparable, b: Comparable): boolean {
  return differences(a, b).length === 0;
}
