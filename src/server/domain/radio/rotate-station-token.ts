import type { RadioStationTokenDto } from '../../../shared/api/radio';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { getRadioStationView, updateRadioStationToken } from '../../db/repositories/radio-stations';
import { AppError } from '../../errors';
import type { Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { getAuthorizedStation } from './get-station';
import { presentStation } from './present-station';
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
  const station = await getAuthorizedStation(db, principal, stationId, 'radio_station.manage');
  if (station.revokedAt) throw new AppError('CONFLICT', 'Trạm đã bị thu hồi; hãy tạo trạm mới.');
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
  return { station: presentStation((await getRadioStationView(db, station.id))!), token: secret.token };
}
