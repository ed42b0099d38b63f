import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { countChannelUses, getChannelRow, updateChannelRow } from '../../db/repositories/channels';
import { AppError, notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';

/**
 * Removes a channel entered by mistake. One that records or schedules use stays, for history and
 * for the weeks it counts: it is ended instead.
 */
export async function deleteChannel(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  channelId: string;
}): Promise<void> {
  const { db, principal, actor, channelId } = options;
  const row = await getChannelRow(db, channelId);
  if (!row) throw notFound();
  await authorizeUnit(db, principal, row.unitId, 'activity.record');
  await db.transaction(async (tx) => {
    const uses = await countChannelUses(tx, channelId);
    if (uses.activities || uses.schedules) {
      const what = [
        uses.activities ? `${uses.activities} bản ghi` : '',
        uses.schedules ? `${uses.schedules} danh mục phát sóng` : '',
      ]
        .filter(Boolean)
        .join(' và ');
      throw new AppError(
        'CONFLICT',
        `Kênh "${row.name}" đang có ${what}, không xoá được. Hãy đặt ngày kết thúc cho kênh.`,
        [{ field: 'endedOn', message: 'Đặt ngày kết thúc thay vì xoá.' }],
      );
    }
    await updateChannelRow(tx, channelId, { deletedAt: new Date() });
    await insertAuditEntries(tx, actor, [
      {
        action: 'channel.delete',
        entityType: 'channel',
        entityId: channelId,
        unitId: row.unitId,
        summary: `Xoá kênh ${row.name}`,
        before: row,
      },
    ]);
  });
}
