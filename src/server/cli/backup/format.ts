import { z } from 'zod';

/**
 * A backup is gzip'd JSON Lines, readable with `zcat`:
 *   line 1      the header (format, version, when, the applied migrations, every table with its columns)
 *   then, per table in foreign-key order:
 *     {"table":"units"}                    starts the table's rows
 *     ["<id>","province","51",…]           one row: each column's text form, or null
 *   last line   {"end":true,"rowCounts":{…},"digests":{…}}; a file without it was cut short and is refused.
 *               `digests` (TableDigest: row count and sum of the rows' SHA-256) let `restore` read
 *               every table back after loading it and prove it holds what was backed up; files
 *               written before digests existed restore without that check.
 * Values are PostgreSQL's own text forms, written with TimeZone UTC and DateStyle ISO, and read back
 * with a cast to the column's type: dates, microsecond timestamps, jsonb (even a JSON null) and
 * 64-bit ids come back exactly, whichever of PGlite or PostgreSQL wrote or reads the file.
 */

export const BACKUP_FORMAT = 'loa-so-backup';
export const BACKUP_VERSION = 1;

const columnSchema = z.object({ name: z.string(), type: z.string() });

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  createdAt: z.string(),
  /** The database the backup was taken from. */
  database: z.enum(['pglite', 'postgres']),
  /** Hashes of the applied migrations, oldest first. */
  migrations: z.array(z.string()),
  /** Tables deliberately not backed up (see SKIPPED_TABLES). */
  skippedTables: z.array(z.string()),
  tables: z.array(
    z.object({ name: z.string(), primaryKey: z.array(z.string()), columns: z.array(columnSchema) }),
  ),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export const tableStartSchema = z.object({ table: z.string() });
export const backupEndSchema = z.object({
  end: z.literal(true),
  rowCounts: z.record(z.string(), z.number().int()),
  /** Per table, the TableDigest of its rows as written (absent in files of earlier releases). */
  digests: z.record(z.string(), z.string()).optional(),
});
export type BackupEnd = z.infer<typeof backupEndSchema>;

/** A row: the text form of each column, in the header's column order. */
export const rowSchema = z.array(z.string().nullable());
export type BackupRow = z.infer<typeof rowSchema>;
