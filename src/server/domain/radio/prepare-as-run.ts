import type { Provenance } from '../../../shared/activities';
import type { ActivityInput } from '../../../shared/api/activities';
import { todayVn } from '../../../shared/dates';
import type { Queryable } from '../../db/client';
import type { NewActivity } from '../../db/repositories/activities';
import { type RadioStationRow, radioSource } from '../../db/repositories/radio-stations';
import { loadPrepareContexts } from '../activities/load-prepare-context';
import { prepareActivity } from '../activities/prepare-activity';
import type { AsRunEntry, AsRunField, AsRunProblem } from './as-run-entry';
import { vnDayAndTime } from './parse-aired-at';

/** An airing reported a few minutes ahead of the server's clock is a clock difference, not the future. */
const CLOCK_SKEW_MS = 10 * 60_000;

/** Which item field a record check names (prepareActivity speaks of the record's fields). */
const FIELD_OF_RECORD: Record<string, AsRunField> = {
  title: 'title',
  occurredOn: 'airedAt',
  occurredTime: 'airedAt',
  channelId: 'stationCode',
  durationSeconds: 'durationSeconds',
  language: 'language',
  topics: 'topics',
  source: 'source',
  programme: 'programme',
};

/**
 * Checks airings as records of the station's unit and programme, with the same rules as a form entry
 * (the unit existed that day, the programme ran, the language and topics are in the province's lists),
 * and builds their rows, stamped with the station as their external source.
 */
export async function prepareAsRunEntries(
  q: Queryable,
  station: RadioStationRow,
  entries: AsRunEntry[],
  base: { provenance: Provenance; recordedBy: string | null; importBatchId?: string | null; now: Date },
): Promise<{ prepared: Array<{ entry: AsRunEntry; row: NewActivity }>; problems: AsRunProblem[] }> {
  const problems: AsRunProblem[] = [];
  const prepared: Array<{ entry: AsRunEntry; row: NewActivity }> = [];
  if (entries.length === 0) return { prepared, problems };
  const target = { unitId: station.unitId, channelId: station.channelId };
  const contextFor = await loadPrepareContexts(q, [target], {
    provenance: base.provenance,
    recordedBy: base.recordedBy,
    importBatchId: base.importBatchId ?? null,
  });
  const context = { ...contextFor(target), today: todayVn(base.now) };
  for (const entry of entries) {
    const fail = (field: AsRunField, message: string) =>
      problems.push({ position: entry.position, externalId: entry.externalId, field, message });
    const { day, time } = vnDayAndTime(entry.airedAt);
    if (entry.airedAt.getTime() > base.now.getTime() + CLOCK_SKEW_MS) {
      fail('airedAt', 'Thời điểm phát ở tương lai.');
      continue;
    }
    const input: ActivityInput = {
      kind: 'broadcast',
      unitId: station.unitId,
      channelId: station.channelId,
      occurredOn: day,
      occurredTime: time,
      title: entry.title,
      programme: entry.programme,
      durationSeconds: entry.durationSeconds,
      source: entry.source,
      language: entry.language ?? 'vi',
      topics: entry.topics,
    };
    const result = prepareActivity(input, context);
    for (const error of result.errors)
      fail(FIELD_OF_RECORD[error.field?.split('.')[0] ?? ''] ?? 'item', error.message);
    if (result.row)
      prepared.push({
        entry,
        // The exact instant, seconds included: the record's time is what the log says.
        row: {
          ...result.row,
          occurredAt: entry.airedAt,
          externalSource: radioSource(station.id),
          externalId: entry.externalId,
        },
      });
  }
  return { prepared, problems };
}
