import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, units, updatedAt, users } from './schema';
import { activities, channels, storedFiles } from './schema-activities';

/**
 * Automatic evidence (issue 11): the website monitor, its snapshots, the DX classifier's decisions and
 * the radio systems' as-run logs. What the monitor finds becomes ordinary activity records
 * (provenance 'monitor' or 'api'), so scores, reports and evidence packages need nothing new.
 */

/** A province's monitor settings (one row per province; none = the defaults in code). */
export const monitorSettings = pgTable('monitor_settings', {
  provinceId: uuid('province_id')
    .primaryKey()
    .references(() => units.id),
  isEnabled: boolean('is_enabled').notNull().default(true),
  /** Hour of the day (Vietnam time) the daily checks start. */
  checkHour: integer('check_hour').notNull().default(2),
  /** Days between two checks of one site (1 = daily). */
  intervalDays: integer('interval_days').notNull().default(1),
  /** The DX column of the province portal every unit's homepage should link to (the banner, D9). */
  bannerTargetUrl: text('banner_target_url'),
  /** Alerts: a site failing this many checks in a row; a DX column with no new post for this many days. */
  failureAlertAfter: integer('failure_alert_after').notNull().default(3),
  staleAlertAfterDays: integer('stale_alert_after_days').notNull().default(30),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
});

/**
 * Per-site overrides an admin sets (and tests against the live page) when the automatic listing
 * detection does not fit a portal's layout. One row per website channel.
 */
export const monitorSiteOverrides = pgTable('monitor_site_overrides', {
  channelId: uuid('channel_id')
    .primaryKey()
    .references(() => channels.id),
  /** The DX column's listing page when it is not the channel's URL. */
  listingUrl: text('listing_url'),
  /** CSS selectors: one item of the listing, and inside it the link, the title, the date, the lead. */
  itemSelector: text('item_selector'),
  linkSelector: text('link_selector'),
  titleSelector: text('title_selector'),
  dateSelector: text('date_selector'),
  leadSelector: text('lead_selector'),
  /** The "next page" link of the listing. */
  nextSelector: text('next_selector'),
  /** How the portal writes dates, when automatic reading fails: "dd/MM/yyyy HH:mm", "d-M-yyyy"… */
  dateFormat: text('date_format'),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
});

/**
 * What the server received for one URL at one time: the raw body (gzip, in the file store), status,
 * headers, the extracted text and their SHA-256, chained: each manifest names the previous one's hash,
 * so a snapshot changed or removed afterwards is found by `verify-evidence`.
 */
export const monitorSnapshots = pgTable(
  'monitor_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Order of the chain (the manifest of n names the hash of n − 1). */
    sequence: bigint('sequence', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    channelId: uuid('channel_id').references(() => channels.id),
    url: text('url').notNull(),
    finalUrl: text('final_url').notNull(),
    status: integer('status').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull(),
    contentType: text('content_type'),
    /** The raw body as received, gzip-compressed in the file store; its SHA-256 is of the raw bytes. */
    bodyFileId: uuid('body_file_id').references(() => storedFiles.id),
    bodySha256: text('body_sha256').notNull(),
    bodyBytes: integer('body_bytes').notNull(),
    text: text('text'),
    textSha256: text('text_sha256'),
    /** A PNG taken with Chromium, when asked for. */
    screenshotFileId: uuid('screenshot_file_id').references(() => storedFiles.id),
    screenshotSha256: text('screenshot_sha256'),
    /** The canonical JSON of the fields above plus previousSha256, and its hash. */
    manifest: jsonb('manifest').$type<Record<string, unknown>>().notNull(),
    manifestSha256: text('manifest_sha256').notNull(),
    previousSha256: text('previous_sha256'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('monitor_snapshots_sequence_uq').on(t.sequence),
    index('monitor_snapshots_channel_idx').on(t.channelId, t.fetchedAt),
  ],
);

/** One check of a site: its DX column (posts) or its homepage (the banner), with live progress. */
export const monitorChecks = pgTable(
  'monitor_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** 'column' (find DX posts) or 'banner' (homepage link to the province's DX column). */
    kind: text('kind').notNull(),
    /** 'queued' → 'running' → 'succeeded' | 'failed'. */
    status: text('status').notNull().default('queued'),
    /** 'schedule' or 'manual' ("check now", with the user in requestedBy). */
    trigger: text('trigger').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    pagesFetched: integer('pages_fetched').notNull().default(0),
    itemsFound: integer('items_found').notNull().default(0),
    itemsNew: integer('items_new').notNull().default(0),
    /** Banner checks: whether the link was found. */
    bannerFound: boolean('banner_found'),
    /** What the worker is doing now ("Đang đọc trang 2 của chuyên mục"), for the live progress. */
    progress: text('progress'),
    /** Why it failed, in Vietnamese (timeout, robots.txt, private address…), and a stable code. */
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    snapshotId: uuid('snapshot_id').references(() => monitorSnapshots.id),
  },
  (t) => [
    index('monitor_checks_channel_idx').on(t.channelId, t.queuedAt),
    index('monitor_checks_unit_idx').on(t.unitId, t.queuedAt),
  ],
);

/**
 * An item the monitor found in a DX column (or listing), with the classifier's verdict. Sure DX items
 * become posts at once; uncertain ones wait in the review queue, where a person's decision overrides
 * the classifier and is remembered (and can retrain it).
 */
export const monitorItems = pgTable(
  'monitor_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    url: text('url').notNull(),
    urlKey: text('url_key').notNull(),
    title: text('title').notNull(),
    lead: text('lead'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    firstCheckId: uuid('first_check_id').references(() => monitorChecks.id),
    snapshotId: uuid('snapshot_id').references(() => monitorSnapshots.id),
    /** The classifier: DX or not, the D11 topic code, its confidence (0–1) and the weighed terms. */
    isDx: boolean('is_dx').notNull(),
    topic: text('topic'),
    confidence: real('confidence').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    /** 'recorded' (sure DX → a post), 'ignored' (sure not DX), 'review' (a person decides). */
    state: text('state').notNull(),
    /** A person's decision: true = DX, false = not; it overrides the classifier. */
    decidedIsDx: boolean('decided_is_dx'),
    decidedTopic: text('decided_topic'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    activityId: uuid('activity_id').references(() => activities.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('monitor_items_channel_url_uq').on(t.channelId, t.urlKey),
    index('monitor_items_review_idx').on(t.unitId).where(sql`${t.state} = 'review'`),
  ],
);

/**
 * A radio system (an IP radio platform or a province's source system) allowed to push as-run logs for
 * one station: its token is shown once and stored hashed.
 */
export const radioStations = pgTable(
  'radio_stations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The identifier the radio system sends ("KT-DAKRVE-01"). */
    code: text('code').notNull(),
    name: text('name').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The unit's radio channel the broadcasts are recorded on. */
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id),
    tokenHash: text('token_hash').notNull(),
    /** The first characters of the token, to tell tokens apart in the UI. */
    tokenPrefix: text('token_prefix').notNull(),
    lastPushAt: timestamp('last_push_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('radio_stations_code_uq').on(t.code).where(sql`${t.revokedAt} is null`),
    uniqueIndex('radio_stations_token_uq').on(t.tokenHash),
  ],
);

export const monitorSchema = {
  monitorSettings,
  monitorSiteOverrides,
  monitorSnapshots,
  monitorChecks,
  monitorItems,
  radioStations,
};
