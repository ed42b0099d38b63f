import type { RadioStationDto } from '../../../shared/api/radio';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { markRadioStationRevoked } from '../../db/repositories/radio-stations';
import type { Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { getManageableLiveStation, getStationDto } from './get-station';

/**
 * Ends a station: its token stops working at once and its code is free for a new station. What it
 * sent stays recorded.
 */
export async function revokeRadioStation(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  stationId: string;
  now?: Date;
}): Promise<RadioStationDto> {
  const { db, principal, actor, stationId } = options;
  const station = await getManageableLiveStation(db, principal, stationId, 'Trạm đã bị thu hồi trước đó.');
  const revokedAt = options.now ?? new Date();
  await db.transaction(async (tx) => {
    await markRadioStationRevoked(tx, station.id, revokedAt);
    await insertAuditEntries(tx, actor, [
      {
        action: 'radio_station.revoke',
        entityType: 'radio_station',
        entityId: station.id,
        unitId: station.unitId,
        summary: `Thu hồi trạm ${station.code} (${station.name})`,
        after: { revokedAt: revokedAt.toISOString() },
      },
    ]);
  });
  return getStationDto(db, station.id);
}
