import type { ScheduleDto, ScheduleHeaderInput } from '../../../shared/api/schedules';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { getScheduleRow, updateScheduleRow } from '../../db/repositories/schedules';
import type { Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { headerValues } from './header-values';
import { assertDraft, loadSchedule } from './load-schedule';
import { presentSchedule } from './present-schedule';

/** The document's header fields (number, signer, recipients, note) while the list is a draft. */
export async function updateSchedule(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  scheduleId: string;
  input: ScheduleHeaderInput;
}): Promise<ScheduleDto> {
  const { db, principal, actor, scheduleId } = options;
  const actions = await db.transaction(async (tx) => {
    const { schedule, actions } = await loadSchedule(tx, principal, scheduleId, 'activity.record', {
      forUpdate: true,
    });
    assertDraft(schedule);
    const values = headerValues(options.input);
    await updateScheduleRow(tx, scheduleId, values);
    const before = Object.fromEntries(
      Object.keys(values).map((key) => [key, schedule[key as keyof typeof schedule]]),
    );
    await insertAuditEntries(tx, actor, [
      {
        action: 'schedule.update',
        entityType: 'broadcast_schedule',
        entityId: scheduleId,
        unitId: schedule.unitId,
        summary: 'Sửa thông tin văn bản của danh mục phát sóng',
        before,
        after: values,
      },
    ]);
    return actions;
  });
  return presentSchedule(db, (await getScheduleRow(db, scheduleId))!, actions);
}
