import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, units, updatedAt, users } from './schema';

/**
 * Activity records and what surrounds them (issue "Activity records"). Three dates never mix on a
 * record: when it happened (occurred_at / occurred_on), when it was recorded (recorded_at), when it was
 * reviewed (reviewed_at).
 */

/** A unit's channel: its website DX column, radio DX programme, press column, social page or e-board. */
export const channels = pgTable(
  'channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    platform: text('platform').notNull(),
    name: text('name').notNull(),
    /** The radio station or newspaper carrying a programme or column. */
    stationName: text('station_name'),
    url: text('url'),
    feedUrl: text('feed_url'),
    /** The day the DX column or programme started, and ended. */
    startedOn: date('started_on'),
    endedOn: date('ended_on'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('channels_unit_idx').on(t.unitId)],
);

/** Topics (D11) and languages are lists a province may extend: province_id null = the national list. */
export const topics = pgTable(
  'topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').references(() => units.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    isActive: boolean('is_active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('topics_code_uq').on(
      sql`coalesce(${t.provinceId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.code,
    ),
  ],
);

export const languages = pgTable(
  'languages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').references(() => units.id),
    /** BCP-47 / ISO 639-3 code: vi, sed, bdq, cmo… */
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    isActive: boolean('is_active').notNull().default(true),
  },
  (t) => [
    uniqueIndex('languages_code_uq').on(
      sql`coalesce(${t.provinceId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.code,
    ),
  ],
);

/** Posts, broadcasts, press issues and banner placements: the facts every score is computed from. */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    channelId: uuid('channel_id').references(() => channels.id),
    /** When it happened: published, aired, issued, or checked on the page (banners). */
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** The Vietnamese calendar day of occurred_at, kept so week and month counts need no time-zone maths. */
    occurredOn: date('occurred_on').notNull(),
    title: text('title').notNull(),
    searchText: text('search_text').notNull(),
    url: text('url'),
    /** The URL normalised for duplicate detection (no scheme, www, trailing slash, tracking parameters). */
    urlKey: text('url_key'),
    genre: text('genre'),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    language: text('language').notNull().default('vi'),
    author: text('author'),
    /** Broadcasts: programme name, length, and where the content came from. */
    programme: text('programme'),
    durationSeconds: integer('duration_seconds'),
    source: text('source'),
    /** Press issues: the issue number or date line. */
    issueNumber: text('issue_number'),
    /** Banners: where it links to, and whether it was seen working at the check. */
    targetUrl: text('target_url'),
    isVerified: boolean('is_verified'),
    provenance: text('provenance').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    reviewStatus: text('review_status').notNull().default('pending'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    /** A suspected duplicate of another record: flagged for a person to decide, never silently merged. */
    duplicateOfId: uuid('duplicate_of_id'),
    /** This record is a version in another language of that record. */
    translationOfId: uuid('translation_of_id'),
    libraryItemId: uuid('library_item_id'),
    scheduleEntryId: uuid('schedule_entry_id'),
    importBatchId: uuid('import_batch_id'),
    /** Found by the website monitor: the snapshot of the page it came from (monitor_snapshots). */
    snapshotId: uuid('snapshot_id'),
    /**
     * Pushed by another system (provenance 'api'): who sent it ('radio:<station id>') and its own id
     * for the item, so the same item sent again is recognised, not recorded twice.
     */
    externalSource: text('external_source'),
    externalId: text('external_id'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: uuid('deleted_by'),
    deleteReason: text('delete_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('activities_unit_kind_day_idx').on(t.unitId, t.kind, t.occurredOn),
    index('activities_channel_day_idx').on(t.channelId, t.occurredOn),
    index('activities_day_idx').on(t.occurredOn),
    index('activities_url_key_idx').on(t.urlKey),
    index('activities_title_day_idx').on(t.channelId, t.occurredOn, t.searchText),
    index('activities_translation_idx').on(t.translationOfId),
    // One live version per language of a record, even under two simultaneous requests.
    uniqueIndex('activities_translation_language_uq')
      .on(t.translationOfId, t.language)
      .where(sql`${t.translationOfId} is not null and ${t.deletedAt} is null`),
    index('activities_library_idx').on(t.libraryItemId),
    index('activities_import_batch_idx').on(t.importBatchId),
    // One live record per item a station sent: a deleted one does not block a person's upload after
    // an undo (whether a push may bring it back is the domain's rule, docs/radio-logs.md §3).
    uniqueIndex('activities_external_live_uq')
      .on(t.externalSource, t.externalId)
      .where(sql`${t.externalId} is not null and ${t.deletedAt} is null`),
    index('activities_topics_idx').using('gin', t.topics),
    // The review queues (the reviewer's home, its count, a unit's rejected records) without reading
    // every record of the scope: most records of a year may be pending.
    index('activities_pending_idx')
      .on(t.recordedAt, t.id)
      .where(sql`${t.reviewStatus} = 'pending' and ${t.deletedAt} is null`),
    index('activities_unit_pending_idx')
      .on(t.unitId, t.recordedAt)
      .where(sql`${t.reviewStatus} = 'pending' and ${t.deletedAt} is null`),
    index('activities_unit_rejected_idx')
      .on(t.unitId, t.reviewedAt)
      .where(sql`${t.reviewStatus} = 'rejected' and ${t.deletedAt} is null`),
    check('activities_duration_ck', sql`${t.durationSeconds} is null or ${t.durationSeconds} >= 0`),
  ],
);

/** The monthly broadcast list ("danh mục phát sóng") of a station, drafted by an officer, issued by the head. */
export const broadcastSchedules = pgTable(
  'broadcast_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id),
    /** The first day of the month the list covers. */
    month: date('month').notNull(),
    status: text('status').notNull().default('draft'),
    documentNumber: text('document_number'),
    signerName: text('signer_name'),
    signerTitle: text('signer_title'),
    recipients: text('recipients'),
    note: text('note'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: uuid('issued_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('broadcast_schedules_channel_month_uq').on(t.channelId, t.month)],
);

export const broadcastScheduleEntries = pgTable(
  'broadcast_schedule_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => broadcastSchedules.id, { onDelete: 'cascade' }),
    airDate: date('air_date').notNull(),
    /** "05:00", "17:00–17:15": the slot as the station writes it. */
    timeSlot: text('time_slot').notNull(),
    title: text('title').notNull(),
    genre: text('genre'),
    topic: text('topic'),
    durationMinutes: integer('duration_minutes').notNull(),
    language: text('language').notNull().default('vi'),
    source: text('source').notNull().default('own'),
    libraryItemId: uuid('library_item_id'),
    /** The broadcast created when the entry was marked as aired. */
    airedActivityId: uuid('aired_activity_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('broadcast_schedule_entries_schedule_idx').on(t.scheduleId, t.airDate),
    index('broadcast_schedule_entries_library_idx').on(t.libraryItemId),
  ],
);

/** Materials a DX office publishes to its subtree (D15): texts, scripts, audio, banners, guidance. */
export const libraryItems = pgTable(
  'library_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    searchText: text('search_text').notNull(),
    body: text('body'),
    summary: text('summary'),
    language: text('language').notNull().default('vi'),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    fileId: uuid('file_id'),
    translationOfId: uuid('translation_of_id'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('library_items_owner_idx').on(t.ownerUnitId),
    index('library_items_translation_idx').on(t.translationOfId),
    uniqueIndex('library_items_translation_language_uq')
      .on(t.translationOfId, t.language)
      .where(sql`${t.translationOfId} is not null and ${t.deletedAt} is null`),
  ],
);

/** Bytes on disk, by content hash: stored once, never changed in place. */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: text('sha256').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** The type found in the content, not the one the name claims. */
    mimeType: text('mime_type').notNull(),
    originalName: text('original_name').notNull(),
    storageKey: text('storage_key').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('stored_files_sha_idx').on(t.sha256),
    // Whether anything still names a key, before an import's upload is deleted (isStorageKeyInUse).
    index('stored_files_storage_key_idx').on(t.storageKey),
  ],
);

/** Proof: a file, a URL or a document citation (số/ký hiệu, date, issuing body, summary). */
export const evidence = pgTable(
  'evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    fileId: uuid('file_id').references(() => storedFiles.id),
    url: text('url'),
    documentNumber: text('document_number'),
    documentDate: date('document_date'),
    issuingBody: text('issuing_body'),
    summary: text('summary'),
    /** The period the evidence proves. */
    periodFrom: date('period_from'),
    periodTo: date('period_to'),
    capturedAt: timestamp('captured_at', { withTimezone: true }).notNull().defaultNow(),
    source: text('source').notNull().default('upload'),
    /** A new version points at the one it replaces; versions are never edited. */
    previousVersionId: uuid('previous_version_id'),
    isCurrent: boolean('is_current').notNull().default(true),
    /** Kind `schedule`: the issued broadcast schedule whose document (in fileId) the item freezes. */
    scheduleId: uuid('schedule_id').references(() => broadcastSchedules.id),
    /** Kind `snapshot` (source 'monitor'): the monitor snapshot the item presents (monitor_snapshots). */
    snapshotId: uuid('snapshot_id'),
    /** Linked from the province's public results page (issue 10 item 8); set by the DX office. */
    isPublic: boolean('is_public').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('evidence_unit_idx').on(t.unitId),
    // One frozen document per issued schedule: every criterion that cites it shares the same proof.
    uniqueIndex('evidence_schedule_uq').on(t.scheduleId).where(sql`${t.scheduleId} is not null`),
    // The few public items, read by the public results pages (and their cache stamp) without a scan.
    index('evidence_public_idx').on(t.id).where(sql`${t.isPublic}`),
  ],
);

/** What an evidence item proves: a record now, a criterion of an assessment later. */
export const evidenceLinks = pgTable(
  'evidence_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidence.id),
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('evidence_links_uq').on(t.evidenceId, t.targetType, t.targetId),
    index('evidence_links_target_idx').on(t.targetType, t.targetId),
  ],
);

