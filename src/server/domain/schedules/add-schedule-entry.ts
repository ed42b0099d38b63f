import type { ScheduleDto, ScheduleEntryInput } from '../../../shared/api/schedules';
import { formatVnDate } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { getScheduleRow, insertEntries } from '../../db/repositories/schedules';
import type { Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { checkEntry, normalizeEntry, throwIfInvalid } from './check-entry';
import { assertDraft, loadSchedule } from './load-schedule';
import { monthOf, presentSchedule } from './present-schedule';
import { loadVocabulary } from './vocabulary';

export async function addScheduleEntry(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  scheduleId: string;
  input: ScheduleEntryInput;
}): Promise<ScheduleDto> {
  const { db, principal, actor, scheduleId, input } = options;
  const actions = await db.transaction(async (tx) => {
    const { schedule, actions } = await loadSchedule(tx, principal, scheduleId, 'activity.record', {
      forUpdate: true,
    });
    assertDraft(schedule);
    const values = normalizeEntry({
      airDate: input.airDate,
      timeSlot: input.timeSlot,
      title: input.title,
      genre: input.genre ?? null,
      topic: input.topic ?? null,
      durationMinutes: input.durationMinutes,
      language: input.language,
      source: input.source,
      libraryItemId: input.libraryItemId ?? null,
    });
    const vocabulary = await loadVocabulary(tx, schedule.unitId);
    throwIfInvalid(
      await checkEntry(tx, { values, month: monthOf(schedule), unitId: schedule.unitId, vocabulary }),
    );
    const [entryId] = await insertEntries(tx, [{ ...values, scheduleId }]);
    await insertAuditEntries(tx, actor, [
      {
        action: 'schedule.entry.create',
        entityType: 'broadcast_schedule_entry',
        entityId: entryId,
        unitId: schedule.unitId,
        summary: `Thêm vào danh mục phát sóng: ${values.title} (${formatVnDate(values.airDate)} ${values.timeSlot})`,
        after: { scheduleId, ...values },
      },
    ]);
    return actions;
  });
  return presentSchedule(db, (await getScheduleRow(db, scheduleId))!, actions);
}
