import { z } from 'zod';
import { isoDay } from './common';
import { EXPLANATION_LANGUAGES } from './scoring';

/**
 * The role home (`GET /api/home`): one block per role the signed-in user holds on a unit, each scoped
 * to that grant's units. Reasons and items are data; the web app words them in the reader's language
 * (the scoring engine's gaps arrive already worded, in `lang`).
 */

export const homeQuery = z.object({
  /** The language of the scoring gaps (the web UI sends its own); Vietnamese by default. */
  lang: z.enum(EXPLANATION_LANGUAGES).optional(),
});
export type HomeQuery = z.infer<typeof homeQuery>;

/** At most this many items per list; `total` says how many there are. */
export const HOME_LIST_LIMIT = 5;
/** The office's unit lists are longer: the office selects among them to urge. */
export const HOME_UNIT_LIST_LIMIT = 100;
/** A report is "due soon" this many days ahead of its due day. */
export const DUE_SOON_DAYS = 14;
/** A broadcast schedule for next month is asked for from this many days before the month starts. */
export const SCHEDULE_DUE_DAYS = 10;
/** Overdue reports are followed this many days after their due day. */
export const OVERDUE_LOOKBACK_DAYS = 366;

const unitRef = z.object({ id: z.uuid(), name: z.string() });

export const dueItemSchema = z.object({
  /** A periodic report, or the monthly broadcast schedule of a radio programme. */
  kind: z.enum(['report', 'schedule']),
  /** Report: the type's name (Báo cáo 6 tháng…); schedule: the programme's name. */
  title: z.string(),
  /** Report: the period's label; schedule: the month, yyyy-MM. */
  periodLabel: z.string(),
  periodId: z.uuid().nullable(),
  reportId: z.uuid().nullable(),
  scheduleId: z.uuid().nullable(),
  channelId: z.uuid().nullable(),
  /** Report: its live version's status (draft/approved), null when none; schedule: draft or null. */
  status: z.string().nullable(),
  dueOn: isoDay,
  /** Days from today to the due day: negative once overdue. */
  daysLeft: z.number().int(),
  isOverdue: z.boolean(),
});

export const gapItemSchema = z.object({
  /** The week's DX broadcast (calendar rule), or a criterion's gap from the scoring engine. */
  kind: z.enum(['weekly_broadcast', 'criterion']),
  criterionCode: z.string().nullable(),
  criterionTitle: z.string().nullable(),
  /** The engine's sentence for a criterion; empty for the weekly broadcast (the UI words it). */
  text: z.string(),
  /** Weekly broadcast: the ISO week's Monday and Sunday. */
  weekFrom: isoDay.nullable(),
  weekTo: isoDay.nullable(),
});

export const returnedItemSchema = z.object({
  kind: z.enum(['assessment', 'record', 'report']),
  id: z.uuid(),
  title: z.string(),
  note: z.string().nullable(),
  at: z.date().nullable(),
});

const list = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), items: z.array(item) });

export const officerBlockSchema = z.object({
  role: z.literal('officer'),
  unit: unitRef,
  due: list(dueItemSchema),
  gaps: z.object({
    /** The framework and period the criterion gaps come from; null when none applies to the unit. */
    framework: z
      .object({ code: z.string(), name: z.string(), periodKey: z.string(), periodLabel: z.string() })
      .nullable(),
    items: z.array(gapItemSchema),
  }),
  /** Live records of the unit (and units merged into it) dated this year with no evidence attached. */
  withoutEvidence: z.object({ total: z.number().int(), from: isoDay }),
  returned: list(returnedItemSchema),
});

export const headBlockSchema = z.object({
  role: z.literal('head'),
  unit: unitRef,
  /** Draft broadcast schedules: "chờ ban hành". */
  toIssue: list(
    z.object({ scheduleId: z.uuid(), month: isoDay, channelName: z.string(), entryCount: z.number().int() }),
  ),
  /** Reports waiting for the head: drafts of open periods to approve, approved ones to submit. */
  toApprove: list(
    z.object({
      reportId: z.uuid(),
      periodId: z.uuid(),
      title: z.string(),
      periodLabel: z.string(),
      status: z.enum(['draft', 'approved']),
      dueOn: isoDay,
    }),
  ),
  /** Self-assessments the officer said are finished ("đã tự chấm xong"), for the head to submit. */
  toSubmit: list(
    z.object({
      assessmentId: z.uuid(),
      title: z.string(),
      periodKey: z.string(),
      readyAt: z.date(),
    }),
  ),
});

