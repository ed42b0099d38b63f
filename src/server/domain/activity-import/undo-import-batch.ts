import { IMPORT_UNDO_DAYS, type ImportBatchDto } from '../../../shared/api/import-batches';
import { normalizeText } from '../../../shared/text';
import type { Db } from '../../db/client';
import { findLiveActivitiesOfBatch } from '../../db/repositories/activities';
import { insertAuditEntries } from '../../db/repositories/audit';
import {
  getImportBatchView,
  lockImportBatch,
  markImportBatchUndone,
} from '../../db/repositories/import-batches';
import { AppError, notFound, validationError } from '../../errors';
import { authorizeUnit, isGlobal, type Principal } from '../../policies/principal';
import { softDeleteActivities } from '../activities/delete-activity';
import type { Actor } from '../actor';
import { describeBatchTime } from './describe-batch';
import { presentImportBatch, undoDeadline } from './import-batch-view';

/**
 * Undoes an import as a whole: every record of the batch still live is deleted (softly, with the
 * reason, one audit entry per record, as a deletion by hand), and the batch is marked undone. Only
 * within 30 days of the import, by a user who may record for the batch's unit; later, records are
 * deleted one by one. An administrator can still restore a record deleted this way.
 */
export async function undoImportBatch(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  batchId: string;
  reason?: string | null;
  /** The application clock; tests pin it. */
  now?: Date;
}): Promise<ImportBatchDto> {
  const { db, principal, actor, batchId } = options;
  const now = options.now ?? new Date();
  const batch = await getImportBatchView(db, batchId);
  if (!batch) throw notFound();
  if (batch.unitId) await authorizeUnit(db, principal, batch.unitId, 'activity.record');
  else if (!isGlobal(principal, 'activity.record')) throw notFound();

  const reason = normalizeText(options.reason ?? '');
  if (!reason)
    throw validationError('Nhập lý do hoàn tác lô nhập.', [{ field: 'reason', message: 'Bắt buộc.' }]);
  const deadline = undoDeadline(batch.createdAt);
  if (now > deadline)
    throw new AppError(
      'CONFLICT',
      `Lô nhập lúc ${describeBatchTime(batch.createdAt)} đã quá ${IMPORT_UNDO_DAYS} ngày (hạn hoàn tác: ${describeBatchTime(deadline)}); không hoàn tác cả lô được nữa. Xoá từng bản ghi nếu cần, kèm lý do.`,
    );

  await db.transaction(async (tx) => {
    const locked = await lockImportBatch(tx, batchId);
    if (locked?.undoneAt)
      throw new AppError(
        'CONFLICT',
        `Lô nhập này đã được hoàn tác lúc ${describeBatchTime(new Date(locked.undoneAt))}.`,
      );
    const records = await findLiveActivitiesOfBatch(tx, batchId);
    const fullReason = `Hoàn tác lô nhập tệp ${batch.fileName}: ${reason}`;
    await softDeleteActivities(tx, actor, records, fullReason, now);
    await markImportBatchUndone(tx, batchId, { undoneAt: now, undoneBy: actor.userId, undoReason: reason });
    await insertAuditEntries(tx, actor, [
      {
        action: 'import_batch.undo',
        entityType: 'import_batch',
        entityId: batchId,
        unitId: batch.unitId,
        summary: `Hoàn tác lô nhập tệp ${batch.fileName} (${records.length} bản ghi bị xoá): ${reason}`,
        before: { undoneAt: null, liveCount: records.length },
        after: { undoneAt: now.toISOString(), reason, deletedIds: records.map((record) => record.id) },
      },
    ]);
  });
  const undone = await getImportBatchView(db, batchId);
  return presentImportBatch(undone!, true, now);
}
