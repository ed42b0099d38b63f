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

export interface Sorted {
  /** Not received before: to be stored. */
  fresh: Array<{ entry: AsRunEntry; row: NewActivity }>;
  /** Received before with the same content (or repeated in this batch): left as they are. */
  repeats: Array<{ entry: AsRunEntry; deleted: boolean }>;
  /** Received before with other content under the same id: reported, never overwritten. */
  conflicts: AsRunProblem[];
}

/**
 * Sorts prepared airings by what the station sent before, under the station's lock (call inside the
 * transaction that stores them). A record once received keeps its content: it may have been reviewed,
 * counted in a submitted report or given evidence since, so a changed item under the same id is a
 * conflict for a person to settle, not an update. A deleted record is still "received": sending it
 * again does not bring back what a person removed.
 */
export async function sortReceived(
  tx: Tx,
  station: RadioStationRow,
  prepared: Array<{ entry: AsRunEntry; row: NewActivity }>,
): Promise<Sorted> {
  await lockRadioStation(tx, station.id);
  const known = new Map<string, Comparable & { deleted: boolean }>(
    (
      await findReceivedItems(
        tx,
        radioSource(station.id),
        prepared.map((p) => p.entry.externalId),
      )
    ).map((item) => [item.externalId, { ...comparableOfItem(item), deleted: item.deletedAt !== null }]),
  );
  const sorted: Sorted = { fresh: [], repeats: [], conflicts: [] };
  for (const item of prepared) {
    const before = known.get(item.entry.externalId);
    const now = comparableOfRow(item.row);
    if (!before) {
      known.set(item.entry.externalId, { ...now, deleted: false });
      sorted.fresh.push(item);
    } else if (sameContent(before, now)) sorted.repeats.push({ entry: item.entry, deleted: before.deleted });
    else
      sorted.conflicts.push({
        position: item.entry.position,
        externalId: item.entry.externalId,
        field: 'externalId',
        message: `Mã "${item.entry.externalId}" đã được nhận trước đó với nội dung khác (${differences(before, now).join(', ')}); bản ghi đã có được giữ nguyên. Dùng mã mới cho lượt phát khác, hoặc nhờ đơn vị sửa bản ghi.`,
      });
  }
  return sorted;
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
