import type { RadioStationListDto } from '../../../shared/api/radio';
import type { Db } from '../../db/client';
import { findRadioStationViews } from '../../db/repositories/radio-stations';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { findRollupIds } from '../units/unit-scope';
import { presentStation } from './present-station';

/** The stations of a unit's roll-up (a province office sees its communes' ones), revoked ones last. */
export async function findRadioStations(options: {
  db: Db;
  principal: Principal;
  unitId: string;
}): Promise<RadioStationListDto> {
  const { db, principal, unitId } = options;
  const actions = await authorizeUnit(db, principal, unitId, 'unit.view');
  const views = await findRadioStationViews(db, await findRollupIds(db, [unitId]));
  return { items: views.map(presentStation), canManage: actions.includes('radio_station.manage') };
}
