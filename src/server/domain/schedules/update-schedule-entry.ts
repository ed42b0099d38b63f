import type { BroadcastSource, Genre } from '../../../shared/activities';
import type { ScheduleDto, ScheduleEntryUpdate } from '../../../shared/api/schedules';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { getScheduleRow, updateEntryRow } from '../../db/repositories/schedules';
import type { Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { checkEntry, type EntryValues, normalizeEntry, throwIfInvalid } from './check-entry';
import { assertDraft, loadEntry } from './load-schedule';
import { monthOf, presentSchedule } from './present-schedule';
import { loadVocabulary } from './vocabulary';

export async function updateScheduleEntry(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  entryId: string;
  input: ScheduleEntryUpdate;
}): Promise<ScheduleDto> {
  const { db, principal, actor, entryId, input } = options;
  const { scheduleId, actions } = await db.transaction(async (tx) => {
    const { entry, schedule, actions } = await loadEntry(tx, principal, entryId, 'activity.record', {
      forUpdate: true,
    });
    assertDraft(schedule);
    const before: EntryValues = {
      airDate: entry.airDate,
      timeSlot: entry.timeSlot,
      title: entry.title,
      genre: entry.genre as Genre | null,
      topic: entry.topic,
      durationMinutes: entry.durationMinutes,
      language: entry.language,
      source: entry.source as BroadcastSource,
      libraryItemId: entry.libraryItemId,
    };
    const defined = Object.fromEntries(
      Object.entries(input).filter(([, value]) => value !== undefined),
    ) as Partial<EntryValues>;
    const values = normalizeEntry({ ...before, ...defined });
    const vocabulary = await loadVocabulary(tx, schedule.unitId);
    throwIfInvalid(
      await checkEntry(tx, { values, month: monthOf(schedule), unitId: schedule.unitId, vocabulary }),
    );
    await updateEntryRow(tx, entryId, values);
    await insertAuditEntries(tx, actor, [
      {
        action: 'schedule.entry.update',
        entityType: 'broadcast_schedule_entry',
        entityId: entryId,
        unitId: schedule.unitId,
        summary: `Sửa mục trong danh mục phát sóng: ${values.title}`,
        before,
        after: values,
      },
    ]);
    return { scheduleId: schedule.id, actions };
  });
  return presentSchedule(db, (await getScheduleRow(db, scheduleId))!, actions);
}
