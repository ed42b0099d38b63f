import type { RadioStationInput, RadioStationTokenDto } from '../../../shared/api/radio';
import { todayVn } from '../../../shared/dates';
import { normalizeText } from '../../../shared/text';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { getChannelRow } from '../../db/repositories/channels';
import { findLiveStationByCode, insertRadioStation } from '../../db/repositories/radio-stations';
import { AppError, validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { getStationDto } from './get-station';
import { generateStationToken } from './station-token';

/**
 * Registers a radio system for one of the unit's radio programmes and hands out its token, once.
 * Codes are compared in capitals: "kt-dakrve-01" and "KT-DAKRVE-01" are one station.
 */
export async function createRadioStation(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  unitId: string;
  input: RadioStationInput;
  now?: Date;
}): Promise<RadioStationTokenDto> {
  const { db, principal, actor, unitId, input } = options;
  await authorizeUnit(db, principal, unitId, 'radio_station.manage');
  const code = input.code.toUpperCase();
  const name = normalizeText(input.name);
  const channel = await getChannelRow(db, input.channelId);
  // Another unit's channel is "not found" too: its id tells nothing about that unit.
  if (!channel || channel.unitId !== unitId)
    throw validationError('Không tìm thấy chương trình phát thanh của đơn vị.', [
      { field: 'channelId', message: 'Không tìm thấy chương trình phát thanh của đơn vị.' },
    ]);
  if (channel.kind !== 'radio_programme')
    throw validationError('Kênh được chọn không phải chương trình phát thanh.', [
      { field: 'channelId', message: 'Chọn một chương trình trên đài truyền thanh.' },
    ]);
  if (channel.endedOn && channel.endedOn < todayVn(options.now))
    throw validationError('Chương trình phát thanh này đã kết thúc.', [
      { field: 'channelId', message: 'Chương trình đã kết thúc.' },
    ]);

  const secret = generateStationToken();
  const id = await db.transaction(async (tx) => {
    // Also guarded by the unique index on live codes; asked first for a message naming the field.
    if (await findLiveStationByCode(tx, code)) throw codeTaken(code);
    const created = await insertRadioStation(tx, {
      code,
      name,
      unitId,
      channelId: channel.id,
      tokenHash: secret.tokenHash,
      tokenPrefix: secret.tokenPrefix,
      createdBy: actor.userId,
    });
    await insertAuditEntries(tx, actor, [
      {
        action: 'radio_station.create',
        entityType: 'radio_station',
        entityId: created,
        unitId,
        summary: `Trạm ${code} (${name}) gửi nhật ký phát sóng cho chương trình "${channel.name}"`,
        after: { code, name, channelId: channel.id, tokenPrefix: secret.tokenPrefix },
      },
    ]);
    return created;
  });
  return { station: await getStationDto(db, id), token: secret.token };
}

function codeTaken(code: string): AppError {
  const message = `Mã trạm "${code}" đang được dùng; chọn mã khác.`;
  return new AppError('CONFLICT', message, [{ field: 'code', message }]);
}
