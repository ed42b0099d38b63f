import type { ChannelKind } from '../../../shared/activities';
import type { ScheduleEvidenceCandidateDto } from '../../../shared/api/evidence';
import type { Queryable } from '../../db/client';
import { findIssuedSchedules } from '../../db/repositories/evidence';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { findRollupIds } from '../units/unit-scope';

/**
 * The issued broadcast schedules that can prove a unit's criteria: the unit's own and those of the
 * units below it and of the former units merged into it, the same scope a criterion's evidence has.
 */
export async function findScheduleEvidenceCandidates(options: {
  db: Queryable;
  principal: Principal;
  unitId: string;
}): Promise<ScheduleEvidenceCandidateDto[]> {
  const { db, principal, unitId } = options;
  await authorizeUnit(db, principal, unitId, 'unit.view');
  const rows = await findIssuedSchedules(db, await findRollupIds(db, [unitId]));
  return rows.map((row) => ({
    scheduleId: row.id,
    unitId: row.unitId,
    unitName: row.unitName,
    month: row.month,
    documentNumber: row.documentNumber,
    issuedAt: row.issuedAt,
    channelName: row.channelName,
    channelKind: row.channelKind as ChannelKind,
    stationName: row.stationName,
    evidenceId: row.evidenceId,
  }));
}
