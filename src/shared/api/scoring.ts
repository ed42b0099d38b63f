import { z } from 'zod';
import { ACTIVITY_KINDS } from '../activities';
import { PERIOD_KINDS } from '../frameworks/definition';
import { UNIT_KINDS } from '../units';
import { isoDay } from './common';

/** Live scores: a scoreboard of a subtree, one unit's scores with what is still needed, counted records. */

export const SCOREBOARD_VIEWS = ['successors', 'as_they_were'] as const;
export const SCORE_STATUSES = ['green', 'amber', 'red', 'grey'] as const;
/** The board's order: by kind then Vietnamese name, or highest headline percentage first (ties by name). */
export const SCOREBOARD_SORTS = ['name', 'percent'] as const;
/** The most rows one page of the board may hold (a person reads a page, not 3,000 units). */
export const SCOREBOARD_MAX_PAGE_SIZE = 200;
/** The page size when a page is asked for without one: what the web asks for. */
export const SCOREBOARD_DEFAULT_PAGE_SIZE = 50;
/** The language of explanations and gaps (the web UI sends its own); Vietnamese by default. */
export const EXPLANATION_LANGUAGES = ['vi', 'en'] as const;
const explanationLanguage = z.enum(EXPLANATION_LANGUAGES).optional();

const frameworkCode = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Mã bộ chỉ số không hợp lệ.');
const periodKey = z
  .string()
  .regex(/^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/, 'Kỳ có dạng 2024, 2024-H1, 2024-Q3 hoặc 2024-11.');

/** Which board: the export downloads all of it, the page below asks for a page of it. */
export const scoreboardExportQuery = z.object({
  framework: frameworkCode,
  period: periodKey,
  /** The subtree to show; absent = the whole country (system admins only). */
  unitId: z.uuid().optional(),
  view: z.enum(SCOREBOARD_VIEWS).optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  /** Count records dated up to this day instead of today (how the board stood then). */
  asOf: isoDay.optional(),
  lang: explanationLanguage,
});

export const scoreboardQuery = scoreboardExportQuery.extend({
  /**
   * Paging: with `page` or `pageSize` the answer holds that page of rows (pageSize 50 by default);
   * without either, every row (exports, the command line).
   */
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(SCOREBOARD_MAX_PAGE_SIZE).optional(),
  sort: z.enum(SCOREBOARD_SORTS).optional(),
  /** Only the units whose headline status (official once published, else live) is this one. */
  status: z.enum(SCORE_STATUSES).optional(),
});
export type ScoreboardQuery = z.infer<typeof scoreboardQuery>;

export const unitScoreQuery = z.object({
  framework: frameworkCode,
  period: periodKey,
  view: z.enum(SCOREBOARD_VIEWS).optional(),
  asOf: isoDay.optional(),
  lang: explanationLanguage,
});
export type UnitScoreQuery = z.infer<typeof unitScoreQuery>;

export const frameworkRefSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  version: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  periodKind: z.enum(PERIOD_KINDS),
});

export const periodSchema = z.object({
  key: z.string(),
  from: isoDay,
  to: isoDay,
  label: z.string(),
  /** The last day counted: the period's end, or today while the period runs. */
  through: isoDay,
  isRunning: z.boolean(),
});

export const criterionColumnSchema = z.object({
  /** Unique on the board: the code, or "1.5#2" when kinds reuse a code for different criteria. */
  key: z.string(),
  code: z.string(),
  title: z.string(),
  max: z.number(),
  pillarCode: z.string(),
  indexCode: z.string(),
  appliesTo: z.array(z.enum(UNIT_KINDS)),
});

/**
 * The official score of a unit for a framework version and period: its published appraisal (not
 * superseded). Shown as the headline wherever a score is shown, the live automatic score beside it.
 */
export const officialScoreSchema = z.object({
  source: z.literal('published_appraisal'),
  assessmentId: z.uuid(),
  /** The assessment's version: a superseding version, once published, is the new official score. */
  version: z.number().int(),
  publishedAt: z.date().nullable(),
  score: z.number(),
  max: z.number(),
  percent: z.number(),
  /**
   * The traffic light of the official total (green = full, amber = some, red = none): what the
   * scoreboard's status tag, counts and filter show once published; `status` beside it stays live.
   */
  status: z.enum(SCORE_STATUSES),
});
export type OfficialScoreDto = z.infer<typeof officialScoreSchema>;