export const reviewerBlockSchema = z.object({
  role: z.literal('reviewer'),
  /** The grant's unit; null for a system admin over everything. */
  unit: unitRef.nullable(),
  /** Records waiting for review, oldest first. */
  records: list(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      title: z.string(),
      unitName: z.string(),
      recordedOn: isoDay,
      ageDays: z.number().int(),
    }),
  ),
  /** Assessments submitted and waiting for appraisal, oldest first. */
  assessments: list(
    z.object({
      id: z.uuid(),
      title: z.string(),
      periodKey: z.string(),
      unitName: z.string(),
      submittedOn: isoDay,
      ageDays: z.number().int(),
    }),
  ),
  oldestRecordDays: z.number().int().nullable(),
  oldestAssessmentDays: z.number().int().nullable(),
});

/** Why a unit is listed for the office, as data the UI words. */
export const unitReasonSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('score_behind'),
    score: z.number(),
    max: z.number(),
    percent: z.number(),
    /** The weakest criteria with the engine's first gap sentence (its explanation once the period is over). */
    criteria: z.array(z.object({ code: z.string(), gap: z.string() })),
  }),
  z.object({ code: z.literal('no_records'), since: isoDay }),
  z.object({ code: z.literal('no_assessment'), periodLabel: z.string() }),
  z.object({
    code: z.literal('report_overdue'),
    periodId: z.uuid(),
    typeName: z.string(),
    periodLabel: z.string(),
    dueOn: isoDay,
    daysLate: z.number().int(),
  }),
]);
export type UnitReason = z.infer<typeof unitReasonSchema>;

export const officeUnitSchema = z.object({
  unitId: z.uuid(),
  name: z.string(),
  parentName: z.string().nullable(),
  reasons: z.array(unitReasonSchema),
});
export type OfficeUnitDto = z.infer<typeof officeUnitSchema>;

/** A report period the office follows, with its completeness over the office's scope (expected-units.ts). */
export const officePeriodSchema = z.object({
  periodId: z.uuid(),
  typeName: z.string(),
  label: z.string(),
  dueOn: isoDay,
  isPastDue: z.boolean(),
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
});
export type OfficePeriodDto = z.infer<typeof officePeriodSchema>;

export const officeBlockSchema = z.object({
  role: z.literal('office'),
  unit: unitRef.nullable(),
  framework: z
    .object({ code: z.string(), name: z.string(), periodKey: z.string(), periodLabel: z.string() })
    .nullable(),
  /** Units at risk on the live scoreboard (red, or amber on pace for less than half). */
  behind: list(officeUnitSchema),
  /** Units with no record this period or no self-assessment. */
  notStarted: list(officeUnitSchema),
  /** Units that have not submitted a report whose due day has passed. */
  overdue: list(officeUnitSchema),
  /** Units the framework scores in the scope (for "n of m"). */
  unitCount: z.number().int(),
  /** The current period of each report type of the scope, with expected / submitted / on time / late / missing. */
  reportPeriods: z.array(officePeriodSchema),
});

export const homeBlockSchema = z.discriminatedUnion('role', [
  officerBlockSchema,
  headBlockSchema,
  reviewerBlockSchema,
  officeBlockSchema,
]);

export const homeSchema = z.object({
  today: isoDay,
  blocks: z.array(homeBlockSchema),
});
export type HomeDto = z.infer<typeof homeSchema>;
export type HomeBlockDto = z.infer<typeof homeBlockSchema>;
export type OfficerBlockDto = z.infer<typeof officerBlockSchema>;
export type HeadBlockDto = z.infer<typeof headBlockSchema>;
export type ReviewerBlockDto = z.infer<typeof reviewerBlockSchema>;
export type OfficeBlockDto = z.infer<typeof officeBlockSchema>;

/**
 * The menu's badges: cheap counts that agree with the blocks. dueOverdue = the officer blocks' due
 * items; waitingForMe = returned items (officer) plus what waits for the head (issue, approval,
 * submission); reviewQueue = records and assessments waiting for review.
 */
export const homeCountsSchema = z.object({
  dueOverdue: z.number().int(),
  overdue: z.number().int(),
  waitingForMe: z.number().int(),
  reviewQueue: z.number().int(),
});
export type HomeCountsDto = z.infer<typeof homeCountsSchema>;
