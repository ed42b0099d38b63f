import type { ScheduleDto } from '../../../shared/api/schedules';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { deleteEntryRow, getScheduleRow } from '../../db/repositories/schedules';
import type { Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { assertDraft, loadEntry } from './load-schedule';
import { presentSchedule } from './present-schedule';

/** Removes an entry from a draft; the audit log keeps what it was. */
export async function deleteScheduleEntry(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  entryId: string;
}): Promise<ScheduleDto> {
  const { db, principal, actor, entryId } = options;
  const { scheduleId, actions } = await db.transaction(async (tx) => {
    const { entry, schedule, actions } = await loadEntry(tx, principal, entryId, 'activity.record', {
      forUpdate: true,
    });
    assertDraft(schedule);
    await deleteEntryRow(tx, entryId);
    await insertAuditEntries(tx, actor, [
      {
        action: 'schedule.entry.delete',
        entityType: 'broadcast_schedule_entry',
        entityId: entryId,
        unitId: schedule.unitId,
        summary: `Xóa khỏi danh mục phát sóng: ${entry.title}`,
        before: entry,
      },
    ]);
    return { scheduleId: schedule.id, actions };
  });
  return presentSchedule(db, (await getScheduleRow(db, scheduleId))!, actions);
}
