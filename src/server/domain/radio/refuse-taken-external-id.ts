import type { Tx } from '../../db/client';
import { findReceivedItems, lockRadioStation } from '../../db/repositories/radio-stations';
import { AppError } from '../../errors';

const RADIO_PREFIX = 'radio:';

/**
 * Before a deleted record a station sent comes back (an administrator's restore): the database keeps
 * one live record per station item, and a person may have uploaded the log again since the deletion.
 * Then the restore is refused with what to do, rather than failing on the unique index. Takes the
 * station's lock, so a push or upload at the same moment waits for the restore's transaction.
 */
export async function refuseIfExternalIdTaken(
  tx: Tx,
  row: { id: string; externalSource: string | null; externalId: string | null },
): Promise<void> {
  const { externalSource, externalId } = row;
  if (!externalSource?.startsWith(RADIO_PREFIX) || externalId === null) return;
  await lockRadioStation(tx, externalSource.slice(RADIO_PREFIX.length));
  const items = await findReceivedItems(tx, externalSource, [externalId]);
  if (items.some((item) => item.id !== row.id && item.deletedAt === null))
    throw new AppError(
      'CONFLICT',
      `Không khôi phục được: lượt phát mã "${externalId}" của trạm đã có một bản ghi khác đang hiệu lực (được nhập lại sau khi bản ghi này bị xoá). Xoá bản ghi đó trước nếu muốn giữ bản ghi này.`,
    );
}