/** A live automatic total beside an official one. */
export const liveTotalSchema = z.object({ score: z.number(), max: z.number(), percent: z.number() });

const scoreFields = {
  score: z.number().nullable(),
  max: z.number(),
  status: z.enum(SCORE_STATUSES),
  explanation: z.string(),
  projectedScore: z.number().nullable(),
};

export const criterionScoreSchema = z.object({
  /** The column of the board this score sits in (see criterionColumnSchema.key). */
  key: z.string(),
  code: z.string(),
  ...scoreFields,
  gaps: z.array(z.string()),
  /** The published appraisal's score of this criterion (null inside: not scored); null: none published. */
  official: z.object({ score: z.number().nullable() }).nullable(),
});

export const scoreboardRowSchema = z.object({
  unitId: z.uuid(),
  name: z.string(),
  code: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  parentName: z.string().nullable(),
  /** The first day the unit is judged on: later than the period's start for a unit created during it. */
  activeFrom: isoDay,
  /** The unit's last day, when it ended during the period (a unit seen as it was). */
  activeUntil: isoDay.nullable(),
  score: z.number(),
  max: z.number(),
  /** score / max × 100: units of different kinds with different totals compare this way. */
  percent: z.number(),
  projectedScore: z.number().nullable(),
  status: z.enum(SCORE_STATUSES),
  pendingInputs: z.number().int(),
  criteria: z.array(criterionScoreSchema),
  /** score, max, percent above are the live automatic ones; this is the official one, once published. */
  official: officialScoreSchema.nullable(),
});
export type ScoreboardRowDto = z.infer<typeof scoreboardRowSchema>;

export const scoreboardSummarySchema = z.object({
  units: z.number().int(),
  /** Units per headline status: the official status once published, else the live one. */
  counts: z.object({
    green: z.number().int(),
    amber: z.number().int(),
    red: z.number().int(),
    grey: z.number().int(),
  }),
  /** The mean headline percentage; null for an empty board. */
  averagePercent: z.number().nullable(),
});

export const scoreboardSchema = z.object({
  framework: frameworkRefSchema,
  period: periodSchema,
  view: z.enum(SCOREBOARD_VIEWS),
  root: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  criteria: z.array(criterionColumnSchema),
  /**
   * The keys of the columns some unit of the whole board is scored on (a board of today's communes
   * leaves a district-only criterion empty), so that every page shows the same columns.
   */
  usedCriteria: z.array(z.string()),
  rows: z.array(scoreboardRowSchema),
  /** The rows after the status filter, over every page. */
  total: z.number().int(),
  /** The whole board (every unit, whatever the status filter and page) in the status counts' numbers. */
  summary: scoreboardSummarySchema,
  /** Present when a page was asked for. */
  page: z.number().int().optional(),
  pageSize: z.number().int().optional(),
});
export type ScoreboardDto = z.infer<typeof scoreboardSchema>;

export const criterionDetailSchema = criterionScoreSchema.extend({
  title: z.string(),
  pillarCode: z.string(),
  indexCode: z.string(),
  ruleType: z.string(),
  evidence: z.string().nullable(),
  evidenceRequired: z.boolean(),
  dataSource: z.string().nullable(),
  hint: z.string().nullable(),
  missingInputs: z.array(z.string()),
  facts: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  /** Whether records can be listed for this criterion (it counts records). */
  countsRecords: z.boolean(),
});

export const unitScoreSchema = z.object({
  framework: frameworkRefSchema,
  period: periodSchema,
  view: z.enum(SCOREBOARD_VIEWS),
  unit: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(UNIT_KINDS), code: z.string().nullable() }),
  /** Units whose records count toward this one (itself, and units merged into it). */
  sourceUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
  activeFrom: isoDay,
  activeUntil: isoDay.nullable(),
  score: z.number(),
  max: z.number(),
  percent: z.number(),
  projectedScore: z.number().nullable(),
  status: z.enum(SCORE_STATUSES),
  criteria: z.array(criterionDetailSchema),
  /** score, max, percent above are the live automatic ones; this is the official one, once published. */
  official: officialScoreSchema.nullable(),
});
export type UnitScoreDto = z.infer<typeof unitScoreSchema>;

