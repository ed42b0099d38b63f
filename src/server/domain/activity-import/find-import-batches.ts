import type { ImportBatchDto, ImportBatchListQuery } from '../../../shared/api/import-batches';
import type { Db } from '../../db/client';
import { findImportBatches } from '../../db/repositories/import-batches';
import { type Principal, scopeIds } from '../../policies/principal';
import { rollupInScope, visibleUnitIds } from '../activities/visible-units';
import { presentImportBatch } from './import-batch-view';

/**
 * "Lịch sử nhập": the import batches of the units the caller sees (of one unit's roll-up when asked),
 * newest first, each with what the caller may do with it.
 */
export async function findImportBatchesInScope(options: {
  db: Db;
  principal: Principal;
  query: ImportBatchListQuery;
  now?: Date;
}): Promise<{ items: ImportBatchDto[]; total: number }> {
  const { db, principal, query } = options;
  const now = options.now ?? new Date();
  const unitIds = query.unitId
    ? await rollupInScope(db, principal, query.unitId)
    : await visibleUnitIds(db, principal).then((ids) => (ids ? [...ids] : null));
  const page = await findImportBatches(db, { unitIds, limit: query.limit, offset: query.offset });
  const recordScope = await scopeIds(db, principal, 'activity.record');
  const mayRecord = (unitId: string | null) =>
    recordScope === null || (unitId !== null && recordScope.includes(unitId));
  return {
    items: page.items.map((batch) => presentImportBatch(batch, mayRecord(batch.unitId), now)),
    total: page.total,
  };
}
