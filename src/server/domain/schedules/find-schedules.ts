import type { ScheduleSummaryDto } from '../../../shared/api/schedules';
import { todayVn } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { findEntries, findSchedulesOfUnit, type ScheduleEntryRow } from '../../db/repositories/schedules';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { presentSummary } from './present-schedule';

/**
 * A unit's monthly lists of one year (this year by default), newest month first. This year's also
 * holds the lists already drafted for later months: in December the list of January is drafted, and
 * it must not hide in next year's.
 */
export async function findSchedules(options: {
  db: Db;
  principal: Principal;
  unitId: string;
  year?: number;
}): Promise<ScheduleSummaryDto[]> {
  const { db, principal, unitId } = options;
  await authorizeUnit(db, principal, unitId, 'unit.view');
  const thisYear = Number(todayVn().slice(0, 4));
  const year = options.year ?? thisYear;
  const lastMonth = year === thisYear ? '9999-12-01' : `${year}-12-01`;
  const rows = await findSchedulesOfUnit(db, unitId, `${year}-01-01`, lastMonth);
  const entries = await findEntries(
    db,
    rows.map((row) => row.id),
  );
  const bySchedule = new Map<string, ScheduleEntryRow[]>();
  for (const entry of entries)
    bySchedule.set(entry.scheduleId, [...(bySchedule.get(entry.scheduleId) ?? []), entry]);
  return rows.map((row) =>
    presentSummary(
      row,
      { kind: row.channelKind, name: row.channelName, stationName: row.stationName },
      bySchedule.get(row.id) ?? [],
    ),
  );
}