/** The records a criterion counted, so a reviewer can check every number. */
export const countedRecordSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  occurredOn: isoDay,
  url: z.string().nullable(),
  language: z.string(),
  unitName: z.string(),
  channelName: z.string().nullable(),
  /** Shown with the name (a website column and a radio programme may share one). */
  channelKind: z.string().nullable(),
});
export const countedRecordsSchema = z.object({
  items: z.array(countedRecordSchema),
  total: z.number().int(),
});
export const countedRecordsQuery = unitScoreQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export type CountedRecordDto = z.infer<typeof countedRecordSchema>;

/** League table of a province's (or any subtree's) units by kind, with the previous period beside. */
export const rankingQuery = z.object({
  framework: frameworkCode,
  period: periodKey,
  unitId: z.uuid().optional(),
  view: z.enum(SCOREBOARD_VIEWS).optional(),
  /** Rank as the table stood at the end of this day: records up to it, appraisals published by then. */
  asOf: isoDay.optional(),
});
export type RankingQuery = z.infer<typeof rankingQuery>;

/** Where a ranked score comes from: a published appraisal, or the live automatic score. */
export const SCORE_SOURCES = ['published', 'live'] as const;

export const rankingRowSchema = z.object({
  rank: z.number().int(),
  unitId: z.uuid(),
  name: z.string(),
  code: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  score: z.number(),
  max: z.number(),
  percent: z.number(),
  source: z.enum(SCORE_SOURCES),
  previous: z.object({ percent: z.number(), rank: z.number().int() }).nullable(),
  /**
   * The move since the previous period, tie-aware: a shared rank spans its places (three units tied
   * second hold places 2–4), and a unit has moved only when its places then and now do not overlap.
   */
  movement: z.object({ direction: z.enum(['up', 'down', 'same']), places: z.number().int() }).nullable(),
  /**
   * The live automatic total (score, max, percent above are the official ones when published); null
   * in a ranking of published results only.
   */
  live: liveTotalSchema.nullable(),
  official: officialScoreSchema.nullable(),
});
export type RankingRowDto = z.infer<typeof rankingRowSchema>;

/**
 * "full": every unit with its official or live score (users who may see the subtree). "published_only":
 * a user of a unit inside the province who may not see the other units sees only published
 * appraisals, no live data of other units.
 */
export const RANKING_SCOPES = ['full', 'published_only'] as const;

export const rankingSchema = z.object({
  scope: z.enum(RANKING_SCOPES),
  /** The province (of today) above the root, whose ranking every unit inside it may read; null for a province. */
  province: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  framework: frameworkRefSchema,
  period: periodSchema,
  previousPeriod: z.object({ key: z.string(), label: z.string() }).nullable(),
  view: z.enum(SCOREBOARD_VIEWS),
  root: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  groups: z.array(z.object({ key: z.string(), label: z.string(), rows: z.array(rankingRowSchema) })),
});
export type RankingDto = z.infer<typeof rankingSchema>;

export const scoreHistoryQuery = z.object({
  framework: frameworkCode,
  view: z.enum(SCOREBOARD_VIEWS).optional(),
});

export const scoreHistorySchema = z.object({
  unit: z.object({ id: z.uuid(), name: z.string() }),
  items: z.array(
    z.object({
      periodKey: z.string(),
      periodLabel: z.string(),
      frameworkVersion: z.string(),
      score: z.number(),
      max: z.number(),
      percent: z.number(),
      source: z.enum(SCORE_SOURCES),
      /** The live automatic total (score, max, percent above are the official ones when published). */
      live: liveTotalSchema,
      official: officialScoreSchema.nullable(),
    }),
  ),
});
export type ScoreHistoryDto = z.infer<typeof scoreHistorySchema>;
