import type { RadioReceivedDto } from '../../../shared/api/radio';
import type { Db } from '../../db/client';
import { findLatestReceived, radioSource } from '../../db/repositories/radio-stations';
import type { Principal } from '../../policies/principal';
import { getAuthorizedStation } from './get-station';
import { presentReceived } from './present-station';

/** The latest records a station sent (pushed or uploaded), for "did the last push arrive?". */
export async function findReceived(options: {
  db: Db;
  principal: Principal;
  stationId: string;
  limit?: number;
}): Promise<{ items: RadioReceivedDto[] }> {
  const station = await getAuthorizedStation(options.db, options.principal, options.stationId, 'unit.view');
  const rows = await findLatestReceived(options.db, radioSource(station.id), options.limit ?? 50);
  return { items: rows.map(presentReceived) };
}
