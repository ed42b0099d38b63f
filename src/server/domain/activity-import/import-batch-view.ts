import type { ImportBatchDto } from '../../../shared/api/import-batches';
import { IMPORT_UNDO_DAYS } from '../../../shared/api/import-batches';
import type { ImportBatchView } from '../../db/repositories/import-batches';

/** The last moment a batch can be undone as a whole. */
export function undoDeadline(createdAt: Date): Date {
  return new Date(createdAt.getTime() + IMPORT_UNDO_DAYS * 24 * 3600_000);
}

/**
 * A batch as the API shows it. `mayRecord` says whether the caller may record for the batch's unit;
 * "undo" is offered only while the batch is undoable: not undone, in its 30 days, records left.
 */
export function presentImportBatch(batch: ImportBatchView, mayRecord: boolean, now: Date): ImportBatchDto {
  const undoUntil = undoDeadline(batch.createdAt);
  const canUndo = mayRecord && !batch.undoneAt && now <= undoUntil && batch.liveCount > 0;
  return {
    ...batch,
    kind: batch.kind as ImportBatchDto['kind'],
    undoUntil,
    actions: canUndo ? ['undo'] : [],
  };
}
