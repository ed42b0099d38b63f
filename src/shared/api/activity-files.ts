import { z } from 'zod';
import { activityListQuery } from './activities';
import { errorBodySchema } from './common';

/** The record kinds a spreadsheet can carry: one kind per file. */
export const ACTIVITY_FILE_KINDS = ['post', 'broadcast'] as const;
export type ActivityFileKind = (typeof ACTIVITY_FILE_KINDS)[number];

const fileKind = z.enum(ACTIVITY_FILE_KINDS, {
  error: 'Loại tệp phải là post (tin bài) hoặc broadcast (phát sóng).',
});

export const activityTemplateQuery = z.object({
  kind: fileKind,
  /** Lists (units, channels, province topics) for this unit's subtree; default: everything you may record for. */
  unitId: z.uuid().optional(),
});

export const activityImportQuery = z.object({
  kind: fileKind,
  /** The name of the uploaded file, kept on the import batch; without it the content alone tells XLSX from CSV. */
  fileName: z.string().min(1).max(200).default('tep-tai-len'),
  /** Only rows of this unit's subtree are accepted (the import started from a unit's page). */
  unitId: z.uuid().optional(),
  /** "true": import a file already imported (same content) anyway; rows identical to records are still skipped. */
  confirmReimport: z.stringbool({ error: 'Dùng true hoặc false.' }).optional(),
});

export const activityImportResultSchema = z.object({
  batchId: z.uuid(),
  /** Data rows read from the file. */
  rows: z.number().int(),
  created: z.number().int(),
  /** Rows identical to a record already stored ("đã có"): not stored again. */
  skipped: z.array(z.object({ row: z.number().int(), message: z.string() })),
  /** Rows stored but flagged as suspected duplicates, for a reviewer to decide. */
  flaggedDuplicates: z.array(z.object({ row: z.number().int(), message: z.string() })),
});
export type ActivityImportResultDto = z.infer<typeof activityImportResultSchema>;

export const ACTIVITY_IMPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

/** A file too large to import inside the request: 202 with the job to poll. */
export const activityImportQueuedSchema = z.object({
  jobId: z.uuid(),
  status: z.literal('queued'),
  /** The file's data rows as counted before queueing (an estimate: blank lines count too). */
  estimatedRows: z.number().int(),
});
export type ActivityImportQueuedDto = z.infer<typeof activityImportQueuedSchema>;

/**
 * A background import: queued or running; done with the same result an inline import answers; or
 * failed with the same error an inline import answers (400 with every row error, 409 asking to
 * confirm a re-import, …), nothing stored.
 */
export const activityImportJobSchema = z.object({
  jobId: z.uuid(),
  status: z.enum(ACTIVITY_IMPORT_JOB_STATUSES),
  kind: fileKind,
  fileName: z.string(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  result: activityImportResultSchema.nullable(),
  error: errorBodySchema.nullable(),
});
export type ActivityImportJobDto = z.infer<typeof activityImportJobSchema>;

/** The list's filters without paging: an export holds every matching record. */
export const activityExportQuery = activityListQuery.omit({ limit: true, offset: true });
export type ActivityExportQuery = z.infer<typeof activityExportQuery>;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
