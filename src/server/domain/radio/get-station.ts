import type { RadioStationDto } from '../../../shared/api/radio';
import type { Action } from '../../../shared/roles';
import type { Queryable } from '../../db/client';
import {
  getRadioStationRow,
  getRadioStationView,
  type RadioStationRow,
} from '../../db/repositories/radio-stations';
import { AppError, notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { presentStation } from './present-station';

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

/** A live station the principal may manage (rotate, revoke): a revoked one is a conflict, with this message. */
export async function getManageableLiveStation(
  q: Queryable,
  principal: Principal,
  stationId: string,
  revokedMessage: string,
): Promise<RadioStationRow> {
  const station = await getAuthorizedStation(q, principal, stationId, 'radio_station.manage');
  if (station.revokedAt) throw new AppError('CONFLICT', revokedMessage);
  return station;
}

/** A station as it leaves the server, read again after a write (its counts and names joined). */
export async function getStationDto(q: Queryable, stationId: string): Promise<RadioStationDto> {
  const view = await getRadioStationView(q, stationId);
  if (!view) throw notFound();
  return presentStation(view);
}
