import type { RadioStationTokenDto } from '../../../shared/api/radio';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { updateRadioStationToken } from '../../db/repositories/radio-stations';
import type { Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { getManageableLiveStation, getStationDto } from './get-station';
import { generateStationToken } from './station-token';

/**
 * A new token for a station, shown once; the old one stops working at once. The station keeps its id,
 * so what it sent before and what it sends after are one source (the same item is still recognised).
 */
export async function rotateStationToken(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  stationId: string;
}): Promise<RadioStationTokenDto> {
  const { db, principal, actor, stationId } = options;
  const station = await getManageableLiveStation(
    db,
    principal,
    stationId,
    'Trạm đã bị thu hồi; hãy tạo trạm mới.',
  );
  const secret = generateStationToken();
  await db.transaction(async (tx) => {
    await updateRadioStationToken(tx, station.id, secret);
    await insertAuditEntries(tx, actor, [
      {
        action: 'radio_station.rotate',
        entityType: 'radio_station',
        entityId: station.id,
        unitId: station.unitId,
        summary: `Cấp lại mã truy cập của trạm ${station.code}`,
        before: { tokenPrefix: station.tokenPrefix },
        after: { tokenPrefix: secret.tokenPrefix },
      },
    ]);
  });
  return { station: await getStationDto(db, station.id), token: secret.token };
}