/**
 * One spreadsheet import, so its rows can be listed, traced back to the file, recognised when the same
 * file comes again (by its SHA-256) and undone as a whole for a while.
 */
export const importBatches = pgTable(
  'import_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    /** The unit governing every row of the file (the unit chosen on import, or the rows' nearest common one). */
    unitId: uuid('unit_id').references(() => units.id),
    fileName: text('file_name').notNull(),
    /** Hex SHA-256 of the file's bytes: the same file imported again is recognised by it. */
    fileSha256: text('file_sha256'),
    /** Data rows read from the file. */
    rowCount: integer('row_count').notNull(),
    /** Rows stored as records, of them flagged as suspected duplicates, and skipped as "đã có". */
    storedCount: integer('stored_count').notNull().default(0),
    flaggedCount: integer('flagged_count').notNull().default(0),
    skippedCount: integer('skipped_count').notNull().default(0),
    fileId: uuid('file_id'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    /** The whole batch undone: its records deleted (softly) with this reason. */
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: uuid('undone_by').references(() => users.id),
    undoReason: text('undo_reason'),
  },
  (t) => [
    index('import_batches_sha_idx').on(t.fileSha256),
    index('import_batches_unit_idx').on(t.unitId, t.createdAt),
  ],
);

/**
 * A records spreadsheet too large to import inside the upload request (IMPORT_INLINE_ROW_LIMIT),
 * imported by the `activities.import` job. The row's id is also the pg-boss job's id and the id of
 * the import batch it creates, so a job run again after a crash finds its batch (or its result,
 * written in the import's own transaction) instead of importing twice. The file waits in the file
 * store under its SHA-256 key until the job finishes (releaseImportUpload); the row is deleted
 * IMPORT_JOB_RETENTION_DAYS after that (the `activities.import-cleanup` job).
 */
export const activityImportJobs = pgTable(
  'activity_import_jobs',
  {
    id: uuid('id').primaryKey(),
    /** Who started it: the only one who may read it, and whose grants the job imports with. */
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    confirmReimport: boolean('confirm_reimport').notNull().default(false),
    /** The upload request's address and id, carried into the audit log of the import. */
    requestIp: text('request_ip'),
    requestId: text('request_id'),
    /** queued → running → done | failed; a failed file keeps every row error in `error`. */
    status: text('status').notNull().default('queued'),
    /** The import's answer (ActivityImportResultDto) when done. */
    result: jsonb('result'),
    /** The refusal ({code, message, details}) when failed. */
    error: jsonb('error'),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('activity_import_jobs_user_idx').on(t.createdBy, t.createdAt),
    check('activity_import_jobs_status_check', sql`${t.status} in ('queued', 'running', 'done', 'failed')`),
  ],
);

export const activitySchema = {
  channels,
  topics,
  languages,
  activities,
  broadcastSchedules,
  broadcastScheduleEntries,
  libraryItems,
  storedFiles,
  evidence,
  evidenceLinks,
  importBatches,
  activityImportJobs,
};
