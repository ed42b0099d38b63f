import { z } from 'zod';
import { ACTIVITY_FILE_KINDS } from './activity-files';
import { pageQuery } from './common';

/** How long an import batch can be undone as a whole; later, records are deleted one by one. */
export const IMPORT_UNDO_DAYS = 30;

export const importBatchListQuery = pageQuery.extend({
  /** Batches of this unit and the units below it; default: every batch the user sees. */
  unitId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ImportBatchListQuery = z.infer<typeof importBatchListQuery>;

/** What a user may do with a batch, as the server decides it. */
export const IMPORT_BATCH_ACTIONS = ['undo'] as const;

export const importBatchSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ACTIVITY_FILE_KINDS),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  fileName: z.string(),
  /** Data rows of the file; stored (of them flagged as suspected duplicates); skipped as "đã có". */
  rowCount: z.number().int(),
  storedCount: z.number().int(),
  flaggedCount: z.number().int(),
  skippedCount: z.number().int(),
  /** Stored records of the batch not deleted since. */
  liveCount: z.number().int(),
  createdAt: z.date(),
  createdByName: z.string().nullable(),
  undoneAt: z.date().nullable(),
  undoneByName: z.string().nullable(),
  undoReason: z.string().nullable(),
  /** The last moment the batch can be undone as a whole. */
  undoUntil: z.date(),
  actions: z.array(z.enum(IMPORT_BATCH_ACTIONS)),
});
export type ImportBatchDto = z.infer<typeof importBatchSchema>;

export const importBatchListSchema = z.object({ items: z.array(importBatchSchema), total: z.number().int() });

/** The reason is checked after access, so an outsider learns nothing from a missing one. */
export const undoImportBatchBody = z.object({ reason: z.string().max(1000).optional() }).nullish();
