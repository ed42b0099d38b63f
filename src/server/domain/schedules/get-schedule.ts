import type { ScheduleDto } from '../../../shared/api/schedules';
import type { Db } from '../../db/client';
import type { Principal } from '../../policies/principal';
import { loadSchedule } from './load-schedule';
import { presentSchedule } from './present-schedule';

export async function getSchedule(options: {
  db: Db;
  principal: Principal;
  scheduleId: string;
}): Promise<ScheduleDto> {
  const { schedule, actions } = await loadSchedule(
    options.db,
    options.principal,
    options.scheduleId,
    'unit.view',
  );
  return presentSchedule(options.db, schedule, actions);
}
