import type { Action } from '../../../shared/roles';
import type { Queryable } from '../../db/client';
import {
  getEntryRow,
  getScheduleRow,
  type ScheduleEntryRow,
  type ScheduleRow,
} from '../../db/repositories/schedules';
import { AppError, notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';

/**
 * A schedule the principal may take the action on: "not found" when it does not exist or its unit
 * is outside the principal's grants, "forbidden" when the unit is visible but the action is not allowed.
 */
export async function loadSchedule(
  q: Queryable,
  principal: Principal,
  scheduleId: string,
  action: Action,
  options: { forUpdate?: boolean } = {},
) {
  const schedule = await getScheduleRow(q, scheduleId, options);
  if (!schedule) throw notFound();
  const actions = await authorizeUnit(q, principal, schedule.unitId, action);
  return { schedule, actions };
}

export async function loadEntry(
  q: Queryable,
  principal: Principal,
  entryId: string,
  action: Action,
  options: { forUpdate?: boolean } = {},
) {
  const found: ScheduleEntryRow | undefined = await getEntryRow(q, entryId);
  if (!found) throw notFound();
  const loaded = await loadSchedule(q, principal, found.scheduleId, action, options);
  // Read again under the schedule's lock: another request may have changed or removed it meanwhile.
  const entry = options.forUpdate ? await getEntryRow(q, entryId) : found;
  if (!entry) throw notFound();
  return { entry, ...loaded };
}

/** Issued schedules are the record of what was decided: they are never edited. */
export function assertDraft(schedule: ScheduleRow) {
  if (schedule.status !== 'draft') {
    throw new AppError(
      'CONFLICT',
      'Danh mục đã ban hành, không sửa được. Lập danh mục mới hoặc đánh dấu đã phát.',
    );
  }
}
