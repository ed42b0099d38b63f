import type { Action } from '../../../shared/roles';
import type { Queryable } from '../../db/client';
import { getRadioStationRow, type RadioStationRow } from '../../db/repositories/radio-stations';
import { notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';

/**
 * A station the principal may take the action on: an unknown station and another unit's one are both
 * "not found"; one the principal sees but may not manage is "forbidden".
 */
export async function getAuthorizedStation(
  q: Queryable,
  principal: Principal,
  stationId: string,
  action: Action,
): Promise<RadioStationRow> {
  const station = await getRadioStationRow(q, stationId);
  if (!station) throw notFound();
  await authorizeUnit(q, principal, station.unitId, action);
  return station;
}
