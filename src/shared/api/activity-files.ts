import { z } from 'zod';
import { activityListQuery } from './activities';

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

/** The list's filters without paging: an export holds every matching record. */
export const activityExportQuery = activityListQuery.omit({ limit: true, offset: true });
export type ActivityExportQuery = z.infer<typeof activityExportQuery>;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
